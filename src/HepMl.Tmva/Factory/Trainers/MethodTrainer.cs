using System.Xml.Linq;
using HepMl.Analysis.Data;

namespace HepMl.Tmva.Factory.Trainers;

/// <summary>
/// Trains one booked method on the (already transformed) training events and returns its TMVA <c>Weights</c>
/// element with the options to write; the factory then evaluates the written file with HepMl's TMVA reader, so the
/// reported performance is that of the file.
/// </summary>
internal abstract class MethodTrainer
{
    public abstract string MethodType { get; }

    /// <summary>Options as written to the weight file (besides VarTransform).</summary>
    public abstract IReadOnlyList<(string Name, string Value)> WrittenOptions { get; }

    /// <summary>The TMVA release to write (MLP with exact tanh needs one before 4.2.1).</summary>
    public virtual string Release => Writing.TmvaWeightFileWriter.TmvaRelease;

    /// <summary>Method-specific variable ranking after training (name, importance), or null.</summary>
    public IReadOnlyList<(string Variable, double Importance)>? Ranking { get; protected set; }

    public abstract XElement Train(Dataset training, int seed, IProgress<string>? progress);
}
