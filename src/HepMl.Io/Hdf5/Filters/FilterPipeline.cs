using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace HepMl.Io.Hdf5.Filters;

/// <summary>
/// Undoes a dataset's filter pipeline on one stored chunk, last filter first: deflate (zlib stream, Adler-32
/// checked), byte shuffle, Fletcher-32 (verified, then stripped) and LZF. Filters a chunk skipped (its filter
/// mask) are not applied. The decoded chunk must have exactly the expected size.
/// </summary>
/// <remarks>Spec: HDF5 File Format Specification 3.0, IV.A.2.l "Filter Pipeline Message"; libhdf5 H5Zdeflate.c,
/// H5Zshuffle.c, H5Zfletcher32.c; h5py lzf_filter.c for filter 32000.</remarks>
internal sealed class FilterPipeline
{
    private readonly Hdf5Filter[] _filters;
    private readonly int _elementSize;

    public FilterPipeline(IReadOnlyList<Hdf5Filter> filters, int elementSize)
    {
        _filters = [.. filters];
        _elementSize = elementSize;
    }

    public bool IsEmpty => _filters.Length == 0;

    public IReadOnlyList<Hdf5Filter> Filters => _filters;

    /// <summary>The first filter this reader cannot undo, or null when all are supported.</summary>
    public Hdf5Filter? FirstUnsupported()
    {
        foreach (Hdf5Filter filter in _filters)
        {
            if (filter.Id is not (Hdf5Filter.Deflate or Hdf5Filter.Shuffle or Hdf5Filter.Fletcher32 or Hdf5Filter.Lzf))
            {
                return filter;
            }
        }

        return null;
    }

    /// <summary>Decodes <paramref name="stored"/> into <paramref name="destination"/>, whose length is the chunk size.</summary>
    public void Decode(ReadOnlySpan<byte> stored, Span<byte> destination, uint filterMask, ChunkSite site)
    {
        int n = _filters.Length;
        int last = -1;
        for (int i = 0; i < n; i++)
        {
            if ((filterMask & (1u << i)) == 0)
            {
                last = i; // the last active filter to undo is the one with the lowest index
                break;
            }
        }

        if (last < 0)
        {
            if (stored.Length != destination.Length)
            {
                throw site.Error($"stored unfiltered in {stored.Length} bytes; the chunk needs {destination.Length}");
            }

            stored.CopyTo(destination);
            return;
        }

        using var scratch = new ScratchBuffers();
        {
            ReadOnlySpan<byte> current = stored;
            for (int i = n - 1; i >= 0; i--)
            {
                if ((filterMask & (1u << i)) != 0)
                {
                    continue;
                }

                bool final = i == last;
                // The decoded size of filter i is the size its encoder received: the chunk size plus 4 bytes per
                // Fletcher-32 filter applied before it, unless a compressor ran before it (then it is unknown).
                int expected = final ? destination.Length : CompressorBefore(i, filterMask) ? -1 : destination.Length + (4 * CountFletcher(i, filterMask));
                current = Undo(_filters[i], current, destination, expected, final, scratch, site);
            }
        }
    }

    /// <summary>Two pooled buffers used alternately, so a stage never writes over its own input.</summary>
    private sealed class ScratchBuffers : IDisposable
    {
        private byte[]? _a;
        private byte[]? _b;

        public Span<byte> Get(ReadOnlySpan<byte> input, int length)
        {
            bool useB = _a is not null && input.Overlaps(_a.AsSpan());
            ref byte[]? buffer = ref useB ? ref _b : ref _a;
            if (buffer is null || buffer.Length < length)
            {
                if (buffer is not null)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                buffer = ArrayPool<byte>.Shared.Rent(length);
            }

            return buffer.AsSpan(0, length);
        }

        public void Dispose()
        {
            if (_a is not null)
            {
                ArrayPool<byte>.Shared.Return(_a);
            }

            if (_b is not null)
            {
                ArrayPool<byte>.Shared.Return(_b);
            }
        }
    }

