using HepMl.Io.Columns;
using System.Globalization;
using HepMl.Io.Root.Streamers;

namespace HepMl.Io.Root.Objects;

/// <summary>
/// Parses a C++ type name (<c>std::vector&lt;std::vector&lt;float&gt; &gt;</c>, <c>map&lt;int,string&gt;</c>,
/// <c>TLorentzVector*</c>) into a <see cref="TypeNode"/> tree. Header rules follow how ROOT streams collections
/// (and uproot's <c>parse_typename</c>): the outermost container carries a byte-count/version header, nested ones
/// do not, a map passes its own header flag to its keys and values, and a bare top-level std::string has a header
/// only when it is a class member.
/// </summary>
internal static class TypeNameParser
{
    /// <summary>Parses <paramref name="typeName"/>; throws <see cref="FormatException"/> on a malformed name.</summary>
    public static TypeNode Parse(string typeName, bool outerHeader, bool innerHeader, bool stringHeader)
    {
        List<string> tokens = Tokenize(typeName);
        if (tokens.Count == 0)
        {
            throw new FormatException($"empty type name '{typeName}'");
        }

        int position = 0;
        TypeNode node;
        if (!stringHeader && tokens[0] is "string" or "std::string")
        {
            position = 1;
            node = new StringNode(StringFlavor.Standard, HasHeader: false);
        }
        else
        {
            node = ParseNode(tokens, ref position, typeName, outerHeader, innerHeader);
        }

        if (position != tokens.Count)
        {
            throw new FormatException($"unexpected '{tokens[position]}' in type name '{typeName}'");
        }

        return node;
    }

    /// <summary>The element type of a primitive C++ or ROOT type name, or null.</summary>
    public static PrimitiveNode? Primitive(string name) => name switch
    {
        "bool" or "Bool_t" => new PrimitiveNode(ElementType.Boolean),
        "char" or "Char_t" or "signed char" or "int8_t" or "Text_t" => new PrimitiveNode(ElementType.Int8),
        "unsigned char" or "UChar_t" or "Byte_t" or "uint8_t" => new PrimitiveNode(ElementType.UInt8),
        "short" or "Short_t" or "short int" or "signed short" or "int16_t" or "Version_t" => new PrimitiveNode(ElementType.Int16),
        "unsigned short" or "UShort_t" or "unsigned short int" or "uint16_t" => new PrimitiveNode(ElementType.UInt16),
        "int" or "Int_t" or "signed int" or "signed" or "int32_t" or "Ssiz_t" => new PrimitiveNode(ElementType.Int32),
        "unsigned int" or "UInt_t" or "unsigned" or "uint32_t" => new PrimitiveNode(ElementType.UInt32),
        "long" or "Long_t" or "long int" or "long long" or "long long int" or "Long64_t" or "int64_t" or "Seek_t"
            => new PrimitiveNode(ElementType.Int64),
        "unsigned long" or "ULong_t" or "unsigned long int" or "unsigned long long" or "unsigned long long int"
            or "ULong64_t" or "uint64_t" or "size_t" => new PrimitiveNode(ElementType.UInt64),
        "float" or "Float_t" or "Real_t" => new PrimitiveNode(ElementType.Float32),
        "double" or "Double_t" => new PrimitiveNode(ElementType.Float64),
        "Double32_t" => new PrimitiveNode(ElementType.Float64, IsDouble32: true),
        "Float16_t" => new PrimitiveNode(ElementType.Float32, IsFloat16: true),
        _ => null,
    };

    private static TypeNode ParseNode(List<string> tokens, ref int position, string typeName, bool header, bool inner)
    {
        if (position >= tokens.Count)
        {
            throw new FormatException($"type name '{typeName}' ends early");
        }

        string token = tokens[position];
        if (token == "const")
        {
            position++;
            return ParseNode(tokens, ref position, typeName, header, inner);
        }

        int pointers = 0;
        string bare = token;
        while (bare.EndsWith('*'))
        {
            pointers++;
            bare = bare[..^1];
        }

        position++;
        TypeNode node;
        if (bare == "char" && pointers == 1)
        {
            return new StringNode(StringFlavor.CharPointer, HasHeader: false);
        }

        PrimitiveNode? primitive = Primitive(bare);
        if (primitive is not null)
        {
            TypeNode pointed = primitive;
            for (int i = 0; i < pointers; i++)
            {
                pointed = new PointerNode(pointed);
            }

            return pointed;
        }

        switch (StripStd(bare))
        {
            case "string" when pointers == 0:
                return new StringNode(StringFlavor.Standard, header);
            case "TString" when pointers == 0:
                return new StringNode(StringFlavor.RootString, HasHeader: false);
            case "vector" or "list" or "deque" or "set" or "multiset" or "unordered_set" or "RVec" or "ROOT::VecOps::RVec"
                or "VecOps::RVec":
            {
                Expect(tokens, ref position, "<", typeName);
                TypeNode item = ParseNode(tokens, ref position, typeName, inner, inner);
                SkipExtraArguments(tokens, ref position, typeName);
                Expect(tokens, ref position, ">", typeName);
                SequenceFlavor flavor = StripStd(bare) switch
                {
                    "vector" => SequenceFlavor.Vector,
                    "list" => SequenceFlavor.List,
                    "deque" => SequenceFlavor.Deque,
                    "set" or "multiset" or "unordered_set" => SequenceFlavor.Set,
                    _ => SequenceFlavor.RVec,
                };
                node = new SequenceNode(flavor, item, header);
                break;
            }

            case "map" or "multimap" or "unordered_map":
            {
                Expect(tokens, ref position, "<", typeName);
                TypeNode key = ParseNode(tokens, ref position, typeName, header, inner);
                Expect(tokens, ref position, ",", typeName);
                TypeNode value = ParseNode(tokens, ref position, typeName, header, inner);
                SkipExtraArguments(tokens, ref position, typeName);
                Expect(tokens, ref position, ">", typeName);
                node = new MapNode(key, value, header);
                break;
            }

            case "bitset":
            {
                Expect(tokens, ref position, "<", typeName);
                if (position >= tokens.Count
                    || !int.TryParse(tokens[position], NumberStyles.Integer, CultureInfo.InvariantCulture, out int bits))
                {
                    throw new FormatException($"std::bitset needs a bit count in '{typeName}'");
                }

                position++;
                Expect(tokens, ref position, ">", typeName);
                node = new BitSetNode(bits, header);
                break;
            }

            default:
            {
                // A class name, possibly a template: copy tokens up to the matching '>'.
                string name = bare;
                if (position < tokens.Count && tokens[position] == "<")
                {
                    int depth = 0;
                    var text = new System.Text.StringBuilder(bare);
                    while (position < tokens.Count)
                    {
                        string t = tokens[position++];
                        text.Append(t);
                        if (t == "<")
                        {
                            depth++;
                        }
                        else if (t.StartsWith('>'))
                        {
                            depth--;
                            if (depth == 0)
                            {
                                break;
                            }
                        }
                    }

                    if (depth != 0)
                    {
                        throw new FormatException($"unbalanced '<' in type name '{typeName}'");
                    }

                    name = text.ToString();
                    while (position < tokens.Count && tokens[position] == "*")
                    {
                        pointers++;
                        position++;
                    }
                }

                node = new ClassNode(name);
                break;
            }
        }

        for (int i = 0; i < pointers; i++)
        {
            node = new PointerNode(node);
        }

        return node;
    }

