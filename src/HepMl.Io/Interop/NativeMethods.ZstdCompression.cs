using System.Runtime.InteropServices;

namespace HepMl.Io.Interop;

/// <summary>libzstd entry points used to compress (ROOT's <c>ZS</c> blocks). Header: <c>zstd.h</c>.</summary>
internal static partial class NativeMethods
{
    [LibraryImport(ZstdLibrary, EntryPoint = "ZSTD_compressBound")]
    internal static partial nuint ZstdCompressBound(nuint sourceSize);

    [LibraryImport(ZstdLibrary, EntryPoint = "ZSTD_compress")]
    internal static unsafe partial nuint ZstdCompress(byte* destination, nuint destinationCapacity, byte* source, nuint sourceSize, int compressionLevel);
}
