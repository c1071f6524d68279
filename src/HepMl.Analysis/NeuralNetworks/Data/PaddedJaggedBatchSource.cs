using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Data;

/// <summary>
/// Variable-length per-event lists (jet constituents, tracks, muons) as fixed-size training samples: each event's
/// first <see cref="MaximumLength"/> entries of <c>F</c> values are copied into a [P, F] sample, shorter events are
/// padded with <see cref="PaddingValue"/>, longer ones truncated, and a mask [P] marks real entries with 1 and padding
/// with 0 (for masked pooling or attention). Input is flat values plus event offsets, the layout of HepMl's jagged
/// readers (ROOT <c>JaggedSpan</c>, HDF5 <c>Hdf5Jagged</c>) and of awkward arrays.
/// </summary>
public sealed class PaddedJaggedBatchSource : IBatchSource
{
    private readonly float[] _values;
    private readonly long[] _offsets;
    private readonly int _entryWidth;
    private readonly float[]? _targets;
    private readonly float[]? _weights;

    /// <summary>Creates the source.</summary>
    /// <param name="values">All entries of all events, event after event, <paramref name="entryWidth"/> values per entry.</param>
    /// <param name="offsets">Entry offsets: event i owns entries [offsets[i], offsets[i+1]); Count + 1 values starting at 0.</param>
    /// <param name="entryWidth">Values per entry (e.g. 4 for pt, eta, phi, E).</param>
    /// <param name="maximumLength">Entries kept per event (P).</param>
    /// <param name="targets">One target per event, or null.</param>
    /// <param name="weights">One weight per event, or null.</param>
    /// <param name="paddingValue">Value written into padded slots.</param>
    /// <exception cref="ArgumentException">Offsets are not non-decreasing from 0, or lengths disagree.</exception>
    public PaddedJaggedBatchSource(
        float[] values, long[] offsets, int entryWidth, int maximumLength, float[]? targets = null, float[]? weights = null, float paddingValue = 0f)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(entryWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximumLength);
        if (offsets.Length == 0 || offsets[0] != 0)
        {
            throw new ArgumentException("offsets must start with 0 and hold one more value than there are events", nameof(offsets));
        }

        for (int i = 1; i < offsets.Length; i++)
        {
            if (offsets[i] < offsets[i - 1])
            {
                throw new ArgumentException($"offsets decrease at event {i - 1} ({offsets[i - 1]} then {offsets[i]})", nameof(offsets));
            }
        }

        if (offsets[^1] * entryWidth != values.Length)
        {
            throw new ArgumentException($"the offsets end at {offsets[^1]} entries of {entryWidth} values; there are {values.Length} values", nameof(values));
        }

        Count = offsets.Length - 1;
        if (targets is not null && targets.Length != Count)
        {
            throw new ArgumentException($"{targets.Length} targets for {Count} events", nameof(targets));
        }

        if (weights is not null && weights.Length != Count)
        {
            throw new ArgumentException($"{weights.Length} weights for {Count} events", nameof(weights));
        }

