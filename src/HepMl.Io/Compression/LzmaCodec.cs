using HepMl.Io.Interop;

namespace HepMl.Io.Compression;

/// <summary>LZMA (.xz stream) decompression through liblzma; accepts CRC32 and CRC64 checks alike.</summary>
internal static class LzmaCodec
{
    /// <summary>Decompresses one .xz stream; returns the bytes produced. Throws <see cref="InvalidDataException"/> on a liblzma error.</summary>
    /// <exception cref="DllNotFoundException">liblzma is not installed.</exception>
    public static unsafe int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ulong memoryLimit = ulong.MaxValue;
        nuint inputPosition = 0;
        nuint outputPosition = 0;
        int status;
        fixed (byte* input = source)
        fixed (byte* output = destination)
        {
            status = NativeMethods.LzmaStreamBufferDecode(
                ref memoryLimit, 0, IntPtr.Zero, input, ref inputPosition, (nuint)source.Length,
                output, ref outputPosition, (nuint)destination.Length);
        }

        if (status != NativeMethods.LzmaOk)
        {
            throw new InvalidDataException($"liblzma: lzma_stream_buffer_decode returned error code {status}");
        }

        return (int)outputPosition;
    }
}
