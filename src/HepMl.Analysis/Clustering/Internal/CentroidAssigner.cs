using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HepMl.Analysis.Clustering.Internal;

/// <summary>
/// Nearest-centroid search with the centroids laid out structure-of-arrays and padded to a multiple of the SIMD
/// width: for one point, each coordinate updates the squared distances to all centroids at once.
/// </summary>
internal sealed class CentroidAssigner
{
    private readonly float[] _lanes; // [d][paddedK]
    private readonly int _k;
    private readonly int _paddedK;
    private readonly int _d;

    public CentroidAssigner(ReadOnlySpan<double> centroids, int k, int d)
    {
        _k = k;
        _d = d;
        int width = Vector<float>.Count;
        _paddedK = (k + width - 1) / width * width;
        _lanes = new float[d * _paddedK];
        for (int j = 0; j < d; j++)
        {
            Span<float> lane = _lanes.AsSpan(j * _paddedK, _paddedK);
            lane.Fill(float.MaxValue / 4); // padding lanes never win
            for (int c = 0; c < k; c++)
            {
                lane[c] = (float)centroids[(c * d) + j];
            }
        }
    }

    /// <summary>Index of the nearest centroid (first one on ties) and its squared distance.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Nearest(ReadOnlySpan<float> point, out float squaredDistance)
    {
        int width = Vector<float>.Count;
        ref float lanes = ref MemoryMarshal.GetArrayDataReference(_lanes);
        if (_paddedK == width)
        {
            Vector<float> sum = Vector<float>.Zero;
            for (int j = 0; j < _d; j++)
            {
                Vector<float> c = Vector.LoadUnsafe(ref lanes, (nuint)(j * _paddedK));
                Vector<float> diff = new Vector<float>(point[j]) - c;
                sum += diff * diff;
            }

            return ArgMin(sum, out squaredDistance);
        }

        int best = 0;
        float bestDistance = float.PositiveInfinity;
        Span<float> block = stackalloc float[width];
        for (int start = 0; start < _paddedK; start += width)
        {
            Vector<float> sum = Vector<float>.Zero;
            for (int j = 0; j < _d; j++)
            {
                Vector<float> c = Vector.LoadUnsafe(ref lanes, (nuint)((j * _paddedK) + start));
                Vector<float> diff = new Vector<float>(point[j]) - c;
                sum += diff * diff;
            }

            int lane = ArgMin(sum, out float distance);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = start + lane;
            }
        }

        squaredDistance = bestDistance;
        return best;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ArgMin(Vector<float> values, out float minimum)
    {
        float min = values[0];
        int index = 0;
        for (int lane = 1; lane < Vector<float>.Count; lane++)
        {
            float v = values[lane];
            if (v < min)
            {
                min = v;
                index = lane;
            }
        }

        minimum = min;
        return index;
    }

    /// <summary>The number of real (unpadded) centroids.</summary>
    public int Count => _k;
}
