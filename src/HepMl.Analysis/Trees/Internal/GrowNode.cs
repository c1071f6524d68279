namespace HepMl.Analysis.Trees.Internal;

/// <summary>The best split found for a node: feature, last bin of the left side, where NaN goes, and the children's
/// gradient statistics.</summary>
internal struct SplitInfo
{
    public int Feature;
    public int Bin;
    public bool MissingLeft;
    public double Gain;
    public double LeftGradient;
    public double LeftHessian;
    public int LeftCount;
    public double RightGradient;
    public double RightHessian;
    public int RightCount;

    public static SplitInfo None => new() { Feature = -1, Gain = double.NegativeInfinity };

    public readonly bool IsValid => Feature >= 0;

    /// <summary>True when this candidate beats <paramref name="other"/>: larger gain, ties to the lower feature.</summary>
    public readonly bool BetterThan(in SplitInfo other) =>
        Gain > other.Gain || (Gain == other.Gain && Feature >= 0 && (other.Feature < 0 || Feature < other.Feature));
}

/// <summary>A node while a tree grows: its events are <c>rows[Start .. Start + Count)</c> of the grower's row list.</summary>
internal sealed class GrowNode
{
    public int Id;
    public int Depth;
    public int Left = -1;
    public int Right = -1;
    public int Start;
    public int Count;
    public double Gradient;
    public double Hessian;
    public SplitInfo Split = SplitInfo.None;
    public long[]? Histogram;
    public int[]? CountHistogram;
    public float LeafValue;

    public bool IsLeaf => Left < 0;
}

/// <summary>The grower's settings, resolved from the options for one training run.</summary>
internal sealed class GrowerSettings
{
    public int MaxDepth { get; init; }

    public int MaxLeaves { get; init; }

    public double MinChildHessian { get; init; }

    public int MinSamplesLeaf { get; init; }

    public double L1 { get; init; }

    public double L2 { get; init; }

    public double MinSplitGain { get; init; }

    public double LearningRate { get; init; }

    public double ColumnSampleByNode { get; init; }

    public GrowthPolicy Policy { get; init; }

    public bool NeedsCounts => MinSamplesLeaf > 1;

    /// <summary>The loss reduction of a node with these sums as a leaf: T(G)² / (H + λ), T the L1 soft threshold.</summary>
    public double Score(double gradient, double hessian)
    {
        double g = SoftThreshold(gradient);
        double denominator = hessian + L2;
        return denominator > 0 ? g * g / denominator : 0;
    }

    /// <summary>The leaf value -T(G)/(H+λ) times the learning rate; 0 when the hessian is below the minimum
    /// (XGBoost <c>CalcWeight</c>) or the denominator is not positive.</summary>
    public float LeafValue(double gradient, double hessian)
    {
        double denominator = hessian + L2;
        if (hessian < MinChildHessian || denominator <= 0)
        {
            return 0f;
        }

        return (float)(-SoftThreshold(gradient) / denominator * LearningRate);
    }

    private double SoftThreshold(double g) =>
        L1 == 0 ? g : g > L1 ? g - L1 : g < -L1 ? g + L1 : 0;
}
