using HepMl.Io.Columns;
using HepMl.Io.Root.Trees;

namespace HepMl.Io.Root.Interpretation;

/// <summary>
/// A decoder that turns each basket slice into an intermediate piece in parallel, then joins the pieces in order
/// (strings, generic objects, leaf lists).
/// </summary>
internal abstract class PieceDecoder<TPiece> : ColumnDecoder
{
    protected PieceDecoder(ColumnType type)
        : base(type)
    {
    }

    protected override ColumnData ReadSlices(TreeBranch branch, BasketSlice[] slices, EntryRange range, int threads)
    {
        var pieces = new TPiece[slices.Length];
        ForEach(slices.Length, threads, i =>
        {
            using LoadedBasket basket = BasketLoader.Load(branch.Tree.File, slices[i].Basket, branch.Tree.Path + "/" + branch.Path);
            pieces[i] = DecodePiece(branch, basket, slices[i]);
        });
        return Join(pieces, range);
    }

    protected abstract TPiece DecodePiece(TreeBranch branch, LoadedBasket basket, BasketSlice slice);

    protected abstract ColumnData Join(TPiece[] pieces, EntryRange range);

    /// <summary>Start and stop of entry <paramref name="entry"/> of the basket, from its offsets.</summary>
    protected static (int Start, int Stop) EntryBytes(TreeBranch branch, LoadedBasket basket, int entry)
    {
        int[] offsets = basket.Offsets
            ?? throw Error(branch, basket.Info, "basket of a variable-length branch has no entry offsets");
        return (offsets[entry], offsets[entry + 1]);
    }
}
