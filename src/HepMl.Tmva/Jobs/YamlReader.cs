using System.Globalization;
using HepMl.Io;
using YamlDotNet.RepresentationModel;

namespace HepMl.Tmva.Jobs;

/// <summary>Typed reads of a YAML job with errors that give the file, line and key.</summary>
internal sealed class YamlReader(string? source)
{
    private static readonly string[] s_methodKeys = ["type", "title", "options"];
    private static readonly string[] s_sourceKeys = ["file", "weight"];
    private static readonly string[] s_crossValidationKeys = ["folds"];
    private static readonly string[] s_significanceKeys = ["figure", "signal", "background", "backgroundUncertainty", "search"];

    public HepMlFormatException Error(YamlNode node, string problem) =>
        new(problem, source, objectPath: $"line {node.Start.Line}, column {node.Start.Column}");

    public string Scalar(YamlNode node, string key) =>
        node is YamlScalarNode { Value: string value } ? value : throw Error(node, $"expected a single value for '{key}'");

    public int Integer(YamlNode node, string key, int minimum)
    {
        string text = Scalar(node, key);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= minimum
            ? value
            : throw Error(node, $"expected an integer >= {minimum} for '{key}'; found '{text}'");
    }

    public double Number(YamlNode node, string key)
    {
        string text = Scalar(node, key);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw Error(node, $"expected a number for '{key}'; found '{text}'");
    }

    public double NonNegative(YamlNode node, string key)
    {
        double value = Number(node, key);
        return value >= 0 ? value : throw Error(node, $"expected a number >= 0 for '{key}'; found '{Scalar(node, key)}'");
    }

    public IReadOnlyList<string> List(YamlNode node, string key) => node switch
    {
        YamlSequenceNode sequence => sequence.Children.Select(c => Scalar(c, key)).ToArray(),
        YamlScalarNode scalar => [Scalar(scalar, key)],
        _ => throw Error(node, $"expected a list for '{key}'"),
    };

    /// <summary>A TMVA option string, or a mapping of option names to values joined into one.</summary>
    public string Options(YamlNode node, string key) => node switch
    {
        YamlScalarNode scalar => Scalar(scalar, key),
        YamlMappingNode map => string.Join(":", map.Children.Select(p => $"{OptionPart(p.Key, key)}={OptionPart(p.Value, key)}")),
        _ => throw Error(node, $"expected an option string or a mapping for '{key}'"),
    };

    /// <summary>A name or value of a structured option; ':' and '=' would change the joined TMVA string, so they are refused.</summary>
    private string OptionPart(YamlNode node, string key)
    {
        string text = Scalar(node, key);
        return text.IndexOfAny([':', '=']) < 0 ? text : throw Error(node, $"'{text}' in '{key}' contains ':' or '=', which TMVA option strings reserve");
    }

    public IReadOnlyList<(string Source, double Weight)> Sources(YamlNode node, string key)
    {
        var result = new List<(string, double)>();
        IEnumerable<YamlNode> items = node is YamlSequenceNode sequence ? sequence.Children : [node];
        foreach (YamlNode item in items)
        {
            switch (item)
            {
                case YamlScalarNode scalar:
                    result.Add((Scalar(scalar, key), 1.0));
                    break;
                case YamlMappingNode map:
                    Check(map, s_sourceKeys, key);
                    YamlNode file = Find(map, "file") ?? throw Error(map, $"a '{key}' entry needs 'file'");
                    result.Add((Scalar(file, "file"), Find(map, "weight") is YamlNode w ? Number(w, "weight") : 1.0));
                    break;
                default:
                    throw Error(item, $"expected FILE[:TREE] or {{file, weight}} entries for '{key}'");
            }
        }

        return result;
    }

    public IReadOnlyList<TmvaJobMethod> Methods(YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, "expected a list of methods ({type, title, options})");
        }

        var result = new List<TmvaJobMethod>();
        foreach (YamlNode item in sequence.Children)
        {
            if (item is not YamlMappingNode map)
            {
                throw Error(item, "expected a method mapping with 'type', 'title' and 'options'");
            }

            Check(map, s_methodKeys, "method");
            string type = Scalar(Find(map, "type") ?? throw Error(map, "a method needs 'type'"), "type");
            string title = Find(map, "title") is YamlNode t ? Scalar(t, "title") : type;
            string options = Find(map, "options") is YamlNode o ? Options(o, "options") : "";
            result.Add(new TmvaJobMethod(type, title, options));
        }

        return result;
    }

    public TmvaJobSignificance Significance(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            throw Error(node, "expected 'significance' to be a mapping (figure, signal, background, backgroundUncertainty, search)");
        }

        Check(map, s_significanceKeys, "significance");
        string figure = Find(map, "figure") is YamlNode f ? Scalar(f, "figure") : "asimov";
        if (figure is not ("s_over_sqrt_b" or "s_over_sqrt_s_plus_b" or "asimov"))
        {
            throw Error(map, $"unknown figure of merit '{figure}'; expected s_over_sqrt_b, s_over_sqrt_s_plus_b or asimov");
        }

        string search = Find(map, "search") is YamlNode s ? Scalar(s, "search") : "genetic";
        if (search is not ("genetic" or "scan"))
        {
            throw Error(map, $"unknown cut search '{search}'; expected genetic or scan");
        }

        return new TmvaJobSignificance(
            figure,
            Find(map, "signal") is YamlNode sig ? NonNegative(sig, "signal") : null,
            Find(map, "background") is YamlNode bkg ? NonNegative(bkg, "background") : null,
            Find(map, "backgroundUncertainty") is YamlNode u ? NonNegative(u, "backgroundUncertainty") : 0,
            search == "genetic");
    }

    public int Folds(YamlNode node)
    {
        (YamlNode value, string key) = node switch
        {
            YamlScalarNode => (node, "crossValidation"),
            YamlMappingNode map => (Find(map, "folds") ?? throw Error(map, "'crossValidation' needs 'folds'"), "folds"),
            _ => throw Error(node, "expected 'crossValidation: K' or 'crossValidation: {folds: K}'"),
        };
        if (node is YamlMappingNode outer)
        {
            Check(outer, s_crossValidationKeys, "crossValidation");
        }

        int folds = Integer(value, key, 0);
        return folds == 1 ? throw Error(value, "cross-validation needs at least 2 folds (0 for none)") : folds;
    }

    private static YamlNode? Find(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) ? node : null;

    private void Check(YamlMappingNode map, string[] allowed, string what)
    {
        foreach (YamlNode key in map.Children.Keys)
        {
            string name = Scalar(key, what);
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, $"unknown key '{name}' in a {what}; expected one of {string.Join(", ", allowed)}");
            }
        }
    }
}
