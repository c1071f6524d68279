using HepMl.Io.Columns;
using System.Globalization;
using System.Text.RegularExpressions;
using HepMl.Io.Root.Objects;
using HepMl.Io.Root.Streamers;
using HepMl.Io.Root.Trees;

namespace HepMl.Io.Root.Interpretation;

/// <summary>
/// Chooses, once per branch, how its entries are laid out, from its leaves, its TBranchElement fields and the
/// file's class layouts (the rules of uproot's <c>interpretation/identify.py</c>): numbers with fixed or
/// counter-sized shapes, Double32_t/Float16_t packings, strings, leaf lists, std::vector of numbers, and everything
/// else through the generic object reader. Returns null for a split parent without data of its own.
/// </summary>
internal static partial class InterpretationResolver
{
    public static ColumnDecoder? Resolve(TreeBranch branch)
    {
        FindStreamer(branch);
        StreamerInfoSet streamers = branch.Tree.File.Streamers;
        bool topLevel = branch.Parent is null;
        // Insignificant spaces go, the one in "unsigned int" stays (vector<unsigned int> is not vector<unsignedint>).
        string elementClass = TypeNames.Normalize(branch.ElementClassName);
        if (branch.Branches.Count > 0)
        {
            string? typeName = topLevel && elementClass.Length > 0 ? elementClass : branch.Streamer?.TypeName ?? branch.StreamerClassName;
            if (typeName == "TClonesArray")
            {
                return DecoderFactory.Fixed(new ColumnType(ElementType.Int32, 0, [], "TClonesArray"), ValueEncoding.Plain(ElementType.Int32));
            }

            return null;
        }

        if (branch.ClassName == "TBranchObject")
        {
            string typeName = elementClass.Length > 0 ? elementClass : branch.Streamer?.TypeName ?? "TObject";
            return new ObjectDecoder(new ColumnType(ElementType.Object, 0, [], typeName), new DynamicEntryNode(), streamers);
        }

        IReadOnlyList<TreeLeaf> leaves = branch.Leaves;
        (int[] dims, _) = DimensionsFromLeaves(branch);
        if (leaves.Count == 1 && leaves[0].ClassName == "TLeafElement" && branch.Streamer?.Type == RootTypeCode.CharStar)
        {
            // A char* member: a 4-byte length, then the bytes.
            return new StringDecoder(StringDecoder.StringType("char*"), 0, fourByteLength: true);
        }

        if (leaves.Count == 1)
        {
            TreeLeaf leaf = leaves[0];
            int leafType = leaf.ClassName == "TLeafElement" ? NormalizeType(leaf.ElementTypeCode) : 0;
            bool isFloat16 = leafType == RootTypeCode.Float16 || leaf.ClassName == "TLeafF16";
            bool isDouble32 = leafType == RootTypeCode.Double32 || leaf.ClassName == "TLeafD32";
            ValueEncoding? encoding = null;
            string typeName;
            if (isFloat16 || isDouble32)
            {
                string title = leaf.ClassName is "TLeafF16" or "TLeafD32" ? leaf.Title : branch.Streamer?.Title ?? string.Empty;
                encoding = ValueEncoding.Truncated(isFloat16, TruncatedRange.Parse(title));
                typeName = isFloat16 ? "Float16_t" : "Double32_t";
            }
            else if (LeafElementType(leaf) is ElementType element)
            {
                encoding = ValueEncoding.Plain(element);
                typeName = CppName(element);
            }
            else
            {
                typeName = string.Empty;
            }

            if (encoding is ValueEncoding found)
            {
                if (leaf.CountLeaf is null)
                {
                    var type = new ColumnType(found.Element, 0, dims, typeName + Shape(dims));
                    return DecoderFactory.Fixed(type, found);
                }

                var jagged = new ColumnType(found.Element, 1, dims, typeName + "[]" + Shape(dims));
                return DecoderFactory.Jagged(jagged, found, 0);
            }
        }
        else if (leaves.Count > 1)
        {
            return Record(branch);
        }

        // Not numerical.
        if (branch.StreamerType == RootTypeCode.TString)
        {
            return new StringDecoder(StringDecoder.StringType("TString"), 0, fourByteLength: false);
        }

        if (leaves.Count == 1 && leaves[0].ClassName == "TLeafC")
        {
            return new StringDecoder(StringDecoder.StringType("char*"), 0, fourByteLength: false);
        }

        if (topLevel && elementClass.Length > 0)
        {
            TypeNode node = Parse(branch, elementClass, stringHeader: false);
            return Simplify(branch, node, elementClass, streamers);
        }

        if (branch.Streamer is StreamerElement streamer)
        {
            TypeNode node = Parse(branch, streamer.TypeName, stringHeader: true);
            if (node is PointerNode pointer && streamer.Type is RootTypeCode.ObjectInlinePointer or RootTypeCode.AnyInlinePointer)
            {
                node = pointer.Target;
            }

            if (dims.Length > 0 || branch.StreamerIsClonesArray)
            {
                if (streamer.Kind == StreamerElementKind.Object || !branch.StreamerIsClonesArray)
                {
                    node = new ArrayEntryNode(node, HasHeader: false, Speedbump: false, dims);
                }
                else
                {
                    node = new ArrayEntryNode(WithoutHeader(node), HasHeader: true, Speedbump: false, dims);
                }
            }

            return Simplify(branch, node, streamer.TypeName, streamers);
        }

        if (branch.StreamerClassName is string className)
        {
            TypeNode node = Parse(branch, className, stringHeader: true);
            return Simplify(branch, node, className, streamers);
        }

        throw new UnsupportedFormatException(
            $"branch {branch.Path} ({branch.ClassName}, leaves {string.Join(", ", LeafDescriptions(branch))}) has a layout HepMl cannot interpret",
            branch.Tree.File.Path, -1, $"{branch.Tree.Path}/{branch.Path}");
    }

