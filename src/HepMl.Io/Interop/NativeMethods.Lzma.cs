using System.Runtime.InteropServices;

namespace HepMl.Io.Interop;

/// <summary>liblzma (XZ Utils) entry points. Header: <c>lzma/container.h</c>.</summary>
internal static partial class NativeMethods
{
    internal const string LzmaLibrary = "liblzma.so.5";

    /// <summary><c>lzma_ret</c> value for success.</summary>
    internal const int LzmaOk = 0;

    /// <summary>Single-call .xz stream decoder (checks the stream's CRC32/CRC64/SHA-256 itself).</summary>
    [LibraryImport(LzmaLibrary, EntryPoint = "lzma_stream_buffer_decode")]
    internal static unsafe partial int LzmaStreamBufferDecode(
        ref ulong memoryLimit,
        uint flags,
        IntPtr allocator,
        byte* input,
        ref nuint inputPosition,
        nuint inputSize,
        byte* output,
        ref nuint outputPosition,
        nuint outputSize);
}
