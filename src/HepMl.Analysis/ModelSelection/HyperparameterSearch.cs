using System.Diagnostics;
using HepMl.Analysis.Data;
using HepMl.Analysis.Data.Internal;
using HepMl.Analysis.ModelSelection.Internal;

namespace HepMl.Analysis.ModelSelection;

/// <summary>
/// Hyperparameter search by k-fold cross-validation: exhaustive grid, random sampling, or Bayesian optimisation
/// with a tree-structured Parzen estimator (TPE). Trials and folds run in parallel; the log is reproducible.
/// </summary>
/// <remarks>
/// Every trial uses the same folds (stratified when the data have labels), made from the search seed. The objective
/// gets a seed derived from the search seed, the trial and the fold. Random-search trial t samples from its own
/// generator (seed, t); TPE proposes <see cref="SearchOptions.BatchSize"/> trials at a time from the trials finished
/// before the batch, each from its own generator, so neither the thread count nor timing changes the log.
/// TPE follows Bergstra et al. 2011 (independent per-parameter densities, as hyperopt and Optuna's default).
/// scikit-learn: <c>GridSearchCV</c>, <c>RandomizedSearchCV</c>; Optuna: <c>TPESampler</c>.
/// </remarks>
public static class HyperparameterSearch
{
    /// <summary>Tries every point of <paramref name="grid"/>.</summary>
    /// <exception cref="ArgumentException">The data are too small for the folds, or the grid is empty.</exception>
    /// <exception cref="InvalidOperationException">The objective threw; the message names the trial and fold.</exception>
    public static SearchLog Grid(Dataset data, ParameterGrid grid, CrossValidationObjective objective, SearchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        options ??= new SearchOptions();
        ParameterSet[] points = grid.Enumerate().ToArray();
        if (points.Length == 0)
        {
            throw new ArgumentException("the parameter grid is empty", nameof(grid));
        }

        var folds = MakeFolds(data, options);
        TrialRecord[] trials = Evaluate(data, folds, points, 0, objective, options);
        return new SearchLog("grid", options, trials);
    }

    /// <summary>Tries <see cref="SearchOptions.Trials"/> points sampled independently from <paramref name="space"/>.</summary>
    /// <inheritdoc cref="Grid"/>
    public static SearchLog Random(Dataset data, SearchSpace space, CrossValidationObjective objective, SearchOptions? options = null)
    {
        options ??= new SearchOptions();
        CheckSpace(space, options);
        var folds = MakeFolds(data, options);
        ParameterSet[] points = Enumerable.Range(0, options.Trials).Select(t => SampleRandom(space, TrialRandom(options.Seed, t))).ToArray();
        return new SearchLog("random", options, Evaluate(data, folds, points, 0, objective, options));
    }

    /// <summary>Bayesian optimisation with a tree-structured Parzen estimator.</summary>
    /// <inheritdoc cref="Grid"/>
    public static SearchLog TreeParzen(Dataset data, SearchSpace space, CrossValidationObjective objective, SearchOptions? options = null)
    {
        options ??= new SearchOptions();
        CheckSpace(space, options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Candidates, 1, nameof(options));
        if (!(options.GoodFraction > 0 && options.GoodFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.GoodFraction, "GoodFraction must be in (0, 1)");
        }

        var folds = MakeFolds(data, options);
        var trials = new List<TrialRecord>();
        int startup = Math.Min(options.Trials, Math.Max(1, options.StartupTrials));
        ParameterSet[] initial = Enumerable.Range(0, startup).Select(t => SampleRandom(space, TrialRandom(options.Seed, t))).ToArray();
        trials.AddRange(Evaluate(data, folds, initial, 0, objective, options));
        while (trials.Count < options.Trials)
        {
            int batch = Math.Min(options.BatchSize, options.Trials - trials.Count);
            var proposals = new ParameterSet[batch];
            for (int b = 0; b < batch; b++)
            {
                proposals[b] = ProposeParzen(space, trials, options, TrialRandom(options.Seed, trials.Count + b));
            }

            trials.AddRange(Evaluate(data, folds, proposals, trials.Count, objective, options));
        }

        return new SearchLog("tpe", options, trials);
    }

