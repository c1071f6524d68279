using System.Buffers.Binary;
using HepMl.Io.Binary;

namespace HepMl.Io.Compression;

/// <summary>
/// Decompresses ROOT's compressed payloads: a sequence of blocks, each with a 9-byte header
/// (2-byte algorithm tag, 1 method byte, 3-byte little-endian compressed and uncompressed sizes; ROOT:
/// <c>core/zip/src/RZip.cxx</c>, <c>R__unzip_header</c>). LZ4 blocks carry an 8-byte big-endian xxHash64 of the
/// compressed bytes after the header (ROOT: <c>core/lz4/src/ZipLZ4.cxx</c>).
/// </summary>
internal static class RootDecompressor
{
    public const int BlockHeaderSize = 9;
    private const int Lz4ChecksumSize = 8;

    /// <summary>Decompresses all blocks of <paramref name="source"/>, which must fill <paramref name="destination"/> exactly.</summary>
    /// <param name="source">The compressed payload (after the key).</param>
    /// <param name="destination">Receives the uncompressed bytes; its length is the declared object length.</param>
    /// <param name="context">Error context.</param>
    /// <param name="fileOffset">File offset of <paramref name="source"/>[0], for error messages.</param>
    /// <exception cref="HepMlFormatException">A header, checksum or size does not match, or the codec rejects the data.</exception>
    /// <exception cref="UnsupportedFormatException">An unknown algorithm tag, or a codec library is missing.</exception>
    public static void Decompress(ReadOnlySpan<byte> source, Span<byte> destination, DecodeContext context, long fileOffset)
    {
        int input = 0;
        int output = 0;
        int block = 0;
        while (output < destination.Length)
        {
            long blockOffset = fileOffset + input;
            if (source.Length - input < BlockHeaderSize)
            {
                throw context.Error(
                    $"compressed block {block} needs a {BlockHeaderSize}-byte header but only {source.Length - input} bytes remain "
                    + $"({output} of {destination.Length} bytes decompressed so far)",
                    blockOffset);
            }

            ReadOnlySpan<byte> header = source.Slice(input, BlockHeaderSize);
            int compressedSize = header[3] | (header[4] << 8) | (header[5] << 16);
            int uncompressedSize = header[6] | (header[7] << 8) | (header[8] << 16);
            input += BlockHeaderSize;
            if (compressedSize > source.Length - input)
            {
                throw context.Error(
                    $"compressed block {block} declares {compressedSize} compressed bytes but only {source.Length - input} remain",
                    blockOffset);
            }

            if (uncompressedSize > destination.Length - output)
            {
                throw context.Error(
                    $"compressed block {block} declares {uncompressedSize} uncompressed bytes but the object has only "
                    + $"{destination.Length - output} left to fill",
                    blockOffset);
            }

            ReadOnlySpan<byte> payload = source.Slice(input, compressedSize);
            Span<byte> target = destination.Slice(output, uncompressedSize);
            CompressionAlgorithm algorithm = Identify(header, context, blockOffset, block);
            int produced = DecodeBlock(algorithm, payload, target, context, blockOffset, block);
            if (produced != uncompressedSize)
            {
                throw context.Error(
                    $"compressed block {block} ({algorithm}) decompressed to {(produced > uncompressedSize ? "more than " + uncompressedSize : produced.ToString(System.Globalization.CultureInfo.InvariantCulture))} bytes; "
                    + $"its block header declares {uncompressedSize}",
                    blockOffset);
            }

            input += compressedSize;
            output += uncompressedSize;
            block++;
            if (uncompressedSize == 0)
            {
                throw context.Error($"compressed block {block - 1} declares 0 uncompressed bytes", blockOffset);
            }
        }
    }

