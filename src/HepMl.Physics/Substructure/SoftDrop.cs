using HepMl.Physics.Jets;
using HepMl.Physics.Vectors;

namespace HepMl.Physics.Substructure;

/// <summary>
/// Soft-drop grooming (Larkoski, Marzani, Soyez, Thaler, JHEP 05 (2014) 146, arXiv:1402.2657, eq. 2.1): recluster the
/// constituents with Cambridge/Aachen (R = 1000), then undo the last merging j → j1 + j2 while
/// min(pt1, pt2)/(pt1 + pt2) &gt; z_cut (ΔR12/R0)^β fails, following the harder branch (larger pt); the first
/// splitting that passes is the groomed jet. ΔR is the rapidity–azimuth distance. β = 0 is the modified mass-drop
/// tagger. As fastjet-contrib RecursiveTools <c>SoftDrop</c> in grooming mode (scalar_z symmetry, larger_pt recursion,
/// strict &gt;): a jet where no splitting passes is groomed down to its hardest single particle.
/// </summary>
public sealed class SoftDrop
{
    private static readonly JetDefinition s_cambridgeAachen = new(JetAlgorithm.CambridgeAachen, JetDefinition.MaxRadius);

    /// <summary>Creates the groomer.</summary>
    /// <param name="zCut">z_cut in (0, 1) (0.1 is the usual choice).</param>
    /// <param name="beta">β ≥ 0 (0 = mMDT).</param>
    /// <param name="characteristicRadius">R0, usually the jet radius.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or not finite.</exception>
    public SoftDrop(double zCut, double beta, double characteristicRadius)
    {
        if (!(zCut > 0 && zCut < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(zCut), zCut, "z_cut must be in (0, 1)");
        }

        if (!(beta >= 0) || !double.IsFinite(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be >= 0 and finite");
        }

        if (!(characteristicRadius > 0) || !double.IsFinite(characteristicRadius))
        {
            throw new ArgumentOutOfRangeException(nameof(characteristicRadius), characteristicRadius, "R0 must be positive and finite");
        }

        ZCut = zCut;
        Beta = beta;
        CharacteristicRadius = characteristicRadius;
    }

    /// <summary>z_cut.</summary>
    public double ZCut { get; }

    /// <summary>β.</summary>
    public double Beta { get; }

    /// <summary>R0.</summary>
    public double CharacteristicRadius { get; }

    /// <summary>Grooms the jet made of <paramref name="constituents"/>.</summary>
    /// <exception cref="ArgumentException">A constituent has a non-finite component.</exception>
    public SoftDropResult Groom(ReadOnlySpan<LorentzVector> constituents)
    {
        if (constituents.IsEmpty)
        {
            return new SoftDropResult(LorentzVector.Zero, [], 0, 0, 0);
        }

        ClusterSequence sequence = ClusterSequence.Run(constituents, s_cambridgeAachen);
        // With R = 1000 every constituent ends in one jet: the last pairwise merging, or the single particle.
        PseudoJet current = sequence.InclusiveJets()[0];
        double r0Squared = CharacteristicRadius * CharacteristicRadius;
        int dropped = 0;
        double zg = 0, rg = 0;
        while (sequence.TryGetParents(current, out PseudoJet piece1, out PseudoJet piece2))
        {
            double pt1 = piece1.Pt, pt2 = piece2.Pt;
            double sum = pt1 + pt2;
            if (sum == 0)
            {
                break;
            }

            double symmetry = Math.Min(pt1, pt2) / sum;
            double distanceSquared = piece1.SquaredDistance(piece2);
            double cut = ZCut * Math.Pow(distanceSquared / r0Squared, 0.5 * Beta);
            if (symmetry > cut)
            {
                zg = symmetry;
                rg = Math.Sqrt(distanceSquared);
                break;
            }

            dropped++;
            current = piece1.PtSquared < piece2.PtSquared ? piece2 : piece1;
        }

        var indices = new List<int>();
        sequence.ConstituentIndices(current, indices);
        return new SoftDropResult(current.Momentum, indices.ToArray(), zg, rg, dropped);
    }
}
