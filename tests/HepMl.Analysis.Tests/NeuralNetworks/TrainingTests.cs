using HepMl.Analysis.Data;
using HepMl.Analysis.NeuralNetworks;
using HepMl.Analysis.NeuralNetworks.Activations;
using HepMl.Analysis.NeuralNetworks.Data;
using HepMl.Analysis.NeuralNetworks.Layers;
using HepMl.Analysis.NeuralNetworks.Losses;
using HepMl.Analysis.NeuralNetworks.Models;
using HepMl.Analysis.NeuralNetworks.Optimizers;
using HepMl.Analysis.NeuralNetworks.Schedules;
using HepMl.Analysis.NeuralNetworks.Training;
using HepMl.Analysis.Tensors;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.NeuralNetworks;

using Linear = HepMl.Analysis.NeuralNetworks.Layers.Linear;

public class TrainingTests
{
    [Test]
    public void TrainingStep_AfterWarmUp_AllocatesOnlySmallGraphObjects()
    {
        var random = new RandomSource(1);
        var net = new Sequential(new Linear(28, 64, random: random), Activation.Relu(), new Linear(64, 64, random: random), Activation.Relu(), new Linear(64, 1, random: random));
        var optimizer = new Adam(net.Parameters(), 1e-3f);
        Tensor x = Tensor.Uniform(new TensorShape(256, 28), -1f, 1f, random);
        Tensor y = Tensor.Full(new TensorShape(256), 1f);
        void Step()
        {
            using TensorScope scope = TensorScope.Begin();
            Tensor loss = Losses.BinaryCrossEntropyWithLogits(net.Forward(x), y);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
        }

        for (int i = 0; i < 5; i++)
        {
            Step();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            Step();
        }

        long perStep = (GC.GetAllocatedBytesForCurrentThread() - before) / 20;

        // The activations alone are 256 x 64 floats = 64 KiB per layer; pooled buffers keep the step far below that.
        Assert.That(perStep, Is.LessThan(16 * 1024));
    }

    [Test]
    public void Schedules_FollowTheirClosedForms()
    {
        Assert.That(LearningRateSchedule.Step(2, 0.5f).NextRate(5, 1f, 1f, 0), Is.EqualTo(0.25f));
        Assert.That(LearningRateSchedule.Exponential(0.9f).NextRate(2, 1f, 1f, 0), Is.EqualTo(0.81f).Within(1e-6));
        // Cosine annealing at half the period: min + (max - min)/2.
        Assert.That(LearningRateSchedule.Cosine(10, 0.1f).NextRate(5, 1.1f, 1f, 0), Is.EqualTo(0.6f).Within(1e-6));
        LearningRateSchedule plateau = LearningRateSchedule.ReduceOnPlateau(0.5f, patience: 1);
        Assert.That(plateau.NextRate(1, 1f, 1f, 1.0), Is.EqualTo(1f));
        Assert.That(plateau.NextRate(2, 1f, 1f, 1.0), Is.EqualTo(1f));
        Assert.That(plateau.NextRate(3, 1f, 1f, 1.0), Is.EqualTo(0.5f));
    }

    [Test]
    public void ClipByNorm_RescalesToTheLimit()
    {
        var p = new Parameter("w", Tensor.Zeros(2), penalised: true);
        Tensor.Sum(Tensor.Multiply(p.Value, Tensor.FromSpan([3f, 4f], 2))).Backward();
        double norm = GradientClipping.ClipByNorm([p], 1f);
        Assert.That(norm, Is.EqualTo(5.0).Within(1e-6));
        Assert.That(p.Grad!.ToArray()[0], Is.EqualTo(0.6f).Within(1e-5));
        Assert.That(p.Grad!.ToArray()[1], Is.EqualTo(0.8f).Within(1e-5));
    }

