namespace HepMl.Analysis.Svm;

/// <summary>Options of <see cref="SupportVectorMachine.Train(Data.Dataset, SupportVectorMachineOptions)"/>.</summary>
public sealed class SupportVectorMachineOptions
{
    /// <summary>Default values (those of scikit-learn's <c>SVC</c>).</summary>
    public static class Defaults
    {
        /// <summary>RBF kernel.</summary>
        public const SvmKernel Kernel = SvmKernel.Rbf;

        /// <summary>Box constraint C.</summary>
        public const double Cost = 1.0;

        /// <summary>Stopping tolerance on the maximal KKT violation.</summary>
        public const double Tolerance = 1e-3;

        /// <summary>Kernel row cache, in megabytes.</summary>
        public const int CacheMegabytes = 100;

        /// <summary>SMO iteration limit.</summary>
        public const int MaximumIterations = 10_000_000;
    }

    /// <summary>Kernel.</summary>
    public SvmKernel Kernel { get; init; } = Defaults.Kernel;

    /// <summary>C, the penalty of margin violations (per event: C × event weight). scikit-learn/libsvm: <c>C</c>; TMVA SVM: <c>C</c>.</summary>
    public double Cost { get; init; } = Defaults.Cost;

    /// <summary>RBF γ; null means scikit-learn's <c>'scale'</c>: 1 / (features × variance of all feature values).</summary>
    public double? Gamma { get; init; }

    /// <summary>Stop when the maximal violation of the optimality conditions falls below this (libsvm <c>eps</c>).</summary>
    public double Tolerance { get; init; } = Defaults.Tolerance;

    /// <summary>Memory for cached kernel rows.</summary>
    public int CacheMegabytes { get; init; } = Defaults.CacheMegabytes;

    /// <summary>Iteration limit; reaching it raises <see cref="Classic.ConvergenceException"/>.</summary>
    public int MaximumIterations { get; init; } = Defaults.MaximumIterations;
}
