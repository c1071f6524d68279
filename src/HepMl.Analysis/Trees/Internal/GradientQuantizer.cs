using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HepMl.Analysis.Trees.Internal;

/// <summary>
/// Turns a tree's gradient pairs into integers for the histograms: q = ⌊x / step + u⌋ with u uniform in [0, 1) (stochastic
/// rounding, so the expected integer is exact), stored as one 64-bit word h·2^32 + g, so that one integer add sums
/// both.
/// </summary>
/// <remarks>
/// Each step is Σ|x| / B over all N events, with B = 2^31 - 1 - N less a small reserve for float rounding: then any
/// histogram slot, which sums a subset of the events, has |Σq| ≤ Σ(|x| / step + 1) &lt; 2^31, so neither half of a
/// word can overflow. A packed sum decodes as G = its low half read as a signed 32-bit integer and H = (sum - G) / 2^32,
/// for either sign of G and H. Tying the step to the sum rather than the largest value keeps the resolution when a few
/// events carry huge weights: an event with the mean |x| gets about (2^31 - N) / N levels (about 3 000 for 700 000
/// events). The split search reads the histograms back as G·step, H·step, while leaf values are computed from the
/// exact float sums (as LightGBM's quantised training does). The random numbers come from a hash of the event index
/// and the tree's seed, so results do not depend on threads.
/// </remarks>
internal static class GradientQuantizer
{
    private const int Chunk = 1 << 14;

    /// <summary>The most events <see cref="Quantize"/> takes: B must stay well above the rounding margin N.</summary>
    public const int MaxEvents = 1 << 30;

    /// <summary>Quantises every event's pair into <paramref name="packed"/>; returns the gradient and hessian steps
    /// (0 for a component that is zero everywhere).</summary>
    public static (double GradientStep, double HessianStep) Quantize(
        GradientPair[] gradients, long[] packed, ulong seed, ParallelOptions parallel)
    {
        int n = gradients.Length;
        if (n > MaxEvents)
        {
            throw new ArgumentException($"{n} events are more than the {MaxEvents} a histogram can sum", nameof(gradients));
        }

        int chunks = (n + Chunk - 1) / Chunk;
        var totals = new Vector256<double>[chunks];
        Parallel.For(0, chunks, parallel, chunk =>
        {
            int start = chunk * Chunk, end = Math.Min(n, start + Chunk);
            totals[chunk] = AbsoluteSums(MemoryMarshal.Cast<GradientPair, float>(gradients.AsSpan(start, end - start)));
        });

        // Lanes alternate gradient, hessian.
        double gradientSum = 0, hessianSum = 0;
        foreach (Vector256<double> total in totals)
        {
            gradientSum += total[0] + total[2];
            hessianSum += total[1] + total[3];
        }

        double budget = int.MaxValue - (double)n - 4096;
        budget -= budget * 1e-6;
        double gradientScale = gradientSum > 0 ? budget / gradientSum : 0;
        double hessianScale = hessianSum > 0 ? budget / hessianSum : 0;
        uint key = (uint)seed ^ (uint)(seed >> 32);
        Parallel.For(0, chunks, parallel, chunk =>
        {
            int start = chunk * Chunk, end = Math.Min(n, start + Chunk);
            Round(gradients, packed, start, end, (float)gradientScale, (float)hessianScale, key);
        });

        return (gradientScale > 0 ? 1 / (double)(float)gradientScale : 0, hessianScale > 0 ? 1 / (double)(float)hessianScale : 0);
    }

    /// <summary>Σ|g| and Σ|h| in double, in alternating lanes (two partial sums each).</summary>
    private static Vector256<double> AbsoluteSums(ReadOnlySpan<float> values)
    {
        Vector256<double> sum = Vector256<double>.Zero;
        int i = 0;
        for (; i + 8 <= values.Length; i += 8)
        {
            Vector256<float> magnitudes = Vector256.Abs(Vector256.Create(values.Slice(i, 8)));
            sum += Vector256.WidenLower(magnitudes) + Vector256.WidenUpper(magnitudes);
        }

        Span<double> tail = stackalloc double[4];
        tail.Clear();
        for (; i < values.Length; i++)
        {
            tail[i & 1] += Math.Abs(values[i]);
        }

        return sum + Vector256.Create<double>(tail);
    }

    /// <summary>Rounds events [start, end): four events (eight values) per vector, each value with its own random
    /// offset from the hash of its position 2i (gradient) or 2i + 1 (hessian).</summary>
    private static void Round(GradientPair[] gradients, long[] packed, int start, int end, float gradientScale, float hessianScale, uint key)
    {
        ReadOnlySpan<float> values = MemoryMarshal.Cast<GradientPair, float>(gradients.AsSpan());
        Span<long> output = packed;
        Vector256<float> scale = Vector256.Create(gradientScale, hessianScale, gradientScale, hessianScale, gradientScale, hessianScale, gradientScale, hessianScale);
        Vector256<uint> position = Vector256.Create(0u, 1, 2, 3, 4, 5, 6, 7) + Vector256.Create((uint)(2 * start));
        Vector256<uint> eight = Vector256.Create(8u), keys = Vector256.Create(key);
        int i = start;
        for (; i + 4 <= end; i += 4)
        {
            Vector256<float> x = Vector256.Create(values.Slice(2 * i, 8)) * scale;
            Vector256<int> q = Vector256.ConvertToInt32(Vector256.Floor(x + Uniform(position ^ keys)));

            // As 64-bit words the pairs read h·2^32 + (uint)g; a negative g must borrow 2^32: add its sign (-1 or 0,
            // moved into the high half) to make the word h·2^32 + g.
            Vector256<long> words = q.AsInt64() + ((q >> 31).AsInt64() << 32);
            words.CopyTo(output.Slice(i, 4));
            position += eight;
        }

        for (; i < end; i++)
        {
            int g = (int)MathF.Floor((values[2 * i] * gradientScale) + Uniform((uint)(2 * i) ^ key));
            int h = (int)MathF.Floor((values[(2 * i) + 1] * hessianScale) + Uniform((uint)((2 * i) + 1) ^ key));
            output[i] = Pack(g, h);
        }
    }

    /// <summary>A uniform number in [0, 1) from a 32-bit integer (the murmur3 finaliser, top 24 bits).</summary>
    private static Vector256<float> Uniform(Vector256<uint> x)
    {
        x ^= x >>> 16;
        x *= Vector256.Create(0x85EBCA6Bu);
        x ^= x >>> 13;
        x *= Vector256.Create(0xC2B2AE35u);
        x ^= x >>> 16;
        return Vector256.ConvertToSingle((x >>> 8).AsInt32()) * Vector256.Create(1f / (1 << 24));
    }

    /// <summary>The scalar twin of the vector <see cref="Uniform(Vector256{uint})"/>.</summary>
    private static float Uniform(uint x)
    {
        x ^= x >> 16;
        x *= 0x85EBCA6Bu;
        x ^= x >> 13;
        x *= 0xC2B2AE35u;
        x ^= x >> 16;
        return (int)(x >> 8) * (1f / (1 << 24));
    }

    /// <summary>The word h·2^32 + g of an integer pair.</summary>
    public static long Pack(int gradient, int hessian) => ((long)hessian << 32) + gradient;

    /// <summary>The integer gradient sum of a packed sum (its low half, signed).</summary>
    public static long Gradient(long packedSum) => (int)(uint)packedSum;

    /// <summary>The integer hessian sum of a packed sum.</summary>
    public static long Hessian(long packedSum) => (packedSum - (int)(uint)packedSum) >> 32;
}
