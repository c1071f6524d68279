using System.Diagnostics;
using HepMl.Analysis.NeuralNetworks.Models;

namespace HepMl.Samples.Anomaly.Detectors;

/// <summary>
/// The autoencoder and the VAE of the peer <c>torch_vae.py</c>: 10 → 32 → 32 → 4 (mirrored decoder), ReLU, Adam 1e-3,
/// batch 256, trained on background only; the VAE's loss is Σ(x̂ − x)² + β KL. Scores: reconstruction error
/// (autoencoder and VAE, decoding the latent mean), the VAE's KL term, and both (the negative ELBO).
/// </summary>
internal static class AutoencoderDetectors
{
    /// <summary>Trains the autoencoder, saves it, and scores the test events by reconstruction error.</summary>
    public static AnomalyScore Autoencoder(float[] train, int trainRows, float[] test, int[] testLabels, AnomalySettings settings, string modelPath)
    {
        var clock = Stopwatch.StartNew();
        var model = new Autoencoder(Options(settings));
        model.Fit(train, trainRows);
        double seconds = clock.Elapsed.TotalSeconds;
        model.Save(modelPath);
        var scores = new float[testLabels.Length];
        model.AnomalyScores(test, testLabels.Length, AnomalyScoreKind.Reconstruction, scores);
        return AnomalyScore.FromScores("ae_reconstruction", "autoencoder: reconstruction error", scores, testLabels, settings.BackgroundEfficiency, seconds);
    }

    /// <summary>Trains the VAE, saves it, and scores the test events three ways.</summary>
    public static IReadOnlyList<AnomalyScore> VariationalAutoencoder(float[] train, int trainRows, float[] test, int[] testLabels, AnomalySettings settings, string modelPath)
    {
        var clock = Stopwatch.StartNew();
        var model = new VariationalAutoencoder(Options(settings));
        model.Fit(train, trainRows);
        double seconds = clock.Elapsed.TotalSeconds;
        model.Save(modelPath);
        var results = new List<AnomalyScore>();
        foreach ((AnomalyScoreKind kind, string name, string method) in new[]
        {
            (AnomalyScoreKind.Reconstruction, "vae_reconstruction", "VAE: reconstruction error"),
            (AnomalyScoreKind.KlDivergence, "vae_kl", "VAE: KL divergence"),
            (AnomalyScoreKind.Both, "vae_elbo", "VAE: reconstruction + beta KL"),
        })
        {
            var scores = new float[testLabels.Length];
            model.AnomalyScores(test, testLabels.Length, kind, scores);
            results.Add(AnomalyScore.FromScores(name, method, scores, testLabels, settings.BackgroundEfficiency, seconds));
        }

        return results;
    }

    private static AutoencoderOptions Options(AnomalySettings settings) => new()
    {
        InputFeatures = Data.DijetSample.FeatureNames.Count,
        Epochs = settings.Epochs,
        BatchSize = settings.BatchSize,
        Beta = settings.Beta,
        Seed = (ulong)settings.Seed,
        ShowProgress = settings.ShowProgress,
    };
}
