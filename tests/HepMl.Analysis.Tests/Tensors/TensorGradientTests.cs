using HepMl.Analysis.NeuralNetworks.Losses;
using HepMl.Analysis.Tensors;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Tensors;

public class TensorGradientTests
{
    private static Tensor R(int seed, params int[] shape) => GradientChecker.Random(seed, shape);

    [Test]
    public void Add_SameShape_MatchesFiniteDifferences() =>
        GradientChecker.Check(t => t[0] + t[1], [R(1, 3, 4), R(2, 3, 4)]);

    [Test]
    public void Add_BiasRow_MatchesFiniteDifferences() =>
        GradientChecker.Check(t => Tensor.Add(t[0], t[1]), [R(1, 5, 4), R(2, 4)]);

    [Test]
    public void Add_SmallerFirst_Broadcasts() =>
        GradientChecker.Check(t => Tensor.Add(t[1], t[0]), [R(1, 5, 4), R(2, 4)]);

    [Test]
    public void Subtract_Scalar_MatchesFiniteDifferences() =>
        GradientChecker.Check(t => t[0] - t[1], [R(1, 2, 3, 2), R(2, 1)]);

    [Test]
    public void Subtract_BiasRow_MatchesFiniteDifferences() =>
        GradientChecker.Check(t => t[0] - t[1], [R(1, 6, 3), R(2, 3)]);

    [Test]
    public void Multiply_SameShapeAndBroadcast_MatchFiniteDifferences()
    {
        GradientChecker.Check(t => t[0] * t[1], [R(1, 4, 5), R(2, 4, 5)]);
        GradientChecker.Check(t => t[0] * t[1], [R(3, 4, 5), R(4, 5)]);
        GradientChecker.Check(t => t[0] * t[1], [R(5, 4, 5), R(6, 1)]);
    }

    [Test]
    public void ScaleExpLogSquareAbs_MatchFiniteDifferences()
    {
        GradientChecker.Check(t => Tensor.Scale(t[0], -2.5f, 0.3f), [R(1, 7)]);
        GradientChecker.Check(t => Tensor.Exp(t[0]), [R(2, 7)]);
        GradientChecker.Check(t => Tensor.Square(t[0]), [R(3, 7)]);
        GradientChecker.Check(t => Tensor.Abs(t[0]), [GradientChecker.AwayFromZero(4, 7)]);
        Tensor positive = R(5, 7);
        positive.Span.Fill(0f);
        Tensor.Uniform(new TensorShape(7), 0.5f, 2f, new RandomSource(5)).Span.CopyTo(positive.Span);
        GradientChecker.Check(t => Tensor.Log(t[0]), [positive], h: 1e-3);
    }

