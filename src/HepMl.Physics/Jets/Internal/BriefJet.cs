namespace HepMl.Physics.Jets.Internal;

/// <summary>
/// The per-pseudojet record of the N² algorithms (FastJet: <c>BriefJet</c> / <c>TiledJet</c>); indices replace
/// FastJet's pointers, −1 stands for null.
/// </summary>
internal struct BriefJet
{
    /// <summary>Rapidity.</summary>
    public double Rapidity;

    /// <summary>Azimuth in [0, 2π) (FastJet: <c>phi_02pi()</c>).</summary>
    public double Phi;

    /// <summary>kt^{2p}: the momentum factor of the distance (FastJet: <c>kt2</c> field, <c>jet_scale_for_algorithm</c>).</summary>
    public double MomentumFactor;

    /// <summary>Geometric distance² to the nearest neighbour, or R² if none within R.</summary>
    public double NearestDistance;

    /// <summary>Index of the nearest neighbour, or −1.</summary>
    public int Nearest;

    /// <summary>Index into the sequence's jets.</summary>
    public int JetIndex;

    /// <summary>Previous jet in the same tile, or −1.</summary>
    public int Previous;

    /// <summary>Next jet in the same tile, or −1.</summary>
    public int Next;

    /// <summary>The tile this jet is in.</summary>
    public int TileIndex;

    /// <summary>Position in the compact distance table (N2Tiled) or the heap-update flag (N2MinHeapTiled).</summary>
    public int DijPosition;
}
