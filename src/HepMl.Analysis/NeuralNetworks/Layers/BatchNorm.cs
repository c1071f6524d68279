using System.Text.Json.Nodes;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Layers;

/// <summary>
/// Batch normalisation over the features of [N, F] (1-d) or the channels of [N, C, H, W] (2-d), with learnable
/// scale and shift and running statistics for evaluation. PyTorch: <c>nn.BatchNorm1d</c>, <c>nn.BatchNorm2d</c>
/// (same momentum and epsilon defaults).
/// </summary>
public sealed class BatchNorm : Module
{
    /// <summary>Creates the layer for <paramref name="features"/> channels; <paramref name="spatial"/> selects the 2-d variant.</summary>
    public BatchNorm(int features, bool spatial, float momentum = 0.1f, float epsilon = 1e-5f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        Features = features;
        IsSpatial = spatial;
        Momentum = momentum;
        Epsilon = epsilon;
        Gamma = AddParameter("weight", new TensorShape(features), penalised: false);
        Gamma.Value.Span.Fill(1f);
        Beta = AddParameter("bias", new TensorShape(features), penalised: false);
        RunningMean = AddBuffer("running_mean", new TensorShape(features), 0f);
        RunningVariance = AddBuffer("running_var", new TensorShape(features), 1f);
    }

    /// <summary>Features or channels.</summary>
    public int Features { get; }

    /// <summary>True for [N, C, H, W] input.</summary>
    public bool IsSpatial { get; }

    /// <summary>Running-statistics update factor.</summary>
    public float Momentum { get; }

    /// <summary>Added to the variance.</summary>
    public float Epsilon { get; }

    /// <summary>Scale.</summary>
    public Parameter Gamma { get; }

    /// <summary>Shift.</summary>
    public Parameter Beta { get; }

    /// <summary>Running mean (evaluation).</summary>
    public Tensor RunningMean { get; }

    /// <summary>Running variance (evaluation).</summary>
    public Tensor RunningVariance { get; }

    /// <inheritdoc/>
    public override string Description => $"BatchNorm{(IsSpatial ? "2d" : "1d")} {Features}";

    /// <summary>The 1-d variant for [N, F].</summary>
    public static BatchNorm OneDimensional(int features) => new(features, spatial: false);

    /// <summary>The 2-d variant for [N, C, H, W].</summary>
    public static BatchNorm TwoDimensional(int channels) => new(channels, spatial: true);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int rank = IsSpatial ? 4 : 2;
        if (input.Rank != rank || input.Shape[1] != Features)
        {
            throw ShapeError(IsSpatial ? $"expects input [N, {Features}, H, W]" : $"expects input [N, {Features}]", input.Shape);
        }

        return Tensor.BatchNorm(input, Gamma.Value, Beta.Value, RunningMean, RunningVariance, IsTraining, Momentum, Epsilon);
    }

    /// <inheritdoc/>
    public override JsonObject ToSpecification() => new()
    {
        ["type"] = "BatchNorm", ["name"] = Name, ["features"] = Features, ["spatial"] = IsSpatial,
        ["momentum"] = Momentum, ["epsilon"] = Epsilon,
    };
}
