using System.Runtime.InteropServices;

namespace HepMl.Io.Interop;

/// <summary>liblz4 entry points used to compress (ROOT's <c>L4</c> blocks). Header: <c>lz4.h</c>, <c>lz4hc.h</c>.</summary>
internal static partial class NativeMethods
{
    internal const string Lz4Library = "liblz4.so.1";

    [LibraryImport(Lz4Library, EntryPoint = "LZ4_compressBound")]
    internal static partial int Lz4CompressBound(int inputSize);

    [LibraryImport(Lz4Library, EntryPoint = "LZ4_compress_fast")]
    internal static unsafe partial int Lz4CompressFast(byte* source, byte* destination, int sourceSize, int maxDestinationSize, int acceleration);

    [LibraryImport(Lz4Library, EntryPoint = "LZ4_compress_HC")]
    internal static unsafe partial int Lz4CompressHc(byte* source, byte* destination, int sourceSize, int maxDestinationSize, int compressionLevel);
}
