namespace HepMl.Tmva.Application;

/// <summary>
/// What <see cref="TmvaApplication.Apply"/> reads and writes (<c>hepml tmva apply</c>). The formats follow the file
/// extensions: <c>.csv</c>, <c>.root</c>, <c>.h5</c>/<c>.hdf5</c>.
/// </summary>
public sealed record TmvaApplyOptions
{
    /// <summary>Defaults.</summary>
    public static class Defaults
    {
        /// <summary>Entries evaluated and written per block (ROOT and HDF5; CSV blocks are cut by bytes of text).</summary>
        public const long BlockEntries = 100_000;
    }

    /// <summary>
    /// The events: <c>FILE.csv</c> (the header names the columns), <c>FILE.root:TREE</c> (branches) or
    /// <c>FILE.h5[:GROUP]</c> (a group of 1-D datasets, or a 2-D <c>[N, F]</c> dataset whose string attribute
    /// <c>columns</c>/<c>column_names</c>/<c>variables</c>/<c>feature_names</c> names its columns).
    /// </summary>
    public required string Input { get; init; }

    /// <summary>Where the scores go: <c>FILE.csv</c>, <c>FILE.root[:TREE]</c> (default tree: the input's name) or <c>FILE.h5[:GROUP]</c>.</summary>
    public required string Output { get; init; }

    /// <summary>For Cuts methods: the working point's signal efficiency in (0, 1] (TMVA's <c>EvaluateMVA</c> aux).</summary>
    public double? SignalEfficiency { get; init; }

    /// <summary>
    /// Write only the response column (a friend tree/table with the input's entry count and order), not a copy of the
    /// input's flat columns. A score tree written from a ROOT tree also records that tree as its friend
    /// (<c>fFriends</c>), so ROOT opening the scores resolves the input's branches too.
    /// </summary>
    public bool ResponseOnly { get; init; }

    /// <summary>Evaluation threads.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>Entries per block; memory is bounded by one block of the columns read.</summary>
    public long BlockEntries { get; init; } = Defaults.BlockEntries;
}
