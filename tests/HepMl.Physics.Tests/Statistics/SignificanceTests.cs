using HepMl.Physics.Statistics;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Physics.Tests.Statistics;

/// <summary>Closed-form values (arithmetic in the comments) and limits of the significance formulas.</summary>
public class SignificanceTests
{
    [Test]
    public void SimpleRatios_ClosedForm()
    {
        Assert.That(Significance.SignalOverSqrtBackground(10, 100), Is.EqualTo(1.0));        // 10/sqrt(100)
        Assert.That(Significance.SignalOverSqrtSignalPlusBackground(9, 72), Is.EqualTo(1.0)); // 9/sqrt(81)
        Assert.That(Significance.SignalOverSqrtBackground(1, 0), Is.EqualTo(double.PositiveInfinity));
        Assert.That(Significance.SignalOverSqrtBackground(0, 0), Is.EqualTo(0.0));
    }

    [Test]
    public void Asimov_ClosedForm()
    {
        // Z_A = sqrt(2((s+b) ln(1 + s/b) − s))  [arXiv:1007.1727 eq. 97]
        // s = 10, b = 100: 110 ln 1.1 = 110 · 0.0953101798 = 10.4841198; −10 -> 0.4841198; ·2 = 0.9682396; sqrt = 0.98399164.
        Tolerance.AssertClose(0.9839916447569484, Significance.Asimov(10, 100), 1e-14);
        // s = 5, b = 2: 7 ln 3.5 = 7 · 1.2527630 = 8.7693410; −5 = 3.7693410; ·2 = 7.5386820; sqrt = 2.74566596.
        Tolerance.AssertClose(2.74566595909538, Significance.Asimov(5, 2), 1e-14);
        Assert.That(Significance.Asimov(0, 5), Is.EqualTo(0.0));
        Assert.That(Significance.Asimov(1, 0), Is.EqualTo(double.PositiveInfinity));
    }

    [TestCase(1e-3, 1e6)]
    [TestCase(1e-6, 1.0)]
    [TestCase(0.5, 1e8)]
    public void Asimov_SmallSignal_TendsToSOverSqrtB(double s, double b)
    {
        // For x = s/b → 0: Z_A² = 2b(x²/2 − x³/6 + …) = s²/b (1 − x/3 + …); the series branch keeps full precision.
        double x = s / b;
        Tolerance.AssertClose(s / Math.Sqrt(b) * Math.Sqrt(1 - x / 3 + x * x / 6), Significance.Asimov(s, b), 1e-12);
    }

    [Test]
    public void AsimovWithUncertainty_ClosedFormAndLimits()
    {
        // Z = sqrt(2[(s+b) ln((s+b)(b+σ²)/(b²+(s+b)σ²)) − (b²/σ²) ln(1 + σ²s/(b(b+σ²)))]), s = 10, b = 100, σ = 20:
        // (s+b)(b+σ²) = 110·500 = 55000; b² + (s+b)σ² = 10000 + 44000 = 54000; 110 ln(55000/54000) = 2.0184138;
        // (b²/σ²) ln(1 + 400·10/(100·500)) = 25 ln 1.08 = 1.9240105; 2·(2.0184138 − 1.9240105) = 0.1888066; sqrt = 0.4344634.
        Tolerance.AssertClose(0.4344634048994642, Significance.Asimov(10, 100, 20), 1e-12);
        Tolerance.AssertClose(Significance.Asimov(10, 100), Significance.Asimov(10, 100, 1e-4), 1e-7);
        Assert.That(Significance.Asimov(10, 100, 0), Is.EqualTo(Significance.Asimov(10, 100)));
        Assert.That(Significance.Asimov(10, 100, 50), Is.LessThan(Significance.Asimov(10, 100, 20)));
    }

    [Test]
    public void Punzi_AndCombination()
    {
        // ε/(a/2 + sqrt(B)) = 0.5/(2.5 + 3) for ε = 0.5, B = 9, a = 5.
        Tolerance.AssertClose(0.5 / 5.5, Significance.Punzi(0.5, 9), 1e-15);
        Tolerance.AssertClose(0.5 / 4.5, Significance.Punzi(0.5, 9, sigmas: 3), 1e-15);
        Assert.That(Significance.CombineInQuadrature([3, 4]), Is.EqualTo(5.0));
    }

    [Test]
    public void BinnedAsimov_IsQuadratureSumOfBins()
    {
        // Bins (s, b) = (3, 10), (5, 40), (1, 2): sqrt(Σ 2((s+b) ln(1+s/b) − s)) = 1.36188646 (same formula per bin).
        Tolerance.AssertClose(1.3618864614490687, Significance.BinnedAsimov([3, 5, 1], [10, 40, 2]), 1e-13);
        double withUncertainty = Significance.BinnedAsimov([3, 5, 1], [10, 40, 2], [1, 4, 0.5]);
        Assert.That(withUncertainty, Is.LessThan(1.3618864614490687));
        Tolerance.AssertClose(Significance.CombineInQuadrature([Significance.Asimov(3, 10, 1), Significance.Asimov(5, 40, 4), Significance.Asimov(1, 2, 0.5)]), withUncertainty, 1e-14);
        Assert.Throws<ArgumentException>(() => Significance.BinnedAsimov([1, 2], [1]));
    }

    [TestCase(-1.0, 1.0)]
    [TestCase(1.0, -1.0)]
    [TestCase(double.NaN, 1.0)]
    [TestCase(1.0, double.PositiveInfinity)]
    public void BadInput_Throws(double s, double b)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Significance.Asimov(s, b));
        Assert.Throws<ArgumentOutOfRangeException>(() => Significance.SignalOverSqrtBackground(s, b));
    }

    [Test]
    public void BadUncertaintyOrEfficiency_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Significance.Asimov(1, 1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Significance.Punzi(1.5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Significance.CombineInQuadrature([1, double.NaN]));
    }
}
