using HepMl.Analysis.Autodiff;
using HepMl.Analysis.NeuralNetworks;
using HepMl.Analysis.NeuralNetworks.Activations;
using HepMl.Analysis.NeuralNetworks.Data;
using HepMl.Analysis.NeuralNetworks.Layers;
using HepMl.Analysis.NeuralNetworks.Losses;
using HepMl.Analysis.NeuralNetworks.Optimizers;
using HepMl.Analysis.NeuralNetworks.Training;
using HepMl.Analysis.Tensors;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.NeuralNetworks;

using Linear = HepMl.Analysis.NeuralNetworks.Layers.Linear;

public class LearningTests
{
    [Test]
    public void Xor_TwoLayerMlp_LearnsAllFourPoints()
    {
        var random = new RandomSource(1);
        var net = new Sequential(new Linear(2, 8, random: random), Activation.Tanh(), new Linear(8, 1, random: random));
        var optimizer = new Adam(net.Parameters(), learningRate: 0.05f);
        Tensor x = Tensor.FromSpan([0f, 0f, 0f, 1f, 1f, 0f, 1f, 1f], 4, 2);
        Tensor y = Tensor.FromSpan([0f, 1f, 1f, 0f], 4);
        for (int step = 0; step < 300; step++)
        {
            using TensorScope scope = TensorScope.Begin();
            Tensor loss = Losses.BinaryCrossEntropyWithLogits(net.Forward(x), y);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
        }

        using GradientMode.NoGradScope noGrad = GradientMode.NoGrad();
        float[] logits = net.Forward(x).ToArray();
        Assert.That(logits[0], Is.LessThan(-2f));
        Assert.That(logits[1], Is.GreaterThan(2f));
        Assert.That(logits[2], Is.GreaterThan(2f));
        Assert.That(logits[3], Is.LessThan(-2f));
    }

    [Test]
    public void Xor_SameSeed_RepeatsExactly()
    {
        float[] first = TrainXorOnce(7);
        float[] second = TrainXorOnce(7);
        Assert.That(second, Is.EqualTo(first));
        Assert.That(TrainXorOnce(8), Is.Not.EqualTo(first));
    }

    [Test]
    public void Trainer_LinearlySeparable_ReachesHighAccuracyWithValidationAndHistory()
    {
        (float[] x, float[] labels) = Blobs(2000, 3, seed: 5, linear: true);
        var source = new InMemoryBatchSource(x, new TensorShape(2), 2000, labels);
        var random = new RandomSource(3);
        var net = new Sequential(new Linear(2, 1, random: random));
        var trainer = new Trainer(
            net, new Sgd(net.Parameters(), 0.1f, momentum: 0.9f, nesterov: true),
            Trainer.Supervised(net, (o, t, w) => Losses.BinaryCrossEntropyWithLogits(o, t!, w)),
            new TrainerOptions { Epochs = 5, BatchSize = 64, ValidationFraction = 0.25, Metric = TrainingMetric.Accuracy(), Seed = 1 });

        TrainingHistory history = trainer.Fit(source);

        Assert.That(history.Epochs, Has.Count.EqualTo(5));
        Assert.That(history.Epochs[^1].ValidationMetric, Is.GreaterThan(0.97));
        Assert.That(history.Epochs[^1].TrainLoss, Is.LessThan(history.Epochs[0].TrainLoss));
    }

    [Test]
    public void Trainer_Circles_NonLinearTaskReachesKnownAccuracy()
    {
        // Inner disc (r < 1) vs ring (1.4 < r < 2): separable only by a non-linear boundary; a linear model is at chance.
        (float[] x, float[] labels) = Circles(3000, seed: 9);
        var source = new InMemoryBatchSource(x, new TensorShape(2), 3000, labels);
        var random = new RandomSource(4);
        var net = new Sequential(new Linear(2, 16, random: random), Activation.Relu(), new Linear(16, 16, random: random), Activation.Relu(), new Linear(16, 1, random: random));
        var trainer = new Trainer(
            net, new Adam(net.Parameters(), 0.01f),
            Trainer.Supervised(net, (o, t, w) => Losses.BinaryCrossEntropyWithLogits(o, t!, w)),
            new TrainerOptions { Epochs = 15, BatchSize = 64, ValidationFraction = 0.2, Metric = TrainingMetric.Accuracy(), Seed = 2 });

        TrainingHistory history = trainer.Fit(source);

        Assert.That(history.Epochs[^1].ValidationMetric, Is.GreaterThan(0.98));
    }

    [Test]
    public void Trainer_EarlyStopping_RestoresBestWeights()
    {
        (float[] x, float[] labels) = Blobs(400, 1, seed: 5, linear: true);
        var source = new InMemoryBatchSource(x, new TensorShape(2), 400, labels);
        var net = new Sequential(new Linear(2, 1, random: new RandomSource(2)));
        // A learning rate this large makes the validation loss bounce, so a later epoch is worse than the best one.
        var trainer = new Trainer(
            net, new Sgd(net.Parameters(), 50f),
            Trainer.Supervised(net, (o, t, w) => Losses.BinaryCrossEntropyWithLogits(o, t!, w)),
            new TrainerOptions { Epochs = 30, BatchSize = 16, ValidationFraction = 0.5, EarlyStoppingPatience = 2, Seed = 3 });

        TrainingHistory history = trainer.Fit(source);

        Assert.That(history.StoppedEarly, Is.True);
        Assert.That(history.RestoredBestWeights, Is.True);
        (_, InMemoryBatchSource validation) = source.Split(0.5);
        double restoredLoss = ValidationLoss(net, validation);
        Assert.That(restoredLoss, Is.EqualTo(history.Epochs[history.BestEpoch].ValidationLoss!.Value).Within(1e-5));
    }

