using HepMl.Io.Compression;
using HepMl.Io.Root.Writing;

namespace HepMl.Io.Conversion;

/// <summary>Writes a table as a TTree: flat → scalar branches, fixed → fixed arrays, jagged → counter-leaf arrays (when the source had a counter) or std::vector.</summary>
public sealed class RootTableSink : ITableSink
{
    private readonly RootFileWriter _file;
    private readonly RootTreeWriter _tree;

    /// <summary>Creates <paramref name="path"/> with tree <paramref name="treeName"/>.</summary>
    public RootTableSink(string path, string treeName, IReadOnlyList<TableColumn> columns, RootCompression compression)
    {
        _file = RootFileWriter.Create(path, compression);
        try
        {
            var definitions = columns.Select(c => c.Kind switch
            {
                TableColumnKind.Flat => RootBranchDefinition.Create(c.Name, c.ElementType, RootBranchKind.Scalar),
                TableColumnKind.Fixed => RootBranchDefinition.Create(c.Name, c.ElementType, RootBranchKind.FixedArray, c.Shape),
                _ when c.Counter is not null => RootBranchDefinition.Create(c.Name, c.ElementType, RootBranchKind.Counted, counterName: c.Counter),
                _ => RootBranchDefinition.Create(c.Name, c.ElementType, RootBranchKind.Vector),
            }).ToList();
            _tree = _file.Root.CreateTree(treeName, treeName, definitions);
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Write(TableBlock block)
    {
        var rootBlock = new RootTreeBlock(block.Entries);
        foreach ((string name, (Array values, int[]? offsets)) in block.Columns)
        {
            if (offsets is null)
            {
                rootBlock.Add(name, values);
            }
            else
            {
                rootBlock.AddJagged(name, values, offsets);
            }
        }

        _tree.Append(rootBlock);
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();
}
