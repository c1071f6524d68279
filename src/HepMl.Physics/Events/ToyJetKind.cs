namespace HepMl.Physics.Events;

/// <summary>The kind of toy jet: how many hard prongs it has.</summary>
public enum ToyJetKind
{
    /// <summary>QCD-like: one prong with a soft, wide-angle emission (z ~ 0.01·50^U, θ ~ 0.03·30^U).</summary>
    QcdOneProng,

    /// <summary>W-like: a 80.4 GeV resonance decaying isotropically to two prongs.</summary>
    WTwoProng,

    /// <summary>Z-like: a 91.19 GeV resonance decaying isotropically to two prongs.</summary>
    ZTwoProng,

    /// <summary>Top-like: a 172.5 GeV resonance decaying to b + W (80.4 GeV), the W to two prongs: three prongs.</summary>
    TopThreeProng,
}
