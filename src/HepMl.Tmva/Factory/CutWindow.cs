namespace HepMl.Tmva.Factory;

/// <summary>One rectangular cut: an event passes when <c>Minimum[v] &lt; x[v] &lt;= Maximum[v]</c> for every variable;
/// ±1e30 means no cut on that side (as TMVA writes it).</summary>
/// <param name="Minimum">Lower bounds.</param>
/// <param name="Maximum">Upper bounds.</param>
public sealed record CutWindow(double[] Minimum, double[] Maximum);
