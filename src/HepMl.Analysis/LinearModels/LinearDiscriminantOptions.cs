namespace HepMl.Analysis.LinearModels;

/// <summary>Options of <see cref="LinearDiscriminant.Train(Data.Dataset, LinearDiscriminantOptions)"/>.</summary>
public sealed class LinearDiscriminantOptions
{
    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>Fit the class label.</summary>
        public const LinearDiscriminantTarget Target = LinearDiscriminantTarget.ClassLabel;

        /// <summary>Keep negative-weight events (TMVA <c>IgnoreNegWeightsInTraining=False</c>).</summary>
        public const bool IgnoreNegativeWeights = false;
    }

    /// <summary>What to fit.</summary>
    public LinearDiscriminantTarget Target { get; init; } = Defaults.Target;

    /// <summary>Leave out events with weight &lt;= 0, as TMVA's <c>IgnoreNegWeightsInTraining</c>.</summary>
    public bool IgnoreNegativeWeights { get; init; } = Defaults.IgnoreNegativeWeights;
}