        (_values, _offsets, _entryWidth, _targets, _weights) = (values, offsets, entryWidth, targets, weights);
        MaximumLength = maximumLength;
        PaddingValue = paddingValue;
        SampleShape = new TensorShape(maximumLength, entryWidth);
    }

    /// <summary>
    /// Reads jagged branches of a ROOT tree that share one counter (for example <c>Jet_Px</c>, <c>Jet_Py</c>, ...) into a
    /// padded source: entry width = number of branches, values interleaved per constituent. The columns are read whole.
    /// </summary>
    /// <exception cref="HepMl.Io.ObjectNotFoundException">A branch is missing.</exception>
    /// <exception cref="ArgumentException">A branch is not jagged, or the branches' counts differ.</exception>
    public static PaddedJaggedBatchSource FromTree(
        HepMl.Io.Root.Trees.TreeReader tree, IReadOnlyList<string> constituentBranches, int maximumLength, string? targetBranch = null, string? weightBranch = null, float paddingValue = 0f)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(constituentBranches);
        int width = constituentBranches.Count;
        if (width == 0)
        {
            throw new ArgumentException("at least one constituent branch is needed", nameof(constituentBranches));
        }

        int[]? offsets = null;
        float[] values = [];
        for (int b = 0; b < width; b++)
        {
            HepMl.Io.Columns.ColumnData column = tree.ReadColumn(constituentBranches[b]);
            if (column.Offsets.Count == 0)
            {
                throw new ArgumentException($"branch '{constituentBranches[b]}' is not jagged (one value per entry); use RootTreeBatchSource", nameof(constituentBranches));
            }

            int[] counts = column.Offsets[0];
            if (offsets is null)
            {
                offsets = counts;
                values = new float[(long)counts[^1] * width];
            }
            else if (!counts.AsSpan().SequenceEqual(offsets))
            {
                throw new ArgumentException($"branch '{constituentBranches[b]}' has other per-entry counts than '{constituentBranches[0]}'", nameof(constituentBranches));
            }

            for (int i = 0; i < counts[^1]; i++)
            {
                values[((long)i * width) + b] = NumericColumns.At(column.Values, i, constituentBranches[b]);
            }
        }

        float[]? targets = targetBranch is null ? null : new float[tree.Entries];
        if (targets is not null)
        {
            NumericColumns.CopyTo(tree.ReadColumn(targetBranch!).Values, targets, targetBranch!);
        }

        float[]? weights = weightBranch is null ? null : new float[tree.Entries];
        if (weights is not null)
        {
            NumericColumns.CopyTo(tree.ReadColumn(weightBranch!).Values, weights, weightBranch!);
        }

        long[] longOffsets = Array.ConvertAll(offsets!, o => (long)o);
        return new PaddedJaggedBatchSource(values, longOffsets, width, maximumLength, targets, weights, paddingValue);
    }

    /// <summary>Entries kept per event.</summary>
    public int MaximumLength { get; }

    /// <summary>Value of padded slots.</summary>
    public float PaddingValue { get; }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public TensorShape SampleShape { get; }

    /// <inheritdoc/>
    public int TargetWidth => _targets is null ? 0 : 1;

    /// <inheritdoc/>
    public bool HasWeights => _weights is not null;

    /// <inheritdoc/>
    public int MaskWidth => MaximumLength;

    /// <inheritdoc/>
    public bool SupportsRandomAccess => true;

    /// <inheritdoc/>
    public void Read(ReadOnlySpan<int> rows, BatchBuffers destination)
    {
        for (int i = 0; i < rows.Length; i++)
        {
            CopyEvent(rows[i], i, destination);
        }
    }

    /// <inheritdoc/>
    public void ReadRange(int start, int count, BatchBuffers destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Count);
        for (int i = 0; i < count; i++)
        {
            CopyEvent(start + i, i, destination);
        }
    }

    private void CopyEvent(int row, int slot, BatchBuffers destination)
    {
        if ((uint)row >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"event {row} is outside the {Count} events");
        }

        int sample = MaximumLength * _entryWidth;
        long first = _offsets[row];
        int length = (int)Math.Min(_offsets[row + 1] - first, MaximumLength);
        Span<float> target = destination.Features.Slice(slot * sample, sample);
        _values.AsSpan((int)(first * _entryWidth), length * _entryWidth).CopyTo(target);
        target[(length * _entryWidth)..].Fill(PaddingValue);
        if (!destination.Mask.IsEmpty)
        {
            Span<float> mask = destination.Mask.Slice(slot * MaximumLength, MaximumLength);
            mask[..length].Fill(1f);
            mask[length..].Clear();
        }

        if (_targets is not null && !destination.Targets.IsEmpty)
        {
            destination.Targets[slot] = _targets[row];
        }

        if (_weights is not null && !destination.Weights.IsEmpty)
        {
            destination.Weights[slot] = _weights[row];
        }
    }
}
