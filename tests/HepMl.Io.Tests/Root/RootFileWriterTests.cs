using HepMl.Io.Compression;
using HepMl.Io.Root.Reading;
using HepMl.Io.Columns;
using HepMl.Io.Root.Trees;
using HepMl.Io.Root.Writing;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Io.Tests.Root;

/// <summary>
/// Files written by <see cref="RootFileWriter"/> read back by HepMl's ROOT reader value by value: nested directories,
/// TObjString, trees with every primitive type as scalars, fixed arrays, counter-leaf arrays and std::vector, over many
/// baskets, with each compression. (uproot reads the same files in <c>bench/peers/root-write</c>.)
/// </summary>
[TestFixture]
public sealed partial class RootFileWriterTests
{
    private string _scratch = null!;

    [OneTimeSetUp]
    public void CreateScratch() => _scratch = SharedData.CreateScratchDirectory("root-writer");

    [OneTimeTearDown]
    public void RemoveScratch() => Directory.Delete(_scratch, recursive: true);

    public static IEnumerable<TestCaseData> Compressions() =>
    [
        new TestCaseData("zlib:1").SetName("Tree_RoundTrip_zlib1"),
        new TestCaseData("zlib:9").SetName("Tree_RoundTrip_zlib9"),
        new TestCaseData("lz4:4").SetName("Tree_RoundTrip_lz4"),
        new TestCaseData("zstd:5").SetName("Tree_RoundTrip_zstd"),
        new TestCaseData("none").SetName("Tree_RoundTrip_uncompressed"),
    ];

    [TestCaseSource(nameof(Compressions))]
    public void Tree_EveryBranchKind_ReadsBackValueByValue(string compression)
    {
        string path = Path.Combine(_scratch, $"tree-{compression.Replace(':', '-')}.root");
        TreeData data = TreeData.Create(entries: 5_000, seed: 3);
        using (RootFileWriter file = RootFileWriter.Create(path, RootCompression.Parse(compression)))
        {
            RootTreeWriter tree = file.Root.Mkdir("events/selected").CreateTree("Events", "test tree", data.Definitions,
                new RootTreeWriterOptions { ClusterBytes = 64 << 10 });
            foreach (RootTreeBlock block in data.Blocks(blockSize: 700))
            {
                tree.Append(block);
            }
        }

        using RootFile read = RootFile.Open(path);
        TreeReader events = read.GetTree("events/selected/Events");
        Assert.That(events.Entries, Is.EqualTo(data.Entries));
        Assert.That(events.GetBranch("f4").BasketCount, Is.GreaterThan(3), "many baskets");
        data.AssertMatches(events);
    }

    [Test]
    public void Append_BadBlock_NoBranchTakesAnyOfIt()
    {
        // The second branch's values are one short: the first branch must not have buffered its values either, or
        // the branches would disagree on their entries.
        string path = Path.Combine(_scratch, "bad-block.root");
        using (RootFileWriter file = RootFileWriter.Create(path))
        {
            RootTreeWriter tree = file.Root.CreateTree("T", "bad", [RootBranchDefinition.Scalar<float>("a"), RootBranchDefinition.Vector<int>("v"), RootBranchDefinition.Scalar<int>("b")]);
            var error = Assert.Throws<ArgumentException>(() => tree.Append(new RootTreeBlock(3).Add("a", new[] { 1f, 2f, 3f })
                .AddJagged("v", new[] { 7 }, [0, 1, 1, 1]).Add("b", new[] { 1, 2 })))!;
            Assert.That(error.Message, Does.Contain("'b' needs 3 values for 3 entries, got 2"));
            Assert.Throws<ArgumentException>(() => tree.Append(new RootTreeBlock(1).Add("a", new[] { 1f }).Add("v", new[] { 7 }).Add("b", new[] { 1 })));
            tree.Append(new RootTreeBlock(2).Add("a", new[] { 4f, 5f }).AddJagged("v", new[] { 8, 9 }, [0, 2, 2]).Add("b", new[] { 6, 7 }));
        }

        using RootFile read = RootFile.Open(path);
        TreeReader t = read.GetTree("T");
        Assert.That(t.Entries, Is.EqualTo(2));
        Assert.That(t.ReadColumn("a").Span<float>().ToArray(), Is.EqualTo(new[] { 4f, 5f }));
        Assert.That(t.ReadColumn("v").Span<int>().ToArray(), Is.EqualTo(new[] { 8, 9 }));
        Assert.That(t.ReadColumn("b").Span<int>().ToArray(), Is.EqualTo(new[] { 6, 7 }));
    }