    private static string StripStd(string name) => name.StartsWith("std::", StringComparison.Ordinal) ? name[5..] : name;

    private static void Expect(List<string> tokens, ref int position, string what, string typeName)
    {
        if (position >= tokens.Count || tokens[position] != what)
        {
            throw new FormatException($"expected '{what}' at token {position} of type name '{typeName}'");
        }

        position++;
    }

    private static void SkipExtraArguments(List<string> tokens, ref int position, string typeName)
    {
        // Allocators and comparators: skip ", ..." up to the closing '>' at this depth.
        int depth = 0;
        while (position < tokens.Count)
        {
            string t = tokens[position];
            if (depth == 0 && t == ">")
            {
                return;
            }

            if (t == "<")
            {
                depth++;
            }
            else if (t == ">")
            {
                depth--;
            }
            else if (depth == 0 && t != ",")
            {
                if (tokens[position - 1] != ",")
                {
                    throw new FormatException($"unexpected '{t}' in type name '{typeName}'");
                }
            }

            position++;
        }
    }

    /// <summary>Splits into identifiers (multi-word primitives joined, trailing '*' attached), '&lt;', '&gt;' and ','.</summary>
    private static List<string> Tokenize(string typeName)
    {
        var raw = new List<string>();
        int i = 0;
        while (i < typeName.Length)
        {
            char c = typeName[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '<' or '>' or ',')
            {
                raw.Add(c.ToString());
                i++;
            }
            else if (c == '*')
            {
                if (raw.Count > 0 && raw[^1] is not ("<" or ">" or ","))
                {
                    raw[^1] += "*";
                }
                else if (raw.Count > 0 && raw[^1] == ">")
                {
                    raw.Add("*");
                }
                else
                {
                    throw new FormatException($"unexpected '*' in type name '{typeName}'");
                }

                i++;
            }
            else
            {
                int start = i;
                while (i < typeName.Length && (char.IsLetterOrDigit(typeName[i]) || typeName[i] is '_' or ':'))
                {
                    i++;
                }

                if (start == i)
                {
                    throw new FormatException($"unexpected character '{c}' in type name '{typeName}'");
                }

                raw.Add(typeName[start..i]);
            }
        }

        // Join multi-word primitive names: "unsigned long long", "long int", "signed char".
        var tokens = new List<string>(raw.Count);
        for (int k = 0; k < raw.Count; k++)
        {
            string t = raw[k];
            while (k + 1 < raw.Count && t is "unsigned" or "signed" or "long" or "short" or "unsigned long" or "long long"
                       or "unsigned short" or "signed short" or "unsigned long long" or "signed long"
                   && raw[k + 1].TrimEnd('*') is "int" or "long" or "char" or "short")
            {
                t = t + " " + raw[k + 1];
                k++;
            }

            tokens.Add(t);
        }

        return tokens;
    }

    /// <summary>True when <paramref name="typeName"/> names a standard container or string.</summary>
    public static bool IsStlName(string typeName)
    {
        string name = TypeNames.Normalize(typeName);
        return name.StartsWith("vector<", StringComparison.Ordinal) || name.StartsWith("map<", StringComparison.Ordinal)
            || name.StartsWith("set<", StringComparison.Ordinal) || name.StartsWith("list<", StringComparison.Ordinal)
            || name.StartsWith("deque<", StringComparison.Ordinal) || name.StartsWith("multimap<", StringComparison.Ordinal)
            || name.StartsWith("multiset<", StringComparison.Ordinal) || name.StartsWith("unordered_", StringComparison.Ordinal)
            || name.StartsWith("bitset<", StringComparison.Ordinal) || name == "string"
            || name.Contains("RVec<", StringComparison.Ordinal);
    }
}
