using System.Runtime.InteropServices;

namespace HepMl.Io.Interop;

/// <summary>
/// libdeflate entry points (whole-buffer zlib decompression, about twice as fast as a streaming inflater). Header:
/// <c>libdeflate.h</c>. Optional: when the library is missing, zlib data go through .NET's own inflater.
/// </summary>
internal static partial class NativeMethods
{
    internal const string DeflateLibrary = "libdeflate.so.0";

    /// <summary><c>LIBDEFLATE_SUCCESS</c>.</summary>
    internal const int DeflateSuccess = 0;

    /// <summary><c>LIBDEFLATE_INSUFFICIENT_SPACE</c>: the data decompress to more than the output holds.</summary>
    internal const int DeflateInsufficientSpace = 3;

    [LibraryImport(DeflateLibrary, EntryPoint = "libdeflate_alloc_decompressor")]
    internal static partial DeflateDecompressorHandle DeflateAllocDecompressor();

    [LibraryImport(DeflateLibrary, EntryPoint = "libdeflate_free_decompressor")]
    internal static partial void DeflateFreeDecompressor(IntPtr decompressor);

    /// <summary>Decompresses one zlib stream (RFC 1950, Adler-32 checked); <paramref name="produced"/> receives the output length.</summary>
    [LibraryImport(DeflateLibrary, EntryPoint = "libdeflate_zlib_decompress")]
    internal static unsafe partial int DeflateZlibDecompress(
        DeflateDecompressorHandle decompressor, byte* input, nuint inputSize, byte* output, nuint outputCapacity, nuint* produced);
}

/// <summary>Owns one <c>libdeflate_decompressor</c>.</summary>
internal sealed class DeflateDecompressorHandle : SafeHandle
{
    public DeflateDecompressorHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.DeflateFreeDecompressor(handle);
        return true;
    }
}
