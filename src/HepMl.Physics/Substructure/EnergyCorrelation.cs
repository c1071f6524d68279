using System.Buffers;
using HepMl.Physics.Vectors;

namespace HepMl.Physics.Substructure;

/// <summary>
/// Energy correlation functions (Larkoski, Salam, Thaler, JHEP 06 (2013) 108, arXiv:1305.0007, eq. 2.1 with pt and
/// the rapidity–azimuth distance, as fastjet-contrib EnergyCorrelator's <c>pt_R</c> measure):
/// ECF(1) = Σ pt_i, ECF(2, β) = Σ_{i&lt;j} pt_i pt_j ΔR_ij^β, ECF(3, β) = Σ_{i&lt;j&lt;k} pt_i pt_j pt_k (ΔR_ij ΔR_ik ΔR_jk)^β;
/// the ratios C2 = ECF(3)·ECF(1)/ECF(2)² (arXiv:1305.0007 eq. 3.3) and D2 = ECF(3)·ECF(1)³/ECF(2)³ (Larkoski, Moult,
/// Neill, JHEP 12 (2014) 009, arXiv:1409.6298 eq. 3.6). ECF(3) costs O(n³).
/// </summary>
/// <remarks>C2 and D2 are 0 for jets with ECF(2) = 0 (fewer than two separated constituents).</remarks>
public static class EnergyCorrelation
{
    /// <summary>ECF(N, β) for N = 0..3 (ECF(0) = 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">N outside 0..3, or β not positive and finite.</exception>
    public static double Ecf(ReadOnlySpan<LorentzVector> constituents, int n, double beta = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 3);
        CheckBeta(beta);
        (double e1, double e2, double e3) = Compute(constituents, beta);
        return n switch { 0 => 1.0, 1 => e1, 2 => e2, _ => e3 };
    }

    /// <summary>C2(β) = ECF(3)·ECF(1)/ECF(2)².</summary>
    public static double C2(ReadOnlySpan<LorentzVector> constituents, double beta = 1.0)
    {
        CheckBeta(beta);
        (double e1, double e2, double e3) = Compute(constituents, beta);
        return e2 == 0 ? 0 : e3 * e1 / (e2 * e2);
    }

    /// <summary>D2(β) = ECF(3)·ECF(1)³/ECF(2)³.</summary>
    public static double D2(ReadOnlySpan<LorentzVector> constituents, double beta = 1.0)
    {
        CheckBeta(beta);
        (double e1, double e2, double e3) = Compute(constituents, beta);
        return e2 == 0 ? 0 : e3 * e1 * e1 * e1 / (e2 * e2 * e2);
    }

    private static void CheckBeta(double beta)
    {
        if (!(beta > 0) || !double.IsFinite(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be positive and finite");
        }
    }

    private static (double E1, double E2, double E3) Compute(ReadOnlySpan<LorentzVector> constituents, double beta)
    {
        int n = constituents.Length;
        double[] pt = ArrayPool<double>.Shared.Rent(n);
        double[] angle = ArrayPool<double>.Shared.Rent(n * n);
        try
        {
            double e1 = 0;
            for (int i = 0; i < n; i++)
            {
                pt[i] = constituents[i].Pt;
                e1 += pt[i];
            }

            double e2 = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    double d2 = constituents[i].DeltaRSquaredWithRapidity(constituents[j]);
                    double a = beta == 1.0 ? Math.Sqrt(d2) : Math.Pow(d2, 0.5 * beta);
                    angle[i * n + j] = a;
                    e2 += pt[i] * pt[j] * a;
                }
            }

            double e3 = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    double pij = pt[i] * pt[j] * angle[i * n + j];
                    double inner = 0;
                    for (int k = j + 1; k < n; k++)
                    {
                        inner += pt[k] * angle[i * n + k] * angle[j * n + k];
                    }

                    e3 += pij * inner;
                }
            }

            return (e1, e2, e3);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(pt);
            ArrayPool<double>.Shared.Return(angle);
        }
    }
}
