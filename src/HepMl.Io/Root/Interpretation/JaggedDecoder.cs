using HepMl.Io.Columns;
using HepMl.Io.Root.Trees;

namespace HepMl.Io.Root.Interpretation;

/// <summary>
/// Numbers with a variable count per entry: counter-sized leaves (<c>x[n]</c>), std::vector of numbers (10 header
/// bytes per entry: byte count, version, size), pointer arrays in split classes (1 byte per entry). Entry sizes come
/// from the basket's entry offsets; the output is offsets + one flat values array (uproot: <c>AsJagged</c>).
/// Baskets are loaded in parallel, counted, and decoded in parallel into their place in the output.
/// </summary>
internal sealed class JaggedDecoder<T> : ColumnDecoder
    where T : unmanaged
{
    private readonly ValueEncoding _encoding;
    private readonly int _headerBytes;
    private readonly int _itemBytes;
    private readonly int _itemSize;
    private readonly int _itemShift;

    public JaggedDecoder(ColumnType type, ValueEncoding encoding, int headerBytes)
        : base(type)
    {
        _encoding = encoding;
        _headerBytes = headerBytes;
        _itemSize = type.ItemSize;
        _itemBytes = _itemSize * encoding.DiskSize;
        _itemShift = System.Numerics.BitOperations.IsPow2(_itemBytes) ? System.Numerics.BitOperations.Log2((uint)_itemBytes) : -1;
    }

    protected override ColumnData ReadSlices(TreeBranch branch, BasketSlice[] slices, EntryRange range, int threads)
    {
        int[] offsets = new int[range.Count + 1];
        T[] values = [];
        Fill(branch, slices, range, threads, offsets, ref values, exact: true);
        return new ColumnData(Type, range.Start, (int)range.Count, values, [offsets]);
    }

    /// <summary>
    /// Decodes <paramref name="range"/> into caller-owned buffers: <paramref name="offsets"/> (at least count + 1 long)
    /// and <paramref name="values"/>, which is replaced by a larger array when too small. Returns the number of values.
    /// </summary>
    public int ReadInto(TreeBranch branch, EntryRange range, int threads, int[] offsets, ref T[] values)
    {
        if (offsets.Length < range.Count + 1)
        {
            throw new ArgumentException($"the offsets buffer holds {offsets.Length} values; {range.Count + 1} are needed", nameof(offsets));
        }

        offsets[0] = 0;
        if (range.Count == 0)
        {
            return 0;
        }

        return Fill(branch, BasketSlice.Cover(branch, range), range, threads, offsets, ref values, exact: false);
    }

    private int Fill(TreeBranch branch, BasketSlice[] slices, EntryRange range, int threads, int[] offsets, ref T[] values, bool exact)
    {
        int entries = (int)range.Count;
        LoadedBasket[] baskets = LoadAll(branch, slices, threads);
        try
        {
            // Item counts per entry, written at offsets[entry + 1], then a running sum.
            offsets[0] = 0;
            ForEach(slices.Length, threads, i => Count(branch, baskets[i], slices[i], offsets));
            long total = 0;
            long limit = int.MaxValue / Math.Max(_itemSize, 1);
            for (int i = 1; i <= entries; i++)
            {
                total += offsets[i];
                if (total > limit)
                {
                    throw new ArgumentOutOfRangeException(nameof(range), range, "more than 2^31 values in one read; iterate in smaller chunks");
                }

                offsets[i] = (int)total;
            }

            int count = (int)total * _itemSize;
            if (exact ? values.Length != count : values.Length < count)
            {
                // A reused buffer grows with headroom, so chunks of varying size do not reallocate each time.
                values = GC.AllocateUninitializedArray<T>(exact ? count : (int)Math.Min(int.MaxValue, count + (count / 4L)));
            }

            T[] target = values;
            ForEach(slices.Length, threads, i => Decode(baskets[i], slices[i], offsets, target));
            return count;
        }
        finally
        {
            DisposeAll(baskets);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Count(TreeBranch branch, LoadedBasket basket, BasketSlice slice, int[] counts)
    {
        int[] entryOffsets = basket.Offsets
            ?? throw Error(branch, slice.Basket, $"basket of a variable-length branch ({Type.Name}) has no entry offsets");
        ReadOnlySpan<int> starts = entryOffsets.AsSpan(slice.First, slice.Count + 1);
        Span<int> target = counts.AsSpan(slice.Output + 1, slice.Count);
        bool valid = true;
        if (_itemShift >= 0)
        {
            // Power-of-two item sizes: a shift and a mask instead of a division per entry.
            int mask = _itemBytes - 1;
            for (int e = 0; e < target.Length; e++)
            {
                int bytes = starts[e + 1] - starts[e] - _headerBytes;
                valid &= (bytes >= 0) & ((bytes & mask) == 0);
                target[e] = bytes >> _itemShift;
            }
        }
        else
        {
            for (int e = 0; e < target.Length; e++)
            {
                int bytes = starts[e + 1] - starts[e] - _headerBytes;
                valid &= (bytes >= 0) & (bytes % _itemBytes == 0);
                target[e] = bytes / _itemBytes;
            }
        }

        if (!valid)
        {
            for (int e = 0; e < slice.Count; e++)
            {
                int bytes = starts[e + 1] - starts[e] - _headerBytes;
                if (bytes < 0 || bytes % _itemBytes != 0)
                {
                    throw Error(branch, slice.Basket,
                        $"entry {slice.Basket.EntryStart + slice.First + e} has {bytes + _headerBytes} bytes, which is not "
                        + $"{_headerBytes} header bytes plus whole items of {_itemBytes} bytes ({Type.Name})");
                }
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Decode(LoadedBasket basket, BasketSlice slice, int[] offsets, T[] values)
    {
        int[] entryOffsets = basket.Offsets!;
        ReadOnlySpan<byte> data = basket.Data;
        if (_headerBytes == 0)
        {
            // Entries are contiguous: one bulk decode for the whole slice.
            int startByte = entryOffsets[slice.First];
            int stopByte = entryOffsets[slice.First + slice.Count];
            int first = offsets[slice.Output] * _itemSize;
            int count = (offsets[slice.Output + slice.Count] * _itemSize) - first;
            _encoding.Decode(data[startByte..stopByte], values.AsSpan(first, count));
            return;
        }

        for (int e = 0; e < slice.Count; e++)
        {
            int start = entryOffsets[slice.First + e] + _headerBytes;
            int first = offsets[slice.Output + e] * _itemSize;
            int count = (offsets[slice.Output + e + 1] * _itemSize) - first;
            if (count > 0)
            {
                _encoding.Decode(data.Slice(start, count * _encoding.DiskSize), values.AsSpan(first, count));
            }
        }
    }
}
