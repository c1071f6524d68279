using System.IO.Compression;

namespace HepMl.Io.Compression;

/// <summary>zlib (RFC 1950) decompression through .NET's <see cref="ZLibStream"/>, which verifies the Adler-32 trailer.</summary>
internal static class ZlibCodec
{
    /// <summary>Decompresses <paramref name="source"/>; returns the bytes produced (more than the destination is reported as length + 1).</summary>
    public static unsafe int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
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
