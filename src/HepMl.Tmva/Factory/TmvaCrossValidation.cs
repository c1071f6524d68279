using HepMl.Analysis.Data;

namespace HepMl.Tmva.Factory;

/// <summary>
/// k-fold cross-validation of booked methods (TMVA: <c>CrossValidation</c>): the prepared training and test events are
/// pooled, split into k folds stratified by class, and every method is trained on k − 1 folds and evaluated on the
/// remaining one; the report gives each fold's ROC integral and their mean and standard deviation.
/// </summary>
public static class TmvaCrossValidation
{
    /// <summary>Runs the folds.</summary>
    /// <param name="loader">A loader whose sample is prepared.</param>
    /// <param name="folds">Number of folds, at least 2.</param>
    /// <param name="book">Books the methods on a fold's factory and loader (same titles every fold).</param>
    /// <param name="options">Factory settings; each fold writes under OUTPUT/cv/foldK.</param>
    /// <param name="seed">Seed of the fold assignment.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than two folds.</exception>
    public static IReadOnlyList<TmvaCrossValidationResult> Run(
        TmvaDataLoader loader, int folds, Action<TmvaFactory, TmvaDataLoader> book, TmvaFactoryOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        TmvaEventSample sample = loader.Sample;
        Dataset all = Concatenate(sample.Training, sample.Test);
        float[][] spectators = sample.TrainingSpectators.Zip(sample.TestSpectators, (a, b) => a.Concat(b).ToArray()).ToArray();
        var areas = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (DataFold fold in CrossValidationFolds.StratifiedKFold(all.Labels, folds, seed))
        {
            int[] trainRows = [.. fold.TrainingRows];
            int[] testRows = [.. fold.ValidationRows];
            var foldSample = new TmvaEventSample(
                all.Subset(trainRows), all.Subset(testRows),
                spectators.Select(s => trainRows.Select(i => s[i]).ToArray()).ToArray(),
                spectators.Select(s => testRows.Select(i => s[i]).ToArray()).ToArray());
            TmvaDataLoader foldLoader = TmvaDataLoader.FromSample(loader.Name, foldSample, loader.Spectators);
            string directory = Path.Combine(options.OutputDirectory, "cv", "fold" + fold.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            IProgress<TmvaProgress>? progress = TmvaProgress.Within(options.Progress, (double)fold.Index / folds, 1.0 / folds, $"fold {fold.Index + 1} of {folds}: ");
            var factory = new TmvaFactory($"Fold{fold.Index}", options: options with { OutputDirectory = directory, Progress = progress });
            book(factory, foldLoader);
            factory.TrainAllMethods();
            factory.TestAllMethods();
            foreach (TmvaMethodEvaluation evaluation in factory.EvaluateAllMethods().Methods)
            {
                if (!areas.TryGetValue(evaluation.Title, out List<double>? list))
                {
                    areas[evaluation.Title] = list = [];
                }

                list.Add(evaluation.RocIntegral);
            }
        }

        return areas.Select(pair =>
        {
            double mean = pair.Value.Average();
            double std = Math.Sqrt(pair.Value.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, pair.Value.Count - 1));
            return new TmvaCrossValidationResult(pair.Key, pair.Value, mean, std);
        }).OrderByDescending(r => r.MeanRocIntegral).ToArray();
    }

    private static Dataset Concatenate(Dataset a, Dataset b)
    {
        var columns = new float[a.FeatureCount][];
        for (int j = 0; j < columns.Length; j++)
        {
            columns[j] = [.. a.Column(j).ToArray(), .. b.Column(j).ToArray()];
        }

        return new Dataset(a.FeatureNames, columns, [.. a.Labels.ToArray(), .. b.Labels.ToArray()],
            [.. a.Weights.ToArray(), .. b.Weights.ToArray()], classNames: a.ClassNames);
    }
}
