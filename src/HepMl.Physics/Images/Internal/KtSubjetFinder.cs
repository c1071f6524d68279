using System.Buffers;
using HepMl.Physics.Vectors;

namespace HepMl.Physics.Images.Internal;

/// <summary>
/// The two leading inclusive kt subjets of a jet, for image centring and rotation: kt distances
/// d_ij = min(pt_i², pt_j²) ΔR_ij²/R², d_iB = pt_i², with ΔR in (η, φ) (the image coordinates) and E-scheme
/// merging. For the few dozen constituents of a jet a plain scan of all pairs per step (≈ n³/6 distances, no
/// bookkeeping, no allocation) beats nearest-neighbour tracking; unlike <see cref="Jets.ClusterSequence"/> it keeps
/// no history and measures ΔR in pseudorapidity.
/// </summary>
internal static class KtSubjetFinder
{
    /// <summary>Returns (η, φ) of the leading subjet and, if there is one, of the second (by pt).</summary>
    /// <param name="constituents">The constituents (at least one).</param>
    /// <param name="eta">Their pseudorapidities.</param>
    /// <param name="phi">Their azimuths.</param>
    /// <param name="radius">The subjet radius R.</param>
    public static ((double Eta, double Phi) First, (double Eta, double Phi)? Second) Find(
        ReadOnlySpan<LorentzVector> constituents, ReadOnlySpan<double> eta, ReadOnlySpan<double> phi, double radius)
    {
        int n = constituents.Length;
        double[] rented = ArrayPool<double>.Shared.Rent(7 * n);
        try
        {
            Span<double> px = rented.AsSpan(0, n), py = rented.AsSpan(n, n), pz = rented.AsSpan(2 * n, n), e = rented.AsSpan(3 * n, n);
            Span<double> y = rented.AsSpan(4 * n, n), f = rented.AsSpan(5 * n, n), kt2 = rented.AsSpan(6 * n, n);
            for (int i = 0; i < n; i++)
            {
                LorentzVector p = constituents[i];
                (px[i], py[i], pz[i], e[i], y[i], f[i], kt2[i]) = (p.Px, p.Py, p.Pz, p.E, eta[i], phi[i], p.PtSquared);
            }

            double r2 = radius * radius;
            double bestPt2 = -1, secondPt2 = -1;
            (double, double) first = default, second = default;
            int live = n;
            while (live > 0)
            {
                // Beam distances d_iB·R² = pt²·R², pair distances d_ij·R² = min(pt²)·ΔR².
                int a = 0, b = -1;
                double dmin = kt2[0] * r2;
                for (int i = 0; i < live; i++)
                {
                    double ki = kt2[i];
                    if (ki * r2 < dmin)
                    {
                        dmin = ki * r2;
                        a = i;
                        b = -1;
                    }

                    double yi = y[i], fi = f[i];
                    for (int j = i + 1; j < live; j++)
                    {
                        double dy = yi - y[j];
                        double dphi = Math.Abs(fi - f[j]);
                        if (dphi > Math.PI)
                        {
                            dphi = Angles.TwoPi - dphi;
                        }

                        double d = Math.Min(ki, kt2[j]) * (dy * dy + dphi * dphi);
                        if (d < dmin)
                        {
                            dmin = d;
                            a = i;
                            b = j;
                        }
                    }
                }

                if (b >= 0)
                {
                    px[a] += px[b];
                    py[a] += py[b];
                    pz[a] += pz[b];
                    e[a] += e[b];
                    var merged = new LorentzVector(px[a], py[a], pz[a], e[a]);
                    kt2[a] = merged.PtSquared;
                    y[a] = merged.Eta;
                    f[a] = merged.Phi;
                    Remove(b, --live, px, py, pz, e, y, f, kt2);
                }
                else
                {
                    double pt2 = kt2[a];
                    if (pt2 > bestPt2)
                    {
                        (secondPt2, second) = (bestPt2, first);
                        (bestPt2, first) = (pt2, (y[a], f[a]));
                    }
                    else if (pt2 > secondPt2)
                    {
                        (secondPt2, second) = (pt2, (y[a], f[a]));
                    }

                    Remove(a, --live, px, py, pz, e, y, f, kt2);
                }
            }

            return (first, secondPt2 >= 0 ? second : null);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private static void Remove(int index, int last, Span<double> px, Span<double> py, Span<double> pz, Span<double> e, Span<double> y, Span<double> f, Span<double> kt2)
    {
        px[index] = px[last];
        py[index] = py[last];
        pz[index] = pz[last];
        e[index] = e[last];
        y[index] = y[last];
        f[index] = f[last];
        kt2[index] = kt2[last];
    }
}
