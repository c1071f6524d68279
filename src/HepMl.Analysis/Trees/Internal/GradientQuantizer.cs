using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HepMl.Analysis.Trees.Internal;

/// <summary>
/// Turns a tree's gradient pairs into integers for the histograms: q = ⌊x / step + u⌋ with u uniform in [0, 1) (stochastic
/// rounding, so the expected integer is exact), stored as one 64-bit word h·2^32 + g, so that one integer add sums
/// both.
/// </summary>
/// <remarks>
/// The steps are max|g| / L and max|h| / L with L = min(2^16, ⌊(2^31 - 1) / n⌋ - 1) for n events, so that neither
/// half of any histogram slot can overflow: |Σq| ≤ n (L + 1) &lt; 2^31. A packed sum decodes as G = the low half read as a signed
/// 32-bit integer and H = (sum - G) / 2^32, for either sign of G and H. With n = 700 000 events there are 3 066 levels
/// on each side of zero; the split search reads the histograms back as G·step, H·step, while leaf values are computed
/// from the exact float sums (as LightGBM's quantised training does). The random numbers come from a hash of the event
/// index and the tree's seed, so results do not depend on threads.
/// </remarks>
internal static class GradientQuantizer
{
    private const int MaxLevels = 1 << 16;
    private const int Chunk = 1 << 14;

    /// <summary>Levels per side for <paramref name="eventCount"/> events.</summary>
    /// <remarks>One level is kept in reserve: a value at the maximum can round up to L + 1 when x / step lands a float
    /// ulp above L.</remarks>
    public static int Levels(int eventCount) => (int)Math.Clamp((int.MaxValue / Math.Max(1, (long)eventCount)) - 1, 1, MaxLevels);

    /// <summary>Quantises every event's pair into <paramref name="packed"/>; returns the gradient and hessian steps.</summary>
    public static (double GradientStep, double HessianStep) Quantize(
        GradientPair[] gradients, long[] packed, int eventCount, ulong seed, ParallelOptions parallel)
    {
        int n = gradients.Length;
        int chunks = (n + Chunk - 1) / Chunk;
        var maxima = new Vector256<float>[chunks];
        Parallel.For(0, chunks, parallel, chunk =>
        {
            int start = chunk * Chunk, end = Math.Min(n, start + Chunk);
            maxima[chunk] = AbsoluteMaxima(MemoryMarshal.Cast<GradientPair, float>(gradients.AsSpan(start, end - start)));
        });

        Vector256<float> max = Vector256<float>.Zero;
        foreach (Vector256<float> m in maxima)
        {
            max = Vector256.Max(max, m);
        }

        // Lanes alternate gradient, hessian.
        float gradientMax = 0, hessianMax = 0;
        for (int lane = 0; lane < 8; lane += 2)
        {
            gradientMax = Math.Max(gradientMax, max[lane]);
            hessianMax = Math.Max(hessianMax, max[lane + 1]);
        }

        int levels = Levels(eventCount);
        float gradientScale = gradientMax > 0 ? levels / gradientMax : 0;
        float hessianScale = hessianMax > 0 ? levels / hessianMax : 0;
        uint key = (uint)seed ^ (uint)(seed >> 32);
        Parallel.For(0, chunks, parallel, chunk =>
        {
            int start = chunk * Chunk, end = Math.Min(n, start + Chunk);
            Round(gradients, packed, start, end, gradientScale, hessianScale, key);
        });

        return (gradientMax > 0 ? gradientMax / (double)levels : 0, hessianMax > 0 ? hessianMax / (double)levels : 0);
    }

    private static Vector256<float> AbsoluteMaxima(ReadOnlySpan<float> values)
    {
        Vector256<float> max = Vector256<float>.Zero;
        int i = 0;
        for (; i + 8 <= values.Length; i += 8)
        {
            max = Vector256.Max(max, Vector256.Abs(Vector256.Create(values.Slice(i, 8))));
        }

        Span<float> tail = stackalloc float[8];
        tail.Clear();
        for (int k = 0; i < values.Length; i++, k++)
        {
            tail[k] = Math.Abs(values[i]);
        }

        return Vector256.Max(max, Vector256.Create<float>(tail));
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
