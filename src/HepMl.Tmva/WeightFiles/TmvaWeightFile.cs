using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using HepMl.Io;

namespace HepMl.Tmva.WeightFiles;

/// <summary>
/// A parsed TMVA weight file (<c>*.weights.xml</c>): method, releases, analysis type, options, variables,
/// spectators, classes, targets, and the raw transformation and weight elements the methods read.
/// </summary>
/// <remarks>
/// Follows <c>MethodBase::ReadStateFromXML</c> (see <c>docs/tmva.md</c> and the format notes in
/// <c>shared/docs/tmva-weights.md</c>): children of <c>MethodSetup</c> are read by name in document order, unknown
/// elements are ignored, missing required ones are errors naming the element and line. Immutable once loaded.
/// </remarks>
public sealed partial class TmvaWeightFile
{
    private TmvaWeightFile(XElement root, string? path)
    {
        Root = root;
        FilePath = path;
        string method = TmvaXml.String(root, "Method");
        int separator = method.IndexOf("::", StringComparison.Ordinal);
        MethodType = separator < 0 ? method : method[..separator];
        MethodTitle = separator < 0 ? method : method[(separator + 2)..];
        if (MethodType.Length == 0)
        {
            throw TmvaXml.Error(root, $"expected Method=\"Type::Title\"; found '{method}'");
        }

        var info = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = new List<TmvaOption>();
        var variables = new List<TmvaVariableInfo>();
        var spectators = new List<TmvaVariableInfo>();
        var targets = new List<TmvaVariableInfo>();
        var classes = new List<string>();
        bool sawVariables = false;
        foreach (XElement child in root.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "GeneralInfo":
                    foreach (XElement item in child.Elements("Info"))
                    {
                        info[TmvaXml.String(item, "name")] = TmvaXml.String(item, "value");
                    }

                    break;
                case "Options":
                    foreach (XElement option in child.Elements("Option"))
                    {
                        string modified = option.Attribute("modified")?.Value ?? "No";
                        int? size = option.Attribute("size") is null ? null : TmvaXml.Int(option, "size");
                        options.Add(new TmvaOption(TmvaXml.String(option, "name"), option.Value.Trim(),
                            string.Equals(modified, "Yes", StringComparison.OrdinalIgnoreCase), size));
                    }

                    break;
                case "Variables":
                    sawVariables = true;
                    ReadVariableList(child, "NVar", "Variable", "VarIndex", variables);
                    break;
                case "Spectators":
                    ReadVariableList(child, "NSpec", "Spectator", "SpecIndex", spectators);
                    break;
                case "Targets":
                    ReadVariableList(child, "NTrgt", "Target", "TargetIndex", targets);
                    break;
                case "Classes":
                    foreach (XElement cls in child.Elements("Class"))
                    {
                        int index = TmvaXml.Int(cls, "Index", classes.Count);
                        while (classes.Count <= index)
                        {
                            classes.Add("class" + classes.Count.ToString(CultureInfo.InvariantCulture));
                        }

                        classes[index] = TmvaXml.String(cls, "Name");
                    }

                    if (classes.Count == 0 && TmvaXml.HasAttribute(child, "NClass"))
                    {
                        int count = TmvaXml.Int(child, "NClass");
                        for (int c = 0; c < count; c++)
                        {
                            classes.Add("class" + c.ToString(CultureInfo.InvariantCulture));
                        }
                    }

                    break;
                case "Transformations":
                    TransformationsElement = child;
                    break;
                case "Weights":
                    WeightsElement = child;
                    break;
            }
        }

        if (!sawVariables)
        {
            throw TmvaXml.Error(root, "expected a <Variables> element; none was found");
        }

        if (WeightsElement is null)
        {
            throw TmvaXml.Error(root, "expected a <Weights> element; none was found");
        }

        GeneralInfo = info;
        Options = new TmvaOptionSet(options) { SourcePath = path };
        Variables = variables;
        Spectators = spectators;
        Targets = targets;
        ClassNames = classes;

