namespace HepMl.Io.Sources;

/// <summary>Range validation shared by the byte sources: every read is checked against the source length.</summary>
internal static class ByteSourceChecks
{
    public static void CheckRange(IByteSource source, long offset, int count)
    {
        if (offset < 0 || count < 0 || offset > source.Length - count)
        {
            throw new HepMlFormatException(
                $"a read of {count} bytes at offset {offset} extends past the end of the data ({source.Length} bytes); "
                + "the file is truncated or a length field is corrupt",
                source.Path,
                offset);
        }
    }
}
