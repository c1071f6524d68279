using System.Globalization;
using HepMl.Io;

namespace HepMl.Tmva.WeightFiles;

/// <summary>
/// The options of a weight file, looked up by name without regard to case (as TMVA's <c>Configurable</c> does),
/// with typed accessors that fall back to the method default when an option is absent.
/// </summary>
public sealed class TmvaOptionSet
{
    private readonly TmvaOption[] _options;
    private readonly Dictionary<string, TmvaOption> _byName;

    /// <summary>Creates the set; a later option with the same name replaces an earlier one.</summary>
    public TmvaOptionSet(IEnumerable<TmvaOption> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.ToArray();
        _byName = new Dictionary<string, TmvaOption>(StringComparer.OrdinalIgnoreCase);
        foreach (TmvaOption option in _options)
        {
            _byName[option.Name] = option;
        }
    }

    /// <summary>Every option in file order.</summary>
    public IReadOnlyList<TmvaOption> All => _options;

    /// <summary>The file the options came from, for error messages.</summary>
    internal string? SourcePath { get; init; }

    /// <summary>True when the option is present.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The option's text, or null when absent.</summary>
    public string? Find(string name) => _byName.TryGetValue(name, out TmvaOption? option) ? option.Value.Trim() : null;

    /// <summary>The option's text, or <paramref name="fallback"/> when absent.</summary>
    public string GetString(string name, string fallback) => Find(name) ?? fallback;

    /// <summary>The option as a boolean (<c>True</c>/<c>False</c>, <c>T</c>/<c>F</c>, <c>1</c>/<c>0</c>), or the fallback.</summary>
    /// <exception cref="HepMlFormatException">The value is not a boolean.</exception>
    public bool GetBool(string name, bool fallback)
    {
        string? text = Find(name);
        if (text is null)
        {
            return fallback;
        }

        return text.ToUpperInvariant() switch
        {
            "TRUE" or "T" or "1" or "YES" => true,
            "FALSE" or "F" or "0" or "NO" => false,
            _ => throw Invalid(name, text, "True or False"),
        };
    }

    /// <summary>The option as an integer, or the fallback.</summary>
    /// <exception cref="HepMlFormatException">The value is not an integer.</exception>
    public int GetInt(string name, int fallback)
    {
        string? text = Find(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw Invalid(name, text, "an integer");
    }

    /// <summary>The option as a number, or the fallback.</summary>
    /// <exception cref="HepMlFormatException">The value is not a number.</exception>
    public double GetDouble(string name, double fallback)
    {
        string? text = Find(name);
        if (text is null)
        {
            return fallback;
        }

        return TmvaXml.TryParseDouble(text, out double value) ? value : throw Invalid(name, text, "a number");
    }

    /// <summary>The option's value checked against <paramref name="allowed"/> (case-insensitive), returned in its
    /// canonical spelling; the fallback when absent.</summary>
    /// <exception cref="HepMlFormatException">The value is not one of <paramref name="allowed"/>.</exception>
    public string GetChoice(string name, string fallback, params string[] allowed)
    {
        string? text = Find(name);
        if (text is null)
        {
            return fallback;
        }

        foreach (string candidate in allowed)
        {
            if (string.Equals(candidate, text, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        throw Invalid(name, text, "one of " + string.Join(", ", allowed));
    }

    private HepMlFormatException Invalid(string name, string text, string expected) =>
        new($"option {name}: expected {expected}; found '{text}'", SourcePath, objectPath: "MethodSetup/Options/Option[" + name + "]");
}