    private static ColumnDecoder Simplify(TreeBranch branch, TypeNode node, string typeName, StreamerInfoSet streamers)
    {
        switch (node)
        {
            case StringNode text:
                return new StringDecoder(
                    StringDecoder.StringType(typeName), text.HasHeader ? 6 : 0, text.Flavor == StringFlavor.CharPointer);
            case SequenceNode { Flavor: SequenceFlavor.Vector or SequenceFlavor.RVec, Item: PrimitiveNode { IsDouble32: false, IsFloat16: false } item } sequence:
            {
                var type = new ColumnType(item.Element, 1, [], typeName);
                return DecoderFactory.Jagged(type, ValueEncoding.Plain(item.Element), sequence.HasHeader ? 10 : 4);
            }

            case PointerNode { Target: PrimitiveNode { IsDouble32: false, IsFloat16: false } item }:
            {
                // A basic pointer array in a split class (Float_t* x //[n]): a 1-byte "is array" flag, then the values.
                var type = new ColumnType(item.Element, 1, [], typeName);
                return DecoderFactory.Jagged(type, ValueEncoding.Plain(item.Element), 1);
            }

            case ArrayEntryNode { Item: PrimitiveNode { IsDouble32: false, IsFloat16: false } item, HasHeader: false } array:
            {
                var type = new ColumnType(item.Element, 1, array.InnerShape, typeName);
                return DecoderFactory.Jagged(type, ValueEncoding.Plain(item.Element), array.Speedbump ? 1 : 0);
            }

            default:
                return new ObjectDecoder(ObjectDecoder.TypeOf(node, typeName), node, streamers);
        }
    }

    /// <summary>The same container without its own header (items of a TClonesArray member carry none).</summary>
    private static TypeNode WithoutHeader(TypeNode node) => node switch
    {
        StringNode text => text with { HasHeader = false },
        SequenceNode sequence => sequence with { HasHeader = false },
        MapNode map => map with { HasHeader = false },
        BitSetNode bits => bits with { HasHeader = false },
        _ => node,
    };

    private static TypeNode Parse(TreeBranch branch, string typeName, bool stringHeader)
    {
        try
        {
            return TypeNameParser.Parse(typeName, outerHeader: true, innerHeader: false, stringHeader: stringHeader);
        }
        catch (FormatException error)
        {
            throw new UnsupportedFormatException(
                $"branch {branch.Path}: {error.Message}", branch.Tree.File.Path, -1, $"{branch.Tree.Path}/{branch.Path}");
        }
    }

    private static RecordDecoder Record(TreeBranch branch)
    {
        var fields = new List<RecordDecoder.RecordField>();
        foreach (TreeLeaf leaf in branch.Leaves)
        {
            if (leaf.CountLeaf is not null)
            {
                throw new UnsupportedFormatException(
                    $"leaf-list branch {branch.Path} has a counter-sized leaf {leaf.Name}, which is not supported",
                    branch.Tree.File.Path, -1, $"{branch.Tree.Path}/{branch.Path}");
            }

            int[] dims = LeafDimensions(leaf);
            ValueEncoding encoding;
            string typeName;
            if (leaf.ClassName is "TLeafF16" or "TLeafD32")
            {
                bool isFloat16 = leaf.ClassName == "TLeafF16";
                encoding = ValueEncoding.Truncated(isFloat16, TruncatedRange.Parse(leaf.Title));
                typeName = isFloat16 ? "Float16_t" : "Double32_t";
            }
            else
            {
                ElementType element = LeafElementType(leaf) ?? throw new UnsupportedFormatException(
                    $"leaf-list branch {branch.Path} has a non-numeric leaf {leaf.Name} ({leaf.ClassName})",
                    branch.Tree.File.Path, -1, $"{branch.Tree.Path}/{branch.Path}");
                encoding = ValueEncoding.Plain(element);
                typeName = CppName(element);
            }

            fields.Add(new RecordDecoder.RecordField(leaf.Name, new ColumnType(encoding.Element, 0, dims, typeName + Shape(dims)), encoding));
        }

        return new RecordDecoder(new ColumnType(ElementType.Object, 0, [], "leaf list"), [.. fields]);
    }

