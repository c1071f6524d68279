using HepMl.Analysis.Transformations;
using HepMl.Tmva.Methods;
using HepMl.Tmva.Pdfs;
using HepMl.Tmva.Reader;
using HepMl.Tmva.WeightFiles;
using NUnit.Framework;

namespace HepMl.Tmva.Tests.Reader;

/// <summary>
/// The Likelihood references are class.C outputs. The class.C evaluates the same 10000-bin reference tables as the
/// Reader but with documented differences (spec section 12): the tables are printed (to full precision here),
/// to full precision here, bin centres are floats, values outside the range are clamped to its ends, and
/// transformations are computed in double. Re-running exactly that arithmetic on our tables must
/// reproduce class.C's numbers, which checks our smoothing, splines and normalisation table by table.
/// </summary>
public class LikelihoodClassCTests
{
    [TestCase("likelihood_danchepkwony")]
    [TestCase("likelihood_pca_bilokin")]
    public void ClassCArithmeticOnOurTables_ReproducesClassC(string name)
    {
        ReferenceCase reference = ReferenceCase.Load("data", "tmva", name);
        TmvaWeightFile weights = TmvaWeightFile.Load(reference.WeightFile);
        TmvaBookedMethod booked = TmvaReader.Create(weights, reference.Header)[weights.MethodTitle];
        var likelihood = (TmvaLikelihood)booked.Method;
        int column = reference.Column("expected");
        double worst = 0;
        for (int row = 0; row < reference.Inputs.Length; row++)
        {
            double expected = reference.Expected![row][column];
            double actual = EvaluateLikeClassC(likelihood, booked.Transformations, reference.Inputs[row]);
            double difference = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-3);
            worst = Math.Max(worst, difference);
        }

        TestContext.Out.WriteLine($"{name}: worst relative difference {worst:E2}");
        // README: class.C agreement for Likelihood ~1e-5 relative (values below 1e-3 compared absolutely).
        Assert.That(worst, Is.LessThan(1e-5));
    }

    private static double EvaluateLikeClassC(TmvaLikelihood likelihood, TransformationChain chain, float[] raw)
    {
        double[] signalInputs = raw.Select(v => (double)v).ToArray(), backgroundInputs = signalInputs;
        if (chain.Steps.Count == 1 && chain.Steps[0].Transformation is PrincipalComponents pca)
        {
            signalInputs = PrincipalComponentsInDouble(pca, raw, 0);
            backgroundInputs = PrincipalComponentsInDouble(pca, raw, 1);
        }
        else
        {
            Assert.That(chain.IsIdentity, "the emulation covers no transformation or one PCA");
        }

        double ps = 1, pb = 1;
        for (int v = 0; v < likelihood.PdfCount; v++)
        {
            TmvaPdf signal = likelihood.SignalPdf(v), background = likelihood.BackgroundPdf(v);
            double min = signal.Axis.Minimum, max = signal.Axis.Maximum;
            int n = signal.Axis.BinCount;
            for (int type = 0; type < 2; type++)
            {
                TmvaPdf pdf = type == 0 ? signal : background;
                                double value = type == 0 ? signalInputs[v] : backgroundInputs[v];
                int bin = (int)((value - min) / (max - min) * n);
                if (bin < 0)
                {
                    bin = 0;
                    value = min;
                }
                else if (bin >= n)
                {
                    bin = n - 1;
                    value = max;
                }

                float reference = pdf.Contents[bin];
                double p = reference;
                float centre = (float)((bin + 0.5) / n * (max - min) + min);
                int next = (value > centre && bin != n - 1) || bin == 0 ? bin + 1 : bin - 1;
                double referenceNext = pdf.Contents[next];
                float nextCentre = (float)((next + 0.5) / n * (max - min) + min);
                p += (value - centre) * (reference - referenceNext) / ((double)centre - nextCentre);
                p = Math.Max(p, 1e3 * 2.2250738585072014e-308);
                if (type == 0)
                {
                    ps *= p;
                }
                else
                {
                    pb *= p;
                }
            }
        }

        double eps = 1e3 * 2.2250738585072014e-308;
        ps = Math.Max(ps, eps);
        pb = Math.Max(pb, eps);
        double r = ps / (ps + pb);
        if (r >= 1.0)
        {
            r = 1.0 - 1.0e-15;
        }

        if (likelihood.TransformOutput)
        {
            r = -Math.Log((1.0 / r) - 1.0) / 15.0;
        }

        return r;
    }

    /// <summary>class.C's PCA (<c>VariablePCATransform::MakeFunction</c>): the same sums in double, not rounded to float.</summary>
    private static double[] PrincipalComponentsInDouble(PrincipalComponents pca, float[] x, int set)
    {
        int n = pca.VariableCount;
        double[] means = pca.Means(set), vectors = pca.Eigenvectors(set);
        var result = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                result[i] += (x[j] - means[j]) * vectors[(j * n) + i];
            }
        }

        return result;
    }
}
