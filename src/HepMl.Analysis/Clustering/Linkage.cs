namespace HepMl.Analysis.Clustering;

/// <summary>The distance between clusters that agglomerative clustering merges by.</summary>
public enum Linkage
{
    
    Ward,

    /// <summary>Largest distance between members.</summary>
    Complete,

    /// <summary>Mean distance between members (UPGMA).</summary>
    Average,

    /// <summary>Smallest distance between members.</summary>
    Single,
}
