using HepMl.Analysis.Data;
using HepMl.Analysis.Transformations;

namespace HepMl.Samples.Anomaly.Data;

/// <summary>
/// The preprocessing of the peer <c>torch_vae.py</c>: the natural logarithm of the GeV-valued features (mjj, pt_j1,
/// pt_j2, m_j1, m_j2; values floored at 1e-3), then standardisation with the mean and standard deviation of the
/// background training events (HepMl.Analysis <see cref="Standardisation"/>).
/// </summary>
internal sealed class DijetPreprocessing
{
    private readonly Standardisation _standardisation;

    private DijetPreprocessing(Standardisation standardisation) => _standardisation = standardisation;

    /// <summary>Fits the standardisation on <paramref name="background"/>.</summary>
    public static DijetPreprocessing Fit(DijetSample background)
    {
        float[] logged = Logged(background);
        int width = DijetSample.FeatureNames.Count;
        var columns = new float[width][];
        for (int j = 0; j < width; j++)
        {
            columns[j] = new float[background.Count];
            for (int i = 0; i < background.Count; i++)
            {
                columns[j][i] = logged[(i * width) + j];
            }
        }

        return new DijetPreprocessing(Standardisation.Fit(new Dataset(DijetSample.FeatureNames, columns)));
    }

    /// <summary>The preprocessed features, row-major [event, feature].</summary>
    public float[] Transform(DijetSample events)
    {
        float[] values = Logged(events);
        int width = DijetSample.FeatureNames.Count;
        Span<float> row = stackalloc float[width];
        for (int i = 0; i < events.Count; i++)
        {
            Span<float> target = values.AsSpan(i * width, width);
            target.CopyTo(row);
            _standardisation.Transform(row, target);
        }

        return values;
    }

    private static float[] Logged(DijetSample events)
    {
        float[] values = (float[])events.Features.Clone();
        int width = DijetSample.FeatureNames.Count;
        for (int i = 0; i < events.Count; i++)
        {
            foreach (int j in DijetSample.LogScaleFeatures)
            {
                ref float value = ref values[(i * width) + j];
                value = (float)Math.Log(Math.Max(value, 1e-3));
            }
        }

        return values;
    }
}
