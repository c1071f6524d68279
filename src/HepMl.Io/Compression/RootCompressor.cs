using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using HepMl.Io.Interop;

namespace HepMl.Io.Compression;

/// <summary>
/// Compresses a payload into ROOT's block format: blocks of at most 16 MiB − 1 uncompressed bytes, each with the
/// 9-byte header (tag, method, 3-byte little-endian compressed and uncompressed sizes); LZ4 blocks start with the
/// big-endian xxHash64 of their compressed bytes. Like ROOT, a payload that does not shrink is stored as is.
/// </summary>
/// <remarks>ROOT: <c>core/zip/src/RZip.cxx</c> (<c>R__zipMultipleAlgorithm</c>), <c>core/lz4/src/ZipLZ4.cxx</c>,
/// <c>core/zstd/src/ZipZSTD.cxx</c>.</remarks>
internal static class RootCompressor
{
    private const int MaxBlock = 0xFFFFFF;

    /// <summary>The stored bytes of <paramref name="data"/>: compressed blocks, or the data themselves when compression does not help.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> data, RootCompression compression)
    {
        byte[] rented = CompressPooled(data, compression, out int length);
        try
        {
            return rented.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Like <see cref="Compress"/>, into an array rented from <see cref="ArrayPool{T}.Shared"/> (the caller returns it):
    /// the first <paramref name="length"/> bytes are the stored bytes.
    /// </summary>
    public static byte[] CompressPooled(ReadOnlySpan<byte> data, RootCompression compression, out int length)
    {
        if (compression.Algorithm == CompressionAlgorithm.None || data.Length == 0)
        {
            return Raw(data, out length);
        }

        long capacity = 0;
        for (int start = 0; start < data.Length; start += MaxBlock)
        {
            capacity += 9 + 8 + Bound(compression.Algorithm, Math.Min(MaxBlock, data.Length - start));
        }

        byte[] output = ArrayPool<byte>.Shared.Rent(checked((int)Math.Max(capacity, data.Length)));
        int written = 0;
        for (int start = 0; start < data.Length; start += MaxBlock)
        {
            ReadOnlySpan<byte> block = data.Slice(start, Math.Min(MaxBlock, data.Length - start));
            int size = CompressBlock(block, compression, output.AsSpan(written));
            if (size < 0 || written + size >= data.Length)
            {
                // Stored as is when a block does not fit ROOT's 3-byte size or the whole does not shrink.
                data.CopyTo(output);
                length = data.Length;
                return output;
            }

            written += size;
        }

        length = written;
        return output;
    }

    private static byte[] Raw(ReadOnlySpan<byte> data, out int length)
    {
        byte[] output = ArrayPool<byte>.Shared.Rent(Math.Max(1, data.Length));
        data.CopyTo(output);
        length = data.Length;
        return output;
    }

    private static long Bound(CompressionAlgorithm algorithm, int length) => algorithm switch
    {
        // zlib's compressBound (stored blocks in the worst case), plus room for zlib-ng's own block framing.
        CompressionAlgorithm.Zlib => length + (length >> 12) + (length >> 14) + (length >> 25) + 13 + 64,
        CompressionAlgorithm.Lz4 => NativeMethods.Lz4CompressBound(length),
        CompressionAlgorithm.Zstd => (long)NativeMethods.ZstdCompressBound((nuint)length),
        _ => throw new NotSupportedException($"writing {algorithm} compression is not supported (zlib, lz4, zstd)"),
    };

    /// <summary>One block with its 9-byte header into <paramref name="output"/>; its size, or -1 when it cannot be stored compressed.</summary>
    private static int CompressBlock(ReadOnlySpan<byte> block, RootCompression compression, Span<byte> output)
    {
        Span<byte> body = output[9..];
        int compressed;
        switch (compression.Algorithm)
        {
            case CompressionAlgorithm.Zlib:
                output[0] = (byte)'Z';
                output[1] = (byte)'L';
                output[2] = 8; // Z_DEFLATED
                compressed = CompressZlib(block, body, compression.Level);
                if (compressed < 0)
                {
                    return -1;
                }

                break;

            case CompressionAlgorithm.Lz4:
            {
                output[0] = (byte)'L';
                output[1] = (byte)'4';
                output[2] = 1; // LZ4 major version
                int size = CompressLz4(block, body[8..], compression.Level);
                if (size <= 0)
                {
                    return -1;
                }

                BinaryPrimitives.WriteUInt64BigEndian(body, XxHash64.Hash(body.Slice(8, size)));
                compressed = 8 + size;
                break;
            }

            case CompressionAlgorithm.Zstd:
                output[0] = (byte)'Z';
                output[1] = (byte)'S';
                output[2] = 1;
                compressed = CompressZstd(block, body, compression.Level);
                break;

            default:
                throw new NotSupportedException($"writing {compression.Algorithm} compression is not supported (zlib, lz4, zstd)");
        }

        if (compressed > MaxBlock)
        {
            return -1;
        }

        output[3] = (byte)compressed;
        output[4] = (byte)(compressed >> 8);
        output[5] = (byte)(compressed >> 16);
        output[6] = (byte)block.Length;
        output[7] = (byte)(block.Length >> 8);
        output[8] = (byte)(block.Length >> 16);
        return 9 + compressed;
    }

    /// <summary>
    /// A zlib stream (RFC 1950, as ROOT's <c>ZL</c> blocks hold) through the runtime's zlib-ng. ROOT's level 1 is written
    /// at zlib-ng's level 2 (its deflate_fast: stock zlib level 1's ratio or slightly better, about 1.4 times faster);
    /// zlib-ng's own level 1 is a quicker strategy that stores about 15% more bytes. Levels 2 to 9 are passed as is.
    /// Returns -1 when the stream does not fit <paramref name="destination"/>.
    /// </summary>
    private static unsafe int CompressZlib(ReadOnlySpan<byte> source, Span<byte> destination, int level)
    {
        fixed (byte* output = destination)
        {
            using var sink = new UnmanagedMemoryStream(output, 0, destination.Length, FileAccess.Write);
            try
            {
                using (var zlib = new ZLibStream(sink, new ZLibCompressionOptions { CompressionLevel = Math.Clamp(level, 2, 9) }, leaveOpen: true))
                {
                    zlib.Write(source);
                }
            }
            catch (NotSupportedException)
            {
                return -1; // larger than the destination: the caller stores the data uncompressed
            }

            return checked((int)sink.Position);
        }
    }

    private static unsafe int CompressLz4(ReadOnlySpan<byte> source, Span<byte> destination, int level)
    {
        try
        {
            fixed (byte* input = source)
            fixed (byte* output = destination)
            {
                // ROOT uses LZ4-HC from level 4 on, plain LZ4 below.
                return level >= 4
                    ? NativeMethods.Lz4CompressHc(input, output, source.Length, destination.Length, level)
                    : NativeMethods.Lz4CompressFast(input, output, source.Length, destination.Length, 1);
            }
        }
        catch (DllNotFoundException error)
        {
            throw new UnsupportedFormatException($"LZ4 compression needs {NativeMethods.Lz4Library}, which is not installed ({error.Message})");
        }
    }

    private static unsafe int CompressZstd(ReadOnlySpan<byte> source, Span<byte> destination, int level)
    {
        nuint result;
        try
        {
            fixed (byte* input = source)
            fixed (byte* output = destination)
            {
                result = NativeMethods.ZstdCompress(output, (nuint)destination.Length, input, (nuint)source.Length, level);
            }
        }
        catch (DllNotFoundException error)
        {
            throw new UnsupportedFormatException($"ZSTD compression needs {NativeMethods.ZstdLibrary}, which is not installed ({error.Message})");
        }

        if (NativeMethods.ZstdIsError(result) != 0)
        {
            throw new InvalidOperationException("libzstd failed to compress a block");
        }

        return (int)result;
    }
}
