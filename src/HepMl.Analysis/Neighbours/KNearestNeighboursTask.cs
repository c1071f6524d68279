namespace HepMl.Analysis.Neighbours;

/// <summary>What a <see cref="KNearestNeighbours"/> model predicts.</summary>
public enum KNearestNeighboursTask
{
    /// <summary>Classification when the dataset has labels, otherwise regression.</summary>
    Automatic,

    /// <summary>Class probabilities from the neighbours' (weighted) class shares.</summary>
    Classification,

    /// <summary>The (weighted) mean target of the neighbours.</summary>
    Regression,
}
