using System.Runtime.InteropServices;
using System.Text.Json;

namespace HepMl.Benchmarks.Neural;

/// <summary>A peer dataset converted by bench/peers/h5_to_raw.py: float32 features, int32 labels, float32 weights.</summary>
internal sealed class RawDataset
{
    private RawDataset(int rows, int[] shape, float[] features, int[] labels, float[] weights)
    {
        (Rows, Shape, Features, Labels, Weights) = (rows, shape, features, labels, weights);
    }

    public int Rows { get; }

    public int[] Shape { get; }

    public int RowLength => Shape.Aggregate(1, (a, b) => a * b);

    public float[] Features { get; }

    public int[] Labels { get; }

    public float[] Weights { get; }

    public static RawDataset Load(string prefix)
    {
        using JsonDocument meta = JsonDocument.Parse(File.ReadAllText(prefix + ".json"));
        int rows = meta.RootElement.GetProperty("rows").GetInt32();
        int[] shape = meta.RootElement.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        float[] features = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(prefix + ".features.f32")).ToArray();
        int[] labels = MemoryMarshal.Cast<byte, int>(File.ReadAllBytes(prefix + ".labels.i32")).ToArray();
        float[] weights = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(prefix + ".weights.f32")).ToArray();
        return new RawDataset(rows, shape, features, labels, weights);
    }
}
