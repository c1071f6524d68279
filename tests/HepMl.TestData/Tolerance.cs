using NUnit.Framework;

namespace HepMl.TestData;

/// <summary>
/// The one closeness check of the test suites: |expected - actual| &lt;= max(abs, rel * |expected|).
/// Defaults: 1e-12 relative for doubles, 1e-6 relative for floats, 0 absolute. NaN equals NaN; infinities must match.
/// </summary>
public static class Tolerance
{
    /// <summary>Default relative tolerance for double-precision results.</summary>
    public const double DoubleRelative = 1e-12;

    /// <summary>Default relative tolerance for single-precision results.</summary>
    public const double FloatRelative = 1e-6;

    /// <summary>Asserts that <paramref name="actual"/> is within tolerance of <paramref name="expected"/>.</summary>
    public static void AssertClose(double expected, double actual, double rel = DoubleRelative, double abs = 0, string? what = null)
    {
        if (!IsClose(expected, actual, rel, abs))
        {
            Assert.Fail($"{what ?? "value"}: expected {expected:R}, got {actual:R} (difference {actual - expected:R}; rel {rel}, abs {abs})");
        }
    }

    /// <summary>True when <paramref name="actual"/> is within tolerance of <paramref name="expected"/>.</summary>
    public static bool IsClose(double expected, double actual, double rel = DoubleRelative, double abs = 0)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            return double.IsNaN(expected) && double.IsNaN(actual);
        }

        if (double.IsInfinity(expected) || double.IsInfinity(actual))
        {
            return expected == actual;
        }

        return Math.Abs(expected - actual) <= Math.Max(abs, rel * Math.Abs(expected));
    }
}
