namespace HepMl.Analysis.Trees;

/// <summary>One entry of a TMVA-style variable ranking.</summary>
/// <param name="Name">The feature's name.</param>
/// <param name="Feature">The feature's index.</param>
/// <param name="Importance">Its share of the total importance (the entries sum to 1).</param>
public readonly record struct VariableRank(string Name, int Feature, double Importance);
