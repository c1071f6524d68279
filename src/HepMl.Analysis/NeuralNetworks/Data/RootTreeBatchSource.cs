using HepMl.Analysis.Tensors;
using HepMl.Io.Root.Trees;

namespace HepMl.Analysis.NeuralNetworks.Data;

/// <summary>
/// Streams training events from flat numeric branches of a ROOT TTree (through <c>HepMl.Io.Root</c>): one feature per
/// branch, an optional target branch and an optional weight branch, any numeric leaf type converted to float. Only the
/// current window of entries is read and decompressed, so trees larger than memory train; the loader shuffles within
/// windows. Jagged branches (constituents) go through <see cref="PaddedJaggedBatchSource.FromTree"/>.
/// </summary>
public sealed class RootTreeBatchSource : IBatchSource
{
    private readonly TreeReader _tree;
    private readonly string[] _features;
    private readonly string? _target;
    private readonly string? _weight;
    private readonly long _firstEntry;

    /// <summary>Creates the source over entries [first, first + count) (count -1: to the end).</summary>
    /// <exception cref="HepMl.Io.ObjectNotFoundException">A branch is missing (the message lists the nearest names).</exception>
    /// <exception cref="ArgumentException">No feature branches, or the entry range is outside the tree.</exception>
    public RootTreeBatchSource(TreeReader tree, IReadOnlyList<string> featureBranches, string? targetBranch = null, string? weightBranch = null, long firstEntry = 0, long entryCount = -1)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(featureBranches);
        if (featureBranches.Count == 0)
        {
            throw new ArgumentException("at least one feature branch is needed", nameof(featureBranches));
        }

        foreach (string? name in featureBranches.Append(targetBranch).Append(weightBranch))
        {
            if (name is not null)
            {
                tree.GetBranch(name);
            }
        }

        long count = entryCount < 0 ? tree.Entries - firstEntry : entryCount;
        if (firstEntry < 0 || firstEntry + count > tree.Entries || count > int.MaxValue)
        {
            throw new ArgumentException($"entries [{firstEntry}, {firstEntry + count}) are outside the {tree.Entries} entries of {tree.Path}");
        }

        (_tree, _features, _target, _weight, _firstEntry) = (tree, featureBranches.ToArray(), targetBranch, weightBranch, firstEntry);
        Count = (int)count;
        SampleShape = new TensorShape(_features.Length);
    }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public TensorShape SampleShape { get; }

    /// <inheritdoc/>
    public int TargetWidth => _target is null ? 0 : 1;

    /// <inheritdoc/>
    public bool HasWeights => _weight is not null;

    /// <inheritdoc/>
    public int MaskWidth => 0;

    /// <inheritdoc/>
    public bool SupportsRandomAccess => false;

    /// <inheritdoc/>
    public void Read(ReadOnlySpan<int> rows, BatchBuffers destination)
    {
        int f = _features.Length;
        for (int i = 0; i < rows.Length; i++)
        {
            ReadRange(rows[i], 1, new BatchBuffers(
                destination.Features.Slice(i * f, f),
                destination.Targets.IsEmpty ? default : destination.Targets.Slice(i, 1),
                destination.Weights.IsEmpty ? default : destination.Weights.Slice(i, 1),
                default));
        }
    }

    /// <inheritdoc/>
    public void ReadRange(int start, int count, BatchBuffers destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Count);
        long from = _firstEntry + start;
        long to = from + count;
        int f = _features.Length;
        for (int j = 0; j < f; j++)
        {
            Array values = _tree.ReadColumn(_features[j], from, to).Values;
            for (int i = 0; i < count; i++)
            {
                destination.Features[(i * f) + j] = NumericColumns.At(values, i, _features[j]);
            }
        }

        if (_target is not null && !destination.Targets.IsEmpty)
        {
            NumericColumns.CopyTo(_tree.ReadColumn(_target, from, to).Values, destination.Targets[..count], _target);
        }

        if (_weight is not null && !destination.Weights.IsEmpty)
        {
            NumericColumns.CopyTo(_tree.ReadColumn(_weight, from, to).Values, destination.Weights[..count], _weight);
        }
    }
}
