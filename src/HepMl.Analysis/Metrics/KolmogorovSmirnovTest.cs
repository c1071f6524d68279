using System.Buffers;
using HepMl.Analysis.Metrics.Internal;

namespace HepMl.Analysis.Metrics;

/// <summary>
/// Two-sample Kolmogorov-Smirnov test, the overtraining check of TMVA: compare a classifier's score distribution on
/// training and on test events (per class). A small p-value means the two differ, i.e. the model learnt the training
/// sample's fluctuations.
/// </summary>
/// <remarks>
/// Weighted samples use weighted empirical distribution functions and effective sizes n = (Σw)²/Σw²; then only the
/// asymptotic p-value applies. The exact p-value counts the lattice paths that stay within D (scipy:
/// <c>ks_2samp(method='exact')</c>); it is computed as 1 − P(inside), so p-values below ~1e-15 lose relative
/// precision. The asymptotic one is Kolmogorov's limit Q(z) = 2 Σ (−1)^(k−1) exp(−2k²z²), as TMVA/ROOT report it
/// (scipy's <c>ks_2samp(method='asymp')</c> uses the finite-n distribution instead and differs by O(1/sqrt(n))).
/// </remarks>
public static class KolmogorovSmirnovTest
{
    /// <summary>Largest per-sample size for which <see cref="KolmogorovSmirnovMethod.Automatic"/> picks the exact p-value.</summary>
    public const int ExactLimit = 10_000;

    /// <summary>Tests whether two unweighted samples come from the same distribution.</summary>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN.</exception>
    public static KolmogorovSmirnovResult Compute(ReadOnlySpan<float> first, ReadOnlySpan<float> second) =>
        Compute(first, default, second, default, KolmogorovSmirnovMethod.Automatic);

    /// <summary>Tests whether two weighted samples come from the same distribution.</summary>
    /// <param name="first">First sample (e.g. training-set scores of signal events).</param>
    /// <param name="firstWeights">Its weights, or empty for unit weights.</param>
    /// <param name="second">Second sample (e.g. test-set scores of signal events).</param>
    /// <param name="secondWeights">Its weights, or empty.</param>
    /// <param name="method">How to compute the p-value.</param>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN, weight lengths differ, a weight is not
    /// finite, a sample's total weight is not positive, or the exact method was asked for weighted samples.</exception>
    public static KolmogorovSmirnovResult Compute(
        ReadOnlySpan<float> first,
        ReadOnlySpan<float> firstWeights,
        ReadOnlySpan<float> second,
        ReadOnlySpan<float> secondWeights,
        KolmogorovSmirnovMethod method = KolmogorovSmirnovMethod.Automatic)
    {
        double n1 = EffectiveSize(first, firstWeights, nameof(first), out double total1);
        double n2 = EffectiveSize(second, secondWeights, nameof(second), out double total2);
        double statistic = Statistic(first, firstWeights, total1, second, secondWeights, total2);
        bool weighted = !firstWeights.IsEmpty || !secondWeights.IsEmpty;
        if (method == KolmogorovSmirnovMethod.Automatic)
        {
            method = !weighted && Math.Max(first.Length, second.Length) <= ExactLimit
                ? KolmogorovSmirnovMethod.Exact
                : KolmogorovSmirnovMethod.Asymptotic;
        }

        double effective = n1 * n2 / (n1 + n2);
        if (method == KolmogorovSmirnovMethod.Exact)
        {
            if (weighted)
            {
                throw new ArgumentException("the exact Kolmogorov-Smirnov p-value needs unweighted samples; use the asymptotic method", nameof(method));
            }

            var (d, p) = ExactPValue(first.Length, second.Length, statistic);
            return new KolmogorovSmirnovResult(d, p, effective, method);
        }

        return new KolmogorovSmirnovResult(statistic, KolmogorovProbability(statistic * Math.Sqrt(effective)), effective, KolmogorovSmirnovMethod.Asymptotic);
    }

    /// <summary>Kolmogorov's survival function Q(z) = P(sqrt(n)·D &gt; z) as n → ∞ (ROOT: <c>TMath::KolmogorovProb</c>).</summary>
    public static double KolmogorovProbability(double z)
    {
        if (z <= 0)
        {
            return 1;
        }

        if (z < 1.18)
        {
            // Small z: the theta-function form converges fast. Q = 1 - sqrt(2π)/z Σ exp(-(2k-1)²π²/(8z²)).
            double y = Math.Exp(-(Math.PI * Math.PI) / (8 * z * z));
            double sum = 0, term = y;
            for (int k = 1; k < 20; k++)
            {
                sum += term;
                int m = (2 * k) + 1;
                term = Math.Pow(y, m * m);
                if (term < 1e-300)
                {
                    break;
                }
            }

            return Math.Clamp(1 - (Math.Sqrt(2 * Math.PI) / z * sum), 0, 1);
        }

        double result = 0;
        for (int k = 1; k <= 100; k++)
        {
            double term = Math.Exp(-2.0 * k * k * z * z);
            result += (k % 2 == 1 ? 2 : -2) * term;
            if (term < 1e-300)
            {
                break;
            }
        }

        return Math.Clamp(result, 0, 1);
    }

