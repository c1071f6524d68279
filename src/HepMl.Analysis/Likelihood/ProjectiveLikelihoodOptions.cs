namespace HepMl.Analysis.Likelihood;

/// <summary>Options of <see cref="ProjectiveLikelihood.Train(Data.Dataset, ProjectiveLikelihoodOptions)"/>.</summary>
public sealed class ProjectiveLikelihoodOptions
{
    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>Histogram PDFs.</summary>
        public const DensityEstimator Estimator = DensityEstimator.Histogram;

        /// <summary>Histogram bins per feature.</summary>
        public const int Bins = 40;

        /// <summary>Scott's bandwidth rule.</summary>
        public const BandwidthRule Bandwidth = BandwidthRule.Scott;

        /// <summary>Grid points on which a kernel density is tabulated (0: exact evaluation).</summary>
        public const int KernelGridPoints = 2048;

        /// <summary>Output y = L_S/(L_S + L_B) in [0, 1].</summary>
        public const bool TransformOutput = false;
    }

    /// <summary>PDF estimator.</summary>
    public DensityEstimator Estimator { get; init; } = Defaults.Estimator;

    /// <summary>Histogram bins per feature.</summary>
    public int Bins { get; init; } = Defaults.Bins;

    /// <summary>Bandwidth rule of the kernel density.</summary>
    public BandwidthRule Bandwidth { get; init; } = Defaults.Bandwidth;

    /// <summary>Fixed kernel bandwidth overriding the rule (in feature units), or null.</summary>
    public double? FixedBandwidth { get; init; }

    /// <summary>
    /// The kernel density is tabulated on this many points spanning the training range ± 4 bandwidths and read by
    /// linear interpolation (fast for large samples); 0 evaluates the full kernel sum for every event.
    /// </summary>
    public int KernelGridPoints { get; init; } = Defaults.KernelGridPoints;

    /// <summary>Map the output through TMVA's inverse sigmoid −ln(1/y − 1)/15 (TMVA <c>TransformOutput</c>).</summary>
    public bool TransformOutput { get; init; } = Defaults.TransformOutput;
}
