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

    /// <summary>Receives progress of the training (message and fraction of all booked methods trained), or null.
    /// Reports arrive on the training thread, in order.</summary>
    public IProgress<TmvaProgress>? Progress { get; init; }
}
