using System.Text.Json;
using HepMl.Samples.JetTagging;
using HepMl.Samples.JetTagging.Taggers;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Samples.Tests;

/// <summary>
/// The jet-tagging study run once on <c>jetimages_2k.h5</c> (2000 peer-generated jet images; 1400 train, 600 test) and
/// compared tagger by tagger with numpy, scikit-learn, xgboost and the torch peer on the same file and split.
/// </summary>
[TestFixture]
public class JetTaggingPipelineTests
{
    /// <summary>AUC tolerance of the cut-based taggers whose variables both sides compute from the pixels in their own
    /// code (τ21, D2): float32 rounding of close values may swap a few jets, each swap moving the AUC by
    /// 1/(n_S n_B) ≈ 1e-5 (one swap is seen for τ21).</summary>
    private const double RecomputedVariableAuc = 1e-4;

    private JetTaggingReport _report = null!;
    private JsonElement _reference;

    [OneTimeSetUp]
    public void RunTheStudy()
    {
        _reference = SampleReferences.JetImages;
        var settings = new JetTaggingSettings
        {
            Input = SampleReferences.Fixture("jetimages_2k.h5"),
            Epochs = (int)SampleReferences.Number(_reference, "torch_cnn", "epochs"),
            BatchSize = (int)SampleReferences.Number(_reference, "torch_cnn", "batch"),
            BdtTrees = (int)SampleReferences.Number(_reference, "bdt", "rounds"),
            OutputDirectory = SharedData.CreateScratchDirectory("jet-tagging"),
            ShowProgress = false,
        };
        _report = JetTaggingPipeline.Run(settings, new TestConsole().Console);
    }

    [Test]
    public void Split_FixtureFile_SeventyThirtyLikeThePeers()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_report.TrainJets, Is.EqualTo(SampleReferences.Number(_reference, "train")));
            Assert.That(_report.TestJets, Is.EqualTo(SampleReferences.Number(_reference, "test")));
            Assert.That(_report.TestSignalJets, Is.EqualTo(SampleReferences.Number(_reference, "test_signal")));
        });
    }

    [Test]
    public void MassWindow_SameScoresAsSklearn_SameAucAndRejection()
    {
        // The score is -|m - 80.4| of the stored jet_mass on both sides, so the ROC curves are the same curve.
        AssertMetrics(_report["mass-window"], "mass_window", aucTolerance: 1e-9, rejectionRelative: 1e-9);
    }

    [Test]
    public void Tau21Cut_AgainstNumpyExclusiveKtTau21_SameAucAndRejection()
    {
        AssertMetrics(_report["tau21"], "tau21", RecomputedVariableAuc, rejectionRelative: 0.02);
    }

    [Test]
    public void D2Cut_AgainstNumpyEnergyCorrelators_SameAucAndRejection()
    {
        AssertMetrics(_report["d2"], "d2", RecomputedVariableAuc, rejectionRelative: 0.02);
    }

    [Test]
    public void Fisher_AgainstSklearnLinearDiscriminant_SamePixelsAndAuc()
    {
        TaggerResult fisher = _report["fisher"];
        int pixels = (int)SampleReferences.Number(_reference, "fisher", "pixels");
        Assert.Multiple(() =>
        {
            Assert.That(fisher.Inputs, Does.StartWith($"{pixels} image pixels"));
            // Same direction (C_S + C_B)^-1 (mu_S - mu_B) on the same pixels: HepMl solves in double from float32 pixels.
            Tolerance.AssertClose(SampleReferences.Number(_reference, "fisher", "sklearn_lda", "auc"), fisher.AreaUnderRocCurve, rel: 0, abs: 5e-5, what: "Fisher AUC vs sklearn LDA");
            Tolerance.AssertClose(SampleReferences.Number(_reference, "fisher", "numpy_tmva_direction", "auc"), fisher.AreaUnderRocCurve, rel: 0, abs: 5e-5, what: "Fisher AUC vs numpy");
        });
    }

    [Test]
    public void Bdt_AgainstXgboostWithTheSameSettings_AucWithinOnePercent()
    {
        // Same features (stored mass, τ21 and D2 from the pixels), 100 rounds of depth 3, eta 0.1, lambda 1,
        // 256 histogram bins: the trees differ only by bin edges (quantile sketch vs HepMl's quantiles).
        Tolerance.AssertClose(SampleReferences.Number(_reference, "bdt", "auc"), _report["bdt"].AreaUnderRocCurve, rel: 0, abs: 0.01, what: "BDT AUC vs xgboost");
    }

    [Test]
    public void Cnn_AgainstTorchPeerOverFiveSeeds_AucWithinTheBand()
    {
        // Random initialisation and batch order differ from torch; the peer's own seed-to-seed spread plus 0.03
        // (about twice the statistical error of an AUC on 600 test jets, sqrt(AUC(1-AUC)/300) ≈ 0.015).
        PeerBand.AssertWithin(_report["cnn"].AreaUnderRocCurve, SampleReferences.Numbers(_reference, "torch_cnn", "auc"), 0.03, "CNN AUC vs torch_cnn.py");
    }

    [Test]
    public void Outputs_EveryTagger_RocCsvAndSummaryWritten()
    {
        foreach (TaggerResult tagger in _report.Taggers)
        {
            Assert.That(File.Exists(Path.Combine(_report.OutputDirectory, $"roc_{tagger.Name}.csv")), tagger.Name);
        }

        Assert.That(File.Exists(Path.Combine(_report.OutputDirectory, "summary.json")));
    }

    private void AssertMetrics(TaggerResult tagger, string key, double aucTolerance, double rejectionRelative)
    {
        Assert.Multiple(() =>
        {
            Tolerance.AssertClose(SampleReferences.Number(_reference, key, "auc"), tagger.AreaUnderRocCurve, rel: 0, abs: aucTolerance, what: $"{key} AUC");
            Tolerance.AssertClose(SampleReferences.Number(_reference, key, "rejection_at_half"), tagger.BackgroundRejection, rel: rejectionRelative, what: $"{key} 1/eps_B at eps_S = 0.5");
        });
    }
}
