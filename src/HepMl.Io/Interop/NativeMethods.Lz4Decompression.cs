namespace HepMl.Io.Interop;

/// <summary>liblz4 block decompression (header <c>lz4.h</c>); the managed decoder is used when the library is missing.</summary>
internal static partial class NativeMethods
{
    /// <summary>Decodes one LZ4 block, never writing past <paramref name="destinationCapacity"/>; negative on malformed input.</summary>
    [System.Runtime.InteropServices.LibraryImport(Lz4Library, EntryPoint = "LZ4_decompress_safe")]
    internal static unsafe partial int Lz4DecompressSafe(byte* source, byte* destination, int compressedSize, int destinationCapacity);
}
