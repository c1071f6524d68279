using HepMl.Analysis.Transformations;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Transformations;

/// <summary>Closed-form properties of ROOT's 353QH-twice smoothing.</summary>
public class HistogramSmoothingTests
{
    [Test]
    public void LinearSequence_IsUnchanged()
    {
        // Medians of a monotone sequence are its middle values, the end rule median(z1, z0, 3z1 - 2z2) returns z0,
        // and Hanning weights 1/4, 1/2, 1/4 reproduce a straight line: residuals vanish.
        double[] values = Enumerable.Range(0, 12).Select(i => 3.0 + (0.5 * i)).ToArray();
        double[] expected = (double[])values.Clone();

        HistogramSmoothing.Smooth353QHTwice(values, 3);

        Assert.That(values, Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void IsolatedSpike_IsRemoved()
    {
        double[] values = [5, 5, 5, 5, 50, 5, 5, 5, 5];

        HistogramSmoothing.Smooth353QHTwice(values);

        Assert.That(values, Is.All.EqualTo(5.0).Within(1e-12));
    }

    [Test]
    public void FewerThanThreeBins_AreLeftAlone()
    {
        double[] values = [1, 9];

        HistogramSmoothing.Smooth353QHTwice(values);

        Assert.That(values, Is.EqualTo(new[] { 1.0, 9.0 }));
    }

    [Test]
    public void NonNegativeInput_StaysNonNegative()
    {
        double[] values = [0, 0, 9, 0, 0, 7, 0, 1, 0, 0];

        HistogramSmoothing.Smooth353QHTwice(values, 2);

        Assert.That(values, Is.All.GreaterThanOrEqualTo(0.0));
    }
}
