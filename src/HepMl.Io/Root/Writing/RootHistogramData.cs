namespace HepMl.Io.Root.Writing;

/// <summary>Placeholder; histogram writing is defined in HistogramSerializer.</summary>
public sealed class RootHistogramData
{
    internal RootHistogramData(string className, string name, string title)
    {
        ClassName = className;
        Name = name;
        Title = title;
    }

    /// <summary>TH1D, TH1F or TH2D.</summary>
    public string ClassName { get; }

    /// <summary>The key name.</summary>
    public string Name { get; }

    /// <summary>The histogram title.</summary>
    public string Title { get; }
}