    [Test]
    public void Dropout_TrainingZeroesAndRescales_EvaluationIsIdentity()
    {
        var dropout = new Dropout(0.25f, new RandomSource(3));
        Tensor x = Tensor.Ones(10000);
        float[] y = dropout.Forward(x).ToArray();
        int zeros = y.Count(v => v == 0f);
        Assert.That(zeros, Is.InRange(2300, 2700));
        Assert.That(y.Where(v => v != 0f), Has.All.EqualTo(1f / 0.75f).Within(1e-6));
        dropout.Eval();
        Assert.That(dropout.Forward(x), Is.SameAs(x));
    }

    [Test]
    public void ClassWeights_MultiplyTheEventWeightsSeenByTheLoss()
    {
        var source = new InMemoryBatchSource([0f, 1f, 2f, 3f], new TensorShape(1), 4, [0f, 1f, 1f, 0f], 1, [1f, 2f, 3f, 4f]);
        var net = new Sequential(new Linear(1, 1));
        var seen = new List<float>();
        var trainer = new Trainer(
            net, new Sgd(net.Parameters(), 0.01f),
            (batch, weights, metric) =>
            {
                seen.AddRange(weights!.ToArray());
                return Losses.BinaryCrossEntropyWithLogits(net.Forward(batch.Features), batch.Targets!, weights);
            },
            new TrainerOptions { Epochs = 1, BatchSize = 4, Shuffle = false, ClassWeights = [1f, 10f] });
        trainer.Fit(source);
        Assert.That(seen, Is.EqualTo(new[] { 1f, 20f, 30f, 4f }));
    }

    [Test]
    public void BadInputs_RaiseClearErrors()
    {
        var nanData = new Dataset(["a"], [[1f, float.NaN, 3f]], labels: [0, 1, 0]);
        var features = Assert.Throws<ArgumentException>(() => MlpClassifier.Fit(nanData, new MlpOptions { Epochs = 1 }));
        Assert.That(features!.Message, Does.Contain("feature 'a' holds NaN"));

        var oneClass = new Dataset(["a"], [[1f, 2f]], labels: [0, 0]);
        Assert.Throws<ArgumentException>(() => MlpClassifier.Fit(oneClass, new MlpOptions { Epochs = 1 }));

        var zeroWeights = Assert.Throws<ArgumentException>(() =>
            Losses.BinaryCrossEntropyWithLogits(Tensor.Zeros(2), Tensor.Zeros(2), Tensor.Zeros(2)));
        Assert.That(zeroWeights!.Message, Does.Contain("sum of |weights|"));

        Assert.Throws<ArgumentOutOfRangeException>(() => Losses.CrossEntropy(Tensor.Zeros(2, 3), Tensor.FromSpan([0f, 3f], 2)));
        Assert.Throws<ShapeMismatchException>(() => Losses.MeanSquaredError(Tensor.Zeros(2, 3), Tensor.Zeros(5)));

        var net = new Sequential(new Linear(1, 1));
        var empty = new InMemoryBatchSource([], new TensorShape(1), 0, []);
        var trainer = new Trainer(net, new Sgd(net.Parameters(), 0.1f), Trainer.Supervised(net, (o, t, w) => Losses.MeanSquaredError(o, t!, w)));
        Assert.Throws<ArgumentException>(() => trainer.Fit(empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(net.Parameters(), -1f));
    }

    [Test]
    public void NegativeWeights_EnterTheLossWithTheirSign()
    {
        Tensor logits = Tensor.FromSpan([0.5f, -1f], 2);
        Tensor targets = Tensor.FromSpan([1f, 0f], 2);
        // l(z, y) = max(z,0) - z y + log(1 + e^-|z|): l(0.5, 1) = 0.474077, l(-1, 0) = 0.313262.
        float loss = Losses.BinaryCrossEntropyWithLogits(logits, targets, Tensor.FromSpan([2f, -1f], 2)).Item();
        Assert.That(loss, Is.EqualTo(((2 * 0.474077) - 0.313262) / 3).Within(1e-5));
    }
}