    private static void CheckSpace(SearchSpace space, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (space.Parameters.Count == 0)
        {
            throw new ArgumentException("the search space has no parameters", nameof(space));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.Trials, 1, nameof(options));
    }

    private static IReadOnlyList<DataFold> MakeFolds(Dataset data, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.RowCount == 0)
        {
            throw new ArgumentException("cannot cross-validate on an empty dataset", nameof(data));
        }

        return CrossValidationFolds.KFold(data, options.Folds, options.Seed);
    }

    private static DeterministicRandom TrialRandom(int seed, int trial) => new(((long)seed << 32) ^ (0x5DEECE66DL * (trial + 1)));

    private static ParameterSet SampleRandom(SearchSpace space, DeterministicRandom random) =>
        new(space.Parameters.Select(p => new KeyValuePair<string, object>(p.Name, ParzenSampler.Sample(p, random))));

    private static ParameterSet ProposeParzen(SearchSpace space, List<TrialRecord> history, SearchOptions options, DeterministicRandom random)
    {
        // Best first; NaN scores count as the worst.
        TrialRecord[] ranked = history
            .OrderBy(t => double.IsNaN(t.MeanScore) ? double.PositiveInfinity : (options.Maximize ? -t.MeanScore : t.MeanScore))
            .ThenBy(t => t.Index)
            .ToArray();
        int goodCount = Math.Clamp((int)Math.Ceiling(options.GoodFraction * ranked.Length), 1, 25);
        var values = new List<KeyValuePair<string, object>>();
        foreach (SearchParameter parameter in space.Parameters)
        {
            object[] good = ranked.Take(goodCount).Select(t => t.Parameters[parameter.Name]).ToArray();
            object[] bad = ranked.Skip(goodCount).Select(t => t.Parameters[parameter.Name]).ToArray();
            values.Add(new(parameter.Name, ParzenSampler.Propose(parameter, good, bad, options.Candidates, random)));
        }

        return new ParameterSet(values);
    }

    private static TrialRecord[] Evaluate(Dataset data, IReadOnlyList<DataFold> folds, ParameterSet[] points, int firstIndex, CrossValidationObjective objective, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var foldData = folds.Select(f => f.Apply(data)).ToArray();
        int k = folds.Count;
        var scores = new double[points.Length * k];
        var ticks = new long[points.Length * k];
        var remaining = new int[points.Length];
        Array.Fill(remaining, k);
        var records = new TrialRecord[points.Length];
        try
        {
            Parallel.For(0, points.Length * k, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, job =>
            {
                int p = job / k, fold = job % k, trial = firstIndex + p;
                int seed = unchecked((int)(TrialRandom(options.Seed, trial).Fork(fold).NextUInt64() >> 33));
                long start = Stopwatch.GetTimestamp();
                double score;
                try
                {
                    score = objective(foldData[fold].Training, foldData[fold].Validation, points[p], seed);
                }
                catch (Exception exception)
                {
                    throw new InvalidOperationException($"trial {trial} ({points[p]}) failed in fold {fold}: {exception.Message}", exception);
                }

                scores[job] = score;
                ticks[job] = Stopwatch.GetTimestamp() - start;
                if (Interlocked.Decrement(ref remaining[p]) == 0)
                {
                    records[p] = Record(trial, points[p], scores.AsSpan(p * k, k), ticks.AsSpan(p * k, k));
                    options.Progress?.Report(records[p]);
                }
            });
        }
        catch (AggregateException aggregate) when (aggregate.InnerExceptions.Count > 0)
        {
            throw aggregate.InnerExceptions.OrderBy(e => e.Message, StringComparer.Ordinal).First();
        }

        return records;
    }

    private static TrialRecord Record(int index, ParameterSet parameters, ReadOnlySpan<double> foldScores, ReadOnlySpan<long> ticks)
    {
        double mean = 0;
        foreach (double s in foldScores)
        {
            mean += s;
        }

        mean /= foldScores.Length;
        double variance = 0;
        foreach (double s in foldScores)
        {
            variance += (s - mean) * (s - mean);
        }

        long total = 0;
        foreach (long t in ticks)
        {
            total += t;
        }

        return new TrialRecord(index, parameters, foldScores.ToArray(), mean, Math.Sqrt(variance / foldScores.Length), Stopwatch.GetElapsedTime(0, total));
    }
}
