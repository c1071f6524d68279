using HepMl.Analysis.Data.Internal;

namespace HepMl.Analysis.Data;

/// <summary>k-fold, stratified k-fold and leave-p-out partitions of a dataset's rows.</summary>
/// <remarks>
/// k-fold gives the first <c>n mod k</c> folds one extra row, as scikit-learn's <c>KFold</c>. Stratified k-fold
/// shuffles each class and deals its rows to the folds in turn, continuing where the previous class stopped, so
/// every fold gets each class's share to within one event. All shuffles are seeded and reproducible.
/// </remarks>
public static class CrossValidationFolds
{
    /// <summary>Splits rows 0..rowCount-1 into <paramref name="k"/> folds.</summary>
    /// <param name="rowCount">Number of rows.</param>
    /// <param name="k">Number of folds, at least 2 and at most <paramref name="rowCount"/>.</param>
    /// <param name="seed">Shuffle seed.</param>
    /// <param name="shuffle">Shuffle before cutting (false: contiguous blocks in row order).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 2 or above the row count.</exception>
    public static IReadOnlyList<DataFold> KFold(int rowCount, int k, int seed = 42, bool shuffle = true)
    {
        CheckK(rowCount, k);
        int[] order = Enumerable.Range(0, rowCount).ToArray();
        if (shuffle)
        {
            new DeterministicRandom(seed).Shuffle(order.AsSpan());
        }

        var assignment = new int[rowCount];
        int position = 0;
        for (int fold = 0; fold < k; fold++)
        {
            int size = (rowCount / k) + (fold < rowCount % k ? 1 : 0);
            for (int i = 0; i < size; i++)
            {
                assignment[order[position++]] = fold;
            }
        }

        return FromAssignment(assignment, k);
    }

    /// <summary>k folds of <paramref name="data"/>, stratified by class when it has labels.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 2 or above the row count.</exception>
    public static IReadOnlyList<DataFold> KFold(Dataset data, int k, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.HasLabels ? StratifiedKFold(data.Labels, k, seed) : KFold(data.RowCount, k, seed);
    }

    /// <summary>k folds with each class spread evenly over the folds.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 2 or above the row count.</exception>
    /// <exception cref="ArgumentException">A label is negative.</exception>
    public static IReadOnlyList<DataFold> StratifiedKFold(ReadOnlySpan<int> labels, int k, int seed = 42)
    {
        CheckK(labels.Length, k);
        var byClass = new SortedDictionary<int, List<int>>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0)
            {
                throw new ArgumentException($"label of row {i} is {labels[i]}; labels must be >= 0", nameof(labels));
            }

            if (!byClass.TryGetValue(labels[i], out List<int>? rows))
            {
                byClass[labels[i]] = rows = [];
            }

            rows.Add(i);
        }

        var random = new DeterministicRandom(seed);
        var assignment = new int[labels.Length];
        int next = 0;
        foreach (List<int> rows in byClass.Values)
        {
            int[] shuffled = [.. rows];
            random.Shuffle(shuffled.AsSpan());
            foreach (int row in shuffled)
            {
                assignment[row] = next;
                next = (next + 1) % k;
            }
        }

        return FromAssignment(assignment, k);
    }

    /// <summary>
    /// Every way of holding out <paramref name="p"/> of the rows (C(n, p) folds), in lexicographic order of the
    /// held-out rows. Enumerated lazily.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in [1, rowCount - 1].</exception>
    public static IEnumerable<DataFold> LeavePOut(int rowCount, int p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        if (p < 1 || p >= rowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, $"leave-p-out needs 1 <= p < n; p = {p}, n = {rowCount}");
        }

        return Enumerate(rowCount, p);

        static IEnumerable<DataFold> Enumerate(int n, int p)
        {
            int[] held = Enumerable.Range(0, p).ToArray();
            int index = 0;
            while (true)
            {
                var validation = (int[])held.Clone();
                var training = new int[n - p];
                int t = 0, h = 0;
                for (int row = 0; row < n; row++)
                {
                    if (h < p && held[h] == row)
                    {
                        h++;
                    }
                    else
                    {
                        training[t++] = row;
                    }
                }

                yield return new DataFold(index++, training, validation);

                int j = p - 1;
                while (j >= 0 && held[j] == n - p + j)
                {
                    j--;
                }

                if (j < 0)
                {
                    yield break;
                }

                held[j]++;
                for (int m = j + 1; m < p; m++)
                {
                    held[m] = held[m - 1] + 1;
                }
            }
        }
    }

    private static void CheckK(int rowCount, int k)
    {
        if (k < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k-fold needs at least 2 folds; k = {k}");
        }

        if (k > rowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k = {k} folds is more than the {rowCount} rows of the dataset");
        }
    }

    private static DataFold[] FromAssignment(int[] assignment, int k)
    {
        var folds = new DataFold[k];
        for (int fold = 0; fold < k; fold++)
        {
            var training = new List<int>();
            var validation = new List<int>();
            for (int row = 0; row < assignment.Length; row++)
            {
                (assignment[row] == fold ? validation : training).Add(row);
            }

            folds[fold] = new DataFold(fold, training, validation);
        }

        return folds;
    }
}
