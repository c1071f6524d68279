namespace HepMl.Tmva.Factory;

/// <summary>Settings of a <see cref="TmvaFactory"/> besides TMVA's option string.</summary>
public sealed record TmvaFactoryOptions
{
    /// <summary>Where <c>DATASET/weights/JOB_TITLE.weights.xml</c> and the output files go (default: current directory).</summary>
    public string OutputDirectory { get; init; } = ".";

    /// <summary>Seed of every random choice (splits use the loader's <c>SplitSeed</c>).</summary>
    public int Seed { get; init; } = 20240611;

    /// <summary>Threads for evaluation.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Receives progress messages ("BDT: tree 120 of 400"), or null.</summary>
    public IProgress<string>? Progress { get; init; }
}
