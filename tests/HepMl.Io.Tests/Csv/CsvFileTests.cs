using System.Text;
using System.Text.Json;
using HepMl.Io.Csv;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Io.Tests.Csv;

/// <summary>CSV event tables: the pandas-checked fixture, round trips, streaming, and refusal of jagged or ragged data.</summary>
[TestFixture]
public sealed class CsvFileTests
{
    private string _scratch = null!;

    [OneTimeSetUp]
    public void CreateScratch() => _scratch = SharedData.CreateScratchDirectory("csv");

    [OneTimeTearDown]
    public void RemoveScratch() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public void Read_Fixture_MatchesPandas()
    {
        CsvTable table = CsvFile.Read(SharedData.Fixture("csv", "events.csv"));
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(SharedData.Fixture("csv", "events.expected.json")));
        Assert.That(table.RowCount, Is.EqualTo(expected.RootElement.GetProperty("rows").GetInt32()));
        foreach (JsonProperty column in expected.RootElement.GetProperty("columns").EnumerateObject())
        {
            CsvColumn read = table[column.Name];
            string dtype = column.Value.GetProperty("dtype").GetString()!;
            Assert.That(read.ElementType, Is.EqualTo(dtype switch { "int64" => typeof(long), "float64" => typeof(double), _ => typeof(string) }), column.Name);
            if (dtype == "object")
            {
                string[] strings = read.As<string>();
                Assert.That(strings.Take(3), Is.EqualTo(column.Value.GetProperty("first3").EnumerateArray().Select(e => e.GetString())), column.Name);
                Assert.That(strings.TakeLast(3), Is.EqualTo(column.Value.GetProperty("last3").EnumerateArray().Select(e => e.GetString())), column.Name);
                Assert.That(strings.Distinct().Order(StringComparer.Ordinal), Is.EqualTo(column.Value.GetProperty("distinct").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal)), column.Name);
                continue;
            }

