namespace HepMl.Physics.Jets;

/// <summary>
/// How the closest pair is found. Every strategy gives the same jets; they differ in speed and, for exactly equal
/// distances (degenerate inputs), in which pair is merged first — each strategy breaks ties as its FastJet namesake.
/// FastJet: <c>Strategy</c>.
/// </summary>
public enum ClusteringStrategy
{
    /// <summary>Chooses from the particle count and R (plain below about 30–50 particles, tiled up to a few hundred, tiled with a heap above).</summary>
    Best,

    /// <summary>O(N²) with nearest-neighbour bookkeeping over all pairs; fastest for N ≲ 50 (FastJet: <c>N2Plain</c>).</summary>
    N2Plain,

    /// <summary>O(N√N) typical: (y, φ) tiles of size ≥ R, a linear scan for the smallest distance; fastest for N ≈ 50–500 (FastJet: <c>N2Tiled</c>).</summary>
    N2Tiled,

    /// <summary>Tiles plus a min-heap of the distances, O(N ln N) per search; fastest for N ≳ 500 (FastJet: <c>N2MinHeapTiled</c>).</summary>
    N2MinHeapTiled,
}
