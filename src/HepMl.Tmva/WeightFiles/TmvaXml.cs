using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using HepMl.Io;

namespace HepMl.Tmva.WeightFiles;

/// <summary>
/// Typed access to TMVA weight-file XML with errors that name the file, the element path and line, and what was
/// expected. Number parsing follows TMVA's <c>Tools::ReadAttr</c>: floats are read as double (<c>atof</c>) then
/// narrowed to float; integers and booleans must be plain (<c>0</c>/<c>1</c>, or <c>true</c>/<c>false</c>).
/// </summary>
internal static class TmvaXml
{
    public static string? FilePath(XObject node)
    {
        string? uri = node.Document?.BaseUri ?? node.BaseUri;
        if (string.IsNullOrEmpty(uri))
        {
            return null;
        }

        return Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) && parsed.IsFile ? parsed.LocalPath : uri;
    }

    /// <summary>"MethodSetup/Weights/BinaryTree/Node (line 123)".</summary>
    public static string Describe(XElement element)
    {
        var path = new StringBuilder();
        foreach (XElement ancestor in element.AncestorsAndSelf().Reverse())
        {
            if (path.Length > 0)
            {
                path.Append('/');
            }

            path.Append(ancestor.Name.LocalName);
        }

        if (element is IXmlLineInfo info && info.HasLineInfo())
        {
            path.Append(" (line ").Append(info.LineNumber.ToString(CultureInfo.InvariantCulture)).Append(')');
        }

        return path.ToString();
    }

    public static HepMlFormatException Error(XElement element, string problem) =>
        new(problem, FilePath(element), objectPath: Describe(element));

    public static UnsupportedFormatException Unsupported(XElement element, string problem) =>
        new(problem, FilePath(element), objectPath: Describe(element));

    public static XElement Child(XElement parent, string name) =>
        parent.Element(name) ?? throw Error(parent, $"expected a <{name}> element; none was found");

    public static bool HasAttribute(XElement element, string name) => element.Attribute(name) is not null;

    public static string String(XElement element, string name) =>
        element.Attribute(name)?.Value ?? throw Error(element, $"expected attribute '{name}'; it is missing");

    public static int Int(XElement element, string name) => ParseInt(element, String(element, name), name);

    public static int Int(XElement element, string name, int fallback) =>
        HasAttribute(element, name) ? Int(element, name) : fallback;

    public static double Double(XElement element, string name) => ParseDouble(element, String(element, name), name);

    public static float Float(XElement element, string name) => (float)Double(element, name);

    public static bool Bool(XElement element, string name)
    {
        string text = String(element, name).Trim();
        return text switch
        {
            "1" or "true" or "True" or "TRUE" => true,
            "0" or "false" or "False" or "FALSE" => false,
            _ => throw Error(element, $"expected attribute '{name}' to be 0 or 1; found '{text}'"),
        };
    }

    public static int ParseInt(XElement element, string text, string what)
    {
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }

        throw Error(element, $"expected '{what}' to be an integer; found '{text}'");
    }

    public static double ParseDouble(XElement element, string text, string what)
    {
        if (TryParseDouble(text, out double value))
        {
            return value;
        }

        throw Error(element, $"expected '{what}' to be a number; found '{text}'");
    }

    /// <summary>C-style number: decimal or exponent form, <c>inf</c>, <c>-inf</c>, <c>nan</c> (any case).</summary>
    public static bool TryParseDouble(ReadOnlySpan<char> text, out double value)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        bool negative = text.Length > 0 && text[0] == '-';
        ReadOnlySpan<char> body = text.Length > 0 && (text[0] == '-' || text[0] == '+') ? text[1..] : text;
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (body.StartsWith("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        return false;
    }

    /// <summary>Reads exactly <paramref name="count"/> whitespace-separated numbers from the element's text.</summary>
    public static double[] Numbers(XElement element, int count, string what)
    {
        var values = new double[count];
        int found = 0;
        string text = element.Value;
        foreach (Range range in Tokens(text))
        {
            ReadOnlySpan<char> token = text.AsSpan()[range];
            if (found == count)
            {
                break;
            }

            if (!TryParseDouble(token, out values[found]))
            {
                throw Error(element, $"expected {count} numbers ({what}); value {found} is '{token.ToString()}'");
            }

            found++;
        }

        if (found < count)
        {
            throw Error(element, $"expected {count} numbers ({what}); found {found}");
        }

        return values;
    }

    private static IEnumerable<Range> Tokens(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                yield return new Range(start, i);
            }
        }
    }
}