    [GeneratedRegex(@"^([^\[\]]*)(\[[^\[\]]+\])+")]
    private static partial Regex TitleHasDimensions();

    [GeneratedRegex(@"\[([1-9][0-9]*)\]")]
    private static partial Regex NumericDimension();

    [GeneratedRegex(@"\[[^\[\]]*\]")]
    private static partial Regex AnyDimension();

    /// <summary>Fixed dimensions from a leaf title such as <c>x[3][2]</c> or <c>x[n][4]</c> (counter dimensions skipped).</summary>
    internal static int[] LeafDimensions(TreeLeaf leaf)
    {
        var dims = new List<int>();
        if (TitleHasDimensions().IsMatch(leaf.Title))
        {
            foreach (Match match in NumericDimension().Matches(leaf.Title))
            {
                dims.Add(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }

            if (dims.Count == 0 && leaf.Length > 1)
            {
                dims.Add(leaf.Length);
            }
        }

        return [.. dims];
    }

    private static (int[] Dims, bool Jagged) DimensionsFromLeaves(TreeBranch branch)
    {
        if (branch.Leaves.Count == 0)
        {
            return ([], false);
        }

        int[] dims = LeafDimensions(branch.Leaves[0]);
        bool jagged = IsJaggedTitle(branch.Leaves[0].Title);
        for (int i = 1; i < branch.Leaves.Count; i++)
        {
            int[] other = LeafDimensions(branch.Leaves[i]);
            int common = 0;
            while (common < dims.Length && common < other.Length && dims[common] == other[common])
            {
                common++;
            }

            dims = dims[..common];
        }

        return (dims, jagged);
    }

    private static bool IsJaggedTitle(string title)
    {
        if (!TitleHasDimensions().IsMatch(title))
        {
            return false;
        }

        foreach (Match match in AnyDimension().Matches(title))
        {
            if (!NumericDimension().IsMatch(match.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static int NormalizeType(int code) =>
        code is > RootTypeCode.OffsetL and < RootTypeCode.OffsetP ? code - RootTypeCode.OffsetL : code;

    /// <summary>The element type of a numeric leaf, or null when the leaf is not numeric (uproot: <c>_leaf_to_dtype</c>).</summary>
    internal static ElementType? LeafElementType(TreeLeaf leaf) => leaf.ClassName switch
    {
        "TLeafO" => ElementType.Boolean,
        "TLeafB" => leaf.IsUnsigned ? ElementType.UInt8 : ElementType.Int8,
        "TLeafS" => leaf.IsUnsigned ? ElementType.UInt16 : ElementType.Int16,
        "TLeafI" => leaf.IsUnsigned ? ElementType.UInt32 : ElementType.Int32,
        "TLeafG" or "TLeafL" => leaf.IsUnsigned ? ElementType.UInt64 : ElementType.Int64,
        "TLeafF" => ElementType.Float32,
        "TLeafD" => ElementType.Float64,
        "TLeafElement" => ElementFromCode(NormalizeType(leaf.ElementTypeCode)),
        _ => null,
    };

    private static ElementType? ElementFromCode(int code) => code switch
    {
        RootTypeCode.Counter => ElementType.UInt32,
        RootTypeCode.CharStar or RootTypeCode.Double32 or RootTypeCode.Float16 => null,
        _ => ElementTypes.FromTypeCode(code),
    };

    private static string CppName(ElementType element) => element switch
    {
        ElementType.Boolean => "bool",
        ElementType.Int8 => "int8_t",
        ElementType.UInt8 => "uint8_t",
        ElementType.Int16 => "int16_t",
        ElementType.UInt16 => "uint16_t",
        ElementType.Int32 => "int32_t",
        ElementType.UInt32 => "uint32_t",
        ElementType.Int64 => "int64_t",
        ElementType.UInt64 => "uint64_t",
        ElementType.Float32 => "float",
        _ => "double",
    };

    private static string Shape(int[] dims)
    {
        var text = new System.Text.StringBuilder();
        foreach (int dim in dims)
        {
            text.Append('[').Append(dim).Append(']');
        }

        return text.ToString();
    }

    private static IEnumerable<string> LeafDescriptions(TreeBranch branch)
    {
        foreach (TreeLeaf leaf in branch.Leaves)
        {
            yield return $"{leaf.ClassName} '{leaf.Title}'";
        }
    }
}
