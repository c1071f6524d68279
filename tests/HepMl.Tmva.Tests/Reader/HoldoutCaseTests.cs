using HepMl.Tmva.Reader;
using HepMl.Tmva.WeightFiles;
using NUnit.Framework;

namespace HepMl.Tmva.Tests.Reader;

/// <summary>
/// The holdout cases (<c>shared/holdout/tmva</c>) carry no expected outputs: each must load, bind its variables and
/// give a finite response for every row (Cuts: 0 or 1 at the listed efficiencies), and the batch path must equal the
/// one-event path.
/// </summary>
public class HoldoutCaseTests
{
    private static IEnumerable<string> Cases() => ReferenceCase.Names("holdout", "tmva");

    [Test]
    public void HoldoutSet_IsPresent()
    {
        Assert.That(Cases().Count(), Is.EqualTo(9));
    }

    [TestCaseSource(nameof(Cases))]
    public void Evaluate_LoadsAndGivesFiniteResponses(string name)
    {
        ReferenceCase reference = ReferenceCase.Load("holdout", "tmva", name);
        TmvaWeightFile weights = TmvaWeightFile.Load(reference.WeightFile);
        TmvaBookedMethod method = TmvaReader.Create(weights, reference.Header)[weights.MethodTitle];
        double[] efficiencies = weights.MethodType == "Cuts" ? [0.1, 0.3, 0.5, 0.7, 0.9] : [0];
        foreach (double efficiency in efficiencies)
        {
            var single = new double[reference.Inputs.Length];
            for (int row = 0; row < reference.Inputs.Length; row++)
            {
                single[row] = method.Evaluate(reference.Inputs[row], efficiency);
                Assert.That(double.IsFinite(single[row]), $"{name} row {row} gave {single[row]}");
                if (weights.MethodType == "Cuts")
                {
                    Assert.That(single[row], Is.EqualTo(0).Or.EqualTo(1));
                }
            }

            var batch = new double[reference.Inputs.Length];
            method.EvaluateBatch(reference.FlatInputs(), batch, efficiency);
            Assert.That(batch, Is.EqualTo(single), $"{name}: batch and single-event evaluation differ");
            Assert.That(single.Distinct().Count(), Is.GreaterThan(1), $"{name}: every row gives the same response");
        }
    }
}
