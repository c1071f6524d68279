namespace HepMl.Io.Hdf5.Filters;

/// <summary>
/// LZF decompression (Marc Lehmann's liblzf format, used by h5py's LZF filter 32000): a control byte below 32
/// copies that many + 1 literal bytes; otherwise the top three bits give a match length (7 = extended by the next
/// byte) and the low five bits with the next byte a back-reference distance.
/// </summary>
internal static class LzfDecoder
{
    /// <summary>Decodes <paramref name="input"/> into <paramref name="output"/>; returns the bytes written, or -1 when the
    /// stream is malformed or does not fit.</summary>
    public static int Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int ip = 0;
        int op = 0;
        while (ip < input.Length)
        {
            int control = input[ip++];
            if (control < 32)
            {
                int literal = control + 1;
                if (ip + literal > input.Length || op + literal > output.Length)
                {
                    return -1;
                }

                input.Slice(ip, literal).CopyTo(output[op..]);
                ip += literal;
                op += literal;
                continue;
            }

            int length = control >> 5;
            if (length == 7)
            {
                if (ip >= input.Length)
                {
                    return -1;
                }

                length += input[ip++];
            }

            if (ip >= input.Length)
            {
                return -1;
            }

            int reference = op - ((control & 0x1f) << 8) - 1 - input[ip++];
            length += 2;
            if (reference < 0 || op + length > output.Length)
            {
                return -1;
            }

            // Byte by byte: the source may overlap the bytes being written (run-length style references).
            for (int i = 0; i < length; i++)
            {
                output[op + i] = output[reference + i];
            }

            op += length;
        }

        return op;
    }
}
