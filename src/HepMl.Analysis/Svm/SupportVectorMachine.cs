using HepMl.Analysis.Classic;
using HepMl.Analysis.Classic.Internal;
using HepMl.Analysis.Data;
using HepMl.Analysis.Svm.Internal;

namespace HepMl.Analysis.Svm;

/// <summary>
/// A binary soft-margin support vector machine (C-SVC) with a linear or Gaussian (RBF) kernel. The score is the
/// decision function f(x) = Σ_i y_i α_i K(x_i, x) + b, positive for signal (label 1).
/// </summary>
/// <remarks>
/// Trained by SMO on the dual with libsvm's second-order working-set selection, so the solution (to the stopping
/// tolerance) is scikit-learn's <c>SVC(kernel, C, gamma, tol)</c>; event weights scale C per event, as
/// <c>fit(sample_weight=w)</c>, and must be non-negative. The cost grows roughly with n² kernel evaluations: fine for
/// tens of thousands of events, not for millions. Standardise features first. TMVA: <c>MethodSVM</c> (RBF kernel).
/// </remarks>
public sealed class SupportVectorMachine : IEventScorer
{
    private const string MethodName = "support vector machine";
    private readonly double[] _supportVectors; // row-major [count, d]
    private readonly double[] _dualCoefficients; // y_i alpha_i
    private readonly double[] _supportNorms;
    private readonly double[]? _linearWeights;

    private SupportVectorMachine(string[] names, SvmKernel kernel, double gamma, double[] supportVectors, double[] dualCoefficients, double intercept, int iterations)
    {
        FeatureNames = names;
        Kernel = kernel;
        Gamma = gamma;
        _supportVectors = supportVectors;
        _dualCoefficients = dualCoefficients;
        Intercept = intercept;
        Iterations = iterations;
        int d = names.Length;
        _supportNorms = new double[dualCoefficients.Length];
        for (int s = 0; s < dualCoefficients.Length; s++)
        {
            double norm = 0;
            for (int j = 0; j < d; j++)
            {
                norm += supportVectors[(s * d) + j] * supportVectors[(s * d) + j];
            }

            _supportNorms[s] = norm;
        }

        if (kernel == SvmKernel.Linear)
        {
            _linearWeights = new double[d];
            for (int s = 0; s < dualCoefficients.Length; s++)
            {
                for (int j = 0; j < d; j++)
                {
                    _linearWeights[j] += dualCoefficients[s] * supportVectors[(s * d) + j];
                }
            }
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The kernel.</summary>
    public SvmKernel Kernel { get; }

    /// <summary>The RBF γ used (0 for the linear kernel).</summary>
    public double Gamma { get; }

    /// <summary>b of the decision function (scikit-learn: <c>intercept_[0]</c>; libsvm: −ρ).</summary>
    public double Intercept { get; }

    /// <summary>Number of support vectors (events with α &gt; 0).</summary>
    public int SupportVectorCount => _dualCoefficients.Length;

    /// <summary>y_i α_i of each support vector (scikit-learn: <c>dual_coef_</c>).</summary>
    public IReadOnlyList<double> DualCoefficients => _dualCoefficients;

    /// <summary>SMO iterations taken.</summary>
    public int Iterations { get; }

    /// <summary>For the linear kernel, the primal weight vector w (f(x) = w·x + b); null for RBF.</summary>
    public IReadOnlyList<double>? LinearWeights => _linearWeights;

    /// <summary>Trains an RBF SVM with C = 1 and γ = 'scale'.</summary>
    /// <inheritdoc cref="Train(Dataset, SupportVectorMachineOptions)"/>
    public static SupportVectorMachine Train(Dataset data) => Train(data, new SupportVectorMachineOptions());

    /// <summary>Trains on labelled events (1 signal, 0 background).</summary>
    /// <exception cref="ArgumentException">The dataset is empty, has a NaN feature, lacks labels, holds one class, has a negative weight, or an option is out of range.</exception>
    /// <exception cref="ConvergenceException">The iteration limit was reached.</exception>
    public static SupportVectorMachine Train(Dataset data, SupportVectorMachineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TrainingInput.RequireNonEmpty(data, MethodName);
        TrainingInput.RequireBinaryLabels(data, MethodName);
        TrainingInput.RequireFinite(data, MethodName);
        TrainingInput.RequireNonNegativeWeights(data, MethodName);
        if (!(options.Cost > 0) || double.IsInfinity(options.Cost))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Cost, $"{MethodName}: Cost (C) must be positive and finite");
        }

        if (options.Gamma is { } g && !(g > 0 && double.IsFinite(g)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), g, $"{MethodName}: Gamma must be positive and finite");
        }

