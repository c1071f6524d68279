using System.Text.Json;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Io.Tests.Compression;

/// <summary>The LZ4/xxHash64 reference vectors of codec-vectors.json (made by tools/refgen/codec_vectors.py with liblz4).</summary>
internal static class CodecVectors
{
    private static readonly Lazy<List<Vector>> s_vectors = new(Load);

    public sealed record Vector(string Name, byte[] Input, ulong XxHash64, byte[] Lz4Fast, byte[] Lz4HighCompression);

    public static IEnumerable<TestCaseData> Cases() =>
        s_vectors.Value.Select(v => new TestCaseData(v.Name).SetArgDisplayNames(v.Name));

    public static Vector Get(string name) => s_vectors.Value.Single(v => v.Name == name);

    private static List<Vector> Load()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(SharedData.Fixture("root", "codec-vectors.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Vector(
            c.GetProperty("name").GetString()!,
            Convert.FromBase64String(c.GetProperty("input").GetString()!),
            ulong.Parse(c.GetProperty("xxhash64").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            Convert.FromBase64String(c.GetProperty("lz4_fast").GetString()!),
            Convert.FromBase64String(c.GetProperty("lz4_hc9").GetString()!))).ToList();
    }
}
