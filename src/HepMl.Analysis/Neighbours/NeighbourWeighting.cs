namespace HepMl.Analysis.Neighbours;

/// <summary>How the k neighbours' votes (or targets) are weighted, on top of the events' own weights.</summary>
public enum NeighbourWeighting
{
    /// <summary>Every neighbour counts with its event weight (TMVA kNN; scikit-learn <c>weights='uniform'</c>).</summary>
    Uniform,

    /// <summary>Neighbours count with event weight / distance; a neighbour at distance 0 takes all the weight (scikit-learn <c>weights='distance'</c>).</summary>
    InverseDistance,
}
