namespace HepMl.Tmva.Factory;

/// <summary>The result of a significance-optimised rectangular-cut search.</summary>
/// <param name="Window">The best cut window.</param>
/// <param name="SignalEfficiency">Its weighted signal efficiency.</param>
/// <param name="BackgroundEfficiency">Its weighted background efficiency.</param>
/// <param name="Signal">Expected signal after the cut.</param>
/// <param name="Background">Expected background after the cut.</param>
/// <param name="FigureOfMerit">The figure of merit reached.</param>
public sealed record OptimisedCut(CutWindow Window, double SignalEfficiency, double BackgroundEfficiency, double Signal, double Background, double FigureOfMerit);
