namespace HepMl.Io;

/// <summary>
/// A value given to a ROOT tree writer cannot be stored in its branch (a null string, a string with a NUL character,
/// a string too long for a basket). The message and properties name the branch and the entry.
/// </summary>
public sealed class InvalidBranchValueException : ArgumentException
{
    /// <summary>Creates the exception for entry <paramref name="entry"/> of branch <paramref name="branch"/>.</summary>
    /// <param name="branch">The branch name.</param>
    /// <param name="entry">The entry number in the tree (counted from the tree's first entry).</param>
    /// <param name="problem">What is wrong with the value.</param>
    public InvalidBranchValueException(string branch, long entry, string problem)
        : base($"branch '{branch}', entry {entry}: {problem}")
    {
        Branch = branch;
        Entry = entry;
    }

    /// <summary>The branch name.</summary>
    public string Branch { get; }

    /// <summary>The entry number in the tree.</summary>
    public long Entry { get; }
}
