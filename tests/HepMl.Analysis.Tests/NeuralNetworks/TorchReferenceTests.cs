using System.Text.Json;
using HepMl.Analysis.NeuralNetworks;
using HepMl.Analysis.NeuralNetworks.Layers;
using HepMl.Analysis.NeuralNetworks.Losses;
using HepMl.Analysis.NeuralNetworks.Optimizers;
using HepMl.Analysis.Tensors;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.NeuralNetworks;

/// <summary>Forward values, gradients and optimiser steps against PyTorch (tests/HepMl.TestData/data/neural/torch_reference.json).</summary>
public class TorchReferenceTests
{
    private static readonly Lazy<JsonElement> s_reference = new(() =>
        JsonDocument.Parse(File.ReadAllText(SharedData.Fixture("neural", "torch_reference.json"))).RootElement);

    private static JsonElement Reference => s_reference.Value;

    private static IEnumerable<int> ConvCases() => Enumerable.Range(0, 3);

    [TestCaseSource(nameof(ConvCases))]
    public void Conv2d_MatchesTorchForwardAndGradients(int index)
    {
        JsonElement c = Reference.GetProperty("conv")[index];
        Tensor x = T(c, "x", Shape(c, "x_shape"));
        Tensor w = T(c, "w", Shape(c, "w_shape"));
        Tensor b = T(c, "b", [Floats(c, "b").Length]);
        x.RequiresGrad = w.RequiresGrad = b.RequiresGrad = true;
        Tensor y = Tensor.Conv2d(x, w, b, c.GetProperty("stride").GetInt32(), c.GetProperty("padding").GetInt32());
        Assert.That(y.Shape.Dimensions.ToArray(), Is.EqualTo(Shape(c, "y_shape")));
        Close(Floats(c, "y"), y.ToArray(), "y");
        y.Backward(Floats(c, "projection"));
        Close(Floats(c, "dx"), x.Grad!.ToArray(), "dx");
        Close(Floats(c, "dw"), w.Grad!.ToArray(), "dw");
        Close(Floats(c, "db"), b.Grad!.ToArray(), "db");
    }

    [Test]
    public void Pooling_MatchesTorch()
    {
        JsonElement c = Reference.GetProperty("pool");
        Tensor x = T(c, "x", Shape(c, "x_shape"));
        x.RequiresGrad = true;
        Tensor max = Tensor.MaxPool2d(x, 2);
        Tensor average = Tensor.AvgPool2d(x, 2);
        Close(Floats(c, "max"), max.ToArray(), "max");
        Close(Floats(c, "avg"), average.ToArray(), "avg");
        Tensor total = Tensor.Sum(Tensor.Multiply(max, T(c, "max_projection", max.Shape.Dimensions.ToArray())))
            + Tensor.Sum(Tensor.Multiply(average, T(c, "avg_projection", average.Shape.Dimensions.ToArray())));
        total.Backward();
        Close(Floats(c, "dx"), x.Grad!.ToArray(), "dx");
    }

    [Test]
    public void BatchNorm1d_TrainingStepAndEvaluation_MatchTorch()
    {
        JsonElement c = Reference.GetProperty("batchnorm");
        var layer = BatchNorm.OneDimensional(3);
        Floats(c, "gamma").CopyTo(layer.Gamma.Value.Span);
        Floats(c, "beta").CopyTo(layer.Beta.Value.Span);
        Tensor x = T(c, "x", [6, 3]);
        x.RequiresGrad = true;
        Tensor y = layer.Forward(x);
        Close(Floats(c, "y"), y.ToArray(), "y");
        y.Backward(Floats(c, "projection"));
        Close(Floats(c, "dx"), x.Grad!.ToArray(), "dx");
        Close(Floats(c, "dgamma"), layer.Gamma.Grad!.ToArray(), "dgamma");
        Close(Floats(c, "dbeta"), layer.Beta.Grad!.ToArray(), "dbeta");
        Close(Floats(c, "running_mean"), layer.RunningMean.ToArray(), "running mean");
        Close(Floats(c, "running_var"), layer.RunningVariance.ToArray(), "running variance");
        layer.Eval();
        Close(Floats(c, "y_eval"), layer.Forward(T(c, "x_eval", [4, 3])).ToArray(), "evaluation output");
    }

    [TestCase("Relu")]
    [TestCase("LeakyRelu")]
    [TestCase("Elu")]
    [TestCase("Selu")]
    [TestCase("Sigmoid")]
    [TestCase("Tanh")]
    [TestCase("Softplus")]
    [TestCase("Softmax")]
    [TestCase("LogSoftmax")]
    public void Activation_MatchesTorch(string kind)
    {
        JsonElement c = Reference.GetProperty("activations");
        Tensor x = T(c, "x", [3, 4]);
        Tensor y = HepMl.Analysis.NeuralNetworks.Activations.Activation.FromName(kind, float.NaN).Forward(x);
        Close(Floats(c, kind), y.ToArray(), kind);
    }

