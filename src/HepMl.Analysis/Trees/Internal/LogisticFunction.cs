using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HepMl.Analysis.Trees.Internal;

/// <summary>
/// The logistic function 1 / (1 + e^-x) on eight floats at once, for the gradients of the binary logistic objective.
/// </summary>
/// <remarks>
/// e^-x is computed in float as 2^k · e^r with k = round(-x / ln 2) and |r| ≤ ln 2 / 2 (ln 2 split in two parts so
/// that r is exact), e^r by its Taylor polynomial to degree 7 (truncation below 3e-9 relative) and 2^k by writing k
/// into the exponent bits; the argument is clamped to ±87 so 2^k stays a normal float. The relative error of the
/// result is a few float ulps (tests compare with <see cref="MathF.Exp"/>); at |x| ≥ 87 the result is 0 or 1 to
/// float precision, as the scalar formula gives.
/// </remarks>
internal static class LogisticFunction
{
    private const float Log2E = 1.44269504f;
    private const float Ln2High = 0.693359375f;
    private const float Ln2Low = -2.12194440e-4f;

    /// <summary>1 / (1 + e^-x) for each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Evaluate(Vector256<float> x)
    {
        Vector256<float> t = Vector256.Min(Vector256.Max(-x, Vector256.Create(-87f)), Vector256.Create(87f));
        Vector256<float> k = Vector256.Round(t * Vector256.Create(Log2E));
        Vector256<float> r = t - (k * Vector256.Create(Ln2High)) - (k * Vector256.Create(Ln2Low));
        Vector256<float> p = Vector256.Create(1f / 5040f);
        p = (p * r) + Vector256.Create(1f / 720f);
        p = (p * r) + Vector256.Create(1f / 120f);
        p = (p * r) + Vector256.Create(1f / 24f);
        p = (p * r) + Vector256.Create(1f / 6f);
        p = (p * r) + Vector256.Create(0.5f);
        p = (p * r) + Vector256<float>.One;
        p = (p * r) + Vector256<float>.One;
        Vector256<int> exponent = (Vector256.ConvertToInt32(k) + Vector256.Create(127)) << 23;
        Vector256<float> expMinusX = p * exponent.AsSingle();
        return Vector256<float>.One / (Vector256<float>.One + expMinusX);
    }

    /// <summary>The scalar formula, for the lanes left over.</summary>
    public static float Evaluate(float x) => 1f / (1f + MathF.Exp(-x));
}
