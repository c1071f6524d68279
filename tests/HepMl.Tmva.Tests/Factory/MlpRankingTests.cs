using HepMl.Analysis.Data;
using HepMl.TestData;
using HepMl.Tmva.Factory.Trainers;
using NUnit.Framework;

namespace HepMl.Tmva.Tests.Factory;

/// <summary>The MLP's variable ranking (TMVA <c>MethodANNBase::CreateRanking</c>) against values worked out by hand.</summary>
public class MlpRankingTests
{
    [Test]
    public void InputRanking_SquaredWeightsTimesTypicalSize_AsTmva()
    {
        // Two inputs, two hidden neurons. Background events (label 0): x = 1, 3 (weights 1, 1); signal (label 1):
        // x = -2 (weight 3), 4 (weight 1). y is the same sample shifted by +10.
        var data = new Dataset(
            ["x", "y"],
            [[1f, 3f, -2f, 4f], [11f, 13f, 8f, 14f]],
            [0, 0, 1, 1],
            [1f, 1f, 3f, 1f]);

        // Written layout: weight of input j into neuron k at j * 2 + k; then the bias row (not used by the ranking).
        double[] firstLayer = [0.5, -1.0, 2.0, 0.25, 9.0, 9.0];
        (string Variable, double Importance)[] ranking = MlpTrainer.InputRanking(data, firstLayer, 2);

        // x: mean_B = 2, rms_B = 1; mean_S = (3·(-2) + 4) / 4 = -0.5, rms_S = sqrt((3·4 + 16) / 4 - 0.25) = sqrt(6.75).
        // typical = max((2 + 0.5) / 2, (1 + sqrt(6.75)) / 2) = (1 + sqrt(6.75)) / 2; Σw² = 0.25 + 1 = 1.25.
        double typicalX = (1 + Math.Sqrt(6.75)) / 2;
        // y: mean_B = 12, mean_S = 9.5, same rms: typical = (12 + 9.5) / 2 = 10.75; Σw² = 4 + 0.0625.
        Assert.That(ranking[0].Variable, Is.EqualTo("x"));
        Assert.That(ranking[1].Variable, Is.EqualTo("y"));
        Tolerance.AssertClose(1.25 * typicalX * typicalX, ranking[0].Importance, rel: 1e-12, what: "importance of x");
        Tolerance.AssertClose(4.0625 * 10.75 * 10.75, ranking[1].Importance, rel: 1e-12, what: "importance of y");
    }
}