    private bool CompressorBefore(int index, uint filterMask)
    {
        for (int i = 0; i < index; i++)
        {
            if (_filters[i].Id is Hdf5Filter.Deflate or Hdf5Filter.Lzf && (filterMask & (1u << i)) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Fletcher-32 filters active before (in encoding order) filter <paramref name="index"/>: each added 4 bytes.</summary>
    private int CountFletcher(int index, uint filterMask)
    {
        int count = 0;
        for (int i = 0; i < index; i++)
        {
            if (_filters[i].Id == Hdf5Filter.Fletcher32 && (filterMask & (1u << i)) == 0)
            {
                count++;
            }
        }

        return count;
    }

    private ReadOnlySpan<byte> Undo(Hdf5Filter filter, ReadOnlySpan<byte> input, Span<byte> destination, int expected, bool final,
        ScratchBuffers scratch, ChunkSite site)
    {
        switch (filter.Id)
        {
            case Hdf5Filter.Deflate:
            case Hdf5Filter.Lzf:
            {
                if (expected < 0)
                {
                    throw new UnsupportedFormatException(
                        $"chunk at [{string.Join(",", site.ChunkOffset)}]: two compression filters in one pipeline are not supported",
                        site.Context.FilePath, site.FileOffset, site.ObjectPath);
                }

                Span<byte> target = final ? destination : scratch.Get(input, expected);
                if (filter.Id == Hdf5Filter.Deflate)
                {
                    Inflate(input, target, site);
                }
                else
                {
                    int written = LzfDecoder.Decode(input, target);
                    if (written != expected)
                    {
                        throw site.Error(written < 0
                            ? "LZF data are corrupt or decode to more than the chunk size"
                            : $"LZF data decode to {written} bytes; the chunk needs {expected}");
                    }
                }

                return target;
            }

            case Hdf5Filter.Shuffle:
            {
                if (expected >= 0 && input.Length != expected)
                {
                    throw site.Error($"shuffle filter got {input.Length} bytes; expected {expected}");
                }

                int size = filter.ClientData.Count > 0 ? (int)filter.ClientData[0] : _elementSize;
                if (size <= 0)
                {
                    throw site.Error($"shuffle filter with element size {size}");
                }

                Span<byte> target = final ? destination : scratch.Get(input, input.Length);
                ByteShuffle.Unshuffle(input, target, size);
                return target;
            }

            case Hdf5Filter.Fletcher32:
            {
                if (input.Length < 4 || (expected >= 0 && input.Length != expected + 4))
                {
                    throw site.Error($"fletcher32 filter got {input.Length} bytes; expected {(expected >= 0 ? expected.ToString(System.Globalization.CultureInfo.InvariantCulture) : "some")} data bytes and a 4-byte checksum");
                }

                ReadOnlySpan<byte> data = input[..^4];
                uint stored = BinaryPrimitives.ReadUInt32LittleEndian(input[^4..]);
                uint computed = Fletcher32.Compute(data);
                // libhdf5 before 1.6.3 stored the two 16-bit halves byte-swapped; libhdf5 accepts both forms.
                uint reversed = ((computed & 0x00FF00FFu) << 8) | ((computed >> 8) & 0x00FF00FFu);
                if (stored != computed && stored != reversed)
                {
                    throw site.Error($"Fletcher-32 checksum mismatch (stored 0x{stored:X8}, computed 0x{computed:X8}); the chunk data are corrupt");
                }

                if (final)
                {
                    data.CopyTo(destination);
                    return destination;
                }

                return data;
            }

            default:
                throw new UnsupportedFormatException(
                    $"chunk at [{string.Join(",", site.ChunkOffset)}]: filter {filter.Id} ({filter.Name}) is not supported (supported: deflate, shuffle, fletcher32, lzf)",
                    site.Context.FilePath, site.FileOffset, site.ObjectPath);
        }
    }

    /// <summary>Inflates a zlib stream into exactly <paramref name="target"/>.Length bytes; the trailer's Adler-32 is checked.</summary>
    private static unsafe void Inflate(ReadOnlySpan<byte> input, Span<byte> target, ChunkSite site)
    {
        try
        {
            fixed (byte* pointer = input)
            {
                using var source = new UnmanagedMemoryStream(pointer, input.Length);
                using var zlib = new ZLibStream(source, CompressionMode.Decompress);
                int total = 0;
                while (total < target.Length)
                {
                    int read = zlib.Read(target[total..]);
                    if (read == 0)
                    {
                        throw site.Error($"deflate stream ended after {total} bytes; the chunk needs {target.Length}");
                    }

                    total += read;
                }

                // One more read makes the inflater consume the trailer and verify the Adler-32 checksum.
                Span<byte> probe = stackalloc byte[1];
                if (zlib.Read(probe) != 0)
                {
                    throw site.Error($"deflate stream holds more than the chunk's {target.Length} bytes");
                }
            }
        }
        catch (InvalidDataException error)
        {
            throw site.Error($"deflate stream is corrupt ({error.Message})", error);
        }
    }
}
