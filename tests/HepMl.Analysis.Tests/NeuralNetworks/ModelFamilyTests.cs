using HepMl.Analysis.Data;
using HepMl.Analysis.NeuralNetworks.Models;
using HepMl.Analysis.NeuralNetworks.Serialization;
using HepMl.Analysis.Tensors;
using HepMl.Io;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.NeuralNetworks;

public class ModelFamilyTests
{
    [Test]
    public void MlpClassifier_Circles_ReachesKnownAccuracyAndRoundTripsThroughFile()
    {
        (float[] x, float[] labels) = LearningTests.Circles(2000, seed: 3);
        Dataset data = ToDataset(x, labels, 2000);
        MlpClassifier model = MlpClassifier.Fit(data, new MlpOptions { HiddenLayers = [16, 16], Epochs = 15, BatchSize = 64, LearningRate = 0.01f, Seed = 4 });

        float[] p = model.Predict(data);
        Assert.That(Accuracy(p, labels), Is.GreaterThan(0.97));

        string path = Path.Combine(Path.GetTempPath(), $"hepml-mlp-{Guid.NewGuid():N}.hepnn");
        try
        {
            model.Save(path);
            MlpClassifier loaded = MlpClassifier.Load(path);
            Assert.That(loaded.Predict(data), Is.EqualTo(p));
            Assert.That(loaded.FeatureNames, Is.EqualTo(new[] { "x", "y" }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void MlpClassifier_ThreeClasses_SoftmaxProbabilitiesSumToOne()
    {
        var random = new RandomSource(5);
        int n = 900;
        float[][] columns = [new float[n], new float[n]];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i % 3;
            double angle = labels[i] * 2 * Math.PI / 3;
            columns[0][i] = (float)((3 * Math.Cos(angle)) + random.NextNormal());
            columns[1][i] = (float)((3 * Math.Sin(angle)) + random.NextNormal());
        }

        var data = new Dataset(["a", "b"], columns, labels);
        MlpClassifier model = MlpClassifier.Fit(data, new MlpOptions { HiddenLayers = [16], Epochs = 10, BatchSize = 32, LearningRate = 0.01f, Seed = 1 });
        float[] p = model.PredictProbabilities(data);
        int correct = 0;
        for (int i = 0; i < n; i++)
        {
            Assert.That(p[3 * i] + p[(3 * i) + 1] + p[(3 * i) + 2], Is.EqualTo(1f).Within(1e-5));
            correct += System.Numerics.Tensors.TensorPrimitives.IndexOfMax(p.AsSpan(3 * i, 3)) == labels[i] ? 1 : 0;
        }

        // Three unit-width blobs 3σ·√3 apart: the Bayes accuracy is about 0.93.
        Assert.That(correct / (double)n, Is.GreaterThan(0.88));
    }

    [Test]
    public void MlpRegressor_Sine_FitsWithinTolerance()
    {
        var random = new RandomSource(2);
        int n = 2000;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = (float)((random.NextDouble() * 6) - 3);
            y[i] = 10f + (5f * MathF.Sin(x[i]));
        }

        var data = new Dataset(["x"], [x], targets: y);
        MlpRegressor model = MlpRegressor.Fit(data, new MlpOptions { HiddenLayers = [32, 32], Epochs = 30, BatchSize = 64, LearningRate = 0.01f, Seed = 3 });
        float[] predicted = model.Predict(data);
        double squares = 0;
        for (int i = 0; i < n; i++)
        {
            squares += (predicted[i] - y[i]) * (predicted[i] - y[i]);
        }

        // The target spread is 5/sqrt(2) = 3.5; a good fit has an RMS error well below 0.3.
        Assert.That(Math.Sqrt(squares / n), Is.LessThan(0.3));
    }

    [Test]
    public void Vae_TwoDimensionalGaussianMixture_ReconstructsAndScoresOutliers()
    {
        var random = new RandomSource(11);
        int n = 2000;
        float[] events = new float[2 * n];
        for (int i = 0; i < n; i++)
        {
            float centre = i % 2 == 0 ? -2f : 2f;
            events[2 * i] = centre + (0.3f * (float)random.NextNormal());
            events[(2 * i) + 1] = centre + (0.3f * (float)random.NextNormal());
        }

        var vae = new VariationalAutoencoder(new AutoencoderOptions
        {
            InputFeatures = 2, HiddenLayers = [32, 32], LatentDimensions = 2, Beta = 0.05f, Epochs = 40, BatchSize = 64, LearningRate = 3e-3f, Seed = 2,
        });
        vae.Fit(events, n);
        float[] reconstruction = vae.Reconstruct(events, n);
        double squares = 0;
        for (int i = 0; i < events.Length; i++)
        {
            squares += (reconstruction[i] - events[i]) * (reconstruction[i] - events[i]);
        }

        // Each coordinate has variance 4.09 (mixture); the reconstruction must explain nearly all of it.
        Assert.That(squares / events.Length, Is.LessThan(0.1));
        float[] scores = new float[3];
        vae.AnomalyScores([-2f, -2f, 2f, 2f, 6f, -6f], 3, AnomalyScoreKind.Both, scores);
        Assert.That(scores[2], Is.GreaterThan(10 * Math.Max(scores[0], scores[1])));
    }

    [Test]
    public void Gan_OneDimensionalGaussian_MatchesMeanAndWidth()
    {
        var random = new RandomSource(21);
        int n = 4096;
        float[] events = new float[n];
        random.FillNormal(events, 2f, 0.5f);
        var gan = new Gan(new GanOptions
        {
            DataDimensions = 1, LatentDimensions = 4, GeneratorHidden = [32, 32], DiscriminatorHidden = [32, 32],
            Epochs = 40, BatchSize = 128, LearningRate = 2e-3f, Seed = 5,
        });
        gan.Fit(events, n);
        float[] samples = gan.Sample(20000);
        double mean = samples.Average();
        double std = Math.Sqrt(samples.Select(s => (s - mean) * (s - mean)).Average());
        Assert.That(mean, Is.EqualTo(2.0).Within(0.15));
        Assert.That(std, Is.EqualTo(0.5).Within(0.12));
    }

    [Test]
    public void ConditionalGan_FollowsItsCondition()
    {
        var random = new RandomSource(8);
        int n = 4096;
        float[] events = new float[n];
        float[] conditions = new float[n];
        for (int i = 0; i < n; i++)
        {
            conditions[i] = i % 2;
            events[i] = (conditions[i] == 0 ? -1.5f : 1.5f) + (0.3f * (float)random.NextNormal());
        }

        var gan = new Gan(new GanOptions
        {
            DataDimensions = 1, ConditionDimensions = 1, LatentDimensions = 4, GeneratorHidden = [32, 32], DiscriminatorHidden = [32, 32],
            Epochs = 30, BatchSize = 128, LearningRate = 2e-3f, Seed = 6,
        });
        gan.Fit(events, n, conditions);
        double low = gan.Sample(2000, Enumerable.Repeat(0f, 2000).ToArray()).Average();
        double high = gan.Sample(2000, Enumerable.Repeat(1f, 2000).ToArray()).Average();
        Assert.That(low, Is.EqualTo(-1.5).Within(0.3));
        Assert.That(high, Is.EqualTo(1.5).Within(0.3));
    }

    [Test]
    public void JetImageClassifier_BinaryAndMultiClass_SeparateSyntheticProngs()
    {
        // Class k images: a bright pixel in row 2 + 3k on an 8x8 grid, plus noise; the CNN must find the row.
        foreach (int classes in new[] { 2, 3 })
        {
            (float[] images, int[] labels) = Prongs(600, classes, seed: 31);
            var options = new JetImageClassifierOptions
            {
                Height = 8, Width = 8, ConvolutionChannels = [4], DenseUnits = 16, ClassCount = classes, Epochs = 8, BatchSize = 32, LearningRate = 3e-3f, Seed = 1,
            };
            JetImageClassifier model = JetImageClassifier.Fit(images, 600, labels, null, options);
            float[] p = model.PredictProbabilities(images, 600);
            int correct = 0;
            for (int i = 0; i < 600; i++)
            {
                int predicted = classes == 2 ? (p[i] > 0.5f ? 1 : 0) : System.Numerics.Tensors.TensorPrimitives.IndexOfMax(p.AsSpan(i * classes, classes));
                correct += predicted == labels[i] ? 1 : 0;
            }

            Assert.That(correct / 600.0, Is.GreaterThan(0.95), $"{classes} classes");
        }
    }

    [Test]
    public void ModelFile_CorruptOrTruncated_RaisesFormatExceptionWithOffset()
    {
        var vae = new VariationalAutoencoder(new AutoencoderOptions { InputFeatures = 3, HiddenLayers = [4], LatentDimensions = 2, Epochs = 1 });
        string path = Path.Combine(Path.GetTempPath(), $"hepml-vae-{Guid.NewGuid():N}.hepnn");
        try
        {
            vae.Save(path);
            byte[] bytes = File.ReadAllBytes(path);
            VariationalAutoencoder loaded = VariationalAutoencoder.Load(path);
            Assert.That(loaded.Network.NamedState().Count, Is.EqualTo(vae.Network.NamedState().Count));

            byte[] flipped = (byte[])bytes.Clone();
            flipped[^10] ^= 0x40;
            var crc = Assert.Throws<HepMlFormatException>(() => ModelFile.Read(flipped, path));
            Assert.That(crc!.Message, Does.Contain("CRC-32 mismatch"));

            var truncated = Assert.Throws<HepMlFormatException>(() => ModelFile.Read(bytes.AsSpan(0, 10), path));
            Assert.That(truncated!.Offset, Is.EqualTo(0));

            byte[] future = (byte[])bytes.Clone();
            future[10] = 9;
            Assert.Throws<UnsupportedFormatException>(() => ModelFile.Read(future, path));

            var wrongKind = Assert.Throws<HepMlFormatException>(() => MlpClassifier.Load(path));
            Assert.That(wrongKind!.Message, Does.Contain("VariationalAutoencoder"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (float[] Images, int[] Labels) Prongs(int n, int classes, int seed)
    {
        var random = new RandomSource((ulong)seed);
        float[] images = new float[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i % classes;
            Span<float> image = images.AsSpan(i * 64, 64);
            random.FillUniform(image, 0f, 0.2f);
            int row = 2 + (2 * labels[i]);
            int column = random.NextInt(8);
            image[(row * 8) + column] += 1f;
        }

        return (images, labels);
    }

    private static Dataset ToDataset(float[] x, float[] labels, int n)
    {
        float[][] columns = [new float[n], new float[n]];
        for (int i = 0; i < n; i++)
        {
            columns[0][i] = x[2 * i];
            columns[1][i] = x[(2 * i) + 1];
        }

        return new Dataset(["x", "y"], columns, labels.Select(l => (int)l).ToArray());
    }

    private static double Accuracy(float[] p, float[] labels)
    {
        int correct = 0;
        for (int i = 0; i < p.Length; i++)
        {
            correct += (p[i] > 0.5f ? 1 : 0) == (int)labels[i] ? 1 : 0;
        }

        return correct / (double)p.Length;
    }
}
