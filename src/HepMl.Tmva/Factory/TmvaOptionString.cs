namespace HepMl.Tmva.Factory;

/// <summary>
/// Parses TMVA option strings such as <c>"!H:!V:NTrees=850:MinNodeSize=2.5%:BoostType=AdaBoost:UseBaggedBoost"</c>
/// (TMVA: <c>Configurable::ParseOptions</c>): items separated by <c>:</c>; <c>Name=Value</c>, a bare <c>Name</c> meaning
/// True and <c>!Name</c> meaning False. Names are compared without regard to case, as TMVA does.
/// </summary>
public static class TmvaOptionString
{
    /// <summary>Splits <paramref name="options"/> into (name, value) pairs in order.</summary>
    /// <param name="options">The option string (may be empty).</param>
    /// <param name="context">What the options configure, for error messages.</param>
    /// <exception cref="TmvaOptionException">An item is malformed (empty name, <c>!Name=value</c>).</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string? options, string context)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrWhiteSpace(options))
        {
            return result;
        }

        foreach (string raw in options.Split(':'))
        {
            string item = raw.Trim();
            if (item.Length == 0)
            {
                continue;
            }

            int equals = item.IndexOf('=', StringComparison.Ordinal);
            if (item[0] == '!')
            {
                if (equals >= 0 || item.Length == 1)
                {
                    throw new TmvaOptionException(context, item, "is malformed: '!Name' negates a boolean option and takes no value");
                }

                result.Add(new(item[1..].Trim(), "False"));
                continue;
            }

            if (equals == 0)
            {
                throw new TmvaOptionException(context, item, "has no name before '='");
            }

            result.Add(equals < 0 ? new(item, "True") : new(item[..equals].Trim(), item[(equals + 1)..].Trim()));
        }

        return result;
    }
}
