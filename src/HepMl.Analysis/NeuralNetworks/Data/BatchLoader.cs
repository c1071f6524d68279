using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Data;

/// <summary>
/// Cuts a source into mini-batches, shuffled per epoch with a seeded generator, and fills the next batches on a
/// background thread while the current one trains (prefetch). Random-access sources are shuffled globally;
/// sequential (streaming) sources are read in windows of <see cref="ShuffleWindowBatches"/> batches and shuffled
/// within each window, so memory stays bounded for data larger than RAM. Batch buffers are recycled: a
/// <see cref="Batch"/> is valid until the enumeration moves on. PyTorch: <c>DataLoader</c> with
/// <c>prefetch_factor</c>.
/// </summary>
public sealed class BatchLoader
{
    private readonly IBatchSource _source;
    private readonly RandomSource _random;

    /// <summary>Creates the loader.</summary>
    public BatchLoader(IBatchSource source, int batchSize, bool shuffle, RandomSource random, int prefetch = 2, bool dropLast = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegative(prefetch);
        _source = source;
        _random = random;
        BatchSize = batchSize;
        Shuffle = shuffle;
        Prefetch = prefetch;
        DropLast = dropLast;
    }

    /// <summary>Events per batch (the last batch may be smaller unless <see cref="DropLast"/>).</summary>
    public int BatchSize { get; }

    /// <summary>True to shuffle each epoch.</summary>
    public bool Shuffle { get; }

    /// <summary>Batches prepared ahead on the background thread (0: load on the calling thread).</summary>
    public int Prefetch { get; }

    /// <summary>True to drop a final incomplete batch.</summary>
    public bool DropLast { get; }

    /// <summary>Window size, in batches, for shuffling sequential sources.</summary>
    public int ShuffleWindowBatches { get; init; } = 32;

    /// <summary>Number of batches per epoch.</summary>
    public int BatchesPerEpoch => DropLast ? _source.Count / BatchSize : (_source.Count + BatchSize - 1) / BatchSize;

    /// <summary>The batches of one epoch (a new shuffle each call).</summary>
    public IEnumerable<Batch> Epoch()
    {
        int[]? order = null;
        if (_source.SupportsRandomAccess)
        {
            order = new int[_source.Count];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            if (Shuffle)
            {
                _random.Shuffle(order);
            }
        }

        RandomSource windowRandom = _random.Fork();
        return Prefetch == 0 ? Synchronous(order, windowRandom) : Prefetched(order, windowRandom);
    }

    private Batch NewBatch() => new(BatchSize, _source.SampleShape, _source.TargetWidth, _source.HasWeights, _source.MaskWidth);

    private IEnumerable<Batch> Synchronous(int[]? order, RandomSource windowRandom)
    {
        Batch batch = NewBatch();
        var filler = new Filler(this, order, windowRandom);
        while (filler.FillNext(batch))
        {
            yield return batch;
        }
    }

    private IEnumerable<Batch> Prefetched(int[]? order, RandomSource windowRandom)
    {
        using var ready = new BlockingCollection<Batch>(Prefetch);
        using var free = new BlockingCollection<Batch>();
        for (int i = 0; i < Prefetch + 1; i++)
        {
            free.Add(NewBatch());
        }

        using var cancellation = new CancellationTokenSource();
        Exception? failure = null;
        var producer = new Thread(() =>
        {
            try
            {
                var filler = new Filler(this, order, windowRandom);
                while (true)
                {
                    Batch batch = free.Take(cancellation.Token);
                    if (!filler.FillNext(batch))
                    {
                        break;
                    }

                    ready.Add(batch, cancellation.Token);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                ready.CompleteAdding();
            }
        })
        { IsBackground = true, Name = "HepMl batch prefetch" };
        producer.Start();

        Batch? previous = null;
        try
        {
            foreach (Batch batch in ready.GetConsumingEnumerable())
            {
                if (previous is not null)
                {
                    free.Add(previous);
                }

                previous = batch;
                yield return batch;
            }

            if (failure is not null)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }
        finally
        {
            cancellation.Cancel();
            producer.Join();
        }
    }

    /// <summary>Produces the batches of one epoch into recycled buffers.</summary>
    private sealed class Filler(BatchLoader loader, int[]? order, RandomSource windowRandom)
    {
        private int _next;
        private int _index;
        private Batch? _window;
        private int[]? _windowOrder;
        private int _windowStart;
        private int _windowCount;
        private int _windowNext;

        public bool FillNext(Batch batch)
        {
            int total = loader._source.Count;
            int remaining = total - _next;
            int count = Math.Min(loader.BatchSize, remaining);
            if (count <= 0 || (loader.DropLast && count < loader.BatchSize))
            {
                return false;
            }

            if (order is not null)
            {
                loader._source.Read(order.AsSpan(_next, count), batch.Buffers(count));
            }
            else if (!loader.Shuffle)
            {
                loader._source.ReadRange(_next, count, batch.Buffers(count));
            }
            else
            {
                FillFromWindow(batch, count);
            }

            _next += count;
            batch.Publish(count, _index++);
            return true;
        }

        private void FillFromWindow(Batch batch, int count)
        {
            IBatchSource source = loader._source;
            if (_window is null || _windowNext >= _windowCount)
            {
                int capacity = loader.BatchSize * loader.ShuffleWindowBatches;
                _window ??= new Batch(capacity, source.SampleShape, source.TargetWidth, source.HasWeights, source.MaskWidth);
                _windowStart = _next;
                _windowCount = Math.Min(capacity, source.Count - _next);
                source.ReadRange(_windowStart, _windowCount, _window.Buffers(_windowCount));
                _windowOrder = new int[_windowCount];
                for (int i = 0; i < _windowCount; i++)
                {
                    _windowOrder[i] = i;
                }

                windowRandom.Shuffle(_windowOrder);
                _windowNext = 0;
            }

            BatchBuffers from = _window.Buffers(_windowCount);
            BatchBuffers to = batch.Buffers(count);
            int sample = source.SampleShape.ElementCount;
            int targets = source.TargetWidth;
            int mask = source.MaskWidth;
            for (int i = 0; i < count; i++)
            {
                int row = _windowOrder![_windowNext + i];
                from.Features.Slice(row * sample, sample).CopyTo(to.Features.Slice(i * sample, sample));
                if (targets > 0)
                {
                    from.Targets.Slice(row * targets, targets).CopyTo(to.Targets.Slice(i * targets, targets));
                }

                if (source.HasWeights)
                {
                    to.Weights[i] = from.Weights[row];
                }

                if (mask > 0)
                {
                    from.Mask.Slice(row * mask, mask).CopyTo(to.Mask.Slice(i * mask, mask));
                }
            }

            _windowNext += count;
        }
    }
}
