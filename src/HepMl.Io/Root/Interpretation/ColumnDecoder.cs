using HepMl.Io.Columns;
using System.Runtime.ExceptionServices;
using HepMl.Io.Root.Trees;

namespace HepMl.Io.Root.Interpretation;

/// <summary>
/// Turns a branch's baskets into a <see cref="ColumnData"/> for an entry range; one subclass per kind of data,
/// chosen once per branch by <see cref="InterpretationResolver"/> (uproot: <c>Interpretation</c>).
/// </summary>
internal abstract class ColumnDecoder
{
    protected ColumnDecoder(ColumnType type)
    {
        Type = type;
    }

    public ColumnType Type { get; }

    /// <summary>Reads the entries of <paramref name="range"/>, decompressing baskets on up to <paramref name="threads"/> threads.</summary>
    public ColumnData Read(TreeBranch branch, EntryRange range, int threads)
    {
        if (range.Count == 0)
        {
            return ColumnData.Empty(Type, range.Start);
        }

        BasketSlice[] slices = BasketSlice.Cover(branch, range);
        return ReadSlices(branch, slices, range, threads);
    }

    protected abstract ColumnData ReadSlices(TreeBranch branch, BasketSlice[] slices, EntryRange range, int threads);

    /// <summary>Runs <paramref name="body"/> for 0..count-1 on up to <paramref name="threads"/> threads, rethrowing the first failure as is.</summary>
    protected static void ForEach(int count, int threads, Action<int> body)
    {
        if (threads <= 1 || count <= 1)
        {
            for (int i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
        }
        catch (AggregateException error)
        {
            ExceptionDispatchInfo.Capture(error.Flatten().InnerExceptions[0]).Throw();
            throw;
        }
    }

    /// <summary>Loads every slice's basket in parallel; the caller disposes them.</summary>
    protected static LoadedBasket[] LoadAll(TreeBranch branch, BasketSlice[] slices, int threads)
    {
        var loaded = new LoadedBasket[slices.Length];
        try
        {
            ForEach(slices.Length, threads, i => loaded[i] = BasketLoader.Load(branch.Tree.File, slices[i].Basket, branch.Tree.Path + "/" + branch.Path));
        }
        catch
        {
            DisposeAll(loaded);
            throw;
        }

        return loaded;
    }

    protected static void DisposeAll(LoadedBasket?[] baskets)
    {
        foreach (LoadedBasket? basket in baskets)
        {
            basket?.Dispose();
        }
    }

    protected static HepMlFormatException Error(TreeBranch branch, BasketInfo basket, string problem) =>
        new(problem, branch.Tree.File.Path, basket.Seek, $"{branch.Tree.Path}/{branch.Path} basket {basket.Index}");
}