        if (!(options.Tolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Tolerance, $"{MethodName}: Tolerance must be positive");
        }

        int n = data.RowCount, d = data.FeatureCount;
        var x = new double[n * d];
        double sum = 0, sumSquares = 0;
        for (int j = 0; j < d; j++)
        {
            ReadOnlySpan<float> column = data.Column(j);
            for (int i = 0; i < n; i++)
            {
                double v = column[i];
                x[(i * d) + j] = v;
                sum += v;
                sumSquares += v * v;
            }
        }

        double gamma = 0;
        if (options.Kernel == SvmKernel.Rbf)
        {
            double count = (double)n * d, mean = sum / count;
            double variance = (sumSquares / count) - (mean * mean);
            gamma = options.Gamma ?? (variance > 0 ? 1.0 / (d * variance) : 1.0);
        }

        var y = new sbyte[n];
        var upper = new double[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = data.Labels[i] == 1 ? (sbyte)1 : (sbyte)-1;
            upper[i] = options.Cost * data.Weights[i];
        }

        var rows = new KernelRows(x, n, d, y, options.Kernel, gamma, options.CacheMegabytes);
        var (alpha, rho, iterations) = SmoSolver.Solve(rows, y, upper, options.Tolerance, options.MaximumIterations);

        var vectors = new List<double>();
        var coefficients = new List<double>();
        for (int i = 0; i < n; i++)
        {
            if (alpha[i] > 0)
            {
                coefficients.Add(y[i] * alpha[i]);
                vectors.AddRange(x.AsSpan(i * d, d));
            }
        }

        return new SupportVectorMachine([.. data.FeatureNames], options.Kernel, gamma, [.. vectors], [.. coefficients], -rho, iterations);
    }

    /// <summary>The decision function of one event.</summary>
    public double DecisionFunction(ReadOnlySpan<float> features)
    {
        FeatureBinding.CheckEvent(features, FeatureNames.Count, MethodName);
        return Decide(features);
    }

    /// <inheritdoc/>
    public float Score(ReadOnlySpan<float> features) => (float)DecisionFunction(features);

    /// <inheritdoc/>
    public float[] Score(Dataset data)
    {
        float[] rows = FeatureBinding.RowMajor(data, FeatureNames, MethodName);
        int d = FeatureNames.Count;
        var result = new float[data.RowCount];
        Parallel.For(0, result.Length, i => result[i] = (float)Decide(rows.AsSpan(i * d, d)));
        return result;
    }

    private double Decide(ReadOnlySpan<float> x)
    {
        int d = x.Length;
        double f = Intercept;
        if (_linearWeights is not null)
        {
            for (int j = 0; j < d; j++)
            {
                f += _linearWeights[j] * x[j];
            }

            return f;
        }

        double norm = 0;
        for (int j = 0; j < d; j++)
        {
            norm += (double)x[j] * x[j];
        }

        for (int s = 0; s < _dualCoefficients.Length; s++)
        {
            ReadOnlySpan<double> v = _supportVectors.AsSpan(s * d, d);
            double dot = 0;
            for (int j = 0; j < d; j++)
            {
                dot += v[j] * x[j];
            }

            f += _dualCoefficients[s] * Math.Exp(-Gamma * (_supportNorms[s] + norm - (2 * dot)));
        }

        return f;
    }
}