            double[] values = read.ToDoubles();
            Tolerance.AssertClose(column.Value.GetProperty("sum").GetDouble(), values.Where(double.IsFinite).Sum(), rel: 1e-12, what: column.Name + " sum");
            Assert.That(values.Count(double.IsNaN), Is.EqualTo(column.Value.GetProperty("nan_count").GetInt32()), column.Name);
            Assert.That(values.Count(double.IsPositiveInfinity), Is.EqualTo(column.Value.GetProperty("posinf_count").GetInt32()), column.Name);
            Assert.That(values.Count(double.IsNegativeInfinity), Is.EqualTo(column.Value.GetProperty("neginf_count").GetInt32()), column.Name);
            Assert.That(values.Take(3), Is.EqualTo(Values(column.Value.GetProperty("first3"))), column.Name);
            Assert.That(values.TakeLast(3), Is.EqualTo(Values(column.Value.GetProperty("last3"))), column.Name);
            Assert.That(values.Skip(17).Take(5), Is.EqualTo(Values(column.Value.GetProperty("rows_17_to_21"))), column.Name);
        }
    }

    [Test]
    public void WriteThenRead_RoundTripsEveryValueExactly()
    {
        var random = new Random(5);
        float[] floats = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, float.Epsilon, float.MaxValue, .. Enumerable.Range(0, 994).Select(_ => (float)(random.NextDouble() * 1e3))];
        double[] doubles = [double.NaN, double.MinValue, 1e-310, .. Enumerable.Range(0, 997).Select(_ => random.NextDouble() - 0.5)];
        long[] longs = [long.MinValue, long.MaxValue, .. Enumerable.Range(0, 998).Select(i => (long)i * 1_000_003)];
        string[] strings = Enumerable.Range(0, 1000).Select(i => i % 4 == 0 ? "a,b" : i % 4 == 1 ? "say \"hi\"" : i % 4 == 2 ? "line\nbreak" : "ü" + i).ToArray();
        bool[] bools = Enumerable.Range(0, 1000).Select(i => i % 3 == 0).ToArray();
        string path = Path.Combine(_scratch, "roundtrip.csv");
        CsvFile.Write(path, new CsvTable([new("f", floats), new("d", doubles), new("l", longs), new("s", strings), new("b", bools)]));

        CsvTable back = CsvFile.Read(path, new CsvReadOptions { ColumnTypes = new Dictionary<string, Type> { ["f"] = typeof(float) } });
        Assert.That(back["f"].As<float>(), Is.EqualTo(floats));
        Assert.That(back["d"].As<double>(), Is.EqualTo(doubles));
        Assert.That(back["l"].As<long>(), Is.EqualTo(longs));
        Assert.That(back["s"].As<string>(), Is.EqualTo(strings));
        Assert.That(back["b"].As<long>(), Is.EqualTo(bools.Select(b => b ? 1L : 0L)));
    }

    [Test]
    public void Write_UnsignedAndByteColumns_KeepTheirValues()
    {
        // Regression: a byte[] also matches an sbyte[] pattern (array variance); 200 must not come out as -56.
        string path = Path.Combine(_scratch, "unsigned.csv");
        CsvFile.Write(path, new CsvTable([new("u1", new byte[] { 200, 0, 255 }), new("u4", new uint[] { 4_000_000_000, 1, uint.MaxValue }), new("u8", new ulong[] { ulong.MaxValue, 0, 12 })]));
        Assert.That(File.ReadAllLines(path), Is.EqualTo(new[] { "u1,u4,u8", "200,4000000000,18446744073709551615", "0,1,0", "255,4294967295,12" }));
    }

    [Test]
    public void Read_LargeFile_ParallelEqualsSequential_AndBlocksCoverEveryRow()
    {
        string path = Path.Combine(_scratch, "large.csv");
        const int Rows = 60_000;
        var random = new Random(11);
        double[][] columns = Enumerable.Range(0, 5).Select(_ => Enumerable.Range(0, Rows).Select(_ => Math.Round(random.NextDouble() * 100, 6)).ToArray()).ToArray();
        CsvFile.Write(path, new CsvTable(columns.Select((c, i) => new CsvColumn("x" + i, c)).ToArray()));
        Assert.That(new FileInfo(path).Length, Is.GreaterThan(2 << 20), "large enough to be split into parallel segments");

        CsvTable sequential = CsvFile.Read(path, new CsvReadOptions { MaxDegreeOfParallelism = 1 });
        CsvTable parallel = CsvFile.Read(path, new CsvReadOptions { MaxDegreeOfParallelism = 4 });
        for (int c = 0; c < columns.Length; c++)
        {
            Assert.That(sequential.Columns[c].As<double>(), Is.EqualTo(columns[c]));
            Assert.That(parallel.Columns[c].As<double>(), Is.EqualTo(columns[c]));
        }

        long rows = CsvFile.ReadBlocks(path).Sum(b => (long)b.RowCount);
        Assert.That(rows, Is.EqualTo(Rows));
    }

    [Test]
    public void Read_IntegerColumnTurningFractionalAfterInference_IsReadAsDouble_ButStreamingExplains()
    {
        string path = Path.Combine(_scratch, "promote.csv");
        var text = new StringBuilder("n,x\n");
        for (int i = 0; i < 50; i++)
        {
            text.Append(i).Append(',').Append(i).Append('\n');
        }

        text.Append("2.5,50\n");
        File.WriteAllText(path, text.ToString());
        var options = new CsvReadOptions { InferenceRows = 10 };

        CsvTable table = CsvFile.Read(path, options);
        Assert.That(table["n"].ElementType, Is.EqualTo(typeof(double)));
        Assert.That(table["n"].As<double>()[^1], Is.EqualTo(2.5));
        Assert.That(table["x"].As<long>()[^1], Is.EqualTo(50));

        var error = Assert.Throws<HepMlFormatException>(() => CsvFile.ReadBlocks(path, options).ToList());
        Assert.That(error!.Message, Does.Contain("line 52").And.Contain("column 'n'").And.Contain("ColumnTypes"));
    }

    [Test]
    public void Read_ListValuedCell_IsRefusedAsJagged()
    {
        string path = Path.Combine(_scratch, "jagged.csv");
        File.WriteAllText(path, "event,pt\n0,12.5\n1,\"[3.5, 4.25]\"\n");
        var error = Assert.Throws<HepMlFormatException>(() => CsvFile.Read(path));
        Assert.That(error!.Message, Does.Contain("line 3").And.Contain("column 'pt'").And.Contain("jagged"));
        Assert.That(error.FilePath, Does.EndWith("jagged.csv"));
    }

    [Test]
    public void Read_RaggedRow_IsRefusedNamingTheLine()
    {
        string path = Path.Combine(_scratch, "ragged.csv");
        File.WriteAllText(path, "a,b,c\n1,2,3\n4,5,6,7\n");
        var error = Assert.Throws<HepMlFormatException>(() => CsvFile.Read(path));
        Assert.That(error!.Message, Does.Contain("line 3").And.Contain("4 fields").And.Contain("header has 3"));
        Assert.That(error.Offset, Is.EqualTo("a,b,c\n1,2,3\n".Length));
    }

    [Test]
    public void Column_WithJaggedValues_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new CsvColumn("muon_pt", new[] { new[] { 1f, 2f }, [3f] }));
        Assert.That(error!.Message, Does.Contain("muon_pt").And.Contain("jagged"));
        Assert.Throws<ArgumentException>(() => new CsvColumn("image", new float[2, 3]));
    }

    [Test]
    public void Read_EmptyFileOrHeaderOnly_IsClear()
    {
        string empty = Path.Combine(_scratch, "empty.csv");
        File.WriteAllText(empty, "");
        Assert.Throws<HepMlFormatException>(() => CsvFile.Read(empty));
        string header = Path.Combine(_scratch, "header.csv");
        File.WriteAllText(header, "a,b\n");
        CsvTable table = CsvFile.Read(header);
        Assert.That(table.RowCount, Is.Zero);
        Assert.That(table.Columns.Select(c => c.Name), Is.EqualTo(new[] { "a", "b" }));
    }

    private static IEnumerable<double> Values(JsonElement array) => array.EnumerateArray().Select(e => e.ValueKind switch
    {
        JsonValueKind.Null => double.NaN,
        JsonValueKind.String => e.GetString() == "inf" ? double.PositiveInfinity : double.NegativeInfinity,
        _ => e.GetDouble(),
    });
}
