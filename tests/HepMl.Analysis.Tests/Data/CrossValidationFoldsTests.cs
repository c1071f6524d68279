using HepMl.Analysis.Data;
using NUnit.Framework;

namespace HepMl.Analysis.Tests.Data;

public class CrossValidationFoldsTests
{
    [Test]
    public void KFold_PartitionsRowsWithSklearnFoldSizes()
    {
        IReadOnlyList<DataFold> folds = CrossValidationFolds.KFold(10, 3, seed: 1);

        // scikit-learn's KFold gives the first n % k folds one extra row: 4, 3, 3.
        Assert.That(folds.Select(f => f.ValidationRows.Count), Is.EqualTo(new[] { 4, 3, 3 }));
        Assert.That(folds.SelectMany(f => f.ValidationRows).Order(), Is.EqualTo(Enumerable.Range(0, 10)));
        foreach (DataFold fold in folds)
        {
            Assert.That(fold.TrainingRows.Intersect(fold.ValidationRows), Is.Empty);
            Assert.That(fold.TrainingRows.Count + fold.ValidationRows.Count, Is.EqualTo(10));
        }
    }

    [Test]
    public void KFold_Unshuffled_IsContiguous()
    {
        IReadOnlyList<DataFold> folds = CrossValidationFolds.KFold(7, 2, shuffle: false);
        Assert.That(folds[0].ValidationRows, Is.EqualTo(new[] { 0, 1, 2, 3 }));
        Assert.That(folds[1].ValidationRows, Is.EqualTo(new[] { 4, 5, 6 }));
    }

    [Test]
    public void StratifiedKFold_EachFoldGetsClassShareWithinOne()
    {
        int[] labels = Enumerable.Range(0, 103).Select(i => i % 5 == 0 ? 1 : i % 7 == 0 ? 2 : 0).ToArray();
        IReadOnlyList<DataFold> folds = CrossValidationFolds.StratifiedKFold(labels, 4, seed: 9);

        for (int c = 0; c < 3; c++)
        {
            int total = labels.Count(l => l == c);
            foreach (DataFold fold in folds)
            {
                int inFold = fold.ValidationRows.Count(r => labels[r] == c);
                Assert.That(inFold, Is.InRange(total / 4, (total / 4) + 1), $"class {c}, fold {fold.Index}");
            }
        }

        Assert.That(folds.SelectMany(f => f.ValidationRows).Order(), Is.EqualTo(Enumerable.Range(0, 103)));
    }

    [Test]
    public void LeavePOut_EnumeratesAllCombinations()
    {
        var folds = CrossValidationFolds.LeavePOut(5, 2).ToList();

        Assert.That(folds, Has.Count.EqualTo(10)); // C(5, 2)
        Assert.That(folds[0].ValidationRows, Is.EqualTo(new[] { 0, 1 }));
        Assert.That(folds[^1].ValidationRows, Is.EqualTo(new[] { 3, 4 }));
        Assert.That(folds[3].TrainingRows, Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(folds.Select(f => string.Join(",", f.ValidationRows)).Distinct().Count(), Is.EqualTo(10));
    }

    [Test]
    public void KFold_KLargerThanSample_Throws()
    {
        Assert.That(() => CrossValidationFolds.KFold(3, 5), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("k = 5 folds is more than the 3 rows"));
        Assert.That(() => CrossValidationFolds.KFold(3, 1), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("at least 2 folds"));
        Assert.That(() => CrossValidationFolds.LeavePOut(3, 3), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Apply_BuildsFoldDatasets()
    {
        var data = new Dataset(["x"], [[0f, 1f, 2f, 3f]], [0, 1, 0, 1]);
        var (training, validation) = CrossValidationFolds.KFold(data, 2)[0].Apply(data);
        Assert.That(training.RowCount + validation.RowCount, Is.EqualTo(4));
        Assert.That(validation.Labels.ToArray().Order(), Is.EqualTo(new[] { 0, 1 }));
    }
}
