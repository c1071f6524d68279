using HepMl.Analysis.Data.Internal;

namespace HepMl.Analysis.Data;

/// <summary>Random oversampling: minority classes are topped up with repeated events until every class has as many events as the largest.</summary>
/// <remarks>
/// The repeated events are drawn uniformly with replacement (seeded); originals all stay, in their order, followed
/// by the copies. Weights are copied unchanged, so the class's total weight grows with its count; combine with
/// <see cref="ClassReweighting"/> when totals matter. Oversample training data only, after splitting, so copies of one
/// event never land on both sides of a split. imbalanced-learn: <c>RandomOverSampler</c>.
/// </remarks>
public static class Oversampling
{
    /// <summary>Balances class counts by repeating random minority events.</summary>
    /// <exception cref="ArgumentException">The dataset has no labels or is empty.</exception>
    public static Dataset RandomOversample(Dataset data, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.HasLabels || data.RowCount == 0)
        {
            throw new ArgumentException("oversampling needs a non-empty dataset with class labels", nameof(data));
        }

        List<int[]> groups = DatasetSplitter.Groups(data, stratify: true);
        int largest = groups.Max(g => g.Length);
        var random = new DeterministicRandom(seed);
        var rows = new List<int>(largest * groups.Count);
        rows.AddRange(Enumerable.Range(0, data.RowCount));
        foreach (int[] group in groups)
        {
            for (int extra = group.Length; extra < largest; extra++)
            {
                rows.Add(group[random.NextInt(group.Length)]);
            }
        }

        return data.Subset(rows.ToArray());
    }
}
