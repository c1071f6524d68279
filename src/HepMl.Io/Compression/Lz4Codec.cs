using HepMl.Io.Interop;

namespace HepMl.Io.Compression;

/// <summary>LZ4 block decompression: liblz4 when it loads, otherwise the managed <see cref="Lz4BlockDecoder"/>.</summary>
internal static class Lz4Codec
{
    private static volatile bool s_nativeMissing;

    /// <summary>Decodes <paramref name="source"/> into <paramref name="destination"/>; returns the bytes written or -1 when malformed.</summary>
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (!s_nativeMissing)
        {
            try
            {
                return DecodeNative(source, destination);
            }
            catch (DllNotFoundException)
            {
                s_nativeMissing = true;
            }
            catch (EntryPointNotFoundException)
            {
                s_nativeMissing = true;
            }
        }

        return Lz4BlockDecoder.Decode(source, destination);
    }

    /// <summary>Through liblz4 (throws <see cref="DllNotFoundException"/> when it is missing).</summary>
    internal static unsafe int DecodeNative(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        fixed (byte* input = source)
        fixed (byte* output = destination)
        {
            int produced = NativeMethods.Lz4DecompressSafe(input, output, source.Length, destination.Length);
            return produced < 0 ? -1 : produced;
        }
    }
}
