namespace HepMl.Samples.Anomaly.Data;

/// <summary>
/// Dijet events as ten high-level features per event (row-major [event, feature], in the order of
/// <see cref="FeatureNames"/>), with the truth label (1 = injected signal, 0 = QCD background).
/// </summary>
public sealed class DijetSample
{
    /// <summary>The features of the LHC Olympics 2020 R&amp;D-style data (jets ordered by mass, j1 the heavier).</summary>
    public static readonly IReadOnlyList<string> FeatureNames =
        ["mjj", "pt_j1", "pt_j2", "deta_jj", "m_j1", "m_j2", "tau21_j1", "tau21_j2", "tau32_j1", "tau32_j2"];

    /// <summary>Features in GeV that enter the models as their logarithm (as in the peer <c>torch_vae.py</c>).</summary>
    public static readonly IReadOnlyList<int> LogScaleFeatures = [0, 1, 2, 4, 5];

    /// <summary>Creates a sample; the arrays become owned by it.</summary>
    /// <exception cref="ArgumentException">The lengths disagree.</exception>
    public DijetSample(string description, float[] features, int[] labels)
    {
        if (features.Length != (long)labels.Length * FeatureNames.Count)
        {
            throw new ArgumentException($"{labels.Length} events need {(long)labels.Length * FeatureNames.Count} feature values; got {features.Length}");
        }

        Description = description;
        Features = features;
        Labels = labels;
    }

    /// <summary>Where the events came from.</summary>
    public string Description { get; }

    /// <summary>Row-major features [event, feature].</summary>
    public float[] Features { get; }

    /// <summary>1 for signal, 0 for background.</summary>
    public int[] Labels { get; }

    /// <summary>Number of events.</summary>
    public int Count => Labels.Length;

    /// <summary>Number of signal events.</summary>
    public int SignalCount => Labels.Count(label => label == 1);

    /// <summary>One feature of every event.</summary>
    public float[] Column(int feature)
    {
        int width = FeatureNames.Count;
        var column = new float[Count];
        for (int i = 0; i < column.Length; i++)
        {
            column[i] = Features[(i * width) + feature];
        }

        return column;
    }

    /// <summary>Only the background events (label 0).</summary>
    public DijetSample BackgroundOnly()
    {
        int width = FeatureNames.Count;
        var rows = Enumerable.Range(0, Count).Where(i => Labels[i] == 0).ToArray();
        var features = new float[(long)rows.Length * width];
        for (int k = 0; k < rows.Length; k++)
        {
            Features.AsSpan(rows[k] * width, width).CopyTo(features.AsSpan(k * width, width));
        }

        return new DijetSample(Description, features, new int[rows.Length]);
    }
}
