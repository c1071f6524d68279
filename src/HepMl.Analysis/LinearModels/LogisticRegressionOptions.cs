namespace HepMl.Analysis.LinearModels;

/// <summary>Options of <see cref="LogisticRegression.Train(Data.Dataset, LogisticRegressionOptions)"/>.</summary>
public sealed class LogisticRegressionOptions
{
    /// <summary>Default values (those of scikit-learn's <c>LogisticRegression</c>).</summary>
    public static class Defaults
    {
        /// <summary>Ridge penalty.</summary>
        public const RegularizationPenalty Penalty = RegularizationPenalty.L2;

        /// <summary>Inverse regularisation strength.</summary>
        public const double InverseRegularization = 1.0;

        /// <summary>Convergence tolerance on the largest coefficient step.</summary>
        public const double Tolerance = 1e-10;

        /// <summary>Iteration limit of the outer Newton loop.</summary>
        public const int MaximumIterations = 200;
    }

    /// <summary>Penalty type.</summary>
    public RegularizationPenalty Penalty { get; init; } = Defaults.Penalty;

    /// <summary>
    /// C in the objective C·Σ wᵢ ℓᵢ + R(β) (scikit-learn's <c>C</c>): smaller means stronger regularisation.
    /// Because the loss is summed over events, the effect of a given C depends on the sample size and weight scale.
    /// </summary>
    public double InverseRegularization { get; init; } = Defaults.InverseRegularization;

    /// <summary>Stop when no coefficient moves by more than this in a Newton step.</summary>
    public double Tolerance { get; init; } = Defaults.Tolerance;

    /// <summary>Maximum number of Newton steps; reaching it raises <see cref="Classic.ConvergenceException"/>.</summary>
    public int MaximumIterations { get; init; } = Defaults.MaximumIterations;
}
