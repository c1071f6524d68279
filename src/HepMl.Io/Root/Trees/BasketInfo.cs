using HepMl.Io.Root.Objects;

namespace HepMl.Io.Root.Trees;

/// <summary>Where one basket of a branch is and which entries it holds.</summary>
/// <param name="Index">Basket number within the branch.</param>
/// <param name="EntryStart">First entry.</param>
/// <param name="EntryStop">One past the last entry.</param>
/// <param name="Seek">File offset of the basket's key (0 for embedded baskets).</param>
/// <param name="Bytes">Key plus stored data (<c>fBasketBytes</c>).</param>
/// <param name="Embedded">The basket itself when it is stored inside the TTree record.</param>
internal sealed record BasketInfo(int Index, long EntryStart, long EntryStop, long Seek, int Bytes, EmbeddedBasket? Embedded)
{
    public int Entries => (int)(EntryStop - EntryStart);
}
