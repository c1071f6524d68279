namespace HepMl.Io.Root.Objects;

/// <summary>A TList, THashList, TObjArray or TClonesArray: a named list of objects (null where a slot is empty).</summary>
public sealed class RootCollection : RootObject
{
    internal RootCollection(string className, int version)
        : base(className, version)
    {
    }

    /// <summary>The items, in order.</summary>
    public List<object?> Items { get; } = [];

    /// <summary>The per-item option strings of a TList.</summary>
    public List<string> Options { get; } = [];

    /// <summary>The non-null items that are objects.</summary>
    public IEnumerable<RootObject> Objects
    {
        get
        {
            foreach (object? item in Items)
            {
                if (item is RootObject obj)
                {
                    yield return obj;
                }
            }
        }
    }
}
