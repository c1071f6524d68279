namespace HepMl.Physics.Events;

/// <summary>Settings of the <see cref="ToyEventGenerator"/>; the defaults mimic the peers' jet-image data set.</summary>
public sealed class ToyJetOptions
{
    /// <summary>Lowest jet pt (GeV), default 250.</summary>
    public double PtMin { get; init; } = 250;

    /// <summary>Highest jet pt (GeV), default 300.</summary>
    public double PtMax { get; init; } = 300;

    /// <summary>Jets are generated with |η| below this, default 1.5.</summary>
    public double EtaMax { get; init; } = 1.5;

    /// <summary>Constituents per prong, default 8.</summary>
    public int ConstituentsPerProng { get; init; } = 8;

    /// <summary>Mean number of soft radiation particles in a jet (Poisson), default 10.</summary>
    public double SoftParticleMean { get; init; } = 10;

    /// <summary>Mean pt of a soft particle (exponential, GeV), default 1.</summary>
    public double SoftParticlePtMean { get; init; } = 1;

    /// <summary>Width in η and φ of the soft radiation around the jet axis, default 0.3.</summary>
    public double SoftParticleSpread { get; init; } = 0.3;

    /// <summary>Relative Gaussian width of the resonance masses, default 0.05.</summary>
    public double MassResolution { get; init; } = 0.05;
}
