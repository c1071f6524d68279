using System.Text.Json;
using HepMl.Io.Columns;
using HepMl.Io.Root.Histograms;
using HepMl.Io.Root.Reading;
using HepMl.Io.Root.Trees;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Io.Tests.Root;

/// <summary>The usage shown in docs/root-reader.md, checked against the manifest.</summary>
public class ReaderApiTests
{
    private static JsonElement Check(string branch) =>
        ReferenceManifest.File("uproot-HZZ.root").GetProperty("trees").GetProperty("events;1").GetProperty("branches")
            .GetProperty(branch).GetProperty("check");

    [Test]
    public void StreamingReaders_OverBasketAlignedRanges_SeeEveryEntryOnce()
    {
        using RootFile file = RootFile.Open(ReferenceManifest.PathOf("uproot-HZZ.root"));
        TreeReader events = file.GetTree("events");
        using BranchReader<int> nMuon = events.Branch<int>("NMuon");
        using JaggedBranchReader<float> muonPx = events.JaggedBranch<float>("Muon_Px");
        long entries = 0;
        long counted = 0;
        double sum = 0;
        foreach (EntryRange range in events.Ranges(maxEntries: 500))
        {
            ReadOnlySpan<int> counts = nMuon.Read(range);
            JaggedSpan<float> muons = muonPx.Read(range);
            Assert.That(muons.Count, Is.EqualTo(counts.Length));
            for (int i = 0; i < counts.Length; i++)
            {
                Assert.That(muons[i].Length, Is.EqualTo(counts[i]), "counter leaf agrees with the entry offsets");
                foreach (float px in muons[i])
                {
                    sum += px;
                }

                counted += counts[i];
            }

            entries += range.Count;
        }

        Assert.That(entries, Is.EqualTo(2421));
        Assert.That(counted, Is.EqualTo(Check("Muon_Px").GetProperty("counts_sum").GetInt64()));
        Tolerance.AssertClose(Check("Muon_Px").GetProperty("sum").GetDouble(), sum, 1e-9);
    }

    [Test]
    public void Iterate_Chunks_CoverTheTreeInOrder()
    {
        using RootFile file = RootFile.Open(ReferenceManifest.PathOf("uproot-HZZ.root"));
        TreeReader events = file.GetTree("events");
        var starts = new List<long>();
        long total = 0;
        foreach (TreeChunk chunk in events.Iterate(["NJet", "Jet_Px"], maxEntries: 1000))
        {
            starts.Add(chunk.Range.Start);
            ColumnData njet = chunk.Columns["NJet"];
            ColumnData px = chunk.Columns["Jet_Px"];
            Assert.That(px.Offsets[0][^1], Is.EqualTo(njet.Span<int>().ToArray().Sum()));
            total += njet.Span<int>().ToArray().Sum();
        }

        Assert.That(starts, Is.EqualTo(new long[] { 0, 1000, 2000 }));
        Assert.That(total, Is.EqualTo(Check("Jet_Px").GetProperty("counts_sum").GetInt64()));
    }

    [Test]
    public void TypedReader_WrongType_SaysWhatTheBranchHolds()
    {
        using RootFile file = RootFile.Open(ReferenceManifest.PathOf("uproot-HZZ.root"));
        TreeReader events = file.GetTree("events");

        InvalidCastException error = Assert.Throws<InvalidCastException>(() => events.Branch<double>("NMuon"))!;
        Assert.That(error.Message, Does.Contain("holds int32"));
        Assert.Throws<InvalidCastException>(() => events.JaggedBranch<float>("NMuon"));
    }

    [Test]
    public void GetBranch_Typo_ListsNearestNames()
    {
        using RootFile file = RootFile.Open(ReferenceManifest.PathOf("uproot-HZZ.root"));

        ObjectNotFoundException error = Assert.Throws<ObjectNotFoundException>(() => file.GetTree("events").GetBranch("Muon_px"))!;

        Assert.That(error.NearestNames[0], Is.EqualTo("Muon_Px"));
    }

    [Test]
    public void OpenStream_ReadsLikeAPath()
    {
        using FileStream stream = File.OpenRead(ReferenceManifest.PathOf("uproot-hepdata-example.root"));
        using RootFile file = RootFile.Open(stream, leaveOpen: true);

        RootHistogram histogram = file.GetHistogram("hpx");

        Assert.That(histogram.Axes[0].Bins, Is.EqualTo(100));
        Assert.That(histogram.Entries, Is.EqualTo(75000));
        Assert.That(file.Path, Does.EndWith("uproot-hepdata-example.root"));
    }

    [Test]
    public void Parallel_ReadsMatchSingleThreaded()
    {
        using RootFile file = RootFile.Open(ReferenceManifest.PathOf("uproot-issue412.root"));
        TreeReader tree = file.GetTree("test");
        tree.MaxThreads = 1;
        long[] single = tree.ReadColumn("b1").Span<long>().ToArray();
        tree.MaxThreads = 4;
        long[] parallel = tree.ReadColumn("b1").Span<long>().ToArray();

        Assert.That(parallel, Is.EqualTo(single));
        Assert.That(single, Has.Length.EqualTo(1_000_000));
    }
}
