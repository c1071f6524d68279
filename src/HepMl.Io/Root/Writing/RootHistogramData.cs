namespace HepMl.Io.Root.Writing;

/// <summary>
/// A histogram to write as TH1D, TH1F or TH2D: axes, the bin contents including under- and overflow (ROOT's bin
/// order: x fastest, then y), optional sums of squared weights, and the statistics ROOT keeps (computed from the bin
/// centres when not given, as ROOT does after <c>SetBinContent</c>).
/// </summary>
public sealed class RootHistogramData
{
    private RootHistogramData(string className, string name, string title, RootAxisData x, RootAxisData? y, double[] contents, double[]? sumOfSquaredWeights, double? entries)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(contents);
        int cells = (x.Bins + 2) * (y is null ? 1 : y.Bins + 2);
        if (contents.Length != cells)
        {
            throw new ArgumentException($"{className} '{name}' has {cells} cells with under/overflow; {contents.Length} contents were given", nameof(contents));
        }

        if (sumOfSquaredWeights is not null && sumOfSquaredWeights.Length != cells)
        {
            throw new ArgumentException($"{className} '{name}': sum of squared weights needs {cells} values", nameof(sumOfSquaredWeights));
        }

        ClassName = className;
        Name = name;
        Title = title ?? string.Empty;
        XAxis = x;
        YAxis = y;
        Contents = contents;
        SumOfSquaredWeights = sumOfSquaredWeights;
        double[] weights2 = sumOfSquaredWeights ?? contents;
        for (int iy = y is null ? 0 : 1; iy <= (y is null ? 0 : y.Bins); iy++)
        {
            for (int ix = 1; ix <= x.Bins; ix++)
            {
                int cell = ix + ((x.Bins + 2) * iy);
                double w = contents[cell];
                double cx = x.Center(ix);
                SumW += w;
                SumW2 += weights2[cell];
                SumWX += w * cx;
                SumWX2 += w * cx * cx;
                if (y is not null)
                {
                    double cy = y.Center(iy);
                    SumWY += w * cy;
                    SumWY2 += w * cy * cy;
                    SumWXY += w * cx * cy;
                }
            }
        }

        Entries = entries ?? contents.Sum();
    }

    /// <summary>TH1D, TH1F or TH2D.</summary>
    public string ClassName { get; }

    /// <summary>The key name.</summary>
    public string Name { get; }

    /// <summary>The histogram title.</summary>
    public string Title { get; }

    /// <summary>The x axis.</summary>
    public RootAxisData XAxis { get; }

    /// <summary>The y axis of a 2-D histogram.</summary>
    public RootAxisData? YAxis { get; }

    /// <summary>Bin contents with under/overflow.</summary>
    public IReadOnlyList<double> Contents { get; }

    /// <summary>Sums of squared weights per bin, or null (unweighted).</summary>
    public IReadOnlyList<double>? SumOfSquaredWeights { get; }

    /// <summary>Number of entries (ROOT's <c>fEntries</c>).</summary>
    public double Entries { get; }

    internal double SumW { get; }

    internal double SumW2 { get; }

    internal double SumWX { get; }

    internal double SumWX2 { get; }

    internal double SumWY { get; }

    internal double SumWY2 { get; }

    internal double SumWXY { get; }

    /// <summary>A 1-D histogram of doubles.</summary>
    public static RootHistogramData TH1D(string name, string title, RootAxisData x, double[] contents, double[]? sumOfSquaredWeights = null, double? entries = null) =>
        new("TH1D", name, title, x, null, contents, sumOfSquaredWeights, entries);

    /// <summary>A 1-D histogram of floats (contents are rounded to float32 when written).</summary>
    public static RootHistogramData TH1F(string name, string title, RootAxisData x, double[] contents, double[]? sumOfSquaredWeights = null, double? entries = null) =>
        new("TH1F", name, title, x, null, contents, sumOfSquaredWeights, entries);

    /// <summary>A 2-D histogram of doubles; contents in ROOT's order (x fastest) with under/overflow on both axes.</summary>
    public static RootHistogramData TH2D(string name, string title, RootAxisData x, RootAxisData y, double[] contents, double[]? sumOfSquaredWeights = null, double? entries = null) =>
        new("TH2D", name, title, x, y, contents, sumOfSquaredWeights, entries);
}
