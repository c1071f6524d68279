using System.Buffers;

namespace HepMl.Analysis.Metrics.Internal;

/// <summary>
/// Sorts scores ascending by a least-significant-digit radix sort on order-preserving 32-bit keys, carrying each
/// event's index: three passes of 11 bits over 64-bit (key, index) words. Linear time; used by the ROC and KS code
/// where 10^7 scores are common.
/// </summary>
internal static class ScoreSorter
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;

    /// <summary>The order-preserving unsigned key of a float (NaN excluded; -0 maps like +0).</summary>
    public static uint Key(float value)
    {
        if (value == 0)
        {
            value = 0; // -0 and +0 compare equal, so they must share a key
        }

        uint bits = BitConverter.SingleToUInt32Bits(value);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }

    /// <summary>
    /// Returns (key &lt;&lt; 32 | index) words sorted ascending by key, then index. The array is rented from
    /// <see cref="ArrayPool{T}.Shared"/> and holds <paramref name="scores"/>.Length valid entries; return it when done.
    /// </summary>
    /// <exception cref="ArgumentException">A score is NaN.</exception>
    public static ulong[] SortRented(ReadOnlySpan<float> scores, string parameterName)
    {
        int n = scores.Length;
        ulong[] a = ArrayPool<ulong>.Shared.Rent(Math.Max(n, 1));
        ulong[] b = ArrayPool<ulong>.Shared.Rent(Math.Max(n, 1));
        try
        {
            Span<int> counts = new int[3 * Buckets];
            for (int i = 0; i < n; i++)
            {
                float s = scores[i];
                if (float.IsNaN(s))
                {
                    throw new ArgumentException($"score {i} is NaN", parameterName);
                }

                ulong key = Key(s);
                a[i] = (key << 32) | (uint)i;
                counts[(int)((key >> 0) & (Buckets - 1))]++;
                counts[Buckets + (int)((key >> DigitBits) & (Buckets - 1))]++;
                counts[(2 * Buckets) + (int)(key >> (2 * DigitBits))]++;
            }

            ulong[] source = a, target = b;
            for (int pass = 0; pass < 3; pass++)
            {
                Span<int> count = counts.Slice(pass * Buckets, Buckets);
                int shift = 32 + (pass * DigitBits);
                if (count[(int)((source[0] >> shift) & (Buckets - 1))] == n)
                {
                    continue; // every key shares this digit: the pass would not move anything
                }

                int offset = 0;
                for (int d = 0; d < Buckets; d++)
                {
                    int c = count[d];
                    count[d] = offset;
                    offset += c;
                }

                for (int i = 0; i < n; i++)
                {
                    ulong word = source[i];
                    target[count[(int)((word >> shift) & (Buckets - 1))]++] = word;
                }

                (source, target) = (target, source);
            }

            ArrayPool<ulong>.Shared.Return(target);
            return source;
        }
        catch
        {
            ArrayPool<ulong>.Shared.Return(a);
            ArrayPool<ulong>.Shared.Return(b);
            throw;
        }
    }
}
