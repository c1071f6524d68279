using HepMl.Analysis.Tensors;
using HepMl.Io;
using HepMl.Io.Hdf5;

namespace HepMl.Analysis.NeuralNetworks.Data;

/// <summary>
/// Streams training events from HDF5 datasets laid out as <c>[N, ...]</c> (h5py/Keras style): features such as
/// <c>features [N, F]</c> or <c>images [N, H, W]</c>, optional targets <c>[N]</c> or <c>[N, T]</c> (any numeric
/// type, converted to float) and weights <c>[N]</c>. Only the rows of the current window are read, so files larger
/// than memory train; the loader shuffles within windows (<see cref="SupportsRandomAccess"/> is false).
/// </summary>
public sealed class Hdf5BatchSource : IBatchSource, IDisposable
{
    private readonly Hdf5File? _ownedFile;
    private readonly Hdf5Dataset _features;
    private readonly Hdf5Dataset? _targets;
    private readonly Hdf5Dataset? _weights;
    private readonly long _firstRow;
    private readonly bool _featuresAsFloat;
    private double[] _scratch = [];

    /// <summary>Creates a source over datasets of an open file (not owned), restricted to rows [first, first + count).</summary>
    /// <exception cref="ObjectNotFoundException">A dataset is missing (the message lists the nearest names).</exception>
    /// <exception cref="ArgumentException">Row counts differ, a dataset is not numeric, or the range is outside the file.</exception>
    public Hdf5BatchSource(
        Hdf5File file, string featuresPath, string? targetsPath = null, string? weightsPath = null, long firstRow = 0, long rowCount = -1)
        : this(file, featuresPath, targetsPath, weightsPath, firstRow, rowCount, owned: false)
    {
    }

    private Hdf5BatchSource(Hdf5File file, string featuresPath, string? targetsPath, string? weightsPath, long firstRow, long rowCount, bool owned)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrEmpty(featuresPath);
        _ownedFile = owned ? file : null;
        _features = file.GetDataset(featuresPath);
        _targets = targetsPath is null ? null : file.GetDataset(targetsPath);
        _weights = weightsPath is null ? null : file.GetDataset(weightsPath);
        long total = _features.RowCount;
        ArgumentOutOfRangeException.ThrowIfNegative(firstRow);
        long count = rowCount < 0 ? total - firstRow : rowCount;
        if (firstRow + count > total || count > int.MaxValue)
        {
            throw new ArgumentException($"rows [{firstRow}, {firstRow + count}) are outside the {total} rows of {_features.Path}");
        }

        CheckNumeric(_features, file);
        _featuresAsFloat = _features.DataType.Class == Hdf5TypeClass.Float && _features.DataType.Size <= 4;
        if (_targets is not null)
        {
            CheckNumeric(_targets, file);
            CheckRows(_targets, total, file);
        }

        if (_weights is not null)
        {
            CheckNumeric(_weights, file);
            CheckRows(_weights, total, file);
            if (_weights.ElementsPerRow != 1)
            {
                throw new ArgumentException($"{_weights.Path} must hold one weight per row; it holds {_weights.ElementsPerRow}", nameof(weightsPath));
            }
        }

        IReadOnlyList<long> shape = _features.Shape;
        int[] sample = new int[Math.Max(shape.Count - 1, 1)];
        if (shape.Count == 1)
        {
            sample[0] = 1;
        }

        for (int i = 1; i < shape.Count; i++)
        {
            sample[i - 1] = checked((int)shape[i]);
        }

        SampleShape = new TensorShape(sample);
        TargetWidth = _targets is null ? 0 : checked((int)_targets.ElementsPerRow);
        _firstRow = firstRow;
        Count = (int)count;
    }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public TensorShape SampleShape { get; }

    /// <inheritdoc/>
    public int TargetWidth { get; }

    /// <inheritdoc/>
    public bool HasWeights => _weights is not null;

    /// <inheritdoc/>
    public int MaskWidth => 0;

    /// <inheritdoc/>
    public bool SupportsRandomAccess => false;

    /// <summary>Opens <paramref name="path"/> and creates a source that closes the file when disposed.</summary>
    public static Hdf5BatchSource Open(
        string path, string featuresPath = "features", string? targetsPath = "labels", string? weightsPath = "weights", long firstRow = 0, long rowCount = -1)
    {
        Hdf5File file = Hdf5File.Open(path);
        try
        {
            return new Hdf5BatchSource(
                file, featuresPath, targetsPath is not null && file.Exists(targetsPath) ? targetsPath : null,
                weightsPath is not null && file.Exists(weightsPath) ? weightsPath : null, firstRow, rowCount, owned: true);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Read(ReadOnlySpan<int> rows, BatchBuffers destination)
    {
        // Row-by-row reads are correct but slow on chunked, compressed data; the loader uses ReadRange.
        int sample = SampleShape.ElementCount;
        for (int i = 0; i < rows.Length; i++)
        {
            ReadRange(rows[i], 1, Slice(destination, i, sample));
        }
    }

    /// <inheritdoc/>
    public void ReadRange(int start, int count, BatchBuffers destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Count);
        long row = _firstRow + start;
        int sample = SampleShape.ElementCount;
        if (_featuresAsFloat)
        {
            _features.ReadRows(row, count, destination.Features[..(count * sample)]);
        }
        else
        {
            ReadConverted(_features, row, count, destination.Features[..(count * sample)]);
        }

        if (_targets is not null && !destination.Targets.IsEmpty)
        {
            ReadConverted(_targets, row, count, destination.Targets[..(count * TargetWidth)]);
        }

        if (_weights is not null && !destination.Weights.IsEmpty)
        {
            ReadConverted(_weights, row, count, destination.Weights[..count]);
        }
    }

    /// <summary>Closes the file when this source opened it.</summary>
    public void Dispose() => _ownedFile?.Dispose();

    private BatchBuffers Slice(BatchBuffers b, int slot, int sample) => new(
        b.Features.Slice(slot * sample, sample),
        b.Targets.IsEmpty ? default : b.Targets.Slice(slot * TargetWidth, TargetWidth),
        b.Weights.IsEmpty ? default : b.Weights.Slice(slot, 1),
        default);

    private void ReadConverted(Hdf5Dataset dataset, long row, int count, Span<float> destination)
    {
        if (_scratch.Length < destination.Length)
        {
            _scratch = new double[destination.Length];
        }

        Span<double> values = _scratch.AsSpan(0, destination.Length);
        dataset.ReadRows(row, count, values);
        for (int i = 0; i < values.Length; i++)
        {
            destination[i] = (float)values[i];
        }
    }

    private static void CheckNumeric(Hdf5Dataset dataset, Hdf5File file)
    {
        if (!dataset.DataType.IsNumeric)
        {
            throw new ArgumentException($"{dataset.Path} in {file.FilePath} holds {dataset.DataType.Name} values; training needs numbers");
        }
    }

    private static void CheckRows(Hdf5Dataset dataset, long rows, Hdf5File file)
    {
        if (dataset.RowCount != rows)
        {
            throw new ArgumentException($"{dataset.Path} in {file.FilePath} has {dataset.RowCount} rows; the features have {rows}");
        }
    }
}
