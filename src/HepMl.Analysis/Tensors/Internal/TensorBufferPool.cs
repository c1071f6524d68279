using System.Numerics;

namespace HepMl.Analysis.Tensors.Internal;

/// <summary>
/// Power-of-two buckets of float arrays that tensors rent and return, so a training step that creates the same
/// temporaries every time allocates nothing once warm. Thread-safe (one lock per bucket); arrays come back dirty.
/// </summary>
internal static class TensorBufferPool
{
    private const int MinimumBucketBits = 4;
    private const int MaximumBucketBits = 30;
    private const int ArraysPerBucket = 64;
    private static readonly Stack<float[]>[] s_buckets = CreateBuckets();

    /// <summary>An array of at least <paramref name="length"/> elements (contents undefined).</summary>
    public static float[] Rent(int length)
    {
        int bits = BucketBits(length);
        if (bits > MaximumBucketBits)
        {
            return GC.AllocateUninitializedArray<float>(length);
        }

        Stack<float[]> bucket = s_buckets[bits - MinimumBucketBits];
        lock (bucket)
        {
            if (bucket.Count > 0)
            {
                return bucket.Pop();
            }
        }

        return GC.AllocateUninitializedArray<float>(1 << bits);
    }

    /// <summary>Gives an array obtained from <see cref="Rent"/> back.</summary>
    public static void Return(float[] array)
    {
        if (array.Length == 0 || !BitOperations.IsPow2(array.Length))
        {
            return;
        }

        int bits = BitOperations.Log2((uint)array.Length);
        if (bits < MinimumBucketBits || bits > MaximumBucketBits)
        {
            return;
        }

        Stack<float[]> bucket = s_buckets[bits - MinimumBucketBits];
        lock (bucket)
        {
            if (bucket.Count < ArraysPerBucket)
            {
                bucket.Push(array);
            }
        }
    }

    private static int BucketBits(int length) =>
        length <= 1 << MinimumBucketBits ? MinimumBucketBits : BitOperations.Log2((uint)length - 1) + 1;

    private static Stack<float[]>[] CreateBuckets()
    {
        var buckets = new Stack<float[]>[MaximumBucketBits - MinimumBucketBits + 1];
        for (int i = 0; i < buckets.Length; i++)
        {
            buckets[i] = new Stack<float[]>();
        }

        return buckets;
    }
}
