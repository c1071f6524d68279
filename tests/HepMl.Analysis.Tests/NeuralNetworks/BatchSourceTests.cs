using HepMl.Analysis.NeuralNetworks.Data;
using HepMl.Analysis.Tensors;
using HepMl.Io;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.NeuralNetworks;

public class BatchSourceTests
{
    [Test]
    public void Hdf5BatchSource_CaloGanLayer_StreamsEveryEventOnceWithItsEnergy()
    {
        // Expected sums from ../shared/data/hdf5/manifest.json (written by h5py): layer_1 sum 5672010.161416769, energy sum 10294.833733201027.
        using Hdf5BatchSource source = Hdf5BatchSource.Open(SharedData.Shared("data", "hdf5", "calogan_sb3.h5"), "layer_1", "energy", null);
        Assert.That(source.Count, Is.EqualTo(200));
        Assert.That(source.SampleShape, Is.EqualTo(new TensorShape(12, 12)));
        Assert.That(source.SupportsRandomAccess, Is.False);

        // Reference pairing (image sum -> energy) from an unshuffled pass.
        var reference = new Dictionary<double, float>();
        foreach (Batch batch in new BatchLoader(source, 64, shuffle: false, new RandomSource(1), prefetch: 0).Epoch())
        {
            for (int i = 0; i < batch.Count; i++)
            {
                reference[SumOf(batch.Features.Span.Slice(i * 144, 144))] = batch.Targets!.Span[i];
            }
        }

        var loader = new BatchLoader(source, 32, shuffle: true, new RandomSource(2), prefetch: 2) { ShuffleWindowBatches = 2 };
        double pixels = 0;
        double energy = 0;
        int events = 0;
        bool reordered = false;
        foreach (Batch batch in loader.Epoch())
        {
            for (int i = 0; i < batch.Count; i++)
            {
                double imageSum = SumOf(batch.Features.Span.Slice(i * 144, 144));
                Assert.That(batch.Targets!.Span[i], Is.EqualTo(reference[imageSum]), "image and energy stay paired");
                reordered |= events == 0 && batch.Targets.Span[0] != 95.66780090332031f;
                pixels += imageSum;
                energy += batch.Targets.Span[i];
                events++;
            }
        }

        Assert.That(events, Is.EqualTo(200));
        Tolerance.AssertClose(5672010.161416769, pixels, rel: 1e-9);
        Tolerance.AssertClose(10294.833733201027, energy, rel: 1e-6);
        Assert.That(reordered, Is.True, "the window shuffle moved the first event");
    }

    [Test]
    public void Hdf5BatchSource_MissingDataset_ListsNearestNames()
    {
        var error = Assert.Throws<ObjectNotFoundException>(() => Hdf5BatchSource.Open(SharedData.Shared("data", "hdf5", "calogan_sb3.h5"), "layer1"));
        Assert.That(error!.Message, Does.Contain("layer_1"));
    }

    [Test]
    public void PaddedJagged_PadsTruncatesAndMasks()
    {
        // Three events with 1, 3 and 0 entries of two values each; keep two entries.
        float[] values = [1, 2, 3, 4, 5, 6, 7, 8];
        var source = new PaddedJaggedBatchSource(values, [0, 1, 4, 4], entryWidth: 2, maximumLength: 2, targets: [1f, 0f, 1f], paddingValue: -9f);
        Batch batch = new BatchLoader(source, 3, shuffle: false, new RandomSource(0), prefetch: 0).Epoch().First();
        Assert.That(batch.Features.Shape, Is.EqualTo(new TensorShape(3, 2, 2)));
        Assert.That(batch.Features.ToArray(), Is.EqualTo(new float[] { 1, 2, -9, -9, 3, 4, 5, 6, -9, -9, -9, -9 }));
        Assert.That(batch.Mask!.ToArray(), Is.EqualTo(new float[] { 1, 0, 1, 1, 0, 0 }));
        Assert.That(batch.Targets!.ToArray(), Is.EqualTo(new float[] { 1, 0, 1 }));
    }

    [Test]
    public void PaddedJagged_DecreasingOffsets_Throw()
    {
        var error = Assert.Throws<ArgumentException>(() => new PaddedJaggedBatchSource([1, 2], [0, 2, 1], 1, 4));
        Assert.That(error!.Message, Does.Contain("offsets decrease at event 1"));
    }

    [Test]
    public void BatchLoader_PrefetchedAndSynchronous_GiveIdenticalBatches()
    {
        float[] x = Enumerable.Range(0, 1000).Select(i => (float)i).ToArray();
        var source = new InMemoryBatchSource(x, new TensorShape(2), 500, Enumerable.Range(0, 500).Select(i => (float)(i % 2)).ToArray());
        List<float[]> Collect(int prefetch)
        {
            var list = new List<float[]>();
            foreach (Batch batch in new BatchLoader(source, 64, shuffle: true, new RandomSource(9), prefetch).Epoch())
            {
                list.Add(batch.Features.ToArray());
            }

            return list;
        }

        List<float[]> synchronous = Collect(0);
        List<float[]> prefetched = Collect(3);
        Assert.That(prefetched, Is.EqualTo(synchronous));
        Assert.That(synchronous.Sum(b => b.Length), Is.EqualTo(1000));
        Assert.That(synchronous.SelectMany(b => b).Order().ToArray(), Is.EqualTo(x));
    }