    [Test]
    public void Directories_AndObjString_ReadBack()
    {
        string path = Path.Combine(_scratch, "dirs.root");
        using (RootFileWriter file = RootFileWriter.Create(path, title: "directories"))
        {
            file.Root.WriteObjString("note", "written by HepMl");
            RootDirectoryWriter deep = file.Root.Mkdir("a/b/c");
            deep.WriteObjString("deep", "three levels down");
            file.Root.Mkdir("a").WriteObjString("middle", "in a");
            file.Root.Mkdir("empty");
        }

        using RootFile read = RootFile.Open(path);
        Assert.That(read.Root.Keys.Select(k => k.Name), Is.EquivalentTo(new[] { "note", "a", "empty" }));
        Assert.That(Text(read.ReadObject("note")), Is.EqualTo("written by HepMl"));
        Assert.That(Text(read.ReadObject("a/b/c/deep")), Is.EqualTo("three levels down"));
        Assert.That(Text(read.ReadObject("a/middle")), Is.EqualTo("in a"));
        Assert.That(read.GetDirectory("empty").Keys, Is.Empty);
    }

    [Test]
    public void Histograms_TH1D_TH1F_TH2D_ReadBack()
    {
        string path = Path.Combine(_scratch, "histograms.root");
        double[] h1 = Enumerable.Range(0, 12).Select(i => i * 1.5).ToArray();
        double[] w2 = h1.Select(v => v * 2).ToArray();
        double[] variable = Enumerable.Range(0, 6).Select(i => (double)i * i).ToArray();
        double[] h2 = Enumerable.Range(0, 5 * 4).Select(i => (double)i).ToArray();
        using (RootFileWriter file = RootFileWriter.Create(path, RootCompression.Parse("zlib:4")))
        {
            file.Root.WriteHistogram(RootHistogramData.TH1D("h1d", "one D", new RootAxisData(10, -5, 5, Title: "x [GeV]"), h1, w2, entries: 123));
            file.Root.Mkdir("float").WriteHistogram(RootHistogramData.TH1F("h1f", "float", RootAxisData.Variable([0, 1, 4, 9, 16]), variable));
            file.Root.WriteHistogram(RootHistogramData.TH2D("h2d", "two D", new RootAxisData(3, 0, 3), new RootAxisData(2, -1, 1), h2));
        }

        using RootFile read = RootFile.Open(path);
        var one = read.GetHistogram("h1d");
        Assert.That(one.ClassName, Is.EqualTo("TH1D"));
        Assert.That(one.Title, Is.EqualTo("one D"));
        Assert.That(one.Contents, Is.EqualTo(h1));
        Assert.That(one.SumW2, Is.EqualTo(w2));
        Assert.That(one.Entries, Is.EqualTo(123));
        Assert.That(one.Axes[0].Bins, Is.EqualTo(10));
        Assert.That(one.Axes[0].Low, Is.EqualTo(-5));
        Assert.That(one.Axes[0].High, Is.EqualTo(5));
        Assert.That(one.Axes[0].Title, Is.EqualTo("x [GeV]"));
        // Hand-computed: in-range bins 1..10 hold 1.5 i, centres -5.5 + i; sum w = 1.5 * 55 = 82.5.
        Assert.That(one.SumOfWeights, Is.EqualTo(82.5));
        Assert.That(one.SumOfWeightedX, Is.EqualTo(Enumerable.Range(1, 10).Sum(i => 1.5 * i * (-5.5 + i))).Within(1e-12));

        var single = read.GetHistogram("float/h1f");
        Assert.That(single.ClassName, Is.EqualTo("TH1F"));
        Assert.That(single.Contents, Is.EqualTo(variable));
        Assert.That(single.Axes[0].Edges, Is.EqualTo(new double[] { 0, 1, 4, 9, 16 }));

        var two = read.GetHistogram("h2d");
        Assert.That(two.ClassName, Is.EqualTo("TH2D"));
        Assert.That(two.Dimension, Is.EqualTo(2));
        Assert.That(two.Contents, Is.EqualTo(h2));
        Assert.That(two.Axes[1].Bins, Is.EqualTo(2));
        Assert.That(two.Axes[1].Low, Is.EqualTo(-1));
    }

    private static string? Text(object? value) => value switch
    {
        string s => s,
        HepMl.Io.Root.Objects.RootObject o => o.GetOrNull("fString")?.ToString(),
        _ => value?.ToString(),
    };
}
