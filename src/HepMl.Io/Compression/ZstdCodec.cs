using System.Runtime.InteropServices;
using HepMl.Io.Interop;

namespace HepMl.Io.Compression;

/// <summary>Zstandard decompression through libzstd, one decompression context per thread.</summary>
internal static class ZstdCodec
{
    [ThreadStatic]
    private static ZstdDecompressionContextHandle? s_context;

    /// <summary>Decompresses one frame; returns the bytes produced. Throws <see cref="InvalidDataException"/> with libzstd's message.</summary>
    /// <exception cref="DllNotFoundException">libzstd is not installed.</exception>
    public static unsafe int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ZstdDecompressionContextHandle context = s_context ??= NativeMethods.ZstdCreateDecompressionContext();
        nuint result;
        fixed (byte* input = source)
        fixed (byte* output = destination)
        {
            result = NativeMethods.ZstdDecompress(context, output, (nuint)destination.Length, input, (nuint)source.Length);
        }

        if (NativeMethods.ZstdIsError(result) != 0)
        {
            string message = Marshal.PtrToStringUTF8(NativeMethods.ZstdGetErrorName(result)) ?? "unknown error";
            throw new InvalidDataException("libzstd: " + message);
        }

        return (int)result;
    }
}
