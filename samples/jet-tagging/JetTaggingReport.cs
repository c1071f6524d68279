using HepMl.Samples.JetTagging.Taggers;

namespace HepMl.Samples.JetTagging;

/// <summary>The outcome of a run: the data used and one result per tagger (cut-based first, then trained).</summary>
/// <param name="Source">Where the jets came from.</param>
/// <param name="TrainJets">Jets used for training.</param>
/// <param name="TestJets">Jets used for the ROC curves.</param>
/// <param name="TestSignalJets">W-like jets among the test jets.</param>
/// <param name="Taggers">The results.</param>
/// <param name="OutputDirectory">Where the files were written.</param>
public sealed record JetTaggingReport(string Source, int TrainJets, int TestJets, int TestSignalJets, IReadOnlyList<TaggerResult> Taggers, string OutputDirectory)
{
    /// <summary>The result of the tagger called <paramref name="name"/>.</summary>
    public TaggerResult this[string name] => Taggers.Single(t => t.Name == name);
}
