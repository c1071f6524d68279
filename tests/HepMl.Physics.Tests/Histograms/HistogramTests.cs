using HepMl.Physics.Histograms;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Physics.Tests.Histograms;

public class HistogramTests
{
    [Test]
    public void Histogram1D_WeightedFills_ContentsErrorsAndFlows()
    {
        var h = new Histogram1D(4, 0, 4);
        h.Fill([0.5, 0.5, 1.5, 3.999, 4.0, -0.1, double.NaN], [2, 3, 1, 0.5, 7, 9, 1]);
        // Bin 0: w 2 + 3 = 5, error sqrt(4 + 9) = sqrt 13; bin 1: 1; bin 3: 0.5; x = 4.0 is overflow (half-open bins).
        Assert.That(h.BinContent(0), Is.EqualTo(5.0));
        Assert.That(h.BinError(0), Is.EqualTo(Math.Sqrt(13)));
        Assert.That(h.BinContent(1), Is.EqualTo(1.0));
        Assert.That(h.BinContent(3), Is.EqualTo(0.5));
        Assert.That((h.Underflow, h.Overflow), Is.EqualTo((9.0, 7.0)));
        Assert.That((h.Entries, h.NaNCount), Is.EqualTo((6L, 1L)));
        Assert.That(h.Integral(), Is.EqualTo(6.5));
        // Mean of in-range values: (2·0.5 + 3·0.5 + 1·1.5 + 0.5·3.999)/6.5.
        Tolerance.AssertClose((1 + 1.5 + 1.5 + 1.9995) / 6.5, h.Mean, 1e-14);
    }

    [Test]
    public void Histogram1D_ScaleAndAdd_PropagateErrors()
    {
        var a = new Histogram1D(2, 0, 2);
        var b = new Histogram1D(2, 0, 2);
        a.Fill(0.5, 2);
        b.Fill(0.5, 1);
        a.Add(b, 3);      // content 2 + 3·1 = 5, Σw² = 4 + 9·1 = 13
        Assert.That(a.BinContent(0), Is.EqualTo(5.0));
        Assert.That(a.BinSumOfSquaredWeights(0), Is.EqualTo(13.0));
        a.Scale(2);       // content 10, Σw² 52
        Assert.That((a.BinContent(0), a.BinError(0)), Is.EqualTo((10.0, Math.Sqrt(52))));
        Assert.Throws<ArgumentException>(() => a.Add(new Histogram1D(3, 0, 2)));
    }

    [Test]
    public void VariableAxis_FindsBinsAndRejectsBadEdges()
    {
        var axis = new HistogramAxis([0, 1, 10, 100]);
        Assert.That(new[] { -1, 0, 0.99, 1, 50, 100, double.NaN }.Select(axis.FindBin), Is.EqualTo(new[] { -1, 0, 0, 1, 2, 3, -2 }));
        Assert.Throws<ArgumentException>(() => _ = new HistogramAxis([0, 0]));
        Assert.Throws<ArgumentException>(() => _ = new HistogramAxis([0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new HistogramAxis(0, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new HistogramAxis(5, 1, 1));
        Assert.Throws<ArgumentException>(() => new Histogram1D(1, 0, 1).Fill(0.5, double.NaN));
    }

    [Test]
    public void UniformAxis_EdgeValuesLandInTheirOwnBin()
    {
        // 0.1·k is not exactly representable; values equal to a stored edge belong to the bin starting there.
        var axis = new HistogramAxis(10, 0, 1);
        for (int k = 0; k < 10; k++)
        {
            Assert.That(axis.FindBin(axis.Edges[k]), Is.EqualTo(k));
            Assert.That(axis.FindBin(Math.BitDecrement(axis.Edges[k + 1])), Is.EqualTo(k));
        }
    }

    [Test]
    public void Histogram2D_FillsErrorsAndProjection()
    {
        var h = new Histogram2D(new HistogramAxis(2, 0, 2), new HistogramAxis(3, 0, 3));
        h.Fill(0.5, 0.5, 2);
        h.Fill(0.5, 2.5, 3);
        h.Fill(1.5, 1.5, 1);
        h.Fill(5, 1, 4);            // x overflow
        h.Fill(double.NaN, 1, 1);
        Assert.That(h.BinContent(0, 2), Is.EqualTo(3.0));
        Assert.That(h.BinError(0, 0), Is.EqualTo(2.0));
        Assert.That(h.Integral(), Is.EqualTo(6.0));
        Assert.That((h.Entries, h.NaNCount), Is.EqualTo((4L, 1L)));
        Histogram1D px = h.ProjectionX();
        Assert.That((px.BinContent(0), px.BinError(0)), Is.EqualTo((5.0, Math.Sqrt(13))));
        Assert.Throws<ArgumentOutOfRangeException>(() => h.BinContent(2, 0));
    }
}
