using HepMl.Analysis.Data;

namespace HepMl.Benchmarks.Trees;

/// <summary>
/// Reads the temporary raw tabular format written by <c>bench/peers/tabular_to_raw.py</c> (magic "HMLRAW01", rows,
/// features, column-major float32 features, int32 labels, float32 weights) straight into a train and a test
/// <see cref="Dataset"/>: the first floor(0.7 N) rows and the rest, as the peer scripts split.
/// </summary>
internal static class RawTabularFile
{
    public static (Dataset Train, Dataset Test) ReadSplit(string path, double trainFraction = 0.7)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        using var reader = new BinaryReader(stream);
        string magic = new(reader.ReadChars(8));
        if (magic != "HMLRAW01")
        {
            throw new InvalidDataException($"{path}: expected magic HMLRAW01, found '{magic}'");
        }

        int rows = reader.ReadInt32();
        int features = reader.ReadInt32();
        int trainRows = (int)(rows * trainFraction);
        int testRows = rows - trainRows;
        var trainColumns = new float[features][];
        var testColumns = new float[features][];
        for (int f = 0; f < features; f++)
        {
            trainColumns[f] = ReadFloats(stream, trainRows);
            testColumns[f] = ReadFloats(stream, testRows);
        }

        int[] trainLabels = ReadInts(stream, trainRows), testLabels = ReadInts(stream, testRows);
        float[] trainWeights = ReadFloats(stream, trainRows), testWeights = ReadFloats(stream, testRows);
        string[] names = Enumerable.Range(0, features).Select(f => $"f{f}").ToArray();
        return (new Dataset(names, trainColumns, trainLabels, trainWeights), new Dataset(names, testColumns, testLabels, testWeights));
    }

    private static float[] ReadFloats(Stream stream, int count)
    {
        var result = new float[count];
        stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(result.AsSpan()));
        return result;
    }

    private static int[] ReadInts(Stream stream, int count)
    {
        var result = new int[count];
        stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(result.AsSpan()));
        return result;
    }
}
