using System.Diagnostics;
using HepMl.Analysis.Anomaly;
using HepMl.Analysis.Data;
using HepMl.Samples.Anomaly.Data;

namespace HepMl.Samples.Anomaly.Detectors;

/// <summary>
/// An isolation forest (Liu, Ting, Zhou 2008; scikit-learn's defaults: 100 trees of 256 events) on the same
/// preprocessed features, trained on background: the classic non-neural anomaly detector.
/// </summary>
internal static class IsolationForestDetector
{
    /// <summary>Trains and scores (score 2^(−E[h]/c(ψ)), larger = more anomalous).</summary>
    public static AnomalyScore Run(float[] train, int trainRows, float[] test, int[] testLabels, AnomalySettings settings)
    {
        var clock = Stopwatch.StartNew();
        IsolationForest forest = IsolationForest.Train(ToDataset(train, trainRows), new IsolationForestOptions { Seed = settings.Seed });
        double seconds = clock.Elapsed.TotalSeconds;
        float[] scores = forest.Score(ToDataset(test, testLabels.Length));
        return AnomalyScore.FromScores("isolation_forest", "isolation forest: path-length score", scores, testLabels, settings.BackgroundEfficiency, seconds);
    }

    private static Dataset ToDataset(float[] rowMajor, int rows)
    {
        int width = DijetSample.FeatureNames.Count;
        var columns = new float[width][];
        for (int j = 0; j < width; j++)
        {
            columns[j] = new float[rows];
            for (int i = 0; i < rows; i++)
            {
                columns[j][i] = rowMajor[(i * width) + j];
            }
        }

        return new Dataset(DijetSample.FeatureNames, columns);
    }
}
