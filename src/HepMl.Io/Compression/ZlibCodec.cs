using System.IO.Compression;
using HepMl.Io.Interop;

namespace HepMl.Io.Compression;

/// <summary>
/// zlib (RFC 1950) decompression: libdeflate's whole-buffer decoder when the library is installed, otherwise .NET's
/// <see cref="ZLibStream"/>; both verify the Adler-32 trailer.
/// </summary>
internal static class ZlibCodec
{
    [ThreadStatic]
    private static DeflateDecompressorHandle? s_decompressor;

    private static volatile bool s_nativeMissing;

    /// <summary>Decompresses <paramref name="source"/>; returns the bytes produced (more than the destination is reported as length + 1).</summary>
    /// <exception cref="InvalidDataException">The data are not a valid zlib stream.</exception>
    public static int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (!s_nativeMissing)
        {
            try
            {
                return DecompressNative(source, destination);
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

        return DecompressManaged(source, destination);
    }

    /// <summary>Through libdeflate (throws <see cref="DllNotFoundException"/> when it is missing).</summary>
    internal static unsafe int DecompressNative(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        DeflateDecompressorHandle decompressor = s_decompressor ??= NativeMethods.DeflateAllocDecompressor();
        if (decompressor.IsInvalid)
        {
            throw new InsufficientMemoryException("libdeflate could not allocate a decompressor");
        }

        nuint produced = 0;
        int result;
        fixed (byte* input = source)
        fixed (byte* output = destination)
        {
            result = NativeMethods.DeflateZlibDecompress(decompressor, input, (nuint)source.Length, output, (nuint)destination.Length, &produced);
        }

        return result switch
        {
            NativeMethods.DeflateSuccess => (int)produced,
            NativeMethods.DeflateInsufficientSpace => destination.Length + 1,
            _ => throw new InvalidDataException($"libdeflate: invalid zlib data (code {result})"),
        };
    }

    /// <summary>Through .NET's inflater.</summary>
    internal static unsafe int DecompressManaged(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        fixed (byte* pointer = source)
        {
            using var input = new UnmanagedMemoryStream(pointer, source.Length);
            using var inflater = new ZLibStream(input, CompressionMode.Decompress);
            int produced = inflater.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
            if (produced < destination.Length)
            {
                return produced;
            }

            // Drive the inflater to the end of the stream so the Adler-32 trailer is checked, and detect excess output.
            Span<byte> probe = stackalloc byte[1];
            return inflater.Read(probe) == 0 ? produced : produced + 1;
        }
    }
}
