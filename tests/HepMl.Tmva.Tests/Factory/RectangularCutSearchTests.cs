using HepMl.Tmva.Factory;
using NUnit.Framework;

namespace HepMl.Tmva.Tests.Factory;

/// <summary>Significance-optimised rectangular cuts against cases whose optimum is known.</summary>
public class RectangularCutSearchTests
{
    [TestCase(true)]
    [TestCase(false)]
    public void Optimise_SignalPeak_FindsTheWindowWithOneBackgroundEvent(bool genetic)
    {
        // x: 10 signal events at 5.0, 10 background events at 0.5, 1.5, ..., 9.5. Windows with no background are
        // skipped (no background estimate), so the best keeps all signal and one background neighbour:
        // εS = 1, εB = 0.1; with S = 10, B = 100: S/√B = 10/√10 = 3.1623. No window can do better.
        float[] x = [.. Enumerable.Repeat(5f, 10), .. Enumerable.Range(0, 10).Select(i => i + 0.5f)];
        int[] labels = [.. Enumerable.Repeat(1, 10), .. Enumerable.Repeat(0, 10)];
        float[] weights = [.. Enumerable.Repeat(1f, 20)];
        var search = new RectangularCutSearch([x], labels, weights);

        OptimisedCut cut = search.Optimise(10, 100, (s, b) => s / Math.Sqrt(b), 4000, genetic, 40, 5);

        Assert.That(cut.SignalEfficiency, Is.EqualTo(1.0));
        Assert.That(cut.BackgroundEfficiency, Is.EqualTo(0.1).Within(1e-12));
        Assert.That(cut.FigureOfMerit, Is.EqualTo(10 / Math.Sqrt(10)).Within(1e-12));
        Assert.That(search.Efficiencies(cut.Window), Is.EqualTo((cut.SignalEfficiency, cut.BackgroundEfficiency)));
    }

    [Test]
    public void Optimise_Genetic_ReachesTheBruteForceOptimumOfTwoVariables()
    {
        // 2 variables, 80 events: the brute force tries every window with edges at midpoints between sorted values
        // (or no cut), which contains every distinct selection; the search must reach the same figure.
        var random = new Random(11);
        int n = 40;
        float[] x = new float[2 * n], y = new float[2 * n];
        int[] labels = new int[2 * n];
        for (int i = 0; i < 2 * n; i++)
        {
            bool signal = i < n;
            labels[i] = signal ? 1 : 0;
            x[i] = (float)Math.Round(signal ? 2 + random.NextDouble() * 2 : random.NextDouble() * 8, 1);
            y[i] = (float)Math.Round(signal ? random.NextDouble() * 3 : random.NextDouble() * 6, 1);
        }

        float[] weights = [.. Enumerable.Repeat(1f, 2 * n)];
        var search = new RectangularCutSearch([x, y], labels, weights);
        static double Figure(double s, double b) => s / Math.Sqrt(s + b);

        double best = BruteForce(search, x, y, 5, 20, Figure);
        OptimisedCut cut = search.Optimise(5, 20, Figure, 4000, genetic: true, 80, 3);

        Assert.That(cut.FigureOfMerit, Is.EqualTo(best).Within(1e-9));
    }

    [Test]
    public void Constructor_OneClassOnly_Throws()
    {
        Assert.Throws<ArgumentException>(() => new RectangularCutSearch([[1f, 2f]], [1, 1], [1f, 1f]));
        Assert.Throws<ArgumentException>(() => new RectangularCutSearch([[1f, 2f]], [1, 0], [1f]));
    }

    private static double BruteForce(RectangularCutSearch search, float[] x, float[] y, double s0, double b0, FigureOfMerit figure)
    {
        double[] Edges(float[] v)
        {
            double[] sorted = [.. v.Distinct().OrderBy(t => t).Select(t => (double)t)];
            var edges = new List<double> { -RectangularCutSearch.NoCut };
            for (int i = 0; i + 1 < sorted.Length; i++)
            {
                edges.Add(0.5 * (sorted[i] + sorted[i + 1]));
            }

            edges.Add(RectangularCutSearch.NoCut);
            return [.. edges];
        }

        double[] ex = Edges(x), ey = Edges(y);
        double best = double.NegativeInfinity;
        foreach (double x0 in ex)
        {
            foreach (double x1 in ex.Where(e => e > x0))
            {
                foreach (double y0 in ey)
                {
                    foreach (double y1 in ey.Where(e => e > y0))
                    {
                        (double es, double eb) = search.Efficiencies(new CutWindow([x0, y0], [x1, y1]));
                        if (eb > 0)
                        {
                            best = Math.Max(best, figure(s0 * es, b0 * eb));
                        }
                    }
                }
            }
        }

        return best;
    }
}
