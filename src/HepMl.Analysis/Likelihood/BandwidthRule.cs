namespace HepMl.Analysis.Likelihood;

/// <summary>Kernel bandwidth = factor × (weighted, unbiased) standard deviation, with n_eff = (Σw)²/Σw².</summary>
public enum BandwidthRule
{
    /// <summary>factor = n_eff^(−1/5) (scipy <c>bw_method='scott'</c>).</summary>
    Scott,

    /// <summary>factor = (3 n_eff / 4)^(−1/5) (scipy <c>bw_method='silverman'</c>).</summary>
    Silverman,
}