    [Test]
    public void BatchLoader_SourceFailure_PropagatesFromPrefetchThread()
    {
        var loader = new BatchLoader(new FailingSource(), 4, shuffle: false, new RandomSource(0), prefetch: 2);
        var error = Assert.Throws<InvalidDataException>(() => loader.Epoch().ToList());
        Assert.That(error!.Message, Does.Contain("broken at 8"));
    }

    private static double SumOf(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (float v in values)
        {
            sum += v;
        }

        return sum;
    }

    private sealed class FailingSource : IBatchSource
    {
        public int Count => 16;

        public TensorShape SampleShape => new(1);

        public int TargetWidth => 0;

        public bool HasWeights => false;

        public int MaskWidth => 0;

        public bool SupportsRandomAccess => false;

        public void Read(ReadOnlySpan<int> rows, BatchBuffers destination) => throw new NotSupportedException();

        public void ReadRange(int start, int count, BatchBuffers destination)
        {
            if (start >= 8)
            {
                throw new InvalidDataException($"broken at {start}");
            }

            destination.Features.Fill(start);
        }
    }
}

public class RootBatchSourceTests
{
    // Expected sums from ../shared/data/root/manifest.json (uproot): MET_px 577.7299035903998, MET_py -6370.573567732237,
    // NJet 2773, EventWeight 16.922521416134227, Jet_Px 3434.9179122354835 over 2773 jets (at most 5 per event).
    [Test]
    public void RootTreeBatchSource_HzzEvents_StreamsEveryEntryOnce()
    {
        using var file = HepMl.Io.Root.Reading.RootFile.Open(SharedData.Shared("data", "root", "uproot-HZZ.root"));
        var source = new RootTreeBatchSource(file.GetTree("events"), ["MET_px", "MET_py", "NJet"], weightBranch: "EventWeight");
        Assert.That(source.Count, Is.EqualTo(2421));
        double px = 0, py = 0, jets = 0, weights = 0;
        int events = 0;
        foreach (Batch batch in new BatchLoader(source, 100, shuffle: true, new RandomSource(4), prefetch: 2) { ShuffleWindowBatches = 4 }.Epoch())
        {
            ReadOnlySpan<float> x = batch.Features.Span;
            for (int i = 0; i < batch.Count; i++)
            {
                px += x[3 * i];
                py += x[(3 * i) + 1];
                jets += x[(3 * i) + 2];
                weights += batch.Weights!.Span[i];
                events++;
            }
        }

        Assert.That(events, Is.EqualTo(2421));
        Tolerance.AssertClose(577.7299035903998, px, rel: 1e-6);
        Tolerance.AssertClose(-6370.573567732237, py, rel: 1e-6);
        Assert.That(jets, Is.EqualTo(2773));
        Tolerance.AssertClose(16.922521416134227, weights, rel: 1e-6);
    }

    [Test]
    public void PaddedJaggedFromTree_Jets_PadsWithMaskAndKeepsEveryJet()
    {
        using var file = HepMl.Io.Root.Reading.RootFile.Open(SharedData.Shared("data", "root", "uproot-HZZ.root"));
        PaddedJaggedBatchSource source = PaddedJaggedBatchSource.FromTree(file.GetTree("events"), ["Jet_Px", "Jet_Py"], maximumLength: 5, targetBranch: "NJet");
        double px = 0, mask = 0;
        foreach (Batch batch in new BatchLoader(source, 512, shuffle: false, new RandomSource(0), prefetch: 0).Epoch())
        {
            ReadOnlySpan<float> x = batch.Features.Span;
            for (int i = 0; i < x.Length; i += 2)
            {
                px += x[i];
            }

            foreach (float m in batch.Mask!.Span)
            {
                mask += m;
            }

            if (batch.Index == 0)
            {
                // Entry 1 holds one jet with Jet_Px -38.87471389770508 (manifest first_entries), then padding.
                Assert.That(x[10], Is.EqualTo(-38.87471389770508f));
                Assert.That(batch.Mask.Span.Slice(5, 5).ToArray(), Is.EqualTo(new float[] { 1, 0, 0, 0, 0 }));
                Assert.That(batch.Targets!.Span[1], Is.EqualTo(1f));
            }
        }

        Assert.That(mask, Is.EqualTo(2773));
        Tolerance.AssertClose(3434.9179122354835, px, rel: 1e-6);
    }
}