    /// <summary>The algorithm of the first block of a compressed payload (for reporting), or None when it is too short.</summary>
    public static CompressionAlgorithm PeekAlgorithm(ReadOnlySpan<byte> source)
    {
        if (source.Length < 2)
        {
            return CompressionAlgorithm.None;
        }

        return (source[0], source[1]) switch
        {
            ((byte)'Z', (byte)'L') => CompressionAlgorithm.Zlib,
            ((byte)'X', (byte)'Z') => CompressionAlgorithm.Lzma,
            ((byte)'L', (byte)'4') => CompressionAlgorithm.Lz4,
            ((byte)'Z', (byte)'S') => CompressionAlgorithm.Zstd,
            ((byte)'C', (byte)'S') => CompressionAlgorithm.OldRoot,
            _ => CompressionAlgorithm.None,
        };
    }

    private static CompressionAlgorithm Identify(ReadOnlySpan<byte> header, DecodeContext context, long offset, int block)
    {
        CompressionAlgorithm algorithm = PeekAlgorithm(header);
        if (algorithm == CompressionAlgorithm.OldRoot)
        {
            throw context.Unsupported(
                $"compressed block {block} uses ROOT's legacy 'CS' algorithm, which ROOT itself stopped writing in the 1990s",
                offset);
        }

        if (algorithm == CompressionAlgorithm.None)
        {
            string tag = char.IsAsciiLetterOrDigit((char)header[0]) && char.IsAsciiLetterOrDigit((char)header[1])
                ? $"'{(char)header[0]}{(char)header[1]}'"
                : $"0x{header[0]:X2}{header[1]:X2}";
            throw context.Unsupported(
                $"compressed block {block} has the unknown compression tag {tag}; expected ZL, XZ, L4 or ZS", offset);
        }

        return algorithm;
    }

    private static int DecodeBlock(
        CompressionAlgorithm algorithm, ReadOnlySpan<byte> payload, Span<byte> target, DecodeContext context, long offset, int block)
    {
        try
        {
            switch (algorithm)
            {
                case CompressionAlgorithm.Zlib:
                    return ZlibCodec.Decompress(payload, target);
                case CompressionAlgorithm.Lz4:
                    if (payload.Length < Lz4ChecksumSize)
                    {
                        throw context.Error($"LZ4 block {block} is shorter than its 8-byte checksum", offset);
                    }

                    ulong expected = BinaryPrimitives.ReadUInt64BigEndian(payload);
                    ReadOnlySpan<byte> lz4 = payload[Lz4ChecksumSize..];
                    ulong computed = XxHash64.Hash(lz4);
                    if (computed != expected)
                    {
                        throw context.Error(
                            $"LZ4 block {block} has xxHash64 checksum 0x{computed:X16} but its header stores 0x{expected:X16}; "
                            + "the data are corrupt",
                            offset);
                    }

                    int produced = Lz4Codec.Decode(lz4, target);
                    if (produced < 0)
                    {
                        throw context.Error($"LZ4 block {block} is malformed (a literal run or match leaves the buffers)", offset);
                    }

                    return produced;
                case CompressionAlgorithm.Zstd:
                    return ZstdCodec.Decompress(payload, target);
                case CompressionAlgorithm.Lzma:
                    return LzmaCodec.Decompress(payload, target);
                default:
                    throw context.Unsupported($"compression algorithm {algorithm} is not supported", offset);
            }
        }
        catch (InvalidDataException error)
        {
            throw new HepMlFormatException(
                $"{algorithm} block {block} could not be decompressed: {error.Message}",
                context.FilePath, offset, context.ObjectPath, null, error);
        }
        catch (DllNotFoundException error)
        {
            string library = algorithm == CompressionAlgorithm.Zstd ? Interop.NativeMethods.ZstdLibrary : Interop.NativeMethods.LzmaLibrary;
            throw new UnsupportedFormatException(
                $"{algorithm} data need the native library {library}, which could not be loaded: {error.Message}",
                context.FilePath, offset, context.ObjectPath, null, error);
        }
    }
}
