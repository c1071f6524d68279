using System.Globalization;


namespace HepMl.Tmva.Factory;

/// <summary>
/// Applies parsed options to a settings object: each declared option has a handler; an undeclared name is an error
/// that lists the nearest declared names; a value the handler cannot read is an error naming option and value.
/// </summary>
internal sealed class OptionBinder
{
    private readonly string _context;
    private readonly Dictionary<string, Action<string>> _handlers = new(StringComparer.OrdinalIgnoreCase);

    public OptionBinder(string context)
    {
        _context = context;

        // MethodBase options every TMVA method declares; they do not change training here.
        foreach (string name in new[] { "V", "H", "VerbosityLevel", "CreateMVAPdfs", "Silent", "Color", "DrawProgressBar" })
        {
            _handlers[name] = _ => { };
        }
    }

    public string Context => _context;

    public IEnumerable<string> Declared => _handlers.Keys;

    public OptionBinder On(string name, Action<string> handler)
    {
        _handlers[name] = handler;
        return this;
    }

    public OptionBinder Int(string name, Action<int> set, int minimum = int.MinValue) => On(name, v =>
    {
        if (!int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) || value < minimum)
        {
            throw new TmvaOptionException(_context, name, $"expects an integer >= {minimum}; got '{v}'");
        }

        set(value);
    });

    public OptionBinder Double(string name, Action<double> set) => On(name, v => set(ParseDouble(name, v)));

    public OptionBinder Bool(string name, Action<bool> set) => On(name, v => set(ParseBool(name, v)));

    public OptionBinder Choice(string name, Action<string> set, params string[] allowed) => On(name, v =>
    {
        string? match = allowed.FirstOrDefault(a => string.Equals(a, v, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            throw new TmvaOptionException(_context, name, $"must be one of {string.Join(", ", allowed)}; got '{v}'");
        }

        set(match);
    });

    /// <summary>An option TMVA declares whose only supported value is <paramref name="supported"/>.</summary>
    public OptionBinder Fixed(string name, string supported, string why) => On(name, v =>
    {
        if (!string.Equals(v, supported, StringComparison.OrdinalIgnoreCase))
        {
            throw new TmvaOptionException(_context, name, $"={v} is not supported by HepMl ({why}); only {supported} is");
        }
    });

    /// <summary>Options TMVA declares that do not affect HepMl's training (monitoring, pruning-off defaults, ...).</summary>
    public OptionBinder Ignored(params string[] names)
    {
        foreach (string name in names)
        {
            _handlers[name] = _ => { };
        }

        return this;
    }

    public void Apply(IEnumerable<KeyValuePair<string, string>> options)
    {
        foreach ((string name, string value) in options)
        {
            string key = name;
            int bracket = key.IndexOf('[', StringComparison.Ordinal);
            if (bracket > 0)
            {
                key = key[..bracket];
            }

            if (!_handlers.TryGetValue(key, out Action<string>? handler))
            {
                IReadOnlyList<string> nearest = NearestNames(key);
                throw new TmvaOptionException(_context, name, $"is not a known option; nearest: {string.Join(", ", nearest)}");
            }

            handler(value);
        }
    }

    public double ParseDouble(string name, string v)
    {
        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
        {
            return value;
        }

        throw new TmvaOptionException(_context, name, $"expects a number; got '{v}'");
    }

    public bool ParseBool(string name, string v) => v.ToUpperInvariant() switch
    {
        "TRUE" or "T" or "1" or "YES" => true,
        "FALSE" or "F" or "0" or "NO" => false,
        _ => throw new TmvaOptionException(_context, name, $"expects True or False; got '{v}'"),
    };

    private IReadOnlyList<string> NearestNames(string name)
    {
        var ranked = _handlers.Keys
            .Select(k => (Distance: Levenshtein(name.ToUpperInvariant(), k.ToUpperInvariant()), Name: k))
            .OrderBy(p => p.Distance).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(p => p.Name)
            .ToList();
        return ranked;
    }

    private static int Levenshtein(string a, string b)
    {
        var d = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            d[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            int previous = d[0];
            d[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int temp = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = temp;
            }
        }

        return d[b.Length];
    }

}
