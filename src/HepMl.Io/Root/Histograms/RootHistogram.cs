using System.Globalization;
using HepMl.Io.Root.Objects;

namespace HepMl.Io.Root.Histograms;

/// <summary>
/// A TH1/TH2/TH3 of any storage type (C, S, I, F, D) or a TProfile/TProfile2D/TProfile3D: its axes, the stored bin
/// array including under- and overflow, the statistics sums, Sumw2, and the profiles' bin entries.
/// For a profile the stored array holds the per-bin sums of w*y, not means (as in ROOT).
/// </summary>
public sealed class RootHistogram
{
    private RootHistogram(RootObject model, string path)
    {
        Model = model;
        Path = path;
        ClassName = model.ClassName;
        Name = model.GetString("fName");
        Title = model.GetString("fTitle");
        Dimension = model.InheritsFrom("TH3") ? 3 : model.InheritsFrom("TH2") ? 2 : 1;
        var axes = new List<RootAxis> { new((RootObject)model["fXaxis"]!) };
        if (Dimension >= 2)
        {
            axes.Add(new RootAxis((RootObject)model["fYaxis"]!));
        }

        if (Dimension >= 3)
        {
            axes.Add(new RootAxis((RootObject)model["fZaxis"]!));
        }

        Axes = axes;
        Contents = ToDoubles(model.GetOrNull("fArray"));
        Entries = model.GetDouble("fEntries");
        SumOfWeights = model.GetDouble("fTsumw");
        SumOfSquaredWeights = model.GetDouble("fTsumw2");
        SumOfWeightedX = model.GetDouble("fTsumwx");
        SumOfWeightedXSquared = model.GetDouble("fTsumwx2");
        SumW2 = model.GetOrNull("fSumw2") is RootObject sumw2 ? ToDoubles(sumw2.GetOrNull("fArray")) : [];
        IsProfile = model.ClassName.StartsWith("TProfile", StringComparison.Ordinal);
        BinEntries = IsProfile && model.GetOrNull("fBinEntries") is RootObject binEntries ? ToDoubles(binEntries.GetOrNull("fArray")) : [];
        BinSumW2 = IsProfile && model.GetOrNull("fBinSumw2") is RootObject binSumw2 ? ToDoubles(binSumw2.GetOrNull("fArray")) : [];
    }

    /// <summary>The class, e.g. TH1F, TH2D, TProfile.</summary>
    public string ClassName { get; }

    /// <summary>Path of the histogram's key (without cycle).</summary>
    public string Path { get; }

    /// <summary>Name (<c>fName</c>).</summary>
    public string Name { get; }

    /// <summary>Title (<c>fTitle</c>).</summary>
    public string Title { get; }

    /// <summary>1, 2 or 3.</summary>
    public int Dimension { get; }

    /// <summary>The axes, x first.</summary>
    public IReadOnlyList<RootAxis> Axes { get; }

    /// <summary>The stored bin array (<c>fArray</c>) with under- and overflow, converted to double.</summary>
    public IReadOnlyList<double> Contents { get; }

    /// <summary>Number of entries (<c>fEntries</c>).</summary>
    public double Entries { get; }

    /// <summary>Sum of weights (<c>fTsumw</c>).</summary>
    public double SumOfWeights { get; }

    /// <summary>Sum of squared weights (<c>fTsumw2</c>).</summary>
    public double SumOfSquaredWeights { get; }

    /// <summary>Sum of weight times x (<c>fTsumwx</c>).</summary>
    public double SumOfWeightedX { get; }

    /// <summary>Sum of weight times x squared (<c>fTsumwx2</c>).</summary>
    public double SumOfWeightedXSquared { get; }

    /// <summary>Per-bin sums of squared weights (<c>fSumw2</c>), empty when not stored.</summary>
    public IReadOnlyList<double> SumW2 { get; }

    /// <summary>True for TProfile, TProfile2D and TProfile3D.</summary>
    public bool IsProfile { get; }

    /// <summary>A profile's per-bin sums of weights (<c>fBinEntries</c>), empty otherwise.</summary>
    public IReadOnlyList<double> BinEntries { get; }

    /// <summary>A profile's per-bin sums of squared weights (<c>fBinSumw2</c>), empty when not stored.</summary>
    public IReadOnlyList<double> BinSumW2 { get; }

    /// <summary>The object as read, with every member.</summary>
    public RootObject Model { get; }

    /// <summary>Builds the histogram view of a generically read TH1-derived object.</summary>
    public static RootHistogram FromObject(RootObject model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.InheritsFrom("TH1"))
        {
            throw new ArgumentException($"{model.ClassName} is not a histogram", nameof(model));
        }

        return new RootHistogram(model, path);
    }

    private static double[] ToDoubles(object? array)
    {
        if (array is not Array values)
        {
            return [];
        }

        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = Convert.ToDouble(values.GetValue(i), CultureInfo.InvariantCulture);
        }

        return result;
    }
}
