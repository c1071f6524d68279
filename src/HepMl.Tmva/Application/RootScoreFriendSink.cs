using HepMl.Io.Conversion;
using HepMl.Io.Root.Writing;

namespace HepMl.Tmva.Application;

/// <summary>
/// A score-only tree that records its ROOT input tree in <c>fFriends</c> (<see cref="RootDirectoryWriter.CreateFriendTree"/>),
/// so ROOT opening it resolves the input's branches too; it must end with the input's entry count.
/// </summary>
internal sealed class RootScoreFriendSink : ITableSink
{
    private readonly RootFileWriter _file;
    private readonly RootTreeWriter _tree;

    public RootScoreFriendSink(string path, string treeName, string inputPath, string inputTree, TableColumn response)
    {
        _file = RootFileWriter.Create(path);
        try
        {
            _tree = _file.Root.CreateFriendTree(
                treeName, treeName, inputPath, inputTree, [RootBranchDefinition.Create(response.Name, response.ElementType, RootBranchKind.Scalar)]);
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    public void Write(TableBlock block)
    {
        var rootBlock = new RootTreeBlock(block.Entries);
        foreach ((string name, (Array values, _)) in block.Columns)
        {
            rootBlock.Add(name, values);
        }

        _tree.Append(rootBlock);
    }

    public void Dispose() => _file.Dispose();
}
