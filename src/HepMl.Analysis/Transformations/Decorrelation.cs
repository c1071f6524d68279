using HepMl.Analysis.Data;
using HepMl.Analysis.Transformations.Internal;

namespace HepMl.Analysis.Transformations;

/// <summary>
/// Linear decorrelation with the inverse square root of the covariance matrix, <c>y = C^(-1/2) x</c>
/// (TMVA: <c>Decorrelation</c>, <c>VarTransform=D</c>).
/// </summary>
/// <remarks>
/// The product is accumulated in double over the inputs in ascending order and rounded to float, as TMVA's
/// <c>VariableDecorrTransform</c> does (<c>TVectorD *= TMatrixD</c>). The fitted matrix is
/// <c>S diag(1/sqrt(λ)) Sᵀ</c> from the eigen-decomposition of the weighted covariance; a singular covariance
/// (a constant or linearly dependent variable) is rejected.
/// </remarks>
public sealed class Decorrelation : VariableTransformation
{
    private readonly double[][] _matrices;

    /// <summary>Creates the transformation from one row-major n×n matrix per parameter set.</summary>
    /// <exception cref="ArgumentException">A matrix is not n×n.</exception>
    public Decorrelation(int variableCount, IReadOnlyList<double[]> matrices)
        : base(variableCount, matrices?.Count ?? 0)
    {
        CheckSets(matrices!, variableCount * variableCount, nameof(matrices));
        _matrices = matrices!.Select(m => (double[])m.Clone()).ToArray();
    }

    /// <inheritdoc />
    public override string Name => "Decorrelation";

    /// <summary>A copy of the row-major matrix of parameter set <paramref name="set"/>.</summary>
    public double[] Matrix(int set) => (double[])_matrices[set].Clone();

    /// <summary>Fits <c>C^(-1/2)</c> per class (and for all classes) from the weighted covariance.</summary>
    /// <param name="data">Training events.</param>
    /// <param name="variables">Column indices to transform, or null for all.</param>
    /// <exception cref="ArgumentException">The dataset is empty, holds non-finite values, or a covariance is singular.</exception>
    public static Decorrelation Fit(Dataset data, IReadOnlyList<int>? variables = null)
    {
        FitSample sample = FitSample.From(data, variables, "Decorrelation");
        int n = sample.VariableCount;
        var matrices = new double[sample.SetCount][];
        for (int set = 0; set < sample.SetCount; set++)
        {
            double[] covariance = Covariance.Weighted(sample, set, out _);
            (double[] values, double[] vectors) = SymmetricEigen.Decompose(covariance, n);
            var result = new double[n * n];
            for (int k = 0; k < n; k++)
            {
                if (!(values[k] > 0))
                {
                    throw new ArgumentException(
                        $"cannot fit the Decorrelation transformation: the covariance of parameter set {set} is singular "
                        + $"(eigenvalue {values[k]}); remove constant or linearly dependent variables", nameof(data));
                }

                double scale = 1.0 / Math.Sqrt(values[k]);
                for (int i = 0; i < n; i++)
                {
                    double left = vectors[(i * n) + k] * scale;
                    for (int j = 0; j < n; j++)
                    {
                        result[(i * n) + j] += left * vectors[(j * n) + k];
                    }
                }
            }

            matrices[set] = result;
        }

        return new Decorrelation(n, matrices);
    }

    /// <inheritdoc />
    protected override void TransformCore(ReadOnlySpan<float> input, Span<float> output, int set)
    {
        int n = VariableCount;
        Span<float> copy = n <= 64 ? stackalloc float[n] : new float[n];
        input.CopyTo(copy);
        double[] matrix = _matrices[set];
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            int row = i * n;
            for (int j = 0; j < n; j++)
            {
                sum += matrix[row + j] * copy[j];
            }

            output[i] = (float)sum;
        }
    }
}
