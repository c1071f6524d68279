using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HepMl.Io.Columns;
using HepMl.Io.Root.Trees;

namespace HepMl.Io.Root.Interpretation;

/// <summary>
/// Numbers with a fixed count per entry (a scalar or a fixed array such as <c>x[3]</c>): the basket data are the
/// entries back to back, so each basket slice is decoded with one bulk byte swap straight into the output
/// (uproot: <c>AsDtype</c>, <c>AsDouble32</c>, <c>AsFloat16</c>).
/// </summary>
internal sealed class FixedDecoder<T> : ColumnDecoder
    where T : unmanaged
{
    private readonly ValueEncoding _encoding;
    private readonly int _valuesPerEntry;

    public FixedDecoder(ColumnType type, ValueEncoding encoding)
        : base(type)
    {
        _encoding = encoding;
        _valuesPerEntry = type.ItemSize;
    }

    protected override ColumnData ReadSlices(TreeBranch branch, BasketSlice[] slices, EntryRange range, int threads)
    {
        T[] values = GC.AllocateUninitializedArray<T>(checked((int)range.Count * _valuesPerEntry));
        Fill(branch, slices, threads, values);
        return new ColumnData(Type, range.Start, (int)range.Count, values, []);
    }

    /// <summary>Decodes <paramref name="range"/> into <paramref name="destination"/> (at least count x values per entry long).</summary>
    public void ReadInto(TreeBranch branch, EntryRange range, int threads, T[] destination)
    {
        if (range.Count == 0)
        {
            return;
        }

        if (destination.Length < range.Count * _valuesPerEntry)
        {
            throw new ArgumentException($"the destination holds {destination.Length} values; {range.Count * _valuesPerEntry} are needed", nameof(destination));
        }

        Fill(branch, BasketSlice.Cover(branch, range), threads, destination);
    }

    private void Fill(TreeBranch branch, BasketSlice[] slices, int threads, T[] values)
    {
        int entryBytes = _valuesPerEntry * _encoding.DiskSize;
        string objectPath = branch.Tree.Path + "/" + branch.Path;

        // Plain numbers of the output's own size can be decompressed straight into the output and swapped in place.
        bool direct = _encoding.Encoding == DiskEncoding.Plain && _encoding.DiskSize == Unsafe.SizeOf<T>();
        ForEach(slices.Length, threads, i =>
        {
            BasketSlice slice = slices[i];
            Span<T> target = values.AsSpan(slice.Output * _valuesPerEntry, slice.Count * _valuesPerEntry);
            if (direct && slice.First == 0 && slice.Count == slice.Basket.Entries)
            {
                Span<byte> bytes = MemoryMarshal.AsBytes(target);
                if (BasketLoader.Load(branch.Tree.File, slice.Basket, objectPath, bytes) is not { } loaded)
                {
                    _encoding.Decode<T>(bytes, target);
                    return;
                }

                using (loaded)
                {
                    Decode(branch, loaded, slice, entryBytes, target);
                }

                return;
            }

            using LoadedBasket basket = BasketLoader.Load(branch.Tree.File, slice.Basket, objectPath);
            Decode(branch, basket, slice, entryBytes, target);
        });
    }

    private void Decode(TreeBranch branch, LoadedBasket basket, BasketSlice slice, int entryBytes, Span<T> target)
    {
        long expected = (long)slice.Basket.Entries * entryBytes;
        if (basket.DataLength != expected)
        {
            throw Error(branch, slice.Basket,
                $"basket holds {basket.DataLength} bytes but {slice.Basket.Entries} entries of {Type.Name} need {expected}");
        }

        ReadOnlySpan<byte> source = basket.Data.Slice(slice.First * entryBytes, slice.Count * entryBytes);
        _encoding.Decode(source, target);
    }
}
