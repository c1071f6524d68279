using NUnit.Framework;

namespace HepMl.Samples.Tests;

/// <summary>
/// Comparison of a stochastic result (a trained network's or a random forest's AUC) with the same method trained by a
/// peer with several seeds: the result must lie within [min − margin, max + margin] of the peer's AUCs.
/// </summary>
internal static class PeerBand
{
    /// <summary>Asserts that <paramref name="actual"/> lies in the band of <paramref name="peer"/> widened by <paramref name="margin"/>.</summary>
    public static void AssertWithin(double actual, double[] peer, double margin, string what)
    {
        double low = peer.Min() - margin;
        double high = peer.Max() + margin;
        Assert.That(actual, Is.InRange(low, high),
            $"{what}: HepMl {actual:F4}; peer over {peer.Length} seeds [{string.Join(", ", peer.Select(p => p.ToString("F4")))}], band ±{margin}");
    }
}
