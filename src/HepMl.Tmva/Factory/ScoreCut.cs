namespace HepMl.Tmva.Factory;

/// <summary>The cut on a method's response that maximises the figure of merit (events with response ≥ threshold pass).</summary>
/// <param name="Threshold">The response cut.</param>
/// <param name="SignalEfficiency">Weighted signal efficiency of the cut on the test sample.</param>
/// <param name="BackgroundEfficiency">Weighted background efficiency.</param>
/// <param name="Signal">Expected signal after the cut (yield × efficiency).</param>
/// <param name="Background">Expected background after the cut.</param>
/// <param name="FigureOfMerit">The figure of merit reached.</param>
public sealed record ScoreCut(double Threshold, double SignalEfficiency, double BackgroundEfficiency, double Signal, double Background, double FigureOfMerit);
