using HepMl.Physics.Vectors;

namespace HepMl.Physics.Substructure;

/// <summary>
/// Simple jet shapes from constituents, with ΔR measured in rapidity–azimuth from the jet axis (the four-momentum
/// sum of the constituents): multiplicity, girth (jet width) g = Σ pt_i ΔR_i / pt_jet and
/// pT_D = sqrt(Σ pt_i²)/Σ pt_i (CMS quark–gluon likelihood, CMS-PAS-JME-13-002).
/// </summary>
/// <remarks>An empty jet has multiplicity 0, girth 0 and pT_D 0.</remarks>
public static class JetShapes
{
    /// <summary>Number of constituents with Pt &gt; <paramref name="ptMin"/>.</summary>
    public static int Multiplicity(ReadOnlySpan<LorentzVector> constituents, double ptMin = 0)
    {
        int count = 0;
        foreach (LorentzVector c in constituents)
        {
            if (c.Pt > ptMin)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Girth Σ pt_i ΔR(i, jet) / pt_jet.</summary>
    public static double Girth(ReadOnlySpan<LorentzVector> constituents)
    {
        LorentzVector jet = LorentzVector.Sum(constituents);
        double jetPt = jet.Pt;
        if (jetPt == 0)
        {
            return 0;
        }

        double sum = 0;
        foreach (LorentzVector c in constituents)
        {
            sum += c.Pt * c.DeltaRWithRapidity(jet);
        }

        return sum / jetPt;
    }

    /// <summary>pT_D = sqrt(Σ pt_i²)/Σ pt_i.</summary>
    public static double PtD(ReadOnlySpan<LorentzVector> constituents)
    {
        double sum = 0, sumSquares = 0;
        foreach (LorentzVector c in constituents)
        {
            double pt = c.Pt;
            sum += pt;
            sumSquares += pt * pt;
        }

        return sum == 0 ? 0 : Math.Sqrt(sumSquares) / sum;
    }
}
