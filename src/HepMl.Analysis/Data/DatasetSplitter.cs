using HepMl.Analysis.Data.Internal;

namespace HepMl.Analysis.Data;

/// <summary>Deterministic, optionally stratified train/validation/test splits.</summary>
/// <remarks>
/// Each class (or the whole dataset without stratification) is shuffled with a seeded generator of our own
/// (independent of the .NET version), then cut at <c>round(n·f_train)</c> and <c>round(n·(f_train + f_val))</c>.
/// Rows of each part are returned in ascending order. TMVA: <c>PrepareTrainingAndTestTree</c> with
/// <c>SplitMode=Random:SplitSeed=...</c>; scikit-learn: <c>train_test_split(stratify=y)</c>.
/// </remarks>
public static class DatasetSplitter
{
    /// <summary>Splits 60/20/20 with the default seed, stratified by class when the dataset has labels.</summary>
    public static DatasetSplit Split(Dataset data) => Split(data, new SplitOptions());

    /// <summary>Splits <paramref name="data"/> as <paramref name="options"/> say.</summary>
    /// <exception cref="ArgumentException">The dataset is empty or the fractions are out of range.</exception>
    public static DatasetSplit Split(Dataset data, SplitOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (data.RowCount == 0)
        {
            throw new ArgumentException("cannot split an empty dataset", nameof(data));
        }

        double train = options.TrainingFraction, validation = options.ValidationFraction;
        if (!(train > 0 && train <= 1) || !(validation >= 0 && validation < 1) || train + validation > 1 + 1e-12)
        {
            throw new ArgumentException(
                $"TrainingFraction {train} and ValidationFraction {validation} must satisfy 0 < train <= 1, 0 <= validation, train + validation <= 1",
                nameof(options));
        }

        var random = new DeterministicRandom(options.Seed);
        var trainingRows = new List<int>();
        var validationRows = new List<int>();
        var testRows = new List<int>();
        foreach (int[] group in Groups(data, options.Stratify))
        {
            random.Shuffle(group.AsSpan());
            int n = group.Length;
            int trainEnd = (int)Math.Round(n * train, MidpointRounding.AwayFromZero);
            int validationEnd = Math.Min(n, (int)Math.Round(n * (train + validation), MidpointRounding.AwayFromZero));
            trainingRows.AddRange(group.AsSpan(0, trainEnd));
            validationRows.AddRange(group.AsSpan(trainEnd, validationEnd - trainEnd));
            testRows.AddRange(group.AsSpan(validationEnd));
        }

        trainingRows.Sort();
        validationRows.Sort();
        testRows.Sort();
        return new DatasetSplit(
            data.Subset(trainingRows.ToArray()),
            data.Subset(validationRows.ToArray()),
            data.Subset(testRows.ToArray()),
            trainingRows,
            validationRows,
            testRows);
    }

    /// <summary>Row indices grouped by class (one group per present class), or one group of all rows.</summary>
    internal static List<int[]> Groups(Dataset data, bool stratify)
    {
        if (!stratify || !data.HasLabels)
        {
            return [Enumerable.Range(0, data.RowCount).ToArray()];
        }

        ReadOnlySpan<int> labels = data.Labels;
        var byClass = new List<int>[data.ClassCount];
        for (int i = 0; i < labels.Length; i++)
        {
            (byClass[labels[i]] ??= []).Add(i);
        }

        var groups = new List<int[]>();
        foreach (List<int>? rows in byClass)
        {
            if (rows is not null)
            {
                groups.Add([.. rows]);
            }
        }

        return groups;
    }
}
