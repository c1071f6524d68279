using HepMl.Io.Columns;
using HepMl.Io.Binary;
using HepMl.Io.Root.Objects;
using HepMl.Io.Root.Streamers;
using HepMl.Io.Root.Trees;

namespace HepMl.Io.Root.Interpretation;

/// <summary>
/// Entries read one by one through the generic object reader: STL containers of strings or nested containers,
/// maps, sets, and objects (uproot: <c>AsObjects</c>). When the type is a nesting of lists ending in numbers or
/// strings, the values are joined into offsets + flat values; otherwise each entry stays a generic value.
/// </summary>
internal sealed class ObjectDecoder : PieceDecoder<object?[]>
{
    private readonly TypeNode _node;
    private readonly StreamerInfoSet _streamers;

    public ObjectDecoder(ColumnType type, TypeNode node, StreamerInfoSet streamers)
        : base(type)
    {
        _node = node;
        _streamers = streamers;
    }

    /// <summary>The column type for <paramref name="node"/>: lists of numbers/strings become typed columns, the rest objects.</summary>
    public static ColumnType TypeOf(TypeNode node, string typeName)
    {
        int depth = 0;
        TypeNode current = node;
        while (true)
        {
            switch (current)
            {
                case SequenceNode sequence:
                    depth++;
                    current = sequence.Item;
                    continue;
                case ArrayEntryNode { InnerShape.Length: 0 } array:
                    depth++;
                    current = array.Item;
                    continue;
                case BitSetNode:
                    return new ColumnType(ElementType.Boolean, depth + 1, [], typeName);
                case PrimitiveNode primitive when depth > 0:
                    return new ColumnType(primitive.Element, depth, [], typeName);
                case StringNode when depth > 0:
                    return new ColumnType(ElementType.String, depth, [], typeName);
                case StringNode:
                    return new ColumnType(ElementType.String, 0, [], typeName);
                default:
                    return new ColumnType(ElementType.Object, 0, [], typeName);
            }
        }
    }

    protected override object?[] DecodePiece(TreeBranch branch, LoadedBasket basket, BasketSlice slice)
    {
        var values = new object?[slice.Count];
        var reader = new ObjectReader(_streamers);
        var context = new DecodeContext(branch.Tree.File.Path, $"{branch.Tree.Path}/{branch.Path} basket {slice.Basket.Index}");
        var cursor = new RootCursor(basket.Data, context, slice.Basket.Seek, decompressed: true, origin: basket.KeyLength);
        if (basket.Offsets is null)
        {
            // Fixed-size entries: read sequentially from the start of the basket.
            for (int e = 0; e < slice.First + slice.Count; e++)
            {
                reader.ResetReferences();
                object? value = ReadEntry(reader, ref cursor, basket.DataLength);
                if (e >= slice.First)
                {
                    values[e - slice.First] = value;
                }
            }

            return values;
        }

        for (int e = 0; e < slice.Count; e++)
        {
            (int start, int stop) = EntryBytes(branch, basket, slice.First + e);
            reader.ResetReferences();
            cursor.Position = start;
            values[e] = ReadEntry(reader, ref cursor, stop);
            if (cursor.Position != stop)
            {
                throw cursor.Error(
                    $"entry {slice.Basket.EntryStart + slice.First + e} has {stop - start} bytes but reading it as {Type.TypeName} used {cursor.Position - start}");
            }
        }

        return values;
    }

    private object? ReadEntry(ObjectReader reader, ref RootCursor cursor, int stop)
    {
        switch (_node)
        {
            case ArrayEntryNode array:
                return ReadArrayEntry(reader, ref cursor, array, stop);
            case DynamicEntryNode:
            {
                string className = cursor.ReadString();
                cursor.Skip(1);
                return reader.ReadClass(ref cursor, className);
            }

            case ClassNode classNode:
                return reader.ReadClassInBranch(ref cursor, classNode.ClassName);
            default:
                return reader.ReadValue(ref cursor, _node);
        }
    }

    private static List<object?> ReadArrayEntry(ObjectReader reader, ref RootCursor cursor, ArrayEntryNode array, int stop)
    {
        int end = stop;
        if (array.HasHeader)
        {
            VersionHeader header = cursor.ReadVersionHeader();
            if (header.End >= 0)
            {
                end = header.End;
            }
        }
        else if (array.Speedbump)
        {
            cursor.Skip(1);
        }

        var items = new List<object?>();
        while (cursor.Position < end)
        {
            items.Add(array.Item is ClassNode classNode
                ? reader.ReadClassInBranch(ref cursor, classNode.ClassName)
                : reader.ReadValue(ref cursor, array.Item));
        }

        return Group(items, array.InnerShape);
    }

    /// <summary>Groups a flat run of items into the fixed inner dimensions (x[6] -> lists of 6).</summary>
    private static List<object?> Group(List<object?> items, int[] shape)
    {
        if (shape.Length == 0)
        {
            return items;
        }

        int size = 1;
        foreach (int dimension in shape)
        {
            size *= dimension;
        }

        var groups = new List<object?>(items.Count / Math.Max(size, 1));
        for (int start = 0; start + size <= items.Count; start += size)
        {
            groups.Add(Shape(items, start, shape, 0));
        }

        return groups;
    }

    private static object? Shape(List<object?> items, int start, int[] shape, int dimension)
    {
        if (dimension == shape.Length)
        {
            return items[start];
        }

        int stride = 1;
        for (int d = dimension + 1; d < shape.Length; d++)
        {
            stride *= shape[d];
        }

        var list = new List<object?>(shape[dimension]);
        for (int i = 0; i < shape[dimension]; i++)
        {
            list.Add(Shape(items, start + (i * stride), shape, dimension + 1));
        }

        return list;
    }

    protected override ColumnData Join(object?[][] pieces, EntryRange range)
    {
        int entries = (int)range.Count;
        var all = new object?[entries];
        int index = 0;
        foreach (object?[] piece in pieces)
        {
            piece.CopyTo(all, index);
            index += piece.Length;
        }

        if (Type.Element == ElementType.Object)
        {
            return new ColumnData(Type, range.Start, entries, Array.Empty<object>(), [], all);
        }

        return NestedColumnBuilder.Build(Type, range.Start, all);
    }
}
