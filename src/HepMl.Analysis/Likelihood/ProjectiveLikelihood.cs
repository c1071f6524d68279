using HepMl.Analysis.Classic;
using HepMl.Analysis.Classic.Internal;
using HepMl.Analysis.Data;
using HepMl.Analysis.Likelihood.Internal;

namespace HepMl.Analysis.Likelihood;

/// <summary>
/// The projective likelihood (naive Bayes) classifier of TMVA: y(x) = L_S/(L_S + L_B) with L = Π_k p_k(x_k), the
/// product of one-dimensional signal or background PDFs of each feature, estimated by histograms or Gaussian kernels.
/// </summary>
/// <remarks>
/// Correlations between features are ignored (that is the "projective" approximation). Each PDF is floored at 1e-12
/// so one empty bin cannot veto an event; the ratio is formed from log-likelihoods so long products do not underflow.
/// Histograms span each feature's training range (events outside are clamped to the edge bins); weights, including
/// negative ones, fill the histograms, but kernel densities need non-negative weights. TMVA: <c>MethodLikelihood</c>;
/// scipy: <c>gaussian_kde</c> for the kernel PDFs.
/// </remarks>
public sealed class ProjectiveLikelihood : IEventScorer
{
    private const string MethodName = "projective likelihood";
    private readonly MarginalDensity[] _signal;
    private readonly MarginalDensity[] _background;
    private readonly bool _transformOutput;

    private ProjectiveLikelihood(string[] names, MarginalDensity[] signal, MarginalDensity[] background, bool transformOutput)
    {
        FeatureNames = names;
        _signal = signal;
        _background = background;
        _transformOutput = transformOutput;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Trains with 40-bin histogram PDFs.</summary>
    /// <inheritdoc cref="Train(Dataset, ProjectiveLikelihoodOptions)"/>
    public static ProjectiveLikelihood Train(Dataset data) => Train(data, new ProjectiveLikelihoodOptions());

    /// <summary>Estimates the signal (label 1) and background (label 0) PDFs of every feature.</summary>
    /// <exception cref="ArgumentException">The dataset is empty, has a NaN feature, lacks labels, holds one class, a class's weight sum is not positive, a kernel PDF gets a negative weight, or an option is out of range.</exception>
    public static ProjectiveLikelihood Train(Dataset data, ProjectiveLikelihoodOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TrainingInput.RequireNonEmpty(data, MethodName);
        TrainingInput.RequireBinaryLabels(data, MethodName);
        TrainingInput.RequireFinite(data, MethodName);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Bins, 2, nameof(options));
        if (options.Estimator == DensityEstimator.KernelDensity)
        {
            TrainingInput.RequireNonNegativeWeights(data, MethodName);
            if (options.KernelGridPoints is < 0 or 1)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.KernelGridPoints, $"{MethodName}: KernelGridPoints must be 0 (exact) or at least 2");
            }

            if (options.FixedBandwidth is { } h && !(h > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(options), h, $"{MethodName}: FixedBandwidth must be positive");
            }
        }

        int d = data.FeatureCount;
        ReadOnlySpan<int> labels = data.Labels;
        ReadOnlySpan<float> weights = data.Weights;
        var signal = new MarginalDensity[d];
        var background = new MarginalDensity[d];
        for (int k = 0; k < d; k++)
        {
            ReadOnlySpan<float> column = data.Column(k);
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            var xs = new List<double>();
            var ws = new List<double>();
            var xb = new List<double>();
            var wb = new List<double>();
            for (int i = 0; i < column.Length; i++)
            {
                min = Math.Min(min, column[i]);
                max = Math.Max(max, column[i]);
                (labels[i] == 1 ? xs : xb).Add(column[i]);
                (labels[i] == 1 ? ws : wb).Add(weights[i]);
            }

            signal[k] = Estimate([.. xs], [.. ws], min, max, options, data.FeatureNames[k], "signal");
            background[k] = Estimate([.. xb], [.. wb], min, max, options, data.FeatureNames[k], "background");
        }

        return new ProjectiveLikelihood([.. data.FeatureNames], signal, background, options.TransformOutput);
    }

    /// <summary>The estimated PDF of feature <paramref name="feature"/> for signal (true) or background at <paramref name="value"/>.</summary>
    public double Density(int feature, bool signal, double value) => (signal ? _signal : _background)[feature].Evaluate(value);

    /// <summary>The kernel bandwidth used for a feature and class (0 for histograms).</summary>
    public double Bandwidth(int feature, bool signal) => (signal ? _signal : _background)[feature].Bandwidth;

    /// <inheritdoc/>
    public float Score(ReadOnlySpan<float> features)
    {
        FeatureBinding.CheckEvent(features, FeatureNames.Count, MethodName);
        return (float)Evaluate(features);
    }

    /// <inheritdoc/>
    public float[] Score(Dataset data)
    {
        float[] rows = FeatureBinding.RowMajor(data, FeatureNames, MethodName);
        int d = FeatureNames.Count;
        var result = new float[data.RowCount];
        Parallel.For(0, result.Length, i => result[i] = (float)Evaluate(rows.AsSpan(i * d, d)));
        return result;
    }

    private double Evaluate(ReadOnlySpan<float> x)
    {
        double logRatio = 0; // ln L_B - ln L_S
        for (int k = 0; k < x.Length; k++)
        {
            logRatio += Math.Log(_background[k].Evaluate(x[k])) - Math.Log(_signal[k].Evaluate(x[k]));
        }

        // TMVA's inverse sigmoid −ln(1/y − 1)/15 of y = 1/(1 + exp(logRatio)) is exactly −logRatio/15; using it
        // directly keeps the precision TMVA loses near y = 0 and y = 1.
        return _transformOutput ? -logRatio / 15 : 1 / (1 + Math.Exp(logRatio));
    }

    private static MarginalDensity Estimate(double[] x, double[] w, double min, double max, ProjectiveLikelihoodOptions options, string feature, string kind)
    {
        double total = w.Sum();
        if (!(total > 0))
        {
            throw new ArgumentException($"{MethodName}: the {kind} events of feature '{feature}' have total weight {total}; it must be positive", "data");
        }

        if (options.Estimator == DensityEstimator.Histogram)
        {
            return MarginalDensity.Histogram(x, w, min, max, options.Bins);
        }

        double bandwidth = options.FixedBandwidth ?? RuleBandwidth(x, w, options.Bandwidth);
        if (!(bandwidth > 0))
        {
            throw new ArgumentException($"{MethodName}: the {kind} values of feature '{feature}' are all equal, so no kernel bandwidth can be estimated; set FixedBandwidth", "data");
        }

        return MarginalDensity.Kernel(x, w, bandwidth, options.KernelGridPoints);
    }

    /// <summary>scipy's gaussian_kde bandwidth: factor(n_eff) × sqrt(weighted unbiased variance).</summary>
    private static double RuleBandwidth(double[] x, double[] w, BandwidthRule rule)
    {
        double total = w.Sum(), sumSquares = 0, mean = 0;
        for (int i = 0; i < x.Length; i++)
        {
            mean += w[i] * x[i];
        }

        mean /= total;
        double variance = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double wn = w[i] / total;
            sumSquares += wn * wn;
            variance += wn * (x[i] - mean) * (x[i] - mean);
        }

        variance /= 1 - sumSquares;
        double effective = 1 / sumSquares;
        double factor = rule == BandwidthRule.Scott ? Math.Pow(effective, -0.2) : Math.Pow(effective * 0.75, -0.2);
        return factor * Math.Sqrt(variance);
    }
}
