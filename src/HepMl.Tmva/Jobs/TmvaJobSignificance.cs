namespace HepMl.Tmva.Jobs;

/// <summary>The figure of merit of a job's optimised cuts and the yields it is computed for.</summary>
/// <param name="Figure">Name of the figure: <c>s_over_sqrt_b</c>, <c>s_over_sqrt_s_plus_b</c> or <c>asimov</c>.</param>
/// <param name="SignalYield">Expected signal before cuts, or null for the test sample's signal weight.</param>
/// <param name="BackgroundYield">Expected background before cuts, or null for the test sample's background weight.</param>
/// <param name="BackgroundUncertainty">Relative background uncertainty for the Asimov significance (0 for none).</param>
/// <param name="Genetic">Search rectangular cuts with the evolutionary refinement (<c>search: genetic</c>) rather than a random scan.</param>
public sealed record TmvaJobSignificance(string Figure, double? SignalYield, double? BackgroundYield, double BackgroundUncertainty, bool Genetic);
