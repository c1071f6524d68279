using HepMl.Tmva.Methods.Internal;
using HepMl.Tmva.Reader;
using NUnit.Framework;

namespace HepMl.Tmva.Tests.Reader;

/// <summary>The vectorised BDT batch walk against its scalar twin and the single-event path, for every batch length
/// 0..257 (all block and eight-event tails) and both thread counts.</summary>
[NonParallelizable]
public class BdtBatchTests
{
    [TestCase("bdtg_depth2_apmorris")]
    [TestCase("bdt_adaboost_apmorris")]
    [TestCase("bdtg_depth7_bortigno")]
    public void EvaluateBatch_EveryLength_GivesTheSingleEventBits(string name)
    {
        ReferenceCase reference = ReferenceCase.Load("data", "tmva", name);
        TmvaBookedMethod method = new TmvaReader().BookMva("BDT", reference.WeightFile);
        float[] flat = reference.FlatInputs();
        int width = method.InputCount;
        double[] single = reference.Inputs.Take(257).Select(row => method.Evaluate(row)).ToArray();
        bool vectors = DenseForest.UseVectors;
        try
        {
            foreach (bool useVectors in new[] { true, false })
            {
                DenseForest.UseVectors = useVectors && vectors;
                for (int rows = 0; rows <= 257; rows++)
                {
                    var batch = new double[rows];
                    method.EvaluateBatch(flat.AsSpan(0, rows * width), batch);
                    Assert.That(batch, Is.EqualTo(single.Take(rows).ToArray()), $"{rows} rows, vectors {DenseForest.UseVectors}");
                }
            }
        }
        finally
        {
            DenseForest.UseVectors = vectors;
        }
    }
}
