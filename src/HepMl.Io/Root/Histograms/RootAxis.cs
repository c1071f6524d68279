using HepMl.Io.Root.Objects;

namespace HepMl.Io.Root.Histograms;

/// <summary>One histogram axis (ROOT: <c>TAxis</c>): bin count, range, variable edges and bin labels when present.</summary>
public sealed class RootAxis
{
    internal RootAxis(RootObject model)
    {
        Name = model.GetOrNull("fName") as string ?? string.Empty;
        Title = model.GetOrNull("fTitle") as string ?? string.Empty;
        Bins = model.GetInt32("fNbins");
        Low = model.GetDouble("fXmin");
        High = model.GetDouble("fXmax");
        if (model.GetOrNull("fXbins") is RootObject edges && edges.GetOrNull("fArray") is double[] values && values.Length > 0)
        {
            Edges = values;
        }

        if (model.GetOrNull("fLabels") is RootCollection labels)
        {
            var names = new List<string>();
            foreach (RootObject label in labels.Objects)
            {
                names.Add(label.GetOrNull("fString") as string ?? label.GetOrNull("fName") as string ?? string.Empty);
            }

            Labels = names;
        }
    }

    /// <summary>Axis name (<c>fName</c>: xaxis, yaxis, zaxis).</summary>
    public string Name { get; }

    /// <summary>Axis title.</summary>
    public string Title { get; }

    /// <summary>Number of bins, without under- and overflow (<c>fNbins</c>).</summary>
    public int Bins { get; }

    /// <summary>Low edge of the first bin (<c>fXmin</c>).</summary>
    public double Low { get; }

    /// <summary>High edge of the last bin (<c>fXmax</c>).</summary>
    public double High { get; }

    /// <summary>The bin edges (Bins + 1 values) of a variable-width axis, or null (<c>fXbins</c>).</summary>
    public IReadOnlyList<double>? Edges { get; }

    /// <summary>The bin labels, or null (<c>fLabels</c>).</summary>
    public IReadOnlyList<string>? Labels { get; }
}
