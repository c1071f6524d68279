using HepMl.Io.Root.Trees;

namespace HepMl.Io.Root.Interpretation;

/// <summary>The part of one basket that falls in a requested entry range.</summary>
/// <param name="Basket">The basket.</param>
/// <param name="First">First entry within the basket.</param>
/// <param name="Count">Number of entries taken from it.</param>
/// <param name="Output">Position of its first entry in the output.</param>
internal readonly record struct BasketSlice(BasketInfo Basket, int First, int Count, int Output)
{
    /// <summary>The slices of the baskets covering <paramref name="range"/>, in order; fails if the baskets leave a gap.</summary>
    public static BasketSlice[] Cover(TreeBranch branch, EntryRange range)
    {
        if (range.Count > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(range), range, "read at most 2^31 - 1 entries at once; iterate in chunks");
        }

        var slices = new List<BasketSlice>();
        long next = range.Start;
        foreach (BasketInfo basket in branch.Baskets)
        {
            if (basket.EntryStop <= range.Start || basket.EntryStart >= range.Stop || basket.EntryStop <= basket.EntryStart)
            {
                continue;
            }

            if (basket.EntryStart > next)
            {
                break;
            }

            long first = Math.Max(range.Start, basket.EntryStart);
            long stop = Math.Min(range.Stop, basket.EntryStop);
            slices.Add(new BasketSlice(basket, (int)(first - basket.EntryStart), (int)(stop - first), (int)(first - range.Start)));
            next = stop;
        }

        if (next < range.Stop)
        {
            throw new HepMlFormatException(
                $"branch {branch.Path} has baskets for entries up to {next} but entries [{range.Start}, {range.Stop}) were requested",
                branch.Tree.File.Path, -1, $"{branch.Tree.Path}/{branch.Path}");
        }

        return [.. slices];
    }
}
