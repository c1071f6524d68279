namespace HepMl.Io.Root.Writing;

/// <summary>
/// A friend of a written tree (ROOT's <c>TFriendElement</c> in the tree's <c>fFriends</c>): the tree
/// <paramref name="TreeName"/> (a path inside its file) in the file <paramref name="FileName"/>, reachable under
/// <paramref name="Alias"/> (default: the tree name). ROOT opens the file by this name when the tree is read, so a
/// relative name is resolved from ROOT's working directory.
/// </summary>
/// <remarks>ROOT: <c>TTree::AddFriend(treename, filename)</c>; <c>tree/tree/inc/TFriendElement.h</c>.</remarks>
public sealed record RootFriend(string TreeName, string FileName, string? Alias = null);
