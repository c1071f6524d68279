using HepMl.Physics.Vectors;

namespace HepMl.Physics.Events;

/// <summary>One event read from a HepMC3 ASCII file.</summary>
public sealed class HepMcEvent
{
    internal HepMcEvent(long eventNumber, string momentumUnit, string lengthUnit, double[] weights, HepMcParticle[] particles, HepMcVertex[] vertices)
    {
        EventNumber = eventNumber;
        MomentumUnit = momentumUnit;
        LengthUnit = lengthUnit;
        Weights = weights;
        Particles = particles;
        Vertices = vertices;
    }

    /// <summary>The event number (<c>E</c> line).</summary>
    public long EventNumber { get; }

    /// <summary>The momentum unit written in the file (<c>GEV</c> or <c>MEV</c>); momenta are always returned in GeV.</summary>
    public string MomentumUnit { get; }

    /// <summary>The length unit written in the file (<c>MM</c> or <c>CM</c>); vertex positions are as written.</summary>
    public string LengthUnit { get; }

    /// <summary>The event weights (<c>W</c> line), empty if none.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>All particles, in file order.</summary>
    public IReadOnlyList<HepMcParticle> Particles { get; }

    /// <summary>The explicit vertices, in file order.</summary>
    public IReadOnlyList<HepMcVertex> Vertices { get; }

    /// <summary>The momenta (GeV) of the final-state (status 1) particles, for clustering.</summary>
    public LorentzVector[] FinalStateMomenta()
    {
        var momenta = new List<LorentzVector>();
        foreach (HepMcParticle particle in Particles)
        {
            if (particle.IsFinalState)
            {
                momenta.Add(particle.Momentum);
            }
        }

        return momenta.ToArray();
    }
}
