using HepMl.Io.Compression;
using HepMl.Io.Root.Reading;
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
public sealed class RootFileWriterTests
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

    private static string? Text(object? value) => value switch
    {
        string s => s,
        HepMl.Io.Root.Objects.RootObject o => o.GetOrNull("fString")?.ToString(),
        _ => value?.ToString(),
    };
}
