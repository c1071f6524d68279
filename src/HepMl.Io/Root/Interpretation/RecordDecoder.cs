using HepMl.Io.Columns;
using HepMl.Io.Root.Objects;
using HepMl.Io.Root.Trees;

namespace HepMl.Io.Root.Interpretation;

/// <summary>
/// A leaf-list branch (<c>x/D:y/I:z/B</c>): each entry packs one value (or fixed array) per leaf; the result has one
/// column per leaf in <see cref="ColumnData.Fields"/> (uproot: <c>AsDtype</c> with a structured dtype).
/// </summary>
internal sealed class RecordDecoder : PieceDecoder<ColumnData[]>
{
    private readonly RecordField[] _fields;
    private readonly int _entryBytes;

    public RecordDecoder(ColumnType type, RecordField[] fields)
        : base(type)
    {
        _fields = fields;
        foreach (RecordField field in fields)
        {
            _entryBytes += field.Type.ItemSize * field.Encoding.DiskSize;
        }
    }

    internal sealed record RecordField(string Name, ColumnType Type, ValueEncoding Encoding);

    protected override ColumnData[] DecodePiece(TreeBranch branch, LoadedBasket basket, BasketSlice slice)
    {
        long expected = (long)slice.Basket.Entries * _entryBytes;
        if (basket.DataLength != expected)
        {
            throw Error(branch, slice.Basket,
                $"basket holds {basket.DataLength} bytes but {slice.Basket.Entries} leaf-list entries of {_entryBytes} bytes need {expected}");
        }

        var columns = new ColumnData[_fields.Length];
        int fieldOffset = 0;
        for (int f = 0; f < _fields.Length; f++)
        {
            RecordField field = _fields[f];
            int perEntry = field.Type.ItemSize;
            int fieldBytes = perEntry * field.Encoding.DiskSize;
            Array values = Array.CreateInstance(ElementTypes.ClrType(field.Type.Element), slice.Count * perEntry);
            for (int e = 0; e < slice.Count; e++)
            {
                int start = ((slice.First + e) * _entryBytes) + fieldOffset;
                DecodeOne(field, basket.Data.Slice(start, fieldBytes), values, e * perEntry, perEntry);
            }

            columns[f] = new ColumnData(field.Type, slice.Basket.EntryStart + slice.First, slice.Count, values, []);
            fieldOffset += fieldBytes;
        }

        return columns;
    }

    private static void DecodeOne(RecordField field, ReadOnlySpan<byte> source, Array values, int start, int count)
    {
        // Exact element types: the runtime lets byte[] pass as sbyte[] (and uint[] as int[]...).
        Type element = values.GetType().GetElementType()!;
        if (element == typeof(bool)) field.Encoding.Decode(source, ((bool[])values).AsSpan(start, count));
        else if (element == typeof(sbyte)) field.Encoding.Decode(source, ((sbyte[])values).AsSpan(start, count));
        else if (element == typeof(byte)) field.Encoding.Decode(source, ((byte[])values).AsSpan(start, count));
        else if (element == typeof(short)) field.Encoding.Decode(source, ((short[])values).AsSpan(start, count));
        else if (element == typeof(ushort)) field.Encoding.Decode(source, ((ushort[])values).AsSpan(start, count));
        else if (element == typeof(int)) field.Encoding.Decode(source, ((int[])values).AsSpan(start, count));
        else if (element == typeof(uint)) field.Encoding.Decode(source, ((uint[])values).AsSpan(start, count));
        else if (element == typeof(long)) field.Encoding.Decode(source, ((long[])values).AsSpan(start, count));
        else if (element == typeof(ulong)) field.Encoding.Decode(source, ((ulong[])values).AsSpan(start, count));
        else if (element == typeof(float)) field.Encoding.Decode(source, ((float[])values).AsSpan(start, count));
        else if (element == typeof(double)) field.Encoding.Decode(source, ((double[])values).AsSpan(start, count));
        else throw new InvalidOperationException($"unexpected leaf-list value array {values.GetType()}");
    }

    protected override ColumnData Join(ColumnData[][] pieces, EntryRange range)
    {
        var fields = new Dictionary<string, ColumnData>(StringComparer.Ordinal);
        for (int f = 0; f < _fields.Length; f++)
        {
            RecordField field = _fields[f];
            int total = 0;
            foreach (ColumnData[] piece in pieces)
            {
                total += piece[f].Values.Length;
            }

            Array values = Array.CreateInstance(ElementTypes.ClrType(field.Type.Element), total);
            int position = 0;
            foreach (ColumnData[] piece in pieces)
            {
                Array.Copy(piece[f].Values, 0, values, position, piece[f].Values.Length);
                position += piece[f].Values.Length;
            }

            fields[field.Name] = new ColumnData(field.Type, range.Start, (int)range.Count, values, []);
        }

        return new ColumnData(Type, range.Start, (int)range.Count, Array.Empty<object>(), []) { Fields = fields };
    }
}
