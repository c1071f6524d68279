using HepMl.Io.Columns;
using System.Buffers.Binary;
using HepMl.Io.Root.Objects;
using HepMl.Io.Root.Trees;

namespace HepMl.Io.Root.Interpretation;

/// <summary>
/// One string per entry: char* leaves (<c>/C</c>), std::string (6 header bytes) and TString branches. Each entry is
/// a length (1 byte, or 255 then 4 bytes; or always 4 bytes) and the bytes (uproot: <c>AsStrings</c>).
/// </summary>
internal sealed class StringDecoder : PieceDecoder<StringDecoder.Piece>
{
    private readonly int _headerBytes;
    private readonly bool _fourByteLength;

    public StringDecoder(ColumnType type, int headerBytes, bool fourByteLength)
        : base(type)
    {
        _headerBytes = headerBytes;
        _fourByteLength = fourByteLength;
    }

    internal sealed record Piece(int[] Lengths, byte[] Bytes);

    protected override Piece DecodePiece(TreeBranch branch, LoadedBasket basket, BasketSlice slice)
    {
        ReadOnlySpan<byte> data = basket.Data;
        var lengths = new int[slice.Count];
        var ranges = new (int Start, int Length)[slice.Count];
        int total = 0;
        for (int e = 0; e < slice.Count; e++)
        {
            (int start, int stop) = EntryBytes(branch, basket, slice.First + e);
            if (stop == start)
            {
                ranges[e] = (start, 0);
                continue;
            }

            int position = start + _headerBytes;
            int length;
            if (_fourByteLength)
            {
                length = position + 4 <= stop ? BinaryPrimitives.ReadInt32BigEndian(data.Slice(position, 4)) : -1;
                position += 4;
            }
            else
            {
                length = position < stop ? data[position] : -1;
                position++;
                if (length == 255)
                {
                    length = position + 4 <= stop ? BinaryPrimitives.ReadInt32BigEndian(data.Slice(position, 4)) : -1;
                    position += 4;
                }
            }

            if (length < 0 || position + length > stop)
            {
                throw Error(branch, slice.Basket,
                    $"entry {slice.Basket.EntryStart + slice.First + e} has {stop - start} bytes, too few for its string header and length {length}");
            }

            ranges[e] = (position, length);
            lengths[e] = length;
            total += length;
        }

        var bytes = new byte[total];
        int written = 0;
        foreach ((int start, int length) in ranges)
        {
            data.Slice(start, length).CopyTo(bytes.AsSpan(written));
            written += length;
        }

        return new Piece(lengths, bytes);
    }

    protected override ColumnData Join(Piece[] pieces, EntryRange range)
    {
        int entries = (int)range.Count;
        var offsets = new int[entries + 1];
        long total = 0;
        int index = 0;
        foreach (Piece piece in pieces)
        {
            foreach (int length in piece.Lengths)
            {
                total += length;
                offsets[++index] = checked((int)total);
            }
        }

        var bytes = new byte[total];
        int written = 0;
        foreach (Piece piece in pieces)
        {
            piece.Bytes.CopyTo(bytes, written);
            written += piece.Bytes.Length;
        }

        return new ColumnData(Type, range.Start, entries, bytes, [offsets]);
    }

    /// <summary>The column type of a string branch.</summary>
    public static ColumnType StringType(string typeName) => new(ElementType.String, 0, [], typeName);
}
