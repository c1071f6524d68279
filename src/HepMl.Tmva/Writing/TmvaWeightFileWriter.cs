using System.Xml;
using System.Xml.Linq;
using HepMl.Analysis.Transformations;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Writing;

/// <summary>
/// Writes weight files that <c>TMVA::Reader</c> accepts (spec section 11): the <c>MethodSetup</c> header
/// (general info with TMVA 4.2.1 / ROOT release, options, variables, spectators, classes, targets,
/// transformations with their <c>Selection</c>, <c>MVAPdfs</c>) around a method's <c>Weights</c> element.
/// </summary>
/// <remarks>Numbers are written in round-trip form, so a file read back by HepMl (or TMVA) evaluates
/// identically. Build the method-specific part with the method writers (<see cref="TmvaBdtWriter"/>,
/// <see cref="TmvaMlpWriter"/>, <see cref="TmvaLinearWriter"/>, <see cref="TmvaLikelihoodWriter"/>).</remarks>
public static class TmvaWeightFileWriter
{
    /// <summary>The TMVA release written into files (the Reader's behaviour for MLP tanh depends on it).</summary>
    public const string TmvaRelease = "4.2.1 [262657]";

    /// <summary>The ROOT release written into files.</summary>
    public const string RootRelease = "6.30/04 [401924]";

    /// <summary>Assembles a complete weight-file document.</summary>
    /// <param name="header">Method, variables, classes, options and transformations.</param>
    /// <param name="weights">The method's <c>&lt;Weights&gt;</c> element.</param>
    /// <exception cref="ArgumentException">The header is inconsistent (no variables, transformation positions
    /// outside the event vector, a transformation TMVA cannot read).</exception>
    public static XDocument Build(TmvaHeader header, XElement weights)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(weights);
        if (header.Variables.Count == 0)
        {
            throw new ArgumentException("a weight file needs at least one variable", nameof(header));
        }

        var root = new XElement("MethodSetup", new XAttribute("Method", $"{header.MethodType}::{header.MethodTitle}"));
        var info = new XElement("GeneralInfo");
        AddInfo(info, "TMVA Release", header.TmvaRelease);
        AddInfo(info, "ROOT Release", RootRelease);
        AddInfo(info, "Creator", "HepMl");
        AddInfo(info, "Date", header.Date ?? DateTime.UtcNow.ToString("ddd MMM d HH:mm:ss yyyy", System.Globalization.CultureInfo.InvariantCulture));
        AddInfo(info, "Host", "HepMl " + typeof(TmvaWeightFileWriter).Assembly.GetName().Version);
        AddInfo(info, "Training events", TmvaXmlFormat.Integer(header.TrainingEvents));
        AddInfo(info, "TrainingTime", TmvaXmlFormat.Number(header.TrainingSeconds));
        AddInfo(info, "AnalysisType", header.AnalysisType.ToString());
        root.Add(info);

        var options = new XElement("Options");
        foreach ((string name, string value) in header.Options)
        {
            options.Add(new XElement("Option", new XAttribute("name", name), new XAttribute("modified", "Yes"), value));
        }

        root.Add(options);
        root.Add(VariableList("Variables", "NVar", "Variable", "VarIndex", header.Variables));
        root.Add(VariableList("Spectators", "NSpec", "Spectator", "SpecIndex", header.Spectators));
        var classes = new XElement("Classes", new XAttribute("NClass", header.ClassNames.Count));
        for (int c = 0; c < header.ClassNames.Count; c++)
        {
            classes.Add(new XElement("Class", new XAttribute("Name", header.ClassNames[c]), new XAttribute("Index", c)));
        }

        root.Add(classes);
        if (header.AnalysisType == TmvaAnalysisType.Regression)
        {
            root.Add(VariableList("Targets", "NTrgt", "Target", "TargetIndex", header.Targets));
        }

        root.Add(TmvaTransformationWriter.Write(header));
        root.Add(new XElement("MVAPdfs"));
        root.Add(weights);
        return new XDocument(new XDeclaration("1.0", null, null), root);
    }

    /// <summary>Writes a document to <paramref name="path"/> (indented, like TMVA's files).</summary>
    public static void Save(XDocument document, string path)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(path);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new System.Text.UTF8Encoding(false) };
        using XmlWriter writer = XmlWriter.Create(path, settings);
        document.Save(writer);
    }

    /// <summary>The document as text.</summary>
    public static string ToText(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new System.Text.UTF8Encoding(false) };
        using var stream = new MemoryStream();
        using (XmlWriter writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void AddInfo(XElement info, string name, string value) =>
        info.Add(new XElement("Info", new XAttribute("name", name), new XAttribute("value", value)));

    private static XElement VariableList(string listName, string countName, string itemName, string indexName, IReadOnlyList<TmvaVariableInfo> variables)
    {
        var list = new XElement(listName, new XAttribute(countName, variables.Count));
        for (int i = 0; i < variables.Count; i++)
        {
            TmvaVariableInfo v = variables[i];
            list.Add(new XElement(itemName,
                new XAttribute(indexName, i),
                new XAttribute("Expression", v.Expression),
                new XAttribute("Label", v.Label),
                new XAttribute("Title", v.Title),
                new XAttribute("Unit", v.Unit),
                new XAttribute("Internal", v.Internal),
                new XAttribute("Type", v.Type.ToString()),
                new XAttribute("Min", TmvaXmlFormat.Number((float)v.Minimum)),
                new XAttribute("Max", TmvaXmlFormat.Number((float)v.Maximum))));
        }

        return list;
    }
}
