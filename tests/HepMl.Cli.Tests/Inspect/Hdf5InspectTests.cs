using System.Globalization;
using System.Text.Json;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Cli.Tests.Inspect;

/// <summary><c>hepml ls</c> and <c>hepml describe</c> on HDF5 files, checked against the libhdf5 manifest of ../shared/data/hdf5.</summary>
public sealed class Hdf5InspectTests
{
    private static string File(string name) => SharedData.Shared("data", "hdf5", name);

    private static JsonElement Manifest(string name)
    {
        using JsonDocument document = JsonDocument.Parse(System.IO.File.ReadAllBytes(File("manifest.json")));
        return document.RootElement.GetProperty("files").GetProperty(name).GetProperty("objects").Clone();
    }

    [TestCase("types_sb0.h5")]
    [TestCase("filters_sb3.h5")]
    [TestCase("hls4ml_jets_sb0.h5")]
    [TestCase("strings_sb3.h5")]
    [TestCase("compound_sb0.h5")]
    [TestCase("attributes_sb0_ub512.h5")]
    public void DescribeJson_EveryDataset_MatchesManifest(string name)
    {
        (int code, string output, string error) = CliRunner.Run("describe", File(name), "--json");

        Assert.That(code, Is.Zero, error);
        using JsonDocument document = JsonDocument.Parse(output);
        Assert.That(document.RootElement.GetProperty("format").GetString(), Is.EqualTo("hdf5"));
        var described = document.RootElement.GetProperty("objects").EnumerateArray().ToDictionary(o => o.GetProperty("path").GetString()!);
        JsonElement manifest = Manifest(name);
        int datasets = 0;
        foreach (JsonProperty entry in manifest.EnumerateObject().Where(e => e.Value.GetProperty("kind").GetString() == "dataset"))
        {
            datasets++;
            JsonElement expected = entry.Value;
            JsonElement actual = described[entry.Name];
            string what = $"{name}:{entry.Name}";
            Assert.That(actual.GetProperty("class").GetString(), Is.EqualTo("dataset"), what);
            JsonElement shape = expected.GetProperty("shape");
            if (shape.ValueKind == JsonValueKind.Array)
            {
                Assert.That(actual.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()), Is.EqualTo(shape.EnumerateArray().Select(d => d.GetInt64())), what + " shape");
            }

            JsonElement checks = expected.GetProperty("checks");
            if (checks.TryGetProperty("total_len", out JsonElement totalLength))
            {
                Assert.That(actual.GetProperty("count").GetInt64(), Is.EqualTo(totalLength.GetInt64()), what + " count of sequence values");
                Assert.That(actual.GetProperty("sum").GetDouble(), Is.EqualTo(checks.GetProperty("values_sum").GetDouble()).Within(1e-9).Percent, what + " sum");
                Assert.That(actual.GetProperty("min").GetDouble(), Is.EqualTo(checks.GetProperty("values_min").GetDouble()), what + " min");
                continue;
            }

            Assert.That(actual.GetProperty("count").GetInt64(), Is.EqualTo(checks.GetProperty("count").GetInt64()), what + " count");
            if (checks.TryGetProperty("fields", out _))
            {
                Assert.That(actual.GetProperty("sum").ValueKind, Is.EqualTo(JsonValueKind.Null), what + " compound has no sum");
                continue;
            }

            if (checks.TryGetProperty("total_utf8_bytes", out _))
            {
                Assert.That(actual.GetProperty("first").EnumerateArray().Select(v => v.GetString()), Is.EqualTo(checks.GetProperty("first3").EnumerateArray().Select(v => v.GetString())), what + " first strings");
                continue;
            }

            if (!checks.TryGetProperty("sum", out JsonElement sum) || checks.GetProperty("count").GetInt64() == 0)
            {
                continue;
            }

            bool nonFinite = checks.TryGetProperty("nan_count", out JsonElement nan)
                && (nan.GetInt32() + checks.GetProperty("posinf_count").GetInt32() + checks.GetProperty("neginf_count").GetInt32()) > 0;
            if (!nonFinite)
            {
                JsonElement absSum = checks.GetProperty("abs_sum");
                double tolerance = absSum.ValueKind == JsonValueKind.Number ? 1e-9 * absSum.GetDouble() : 1e-9 * Math.Abs(sum.GetDouble());
                Assert.That(actual.GetProperty("sum").GetDouble(), Is.EqualTo(sum.GetDouble()).Within(tolerance), what + " sum");
                Assert.That(Number(actual.GetProperty("min")), Is.EqualTo(Number(checks.GetProperty("min"))), what + " min");
                Assert.That(Number(actual.GetProperty("max")), Is.EqualTo(Number(checks.GetProperty("max"))), what + " max");
            }

            // float32 values are written in their shortest float32 form: compare at float32 precision.
            bool single = expected.GetProperty("dtype").GetString()!.EndsWith("f4", StringComparison.Ordinal) || expected.GetProperty("dtype").GetString()!.EndsWith("f2", StringComparison.Ordinal);
            Func<JsonElement, double> read = single ? v => (float)Number(v) : Number;
            Assert.That(actual.GetProperty("first").EnumerateArray().Select(read), Is.EqualTo(checks.GetProperty("first3").EnumerateArray().Select(read)), what + " first values");
        }

        Assert.That(described.Count, Is.EqualTo(datasets), "one summary per dataset");
    }

    [Test]
    public void Ls_Hdf5_ListsGroupsDatasetsAndLinks()
    {
        (int code, string output, string error) = CliRunner.Run("ls", File("links_main_sb2.h5"));

        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("[hdf5: superblock 2"));
        Assert.That(output, Does.Match(@"\n\s+values\s+float32 \(50\)\s+50 entries"));
        Assert.That(output, Does.Contain("dangling  soft link  \"-> /local/nothing\""));
        Assert.That(output, Does.Contain("missing_file  external link  \"-> missing_file.h5:/x\""));
    }

    [Test]
    public void Describe_UserBlockFile_IsRecognisedAsHdf5()
    {
        (int code, string output, string error) = CliRunner.Run("describe", File("attributes_sb0_ub512.h5"), "--json");

        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("\"format\": \"hdf5\""));
    }

    [Test]
    public void Describe_OneDatasetWithEntryRange_SummarisesOnlyThoseRows()
    {
        (int code, string output, string error) = CliRunner.Run("describe", File("types_sb3.h5"), "/le/f8", "--entries", "0:1", "--json");

        Assert.That(code, Is.Zero, error);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement only = document.RootElement.GetProperty("objects").EnumerateArray().Single();
        JsonElement checks = Manifest("types_sb3.h5").GetProperty("/le/f8").GetProperty("checks");
        JsonElement shape = Manifest("types_sb3.h5").GetProperty("/le/f8").GetProperty("shape");
        long perRow = shape.EnumerateArray().Skip(1).Aggregate(1L, (a, d) => a * d.GetInt64());
        Assert.That(only.GetProperty("count").GetInt64(), Is.EqualTo(perRow));
        Assert.That(only.GetProperty("first")[0].GetDouble(), Is.EqualTo(checks.GetProperty("first3")[0].GetDouble()));
    }

    private static double Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        JsonValueKind.String => double.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        _ => value.GetDouble(),
    };
}