    [Test]
    public void Losses_MatchTorchValuesAndGradients()
    {
        JsonElement c = Reference.GetProperty("losses");
        Tensor z = T(c, "logits", [6]);
        z.RequiresGrad = true;
        Tensor bce = Losses.BinaryCrossEntropyWithLogits(z, T(c, "targets", [6]), T(c, "weights", [6]));
        Tolerance.AssertClose(c.GetProperty("bce_weighted").GetDouble(), bce.Item(), rel: 1e-5, what: "weighted BCE");
        bce.Backward();
        Close(Floats(c, "bce_grad"), z.Grad!.ToArray(), "BCE gradient");

        Tensor logits = T(c, "ce_logits", [6, 4]);
        logits.RequiresGrad = true;
        float[] labels = c.GetProperty("ce_labels").EnumerateArray().Select(e => (float)e.GetInt32()).ToArray();
        Tensor ce = Losses.CrossEntropy(logits, Tensor.FromSpan(labels, 6));
        Tolerance.AssertClose(c.GetProperty("ce").GetDouble(), ce.Item(), rel: 1e-5, what: "cross-entropy");
        ce.Backward();
        Close(Floats(c, "ce_grad"), logits.Grad!.ToArray(), "CE gradient");

        Tensor p = T(c, "predictions", [6, 2]);
        Tensor t = T(c, "regression_targets", [6, 2]);
        Tolerance.AssertClose(c.GetProperty("mse").GetDouble(), Losses.MeanSquaredError(p, t).Item(), rel: 1e-5, what: "MSE");
        Tolerance.AssertClose(c.GetProperty("mae").GetDouble(), Losses.MeanAbsoluteError(p, t).Item(), rel: 1e-5, what: "MAE");
        Tolerance.AssertClose(c.GetProperty("huber_0_3").GetDouble(), Losses.Huber(p, t, 0.3f).Item(), rel: 1e-5, what: "Huber");

        Tensor mean = T(c, "kl_mean", [6, 3]);
        Tensor logVariance = T(c, "kl_log_variance", [6, 3]);
        mean.RequiresGrad = logVariance.RequiresGrad = true;
        Tensor kl = Losses.GaussianKlDivergence(mean, logVariance);
        Tolerance.AssertClose(c.GetProperty("kl").GetDouble(), kl.Item(), rel: 1e-5, what: "KL");
        kl.Backward();
        Close(Floats(c, "kl_grad_mean"), mean.Grad!.ToArray(), "KL gradient (mean)");
        Close(Floats(c, "kl_grad_log_variance"), logVariance.Grad!.ToArray(), "KL gradient (log-variance)");
    }

    [TestCase("sgd")]
    [TestCase("sgd_momentum")]
    [TestCase("sgd_nesterov")]
    [TestCase("rmsprop")]
    [TestCase("adagrad")]
    [TestCase("adam")]
    [TestCase("amsgrad")]
    [TestCase("adamw")]
    [TestCase("adam_l2")]
    public void Optimiser_TrajectoryMatchesTorch(string name)
    {
        JsonElement c = Reference.GetProperty("optimisers");
        float[] a = Floats(c, "a");
        float[] b = Floats(c, "b");
        var w = new Parameter("w", Tensor.FromSpan(Floats(c, "w0"), 5), penalised: true);
        Optimizer optimizer = name switch
        {
            "sgd" => new Sgd([w], 0.1f),
            "sgd_momentum" => new Sgd([w], 0.1f, momentum: 0.9f),
            "sgd_nesterov" => new Sgd([w], 0.1f, momentum: 0.9f, nesterov: true),
            "rmsprop" => new RmsProp([w], 0.01f),
            "adagrad" => new Adagrad([w], 0.1f),
            "adam" => new Adam([w], 0.1f),
            "amsgrad" => new Adam([w], 0.1f, amsGrad: true),
            "adamw" => new AdamW([w], 0.1f, weightDecay: 0.1f),
            "adam_l2" => new Adam([w], 0.1f) { L2Penalty = 0.05f },
            _ => throw new ArgumentException(name),
        };
        JsonElement trajectory = c.GetProperty("trajectories").GetProperty(name);
        for (int step = 0; step < trajectory.GetArrayLength(); step++)
        {
            // Loss = Σ (a/2) w² + b w, so the gradient is a w + b.
            Tensor loss = Tensor.Sum(Tensor.Add(Tensor.Multiply(Tensor.Scale(Tensor.Square(w.Value), 0.5f), Tensor.FromSpan(a, 5)), Tensor.Multiply(w.Value, Tensor.FromSpan(b, 5))));
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            float[] expected = trajectory[step].EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
            Close(expected, w.Value.ToArray(), $"{name} step {step + 1}", relative: 1e-4);
        }
    }

    private static int[] Shape(JsonElement c, string name) => c.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();

    private static float[] Floats(JsonElement c, string name) => c.GetProperty(name).EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();

    private static Tensor T(JsonElement c, string name, int[] shape) => Tensor.FromSpan(Floats(c, name), shape);

    private static void Close(float[] expected, float[] actual, string what, double relative = 2e-5)
    {
        Assert.That(actual, Has.Length.EqualTo(expected.Length), what);
        for (int i = 0; i < expected.Length; i++)
        {
            Tolerance.AssertClose(expected[i], actual[i], rel: relative, abs: 2e-6, what: $"{what}[{i}]");
        }
    }
}
