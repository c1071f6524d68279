using System.Diagnostics;
using HepMl.Analysis.Autodiff;
using HepMl.Analysis.NeuralNetworks.Data;
using HepMl.Analysis.NeuralNetworks.Optimizers;
using HepMl.Analysis.Tensors;
using Spectre.Console;

namespace HepMl.Analysis.NeuralNetworks.Training;

/// <summary>
/// The training loop: shuffled mini-batches (prefetched), forward, NaN check, backward, clipping, optimiser step;
/// then validation without gradients, history, learning-rate schedule, early stopping with best-weights restore,
/// and an optional progress bar. Every step runs in a <see cref="TensorScope"/>, so temporaries go back to the pool.
/// </summary>
public sealed class Trainer
{
    private readonly Module _model;
    private readonly Optimizer _optimizer;
    private readonly BatchLoss _loss;
    private readonly TrainerOptions _options;

    /// <summary>Creates the trainer.</summary>
    public Trainer(Module model, Optimizer optimizer, BatchLoss loss, TrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(loss);
        _model = model;
        _optimizer = optimizer;
        _loss = loss;
        _options = options ?? new TrainerOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.Epochs, "Epochs");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.BatchSize, "BatchSize");
        ArgumentOutOfRangeException.ThrowIfNegative(_options.EarlyStoppingPatience, "EarlyStoppingPatience");
    }

    /// <summary>
    /// The usual supervised step: output = model(features), metric on the output, loss(output, targets, weights).
    /// </summary>
    public static BatchLoss Supervised(Module model, Func<Tensor, Tensor?, Tensor?, Tensor> loss)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loss);
        return (batch, weights, metric) =>
        {
            Tensor output = model.Forward(batch.Features);
            if (metric is not null)
            {
                metric.Update(output, batch.Targets, weights);
            }

            return loss(output, batch.Targets, weights);
        };
    }

    /// <summary>Trains on <paramref name="train"/>, validating on <paramref name="validation"/> (or a held-out fraction).</summary>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    /// <exception cref="ArgumentException">The source is empty, or class weights are given without class-index targets.</exception>
    public TrainingHistory Fit(IBatchSource train, IBatchSource? validation = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (validation is null && _options.ValidationFraction > 0)
        {
            if (train is not InMemoryBatchSource memory)
            {
                throw new ArgumentException("ValidationFraction needs an in-memory training source; pass a validation source instead", nameof(train));
            }

            (train, validation) = memory.Split(_options.ValidationFraction);
        }

        if (train.Count == 0)
        {
            throw new ArgumentException("the training source has no events", nameof(train));
        }

        if (_options.ClassWeights is not null && train.TargetWidth != 1)
        {
            throw new ArgumentException("ClassWeights need one class index per event as the target", nameof(train));
        }

        var random = new RandomSource(_options.Seed);
        var trainLoader = new BatchLoader(train, _options.BatchSize, _options.Shuffle, random, _options.Prefetch);
        BatchLoader? validationLoader = validation is null || validation.Count == 0
            ? null
            : new BatchLoader(validation, Math.Max(_options.BatchSize, 1024), false, random, _options.Prefetch);
        var history = new TrainingHistory();
        if (_options.ShowProgress && AnsiConsole.Profile.Capabilities.Interactive)
        {
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    ProgressTask task = context.AddTask("training", maxValue: (double)_options.Epochs * trainLoader.BatchesPerEpoch);
                    Run(trainLoader, validationLoader, history, (done, text) =>
                    {
                        task.Value = done;
                        task.Description = text;
                    });
                });
        }
        else
        {
            Run(trainLoader, validationLoader, history, _options.ShowProgress ? ReportLine : null);
        }

        return history;
    }

    private static void ReportLine(double done, string text)
    {
        if (text.Contains("loss", StringComparison.Ordinal))
        {
            AnsiConsole.MarkupLine(Markup.Escape(text));
        }
    }

    private void Run(BatchLoader trainLoader, BatchLoader? validationLoader, TrainingHistory history, Action<double, string>? report)
    {
        float initialRate = _optimizer.LearningRate;
        double best = double.PositiveInfinity;
        float[][]? bestState = null;
        int sinceBest = 0;
        int batchesPerEpoch = trainLoader.BatchesPerEpoch;
        TrainingMetric? metric = _options.Metric;
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            _model.Train();
            metric?.Reset();
            double lossSum = 0;
            long events = 0;
            foreach (Batch batch in trainLoader.Epoch())
            {
                using (TensorScope.Begin())
                {
                    Tensor? weights = EffectiveWeights(batch);
                    Tensor loss = _loss(batch, weights, metric);
                    float value = loss.Item();
                    if (!float.IsFinite(value))
                    {
                        throw new TrainingDivergedException(epoch, batch.Index, value, "lower the learning rate, clip gradients, or check the inputs for NaN");
                    }

                    _optimizer.ZeroGrad();
                    loss.Backward();
                    if (_options.GradientClipNorm is { } clip)
                    {
                        GradientClipping.ClipByNorm(_optimizer.Parameters, clip);
                    }

                    _optimizer.Step();
                    lossSum += (double)value * batch.Count;
                    events += batch.Count;
                }

                report?.Invoke((epoch * (double)batchesPerEpoch) + batch.Index + 1, $"epoch {epoch + 1}/{_options.Epochs}");
            }

            double trainLoss = lossSum / Math.Max(events, 1);
            double? trainMetric = metric?.Value;
            double? validationLoss = null;
            double? validationMetric = null;
            if (validationLoader is not null)
            {
                (validationLoss, validationMetric) = Evaluate(validationLoader, epoch, metric);
            }

            double monitored = validationLoss ?? trainLoss;
            var record = new EpochRecord(epoch, trainLoss, validationLoss, trainMetric, validationMetric, _optimizer.LearningRate, clock.Elapsed.TotalSeconds);
            history.Add(record);
            _options.Progress?.Report(record);
            report?.Invoke((epoch + 1) * (double)batchesPerEpoch, Describe(record));
            if (monitored < best)
            {
                best = monitored;
                history.BestEpoch = epoch;
                sinceBest = 0;
                if (_options.RestoreBestWeights && _options.EarlyStoppingPatience > 0)
                {
                    bestState = _model.SnapshotState();
                }
            }
            else if (_options.EarlyStoppingPatience > 0 && ++sinceBest >= _options.EarlyStoppingPatience)
            {
                history.StoppedEarly = epoch < _options.Epochs - 1;
                break;
            }

            if (_options.Schedule is not null)
            {
                _optimizer.LearningRate = _options.Schedule.NextRate(epoch + 1, initialRate, _optimizer.LearningRate, monitored);
            }
        }

        if (bestState is not null && history.BestEpoch < history.Epochs.Count - 1)
        {
            _model.RestoreState(bestState);
            history.RestoredBestWeights = true;
        }

        _model.Eval();
    }

    private (double Loss, double? Metric) Evaluate(BatchLoader loader, int epoch, TrainingMetric? metric)
    {
        _model.Eval();
        metric?.Reset();
        double sum = 0;
        long events = 0;
        using (GradientMode.NoGrad())
        {
            foreach (Batch batch in loader.Epoch())
            {
                using (TensorScope.Begin())
                {
                    float value = _loss(batch, EffectiveWeights(batch), metric).Item();
                    if (!float.IsFinite(value))
                    {
                        throw new TrainingDivergedException(epoch, batch.Index, value, "the validation loss is not finite");
                    }

                    sum += (double)value * batch.Count;
                    events += batch.Count;
                }
            }
        }

        return (sum / Math.Max(events, 1), metric?.Value);
    }

    private Tensor? EffectiveWeights(Batch batch)
    {
        IReadOnlyList<float>? classWeights = _options.ClassWeights;
        if (classWeights is null)
        {
            return batch.Weights;
        }

        Tensor weights = Tensor.Uninitialized(new TensorShape(batch.Count));
        Span<float> w = weights.Span;
        ReadOnlySpan<float> labels = batch.Targets!.Span;
        ReadOnlySpan<float> original = batch.Weights is null ? default : batch.Weights.Span;
        for (int i = 0; i < w.Length; i++)
        {
            int label = (int)labels[i];
            if ((uint)label >= (uint)classWeights.Count)
            {
                throw new ArgumentException($"class index {labels[i]} has no entry in ClassWeights ({classWeights.Count} given)");
            }

            w[i] = (original.IsEmpty ? 1f : original[i]) * classWeights[label];
        }

        return weights;
    }

    private static string Describe(EpochRecord r)
    {
        string text = FormattableString.Invariant($"epoch {r.Epoch + 1}: loss {r.TrainLoss:G5}");
        if (r.TrainMetric is { } tm)
        {
            text += FormattableString.Invariant($", metric {tm:G4}");
        }

        if (r.ValidationLoss is { } vl)
        {
            text += FormattableString.Invariant($", validation loss {vl:G5}");
        }

        if (r.ValidationMetric is { } vm)
        {
            text += FormattableString.Invariant($", validation metric {vm:G4}");
        }

        return text + FormattableString.Invariant($" ({r.Seconds:F1} s)");
    }
}
