using System.Runtime.InteropServices;

namespace HepMl.Io.Interop;

/// <summary>libzstd (Zstandard) entry points. Header: <c>zstd.h</c>.</summary>
internal static partial class NativeMethods
{
    internal const string ZstdLibrary = "libzstd.so.1";

    [LibraryImport(ZstdLibrary, EntryPoint = "ZSTD_createDCtx")]
    internal static partial ZstdDecompressionContextHandle ZstdCreateDecompressionContext();

    [LibraryImport(ZstdLibrary, EntryPoint = "ZSTD_freeDCtx")]
    internal static partial nuint ZstdFreeDecompressionContext(IntPtr context);

    [LibraryImport(ZstdLibrary, EntryPoint = "ZSTD_decompressDCtx")]
    internal static unsafe partial nuint ZstdDecompress(
        ZstdDecompressionContextHandle context, byte* destination, nuint destinationCapacity, byte* source, nuint sourceSize);

    [LibraryImport(ZstdLibrary, EntryPoint = "ZSTD_isError")]
    internal static partial uint ZstdIsError(nuint code);

    [LibraryImport(ZstdLibrary, EntryPoint = "ZSTD_getErrorName")]
    internal static partial IntPtr ZstdGetErrorName(nuint code);
}

/// <summary>Owns one <c>ZSTD_DCtx</c>.</summary>
internal sealed class ZstdDecompressionContextHandle : SafeHandle
{
    public ZstdDecompressionContextHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.ZstdFreeDecompressionContext(handle);
        return true;
    }
}
