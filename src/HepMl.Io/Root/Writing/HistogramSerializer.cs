namespace HepMl.Io.Root.Writing;

internal static class HistogramSerializer
{
    public static byte[] Serialize(RootHistogramData histogram) => throw new NotSupportedException(histogram.ClassName);
}