    [Test]
    public void Trainer_NaNLoss_ThrowsTrainingDivergedWithEpochAndBatch()
    {
        float[] x = [1f, 2f, float.NaN, 4f, 5f, 6f];
        var source = new InMemoryBatchSource(x, new TensorShape(2), 3, [0f, 1f, 0f]);
        var net = new Sequential(new Linear(2, 1));
        var trainer = new Trainer(
            net, new Sgd(net.Parameters(), 0.1f),
            Trainer.Supervised(net, (o, t, w) => Losses.BinaryCrossEntropyWithLogits(o, t!, w)),
            new TrainerOptions { Epochs = 1, BatchSize = 1, Shuffle = false });

        var error = Assert.Throws<TrainingDivergedException>(() => trainer.Fit(source));
        Assert.That(error!.Epoch, Is.EqualTo(0));
        Assert.That(error.Batch, Is.EqualTo(1));
        Assert.That(error.Message, Does.Contain("epoch 1, batch 2"));
    }

    [Test]
    public void Linear_WrongInputWidth_NamesLayerAndShapes()
    {
        var net = new Sequential(new Linear(4, 3), Activation.Relu(), new Linear(3, 2) { Name = "head" });
        var error = Assert.Throws<ShapeMismatchException>(() => net.Forward(Tensor.Zeros(5, 3)));
        Assert.That(error!.Message, Does.Contain("layer '0' (Linear 4→3)"));
        Assert.That(error.Message, Does.Contain("[N, 4]"));
        Assert.That(error.Message, Does.Contain("[5, 3]"));

        var conv = new Conv2d(3, 8, 3) { Name = "conv1" };
        var convError = Assert.Throws<ShapeMismatchException>(() => conv.Forward(Tensor.Zeros(2, 1, 5, 5)));
        Assert.That(convError!.Message, Does.Contain("conv1").And.Contain("[2, 1, 5, 5]"));
    }

    [Test]
    public void MatMul_InnerMismatch_NamesOperationAndShapes()
    {
        var error = Assert.Throws<ShapeMismatchException>(() => Tensor.MatMul(Tensor.Zeros(2, 3), Tensor.Zeros(4, 5)));
        Assert.That(error!.Message, Does.Contain("MatMul").And.Contain("[2, 3]").And.Contain("[4, 5]"));
    }

    private static float[] TrainXorOnce(ulong seed)
    {
        var random = new RandomSource(seed);
        var net = new Sequential(new Linear(2, 8, random: random), Activation.Relu(), new Linear(8, 1, random: random));
        var optimizer = new Adam(net.Parameters(), 0.05f);
        var source = new InMemoryBatchSource([0f, 0f, 0f, 1f, 1f, 0f, 1f, 1f], new TensorShape(2), 4, [0f, 1f, 1f, 0f]);
        var trainer = new Trainer(net, optimizer, Trainer.Supervised(net, (o, t, w) => Losses.BinaryCrossEntropyWithLogits(o, t!, w)),
            new TrainerOptions { Epochs = 20, BatchSize = 2, Seed = seed });
        trainer.Fit(source);
        return net.Parameters().SelectMany(p => p.Value.ToArray()).ToArray();
    }

    private static double ValidationLoss(Module net, InMemoryBatchSource validation)
    {
        using GradientMode.NoGradScope noGrad = GradientMode.NoGrad();
        var loader = new BatchLoader(validation, 1024, false, new RandomSource(0), prefetch: 0);
        double sum = 0;
        int n = 0;
        foreach (Batch batch in loader.Epoch())
        {
            sum += Losses.BinaryCrossEntropyWithLogits(net.Forward(batch.Features), batch.Targets!).Item() * batch.Count;
            n += batch.Count;
        }

        return sum / n;
    }

    internal static (float[] X, float[] Labels) Blobs(int n, float separation, int seed, bool linear)
    {
        var random = new RandomSource((ulong)seed);
        float[] x = new float[n * 2];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++)
        {
            int label = i % 2;
            labels[i] = label;
            float centre = linear ? (label == 1 ? separation : -separation) : 0f;
            x[2 * i] = centre + (float)random.NextNormal();
            x[(2 * i) + 1] = centre + (float)random.NextNormal();
        }

        return (x, labels);
    }

    internal static (float[] X, float[] Labels) Circles(int n, int seed)
    {
        var random = new RandomSource((ulong)seed);
        float[] x = new float[n * 2];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++)
        {
            int label = i % 2;
            double r = label == 0 ? Math.Sqrt(random.NextDouble()) : 1.4 + (0.6 * random.NextDouble());
            double phi = 2 * Math.PI * random.NextDouble();
            x[2 * i] = (float)(r * Math.Cos(phi));
            x[(2 * i) + 1] = (float)(r * Math.Sin(phi));
            labels[i] = label;
        }

        return (x, labels);
    }
}
