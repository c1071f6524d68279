using System.Text.Json;

namespace HepMl.Analysis.Tests.Clustering;

internal static class ClusteringFixture
{
    public static readonly JsonElement Root = ClassicFixture.Load("clustering.json");

    /// <summary>Renumbers labels in order of first appearance (noise −1 kept), so partitions compare regardless of numbering.</summary>
    public static int[] Canonical(IEnumerable<int> labels)
    {
        var map = new Dictionary<int, int>();
        return labels.Select(l => l < 0 ? l : map.TryGetValue(l, out int c) ? c : map[l] = map.Count).ToArray();
    }
}
