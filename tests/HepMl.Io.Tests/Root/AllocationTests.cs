using HepMl.Io.Root.Reading;
using HepMl.Io.Root.Trees;
using NUnit.Framework;

namespace HepMl.Io.Tests.Root;

/// <summary>
/// Reading N entries allocates per basket (bookkeeping, decompression contexts), never per entry: the typed
/// readers reuse their output buffers and decode straight into them (measured on the calling thread, one thread).
/// </summary>
[NonParallelizable]
public class AllocationTests
{
    private const long BytesPerBasket = 2048;

    [Test]
    public void FlatReader_AMillionEntriesInAHundredBaskets_AllocatesPerBasketNotPerEntry()
    {
        using RootFile file = RootFile.Open(ReferenceManifest.PathOf("uproot-issue412.root"));
        TreeReader tree = file.GetTree("test");
        tree.MaxThreads = 1;
        using BranchReader<long> values = tree.Branch<long>("b1");
        using BranchReader<bool> flags = tree.Branch<bool>("b2");
        var all = new EntryRange(0, tree.Entries);
        values.Read(all);
        flags.Read(all);

        long before = GC.GetAllocatedBytesForCurrentThread();
        ReadOnlySpan<long> read = values.Read(all);
        ReadOnlySpan<bool> readFlags = flags.Read(all);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        int baskets = tree.GetBranch("b1").BasketCount + tree.GetBranch("b2").BasketCount;
        TestContext.Out.WriteLine($"{allocated} bytes for {baskets} baskets and {2 * tree.Entries} values");
        Assert.That(read.Length, Is.EqualTo(1_000_000));
        Assert.That(readFlags.Length, Is.EqualTo(1_000_000));
        Assert.That(baskets, Is.EqualTo(200));
        Assert.That(allocated, Is.LessThan(baskets * BytesPerBasket), "per-basket bookkeeping only");
        Assert.That(allocated, Is.LessThan(read.Length * (sizeof(long) + sizeof(bool)) / 20), "a small fraction of the values read");
    }

    [Test]
    public void JaggedReader_OneEntryOrTwoHundred_AllocatesTheSame()
    {
        using RootFile file = RootFile.Open(ReferenceManifest.PathOf("nanoAOD_2015_CMS_Open_Data_ttbar.root"));
        TreeReader tree = file.GetTree("Events");
        tree.MaxThreads = 1;
        using JaggedBranchReader<float> jets = tree.JaggedBranch<float>("Jet_pt");
        jets.Read(new EntryRange(0, tree.Entries));

        long one = Measure(() => jets.Read(new EntryRange(0, 1)).Count);
        long all = Measure(() => jets.Read(new EntryRange(0, tree.Entries)).Count);

        TestContext.Out.WriteLine($"1 entry: {one} bytes, {tree.Entries} entries: {all} bytes");
        Assert.That(all, Is.LessThan(one + 512), "same basket, same allocation, whatever the entry count");
        Assert.That(all, Is.LessThan(BytesPerBasket));
    }

    [Test]
    public void JaggedReader_ManySmallBaskets_AllocatesPerBasket()
    {
        using RootFile file = RootFile.Open(ReferenceManifest.PathOf("uproot-sample-6.20.04-zlib.root"));
        TreeReader tree = file.GetTree("sample");
        tree.MaxThreads = 1;
        using JaggedBranchReader<double> values = tree.JaggedBranch<double>("Af8");
        var all = new EntryRange(0, tree.Entries);
        values.Read(all);

        long allocated = Measure(() => values.Read(all).Values.Length);

        int baskets = tree.GetBranch("Af8").BasketCount;
        TestContext.Out.WriteLine($"{allocated} bytes for {baskets} baskets");
        Assert.That(allocated, Is.LessThan(baskets * BytesPerBasket));
    }

    private static long Measure(Func<int> read)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        int result = read();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(result, Is.GreaterThanOrEqualTo(0));
        return allocated;
    }
}
