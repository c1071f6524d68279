namespace HepMl.Analysis.Likelihood;

/// <summary>How <see cref="ProjectiveLikelihood"/> estimates each one-dimensional PDF.</summary>
public enum DensityEstimator
{
    /// <summary>A normalised histogram on the feature's training range, read by linear interpolation between bin centres (TMVA's <c>PDFInterpol=Spline1</c>).</summary>
    Histogram,

    /// <summary>A Gaussian kernel density estimate with Scott's or Silverman's bandwidth (scipy's <c>gaussian_kde</c>).</summary>
    KernelDensity,
}