    private static double EffectiveSize(ReadOnlySpan<float> sample, ReadOnlySpan<float> weights, string name, out double total)
    {
        if (sample.IsEmpty)
        {
            throw new ArgumentException($"the Kolmogorov-Smirnov test needs non-empty samples; '{name}' is empty", name);
        }

        if (!weights.IsEmpty && weights.Length != sample.Length)
        {
            throw new ArgumentException($"{weights.Length} weights for the {sample.Length} values of '{name}'", name);
        }

        double sum = 0, sumSquares = 0;
        for (int i = 0; i < sample.Length; i++)
        {
            if (float.IsNaN(sample[i]))
            {
                throw new ArgumentException($"value {i} of '{name}' is NaN", name);
            }

            double w = weights.IsEmpty ? 1 : weights[i];
            if (!double.IsFinite(w))
            {
                throw new ArgumentException($"weight {i} of '{name}' is {w}; weights must be finite", name);
            }

            sum += w;
            sumSquares += w * w;
        }

        if (!(sum > 0))
        {
            throw new ArgumentException($"the total weight of '{name}' is {sum}; it must be positive", name);
        }

        total = sum;
        return sum * sum / sumSquares;
    }

    private static double Statistic(ReadOnlySpan<float> a, ReadOnlySpan<float> wa, double totalA, ReadOnlySpan<float> b, ReadOnlySpan<float> wb, double totalB)
    {
        ulong[] sa = ScoreSorter.SortRented(a, "first");
        ulong[] sb = ScoreSorter.SortRented(b, "second");
        try
        {
            // Merge the two sorted samples; after each group of equal values compare the two distribution functions.
            double fa = 0, fb = 0, d = 0;
            int i = 0, j = 0;
            while (i < a.Length || j < b.Length)
            {
                uint ka = i < a.Length ? (uint)(sa[i] >> 32) : uint.MaxValue;
                uint kb = j < b.Length ? (uint)(sb[j] >> 32) : uint.MaxValue;
                bool takeA = i < a.Length && (j >= b.Length || ka <= kb);
                uint key = takeA ? ka : kb;
                while (i < a.Length && (uint)(sa[i] >> 32) == key)
                {
                    fa += wa.IsEmpty ? 1 : wa[(int)(uint)sa[i]];
                    i++;
                }

                while (j < b.Length && (uint)(sb[j] >> 32) == key)
                {
                    fb += wb.IsEmpty ? 1 : wb[(int)(uint)sb[j]];
                    j++;
                }

                d = Math.Max(d, Math.Abs((fa / totalA) - (fb / totalB)));
            }

            return d;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(sa);
            ArrayPool<ulong>.Shared.Return(sb);
        }
    }

    /// <summary>
    /// Exact P(D ≥ d) for sample sizes m and n: the statistic is rounded to the lattice h/lcm(m, n) and the share of
    /// monotone paths from (0,0) to (m,n) staying strictly within |i/m − j/n| &lt; d is accumulated row by row as a
    /// probability (each step weighted by i/(i+j) or j/(i+j)), which never overflows.
    /// </summary>
    private static (double Statistic, double PValue) ExactPValue(int m, int n, double d)
    {
        long g = Gcd(m, n);
        long lcm = m / g * n;
        long h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
        double rounded = (double)h / lcm;
        if (h == 0)
        {
            return (rounded, 1.0);
        }

        long stepI = lcm / m, stepJ = lcm / n;
        var row = new double[n + 1];
        row[0] = 1;
        for (int j = 1; j <= n; j++)
        {
            row[j] = Math.Abs(-j * stepJ) < h ? row[j - 1] : 0;
        }

        for (int i = 1; i <= m; i++)
        {
            row[0] = Math.Abs(i * stepI) < h ? row[0] : 0;
            for (int j = 1; j <= n; j++)
            {
                if (Math.Abs((i * stepI) - (j * stepJ)) >= h)
                {
                    row[j] = 0;
                }
                else
                {
                    double total = i + j;
                    row[j] = (row[j] * (i / total)) + (row[j - 1] * (j / total));
                }
            }
        }

        return (rounded, Math.Clamp(1 - row[n], 0, 1));
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
