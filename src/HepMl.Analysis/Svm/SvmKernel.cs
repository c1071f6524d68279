namespace HepMl.Analysis.Svm;

/// <summary>The kernel of a <see cref="SupportVectorMachine"/>.</summary>
public enum SvmKernel
{
    /// <summary>K(x, z) = x·z.</summary>
    Linear,

    /// <summary>Gaussian radial basis function K(x, z) = exp(−γ‖x − z‖²).</summary>
    Rbf,
}
