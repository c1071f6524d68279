using System.Diagnostics;
using HepMl.Analysis.NeuralNetworks.Models;
using HepMl.Samples.JetTagging.Data;

namespace HepMl.Samples.JetTagging.Taggers;

/// <summary>
/// The small convolutional tagger of the peer <c>torch_cnn.py</c> (a scaled-down version of the paper's
/// MaxOut/convolutional networks): conv 3×3 (8) → ReLU → max-pool 2 → conv 3×3 (16) → ReLU → max-pool 2 → dense 64 →
/// ReLU → 1 logit, Adam 1e-3, batch 256, on images divided by their pixel sum.
/// </summary>
internal static class ImageCnnTagger
{
    /// <summary>Trains, saves to <paramref name="modelPath"/> and scores the test jets.</summary>
    public static TaggerResult Run(JetSample train, JetSample test, int epochs, int batchSize, int seed, bool showProgress, string modelPath)
    {
        var options = new JetImageClassifierOptions
        {
            Height = train.ImagePixels, Width = train.ImagePixels, Epochs = epochs, BatchSize = batchSize, Seed = (ulong)seed, ShowProgress = showProgress,
        };
        var clock = Stopwatch.StartNew();
        JetImageClassifier cnn = JetImageClassifier.Fit(PixelSumNormalised(train), train.Count, train.Labels, null, options);
        double seconds = clock.Elapsed.TotalSeconds;
        cnn.Save(modelPath);
        float[] scores = cnn.PredictProbabilities(PixelSumNormalised(test), test.Count);
        return TaggerResult.FromScores("cnn", $"{train.ImagePixels}x{train.ImagePixels} image / pixel sum", scores, test.Labels, seconds, modelPath);
    }

    /// <summary>Each image divided by its pixel sum (at least 1e-12), as the peer does.</summary>
    public static float[] PixelSumNormalised(JetSample jets)
    {
        int perImage = jets.ValuesPerImage;
        var normalised = new float[jets.Images.Length];
        for (int i = 0; i < jets.Count; i++)
        {
            ReadOnlySpan<float> image = jets.Images.AsSpan(i * perImage, perImage);
            double sum = 0;
            foreach (float value in image)
            {
                sum += value;
            }

            float divisor = (float)Math.Max(sum, 1e-12);
            Span<float> target = normalised.AsSpan(i * perImage, perImage);
            for (int p = 0; p < perImage; p++)
            {
                target[p] = image[p] / divisor;
            }
        }

        return normalised;
    }
}
