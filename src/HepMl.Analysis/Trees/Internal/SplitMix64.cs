namespace HepMl.Analysis.Trees.Internal;

/// <summary>A small, fast, seedable generator (SplitMix64) for sampling decisions that must not depend on thread
/// timing: each tree and node derives its own stream from the training seed.</summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, bound).</summary>
    public ulong NextBelow(ulong bound) => bound == 0 ? 0 : (ulong)(NextDouble() * bound);

    /// <summary>A stream for sub-task <paramref name="index"/> of the stream seeded with <paramref name="seed"/>.</summary>
    public static ulong Derive(ulong seed, ulong index)
    {
        var mix = new SplitMix64(seed ^ (index * 0xD1B54A32D192ED03UL));
        return mix.Next();
    }
}
