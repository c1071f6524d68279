namespace HepMl.Tmva.Jobs;

/// <summary>A method booked by a job: TMVA type, title and option string.</summary>
/// <param name="Type">BDT, MLP, Fisher, LD, Likelihood or Cuts.</param>
/// <param name="Title">The title (file names use it).</param>
/// <param name="Options">TMVA option string (a YAML map is joined into one).</param>
public sealed record TmvaJobMethod(string Type, string Title, string Options);
