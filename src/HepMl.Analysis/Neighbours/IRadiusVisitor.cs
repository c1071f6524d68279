namespace HepMl.Analysis.Neighbours;

/// <summary>Receives the points a fixed-radius search finds (implemented by structs so the search is specialised per use).</summary>
internal interface IRadiusVisitor
{
    /// <summary>Called with the original index of a point inside the radius; return false to stop the search.</summary>
    bool Visit(int index);
}
