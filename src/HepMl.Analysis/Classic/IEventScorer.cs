using HepMl.Analysis.Data;

namespace HepMl.Analysis.Classic;

/// <summary>A trained model that gives one number per event (a classifier score, a regression estimate or an anomaly score).</summary>
public interface IEventScorer
{
    /// <summary>The features the model reads, in the order <see cref="Score(ReadOnlySpan{float})"/> expects them.</summary>
    IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Scores one event whose features are given in <see cref="FeatureNames"/> order.</summary>
    float Score(ReadOnlySpan<float> features);

    /// <summary>Scores every event of <paramref name="data"/>, reading the model's features by name (extra columns are ignored).</summary>
    float[] Score(Dataset data);
}