        TmvaRelease = info.GetValueOrDefault("TMVA Release", "");
        RootRelease = info.GetValueOrDefault("ROOT Release", "");
        TmvaVersionCode = VersionCode(TmvaRelease);
        RootVersionCode = VersionCode(RootRelease);
        string analysis = info.GetValueOrDefault("AnalysisType", "Classification");
        AnalysisType = analysis.ToUpperInvariant() switch
        {
            "CLASSIFICATION" => TmvaAnalysisType.Classification,
            "REGRESSION" => TmvaAnalysisType.Regression,
            "MULTICLASS" => TmvaAnalysisType.Multiclass,
            _ => throw TmvaXml.Unsupported(root, $"expected AnalysisType Classification, Regression or Multiclass; found '{analysis}'"),
        };
    }

    /// <summary>The method type, e.g. <c>BDT</c> (text before <c>::</c> of the <c>Method</c> attribute).</summary>
    public string MethodType { get; }

    /// <summary>The method title, e.g. <c>BDTG</c> (text after <c>::</c>).</summary>
    public string MethodTitle { get; }

    /// <summary>The file this was read from, or null.</summary>
    public string? FilePath { get; }

    /// <summary>The <c>GeneralInfo</c> items by name (<c>TMVA Release</c>, <c>Creator</c>, <c>Date</c>, ...).</summary>
    public IReadOnlyDictionary<string, string> GeneralInfo { get; }

    /// <summary>The <c>TMVA Release</c> text, e.g. <c>4.2.1 [262657]</c>, or empty.</summary>
    public string TmvaRelease { get; }

    /// <summary>The <c>ROOT Release</c> text, e.g. <c>6.24/04 [399364]</c>, or empty.</summary>
    public string RootRelease { get; }

    /// <summary>TMVA version code (<c>(major&lt;&lt;16)+(minor&lt;&lt;8)+patch</c>), 0 when the file does not say.</summary>
    public int TmvaVersionCode { get; }

    /// <summary>ROOT version code, 0 when the file does not say.</summary>
    public int RootVersionCode { get; }

    /// <summary>Classification, regression or multi-class.</summary>
    public TmvaAnalysisType AnalysisType { get; }

    /// <summary>The method options.</summary>
    public TmvaOptionSet Options { get; }

    /// <summary>Input variables, in the order the method expects them.</summary>
    public IReadOnlyList<TmvaVariableInfo> Variables { get; }

    /// <summary>Spectator variables (carried along, never used by the method).</summary>
    public IReadOnlyList<TmvaVariableInfo> Spectators { get; }

    /// <summary>Regression targets.</summary>
    public IReadOnlyList<TmvaVariableInfo> Targets { get; }

    /// <summary>Class names by index; empty when the file lists none.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Index of the class named <c>Signal</c> (0 when absent), as TMVA's <c>DataSetInfo</c>.</summary>
    public int SignalClassIndex => IndexOfClass("Signal", 0);

    /// <summary>Index of the class named <c>Background</c> (1 when absent).</summary>
    public int BackgroundClassIndex => IndexOfClass("Background", 1);

    /// <summary>Names of the transformations in application order.</summary>
    public IReadOnlyList<string> TransformationNames =>
        TransformationsElement?.Elements("Transform").Select(t => t.Attribute("Name")?.Value ?? "?").ToArray() ?? [];

    internal XElement Root { get; }

    internal XElement? TransformationsElement { get; }

    internal XElement WeightsElement { get; }

    /// <summary>Reads and parses a weight file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="HepMlFormatException">The file is not well-formed XML or not a TMVA weight file.</exception>
    public static TmvaWeightFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"the TMVA weight file {path} does not exist", path);
        }

        using FileStream stream = File.OpenRead(full);
        return Load(stream, full);
    }

    /// <summary>Parses a weight file from a stream.</summary>
    /// <param name="stream">The XML.</param>
    /// <param name="sourceName">File name for error messages, or null.</param>
    /// <exception cref="HepMlFormatException">The content is not well-formed XML or not a TMVA weight file.</exception>
    public static TmvaWeightFile Load(Stream stream, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true };
            using var reader = XmlReader.Create(stream, settings, sourceName is null ? null : new Uri(Path.GetFullPath(sourceName)).AbsoluteUri);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.SetBaseUri);
        }
        catch (XmlException error)
        {
            throw new HepMlFormatException(
                $"expected well-formed XML; {error.Message}", sourceName,
                objectPath: $"line {error.LineNumber}, column {error.LinePosition}", innerException: error);
        }

        return FromDocument(document, sourceName);
    }

    /// <summary>Parses a weight file held in a string.</summary>
    /// <exception cref="HepMlFormatException">The text is not well-formed XML or not a TMVA weight file.</exception>
    public static TmvaWeightFile Parse(string xml, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
        return Load(stream, sourceName);
    }

    private static TmvaWeightFile FromDocument(XDocument document, string? sourceName)
    {
        XElement root = document.Root ?? throw new HepMlFormatException("expected a <MethodSetup> root element; the document is empty", sourceName);
        if (root.Name.LocalName != "MethodSetup")
        {
            throw new HepMlFormatException(
                $"expected a <MethodSetup> root element (a TMVA weight file); found <{root.Name.LocalName}>", sourceName,
                objectPath: TmvaXml.Describe(root));
        }

        return new TmvaWeightFile(root, sourceName);
    }

    private int IndexOfClass(string name, int fallback)
    {
        for (int i = 0; i < ClassNames.Count; i++)
        {
            if (ClassNames[i] == name)
            {
                return i;
            }
        }

        return fallback;
    }

    private static void ReadVariableList(XElement list, string countName, string itemName, string indexName, List<TmvaVariableInfo> into)
    {
        int declared = TmvaXml.Int(list, countName, -1);
        foreach (XElement item in list.Elements(itemName))
        {
            string expression = TmvaXml.String(item, "Expression");
            string typeText = item.Attribute("Type")?.Value ?? "F";
            into.Add(new TmvaVariableInfo(
                TmvaXml.Int(item, indexName, into.Count),
                expression,
                item.Attribute("Label")?.Value ?? expression,
                item.Attribute("Title")?.Value ?? expression,
                item.Attribute("Unit")?.Value ?? "",
                item.Attribute("Internal")?.Value ?? expression,
                typeText.Length > 0 ? typeText[0] : 'F',
                item.Attribute("Min") is null ? double.NaN : TmvaXml.Double(item, "Min"),
                item.Attribute("Max") is null ? double.NaN : TmvaXml.Double(item, "Max")));
        }

        if (declared >= 0 && declared != into.Count)
        {
            throw TmvaXml.Error(list, $"expected {declared} <{itemName}> elements ({countName}); found {into.Count}");
        }

        for (int i = 0; i < into.Count; i++)
        {
            if (into[i].Index != i)
            {
                throw TmvaXml.Error(list, $"expected {indexName}={i} for <{itemName}> number {i}; found {into[i].Index}");
            }
        }
    }

    private static int VersionCode(string release)
    {
        Match match = VersionCodePattern().Match(release);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex VersionCodePattern();
}
