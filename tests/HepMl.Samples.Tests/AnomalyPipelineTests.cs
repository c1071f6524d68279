using System.Text.Json;
using HepMl.Samples.Anomaly;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Samples.Tests;

/// <summary>
/// The anomaly study run once on <c>dijet_train_3k.h5</c> / <c>dijet_test_3k.h5</c> (3000 peer-generated background
/// events to train on, 3000 test events with 5% W′→XY signal) and compared with torch and scikit-learn on the same files.
/// </summary>
/// <remarks>
/// Every detector here is stochastic (initialisation, batch order, VAE sampling, forest sub-samples), so each is
/// compared with its peer trained with five seeds: HepMl's AUC must lie within the peer's seed-to-seed range widened
/// by 0.04, about twice the statistical error of an AUC with 150 signal events (sqrt(AUC(1−AUC)/150) ≈ 0.02–0.04).
/// </remarks>
[TestFixture]
public class AnomalyPipelineTests
{
    private const double Margin = 0.04;

    private AnomalyReport _report = null!;
    private JsonElement _reference;

    [OneTimeSetUp]
    public void RunTheStudy()
    {
        _reference = SampleReferences.Dijet;
        var settings = new AnomalySettings
        {
            TrainFile = SampleReferences.Fixture("dijet_train_3k.h5"),
            TestFile = SampleReferences.Fixture("dijet_test_3k.h5"),
            Epochs = (int)SampleReferences.Number(_reference, "torch_vae", "epochs"),
            BatchSize = (int)SampleReferences.Number(_reference, "torch_vae", "batch"),
            Beta = (float)SampleReferences.Number(_reference, "torch_vae", "beta"),
            ScoreFormat = ScoreFileFormat.Csv,
            OutputDirectory = SharedData.CreateScratchDirectory("anomaly"),
            ShowProgress = false,
        };
        _report = AnomalyPipeline.Run(settings, new TestConsole().Console);
    }

    [Test]
    public void Events_FixtureFiles_BackgroundTrainedOnAndSignalCounted()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_report.TrainEvents, Is.EqualTo(SampleReferences.Number(_reference, "train")));
            Assert.That(_report.TestEvents, Is.EqualTo(SampleReferences.Number(_reference, "test")));
            Assert.That(_report.TestSignalEvents, Is.EqualTo(SampleReferences.Number(_reference, "test_signal")));
        });
    }

    /// <remarks>
    /// After 20 epochs of 12 steps the autoencoder's AUC depends strongly on the seed: torch gives 0.73 to 0.98 over 15
    /// seeds (the reference stores all 15), HepMl 0.67 to 0.97 over seeds 0..11 and 2020, so this only catches an
    /// autoencoder that fails to learn the background. Over 130 seeds each the means agree (torch 0.890 ± 0.080,
    /// HepMl 0.885 ± 0.075), and from torch's initial weights and batches the losses agree to 1e-6 for 240 steps.
    /// </remarks>
    [Test]
    public void Autoencoder_AgainstTorchAutoencoder_AucWithinTheBand()
    {
        PeerBand.AssertWithin(_report["ae_reconstruction"].AreaUnderRocCurve, SampleReferences.Numbers(_reference, "torch_autoencoder", "auc"), Margin, "autoencoder AUC");
    }

    [TestCase("vae_reconstruction", "auc_recon")]
    [TestCase("vae_kl", "auc_kl")]
    [TestCase("vae_elbo", "auc_elbo")]
    public void Vae_AgainstTorchVaePeer_AucWithinTheBand(string score, string peerKey)
    {
        PeerBand.AssertWithin(_report[score].AreaUnderRocCurve, SampleReferences.Numbers(_reference, "torch_vae", peerKey), Margin, $"{score} AUC vs torch_vae.py {peerKey}");
    }

    [Test]
    public void IsolationForest_AgainstSklearn_AucWithinTheBand()
    {
        PeerBand.AssertWithin(_report["isolation_forest"].AreaUnderRocCurve, SampleReferences.Numbers(_reference, "sklearn_isolation_forest", "auc"), Margin, "isolation forest AUC");
    }

    [Test]
    public void Outputs_ScoresRocCurvesAndSummaryWritten()
    {
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(_report.ScoreFile), _report.ScoreFile);
            Assert.That(File.ReadLines(_report.ScoreFile).Count(), Is.EqualTo(_report.TestEvents + 1), "one line per test event plus the header");
            Assert.That(File.Exists(Path.Combine(_report.OutputDirectory, "summary.json")));
        });
    }
}
