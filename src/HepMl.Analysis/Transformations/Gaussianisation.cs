using HepMl.Analysis.Data;
using HepMl.Analysis.Transformations.Internal;

namespace HepMl.Analysis.Transformations;

/// <summary>
/// Maps each variable through its cumulative distribution to a flat distribution on (0, 1) or, composed with the
/// inverse error function, to a standard Gaussian (TMVA: <c>Gauss</c> / <c>Uniform</c>, <c>VarTransform=G</c> / <c>U</c>).
/// </summary>
/// <remarks>
/// Evaluation follows TMVA's <c>VariableGaussTransform::Transform</c>: <c>u = CDF(x)</c> from the tabulated
/// cumulative distribution (<see cref="TabulatedCdf"/>), clamped to [1e-9, 1 − 1e-9]; flat output is <c>u</c>,
/// Gaussian output is <c>1.414213562 · erfinv(2u − 1)</c> with the argument clamped to ±0.99999999; outputs are
/// rounded to float. Fitting follows <c>GetCumulativeDist</c>: adaptive bins of about 1/2000 of the class weight
/// (at least 10 × the smallest weight), a weighted histogram smoothed once with ROOT's 353QH-twice algorithm,
/// cumulated, normalised, and tabulated with a linear spline on 10000 bins.
/// </remarks>
public sealed class Gaussianisation : VariableTransformation
{
    private const double Sqrt2 = 1.414213562;
    private const double CumulantEdge = 10e-10;
    private const double MaximumErfInverseArgument = 0.99999999;

    private readonly TabulatedCdf[][] _distributions;

    /// <summary>Creates the transformation from one CDF per (parameter set, variable).</summary>
    /// <param name="distributions">distributions[set][variable].</param>
    /// <param name="flat">True for the uniform output (TMVA <c>Uniform</c>/<c>FlatOrGauss="Flat"</c>).</param>
    /// <exception cref="ArgumentException">The sets are empty or of unequal length.</exception>
    public Gaussianisation(IReadOnlyList<TabulatedCdf[]> distributions, bool flat = false)
        : base(distributions?.Count > 0 && distributions[0] is not null ? distributions[0].Length : 0, distributions?.Count ?? 0)
    {
        CheckSets(distributions!, VariableCount, nameof(distributions));
        _distributions = distributions!.Select(set => (TabulatedCdf[])set.Clone()).ToArray();
        foreach (TabulatedCdf[] set in _distributions)
        {
            foreach (TabulatedCdf cdf in set)
            {
                ArgumentNullException.ThrowIfNull(cdf, nameof(distributions));
            }
        }

        IsFlat = flat;
    }

    /// <inheritdoc />
    public override string Name => IsFlat ? "Uniform" : "Gauss";

    /// <summary>True for the uniform output, false for the Gaussian output.</summary>
    public bool IsFlat { get; }

    /// <inheritdoc />
    public override bool IsInvertible => true;

    /// <summary>The CDF of variable <paramref name="variable"/> in parameter set <paramref name="set"/>.</summary>
    public TabulatedCdf Distribution(int set, int variable) => _distributions[set][variable];

    /// <summary>Fits the cumulative distributions per class (and for all classes) like TMVA.</summary>
    /// <param name="data">Training events.</param>
    /// <param name="variables">Column indices to transform, or null for all.</param>
    /// <param name="flat">True for uniform output.</param>
    /// <exception cref="ArgumentException">The dataset is empty, holds non-finite values, or a class has no events.</exception>
    public static Gaussianisation Fit(Dataset data, IReadOnlyList<int>? variables = null, bool flat = false)
    {
        FitSample sample = FitSample.From(data, variables, flat ? "Uniform" : "Gauss");
        var distributions = new TabulatedCdf[sample.SetCount][];
        for (int set = 0; set < sample.SetCount; set++)
        {
            distributions[set] = new TabulatedCdf[sample.VariableCount];
            for (int j = 0; j < sample.VariableCount; j++)
            {
                distributions[set][j] = CumulativeDistributionFit.Fit(sample, set, j);
            }
        }

        return new Gaussianisation(distributions, flat);
    }

    /// <inheritdoc />
    protected override void TransformCore(ReadOnlySpan<float> input, Span<float> output, int set)
    {
        TabulatedCdf[] distributions = _distributions[set];
        for (int j = 0; j < input.Length; j++)
        {
            double cumulant = distributions[j].Evaluate(input[j]);
            cumulant = Math.Min(cumulant, 1.0 - CumulantEdge);
            cumulant = Math.Max(cumulant, 0.0 + CumulantEdge);
            if (IsFlat)
            {
                output[j] = (float)cumulant;
                continue;
            }

            double argument = (2.0 * cumulant) - 1.0;
            argument = Math.Min(MaximumErfInverseArgument, argument);
            argument = Math.Max(-MaximumErfInverseArgument, argument);
            output[j] = (float)(Sqrt2 * MathNet.Numerics.SpecialFunctions.ErfInv(argument));
        }
    }

    /// <inheritdoc />
    protected override void InverseTransformCore(ReadOnlySpan<float> input, Span<float> output, int set)
    {
        TabulatedCdf[] distributions = _distributions[set];
        for (int j = 0; j < input.Length; j++)
        {
            double cumulant = input[j];
            if (!IsFlat)
            {
                cumulant = (MathNet.Numerics.SpecialFunctions.Erf(cumulant / Sqrt2) + 1) / 2f;
            }

            output[j] = (float)distributions[j].Inverse(cumulant);
        }
    }
}
