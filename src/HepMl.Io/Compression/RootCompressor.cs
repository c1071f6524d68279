using System.Buffers;
using System.Buffers.Binary;
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
        if (compression.Algorithm == CompressionAlgorithm.None || data.Length == 0)
        {
            return data.ToArray();
        }

        var output = new ArrayBufferWriter<byte>(data.Length / 2 + 64);
        for (int start = 0; start < data.Length; start += MaxBlock)
        {
            ReadOnlySpan<byte> block = data.Slice(start, Math.Min(MaxBlock, data.Length - start));
            if (!CompressBlock(block, compression, output))
            {
                return data.ToArray();
            }
        }

        return output.WrittenCount >= data.Length ? data.ToArray() : output.WrittenSpan.ToArray();
    }

    private static bool CompressBlock(ReadOnlySpan<byte> block, RootCompression compression, ArrayBufferWriter<byte> output)
    {
        Span<byte> header = output.GetSpan(9)[..9];
        output.Advance(9);
        int before = output.WrittenCount;
        switch (compression.Algorithm)
        {
            case CompressionAlgorithm.Zlib:
            {
                header[0] = (byte)'Z';
                header[1] = (byte)'L';
                header[2] = 8; // Z_DEFLATED
                int bound = checked((int)NativeMethods.ZlibCompressBound((nuint)block.Length));
                Span<byte> target = output.GetSpan(bound);
                int written = CompressZlib(block, target[..bound], compression.Level);
                output.Advance(written);
                break;
            }

            case CompressionAlgorithm.Lz4:
            {
                header[0] = (byte)'L';
                header[1] = (byte)'4';
                header[2] = 1; // LZ4 major version
                int bound = NativeMethods.Lz4CompressBound(block.Length);
                Span<byte> target = output.GetSpan(8 + bound);
                int written = CompressLz4(block, target[8..(8 + bound)], compression.Level);
                if (written <= 0)
                {
                    return false;
                }

                BinaryPrimitives.WriteUInt64BigEndian(target, XxHash64.Hash(target.Slice(8, written)));
                output.Advance(8 + written);
                break;
            }

            case CompressionAlgorithm.Zstd:
            {
                header[0] = (byte)'Z';
                header[1] = (byte)'S';
                header[2] = 1;
                int bound = checked((int)NativeMethods.ZstdCompressBound((nuint)block.Length));
                Span<byte> target = output.GetSpan(bound);
                int written = CompressZstd(block, target[..bound], compression.Level);
                output.Advance(written);
                break;
            }

            default:
                throw new NotSupportedException($"writing {compression.Algorithm} compression is not supported (zlib, lz4, zstd)");
        }

        int compressed = output.WrittenCount - before;
        if (compressed > MaxBlock)
        {
            return false;
        }

        // The header span may have moved when the writer grew: patch it in the written bytes.
        Span<byte> written9 = GetWritten(output, before - 9, 9);
        written9[0] = header[0];
        written9[1] = header[1];
        written9[2] = header[2];
        written9[3] = (byte)compressed;
        written9[4] = (byte)(compressed >> 8);
        written9[5] = (byte)(compressed >> 16);
        written9[6] = (byte)block.Length;
        written9[7] = (byte)(block.Length >> 8);
        written9[8] = (byte)(block.Length >> 16);
        return true;
    }

    private static Span<byte> GetWritten(ArrayBufferWriter<byte> output, int start, int length) =>
        System.Runtime.InteropServices.MemoryMarshal.CreateSpan(
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(output.WrittenSpan.Slice(start, length)), length);

    private static unsafe int CompressZlib(ReadOnlySpan<byte> source, Span<byte> destination, int level)
    {
        nuint length = (nuint)destination.Length;
        int status;
        try
        {
            fixed (byte* input = source)
            fixed (byte* output = destination)
            {
                status = NativeMethods.ZlibCompress2(output, ref length, input, (nuint)source.Length, level);
            }
        }
        catch (DllNotFoundException error)
        {
            throw new UnsupportedFormatException($"zlib compression needs {NativeMethods.ZlibLibrary}, which is not installed ({error.Message})");
        }

        if (status != 0)
        {
            throw new InvalidOperationException($"zlib compress2 failed with status {status}");
        }

        return (int)length;
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
