namespace HepMl.Analysis.Metrics;

/// <summary>How <see cref="KolmogorovSmirnovTest"/> turns the statistic into a p-value.</summary>
public enum KolmogorovSmirnovMethod
{
    /// <summary>Exact when both samples are unweighted and at most 10000 events (as scipy's <c>method='auto'</c>), else asymptotic.</summary>
    Automatic,

    /// <summary>The exact two-sample distribution (lattice-path count); unweighted samples only.</summary>
    Exact,

    /// <summary>Kolmogorov's limiting distribution at z = D·sqrt(n_eff) (ROOT: <c>TMath::KolmogorovProb</c>, scipy: <c>kstwobign.sf</c>).</summary>
    Asymptotic,
}