    [TestCase(false, false)]
    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(true, true)]
    public void MatMul_AllTranspositions_MatchFiniteDifferences(bool transposeA, bool transposeB)
    {
        Tensor a = transposeA ? R(1, 4, 3) : R(1, 3, 4);
        Tensor b = transposeB ? R(2, 5, 4) : R(2, 4, 5);
        GradientChecker.Check(t => Tensor.MatMul(t[0], t[1], transposeA, transposeB), [a, b]);
    }

    [Test]
    public void Linear_WithAndWithoutBias_MatchesFiniteDifferences()
    {
        GradientChecker.Check(t => Tensor.Linear(t[0], t[1], t[2]), [R(1, 7, 5), R(2, 3, 5), R(3, 3)]);
        GradientChecker.Check(t => Tensor.Linear(t[0], t[1], null), [R(4, 2, 5), R(5, 3, 5)]);
    }

    [TestCase(ActivationKind.Relu)]
    [TestCase(ActivationKind.LeakyRelu)]
    [TestCase(ActivationKind.Elu)]
    [TestCase(ActivationKind.Selu)]
    [TestCase(ActivationKind.Sigmoid)]
    [TestCase(ActivationKind.Tanh)]
    [TestCase(ActivationKind.Softplus)]
    public void Activation_MatchesFiniteDifferences(ActivationKind kind) =>
        GradientChecker.Check(t => Tensor.Activation(t[0], kind), [Tensor.Scale(GradientChecker.AwayFromZero(7, 4, 6), 2f)], h: 1e-2);

    [Test]
    public void SoftmaxAndLogSoftmax_MatchFiniteDifferences()
    {
        GradientChecker.Check(t => Tensor.Softmax(t[0]), [R(1, 3, 5)], h: 1e-2, abs: 1e-3);
        GradientChecker.Check(t => Tensor.LogSoftmax(t[0]), [R(2, 3, 5)], h: 1e-2, abs: 1e-3);
    }

    [Test]
    public void Softmax_RowsSumToOne()
    {
        Tensor y = Tensor.Softmax(Tensor.FromSpan([1f, 2f, 3f, 1000f, 1000f, -1000f], 2, 3));
        Assert.That(y.Span[0] + y.Span[1] + y.Span[2], Is.EqualTo(1f).Within(1e-6));
        Assert.That(y.Span[3], Is.EqualTo(0.5f).Within(1e-6));
        // Closed form: softmax([1,2,3])[2] = e^3 / (e + e^2 + e^3) = 0.66524096.
        Assert.That(y.Span[2], Is.EqualTo(0.66524096f).Within(1e-6));
    }

    [Test]
    public void Reductions_MatchFiniteDifferences()
    {
        GradientChecker.Check(t => Tensor.Sum(t[0]), [R(1, 3, 4)]);
        GradientChecker.Check(t => Tensor.Mean(t[0]), [R(2, 3, 4)]);
        GradientChecker.Check(t => Tensor.SumRows(t[0]), [R(3, 3, 2, 2)]);
    }

    [Test]
    public void ViewsAndConcatenate_MatchFiniteDifferences()
    {
        GradientChecker.Check(t => Tensor.Square(t[0].Reshape(-1, 6)), [R(1, 2, 3, 2)]);
        GradientChecker.Check(t => Tensor.Square(t[0].SliceRows(1, 2)), [R(2, 4, 3)]);
        GradientChecker.Check(t => Tensor.Square(t[0].Flatten()), [R(3, 2, 2, 3)]);
        GradientChecker.Check(t => Tensor.Concatenate(t[0], t[1]), [R(4, 3, 2), R(5, 3, 4)]);
        GradientChecker.Check(t => Tensor.Concatenate(t[0], t[1]), [R(6, 2, 1, 3, 3), R(7, 2, 2, 3, 3)]);
    }

    [TestCase(1, 0)]
    [TestCase(1, 1)]
    [TestCase(2, 1)]
    [TestCase(2, 0)]
    public void Conv2d_MatchesFiniteDifferences(int stride, int padding) =>
        GradientChecker.Check(
            t => Tensor.Conv2d(t[0], t[1], t[2], stride, padding),
            [R(1, 2, 3, 6, 5), R(2, 4, 3, 3, 2), R(3, 4)], h: 1e-2, rel: 2e-2, abs: 3e-3);

    [Test]
    public void Conv2d_LargeBatch_ParallelPathMatchesFiniteDifferencesOnWeights() =>
        GradientChecker.Check(
            t => Tensor.Conv2d(t[0], t[1], t[2], 1, 1),
            [R(1, 16, 4, 12, 12), R(2, 8, 4, 3, 3), R(3, 8)], h: 1e-2, rel: 2e-2, abs: 2e-2, checkInputs: [2]);

    [Test]
    public void Pooling_MatchesFiniteDifferences()
    {
        // Distinct values so the maximum of each window is unique and stable under the nudge.
        Tensor x = Tensor.Zeros(2, 2, 5, 4);
        Span<float> v = x.Span;
        var random = new RandomSource(3);
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = (i * 0.37f % 7f) + (0.01f * random.NextSingle());
        }

        GradientChecker.Check(t => Tensor.MaxPool2d(t[0], 2), [x], h: 1e-3);
        GradientChecker.Check(t => Tensor.AvgPool2d(t[0], 2), [R(4, 2, 2, 5, 4)]);
        GradientChecker.Check(t => Tensor.AvgPool2d(t[0], 3, 1), [R(5, 1, 2, 5, 4)]);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void BatchNorm_MatchesFiniteDifferences(bool training)
    {
        Tensor runningMean = Tensor.Zeros(3);
        Tensor runningVariance = Tensor.Full(new TensorShape(3), 1.5f);
        GradientChecker.Check(
            t => Tensor.BatchNorm(t[0], t[1], t[2], runningMean, runningVariance, training, momentum: 0f),
            [R(1, 4, 3, 2, 2), R(2, 3), R(3, 3)], h: 1e-2, rel: 3e-2, abs: 3e-3);
        GradientChecker.Check(
            t => Tensor.BatchNorm(t[0], t[1], t[2], runningMean, runningVariance, training, momentum: 0f),
            [R(4, 6, 3), R(5, 3), R(6, 3)], h: 1e-2, rel: 3e-2, abs: 3e-3);
    }

    [Test]
    public void Losses_MatchFiniteDifferences()
    {
        Tensor targets = Tensor.FromSpan([1f, 0f, 1f, 0f, 1f], 5);
        Tensor weights = Tensor.FromSpan([1f, 0.5f, -0.7f, 2f, 1.2f], 5);
        GradientChecker.Check(t => Losses.BinaryCrossEntropyWithLogits(t[0], targets, weights), [R(1, 5, 1)], checkInputs: [0]);
        GradientChecker.Check(t => Losses.BinaryCrossEntropyWithLogits(t[0], targets), [R(2, 5)]);
        Tensor labels = Tensor.FromSpan([0f, 2f, 1f, 2f, 0f], 5);
        GradientChecker.Check(t => Losses.CrossEntropy(t[0], labels, weights), [R(3, 5, 3)]);
        Tensor regressionTargets = R(4, 5, 2);
        GradientChecker.Check(t => Losses.MeanSquaredError(t[0], regressionTargets, weights), [R(5, 5, 2)]);
        GradientChecker.Check(t => Losses.MeanAbsoluteError(t[0], regressionTargets), [R(6, 5, 2)], h: 1e-3);
        GradientChecker.Check(t => Losses.Huber(t[0], regressionTargets, 0.3f), [Tensor.Scale(R(7, 5, 2), 2f)], h: 1e-3);
        GradientChecker.Check(t => Losses.GaussianKlDivergence(t[0], t[1]), [R(8, 4, 3), R(9, 4, 3)]);
    }
}
