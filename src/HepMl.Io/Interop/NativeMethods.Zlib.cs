using System.Runtime.InteropServices;

namespace HepMl.Io.Interop;

/// <summary>
/// The system zlib (<c>libz.so.1</c>), used to compress ROOT's <c>ZL</c> blocks with the same library and levels ROOT and
/// uproot use (so level 1 gives ROOT's compression ratio). Header: <c>zlib.h</c>.
/// </summary>
internal static partial class NativeMethods
{
    internal const string ZlibLibrary = "libz.so.1";

    [LibraryImport(ZlibLibrary, EntryPoint = "compressBound")]
    internal static partial nuint ZlibCompressBound(nuint sourceLength);

    [LibraryImport(ZlibLibrary, EntryPoint = "compress2")]
    internal static unsafe partial int ZlibCompress2(byte* destination, ref nuint destinationLength, byte* source, nuint sourceLength, int level);
}
