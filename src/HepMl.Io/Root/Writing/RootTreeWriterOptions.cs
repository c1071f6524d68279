namespace HepMl.Io.Root.Writing;

/// <summary>How a <see cref="RootTreeWriter"/> cuts baskets.</summary>
public sealed record RootTreeWriterOptions
{
    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>Uncompressed bytes buffered over all branches before a cluster of baskets is written (8 MiB).</summary>
        public const int ClusterBytes = 8 << 20;
    }

    /// <summary>Uncompressed bytes buffered over all branches before every branch writes a basket (one cluster).</summary>
    public int ClusterBytes { get; init; } = Defaults.ClusterBytes;

    /// <summary>Largest number of threads compressing the baskets of a cluster (default: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Longest string accepted by C-string branches (UTF-8 bytes); lowered only by tests.</summary>
    internal int MaxStringBytes { get; init; } = RootBranchDefinition.MaxStringBytes;

    /// <summary>Friend trees recorded in the tree (<c>fFriends</c>), so ROOT resolves their branches too.</summary>
    public IReadOnlyList<RootFriend> Friends { get; init; } = [];
}
