using HepMl.Physics.Jets;
using HepMl.Physics.Vectors;

namespace HepMl.Physics.Substructure;

/// <summary>
/// N-subjettiness (Thaler and Van Tilburg, JHEP 03 (2011) 015, arXiv:1011.2268, eq. 2.1–2.2):
/// τ_N = Σ_k pt_k · min(ΔR_{1,k}, …, ΔR_{N,k})^β / Σ_k pt_k · R0^β, with the N axes the exclusive-kt subjets of the
/// constituents (kt reclustering with R = 1000, stopped at N jets) and ΔR² = Δy² + Δφ² (rapidity). This is
/// fastjet-contrib Nsubjettiness with <c>KT_Axes</c> and <c>NormalizedMeasure(beta, R0)</c>.
/// </summary>
/// <remarks>
/// A jet of at most N constituents has τ_N = 0 (each particle is its own axis); an empty jet has all τ = 0.
/// Constituents with a non-finite component raise <see cref="ArgumentException"/>.
/// </remarks>
public sealed class NSubjettiness
{
    private static readonly JetDefinition s_exclusiveKt = new(JetAlgorithm.Kt, JetDefinition.MaxRadius);

    /// <summary>Creates the measure.</summary>
    /// <param name="beta">The angular exponent β &gt; 0 (1 is the usual choice).</param>
    /// <param name="characteristicRadius">R0 of the normalisation, usually the jet radius.</param>
    /// <exception cref="ArgumentOutOfRangeException">β or R0 not positive and finite.</exception>
    public NSubjettiness(double beta = 1.0, double characteristicRadius = 1.0)
    {
        if (!(beta > 0) || !double.IsFinite(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be positive and finite");
        }

        if (!(characteristicRadius > 0) || !double.IsFinite(characteristicRadius))
        {
            throw new ArgumentOutOfRangeException(nameof(characteristicRadius), characteristicRadius, "R0 must be positive and finite");
        }

        Beta = beta;
        CharacteristicRadius = characteristicRadius;
    }

    /// <summary>β.</summary>
    public double Beta { get; }

    /// <summary>R0.</summary>
    public double CharacteristicRadius { get; }

    /// <summary>τ1, τ2 and τ3 from one kt reclustering.</summary>
    public NSubjettinessValues Compute(ReadOnlySpan<LorentzVector> constituents)
    {
        if (constituents.IsEmpty)
        {
            return default;
        }

        ClusterSequence sequence = ClusterSequence.Run(constituents, s_exclusiveKt);
        return new NSubjettinessValues(Tau(constituents, sequence.ExclusiveJetsUpTo(1)),
            Tau(constituents, sequence.ExclusiveJetsUpTo(2)), Tau(constituents, sequence.ExclusiveJetsUpTo(3)));
    }

    /// <summary>τ_N for any N ≥ 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> &lt; 1.</exception>
    public double Tau(ReadOnlySpan<LorentzVector> constituents, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (constituents.IsEmpty)
        {
            return 0;
        }

        return Tau(constituents, ClusterSequence.Run(constituents, s_exclusiveKt).ExclusiveJetsUpTo(n));
    }

    /// <summary>τ of <paramref name="constituents"/> with respect to the given <paramref name="axes"/>.</summary>
    public double Tau(ReadOnlySpan<LorentzVector> constituents, IReadOnlyList<PseudoJet> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        double numerator = 0, ptSum = 0;
        foreach (LorentzVector particle in constituents)
        {
            double pt = particle.Pt;
            double minimum = double.PositiveInfinity;
            for (int a = 0; a < axes.Count; a++)
            {
                minimum = Math.Min(minimum, particle.DeltaRSquaredWithRapidity(axes[a].Momentum));
            }

            numerator += pt * (Beta == 1.0 ? Math.Sqrt(minimum) : Math.Pow(minimum, 0.5 * Beta));
            ptSum += pt;
        }

        double denominator = ptSum * Math.Pow(CharacteristicRadius, Beta);
        return denominator == 0 ? 0 : numerator / denominator;
    }
}
