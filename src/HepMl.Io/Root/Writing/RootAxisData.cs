namespace HepMl.Io.Root.Writing;

/// <summary>A histogram axis to write: bins between low and high edges, or explicit variable edges.</summary>
/// <param name="Bins">Number of bins (without under/overflow).</param>
/// <param name="Low">Low edge of the first bin.</param>
/// <param name="High">High edge of the last bin.</param>
/// <param name="Edges">Variable bin edges (<c>Bins + 1</c> increasing values), or null for equal bins.</param>
/// <param name="Title">The axis title.</param>
public sealed record RootAxisData(int Bins, double Low, double High, IReadOnlyList<double>? Edges = null, string Title = "")
{
    /// <summary>An axis with variable bin edges.</summary>
    public static RootAxisData Variable(IReadOnlyList<double> edges, string title = "")
    {
        ArgumentNullException.ThrowIfNull(edges);
        if (edges.Count < 2 || edges.Zip(edges.Skip(1)).Any(p => !(p.Second > p.First)))
        {
            throw new ArgumentException("variable bin edges need at least two strictly increasing values", nameof(edges));
        }

        return new RootAxisData(edges.Count - 1, edges[0], edges[^1], edges, title);
    }

    /// <summary>The centre of bin <paramref name="bin"/> (1-based, as ROOT counts).</summary>
    public double Center(int bin) => Edges is null
        ? Low + ((bin - 0.5) * (High - Low) / Bins)
        : 0.5 * (Edges[bin - 1] + Edges[bin]);
}
