using HepMl.Io.Columns;
using HepMl.Io.Root.Reading;
using HepMl.Io.Root.Trees;

namespace HepMl.Io.Conversion;

/// <summary>A TTree as a table: flat, fixed-array and jagged (counter-leaf or std::vector) branches of primitives.</summary>
public sealed class RootTableSource : ITableSource
{
    private readonly RootFile _file;
    private readonly TreeReader _tree;
    private readonly List<TableColumn> _columns = [];
    private readonly List<(string, string)> _skipped = [];

    /// <summary>Opens the tree <paramref name="treePath"/> of <paramref name="path"/> (default: the first TTree found).</summary>
    public RootTableSource(string path, string? treePath)
    {
        _file = RootFile.Open(path);
        try
        {
            string chosen = treePath?.Trim('/') ?? _file.Root.Walk().FirstOrDefault(k => k.Key.ClassName is "TTree" or "TNtuple" or "TNtupleD").Path
                ?? throw new ObjectNotFoundException("a TTree", Path.GetFileName(path), _file.Root.Walk().Select(k => k.Path));
            _tree = _file.GetTree(chosen);
            foreach (TreeBranch branch in _tree.AllBranches.Where(b => b.HasData))
            {
                try
                {
                    ColumnType type = branch.Type!;
                    string? problem = type.Element == ElementType.String ? "strings are not converted"
                        : !type.IsNumeric ? $"{type.Name} values are not converted"
                        : type.ListDepth > 1 || (type.ListDepth == 1 && type.InnerShape.Count > 0) ? $"{type.Name} (nested lists) is not converted"
                        : null;
                    if (problem is not null)
                    {
                        _skipped.Add((branch.Path, problem));
                        continue;
                    }

                    Type clr = ElementTypes.ClrType(type.Element);
                    _columns.Add(type.ListDepth == 1
                        ? new TableColumn(branch.Path, clr, TableColumnKind.Jagged, [], branch.Leaves.FirstOrDefault()?.CountLeaf?.Name)
                        : new TableColumn(branch.Path, clr, type.InnerShape.Count > 0 ? TableColumnKind.Fixed : TableColumnKind.Flat, type.InnerShape));
                }
                catch (UnsupportedFormatException error)
                {
                    _skipped.Add((branch.Path, error.Problem));
                }
            }
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public string Name => _tree.Name;

    /// <inheritdoc/>
    public IReadOnlyList<TableColumn> Columns => _columns;

    /// <inheritdoc/>
    public IReadOnlyList<(string Name, string Reason)> Skipped => _skipped;

    /// <inheritdoc/>
    public long Entries => _tree.Entries;

    /// <inheritdoc/>
    public IEnumerable<TableBlock> Read(IReadOnlyList<TableColumn> columns, long start, long stop, long blockEntries)
    {
        foreach (EntryRange range in _tree.Ranges(blockEntries))
        {
            long from = Math.Max(range.Start, start);
            long to = Math.Min(range.Stop, stop);
            if (from >= to)
            {
                continue;
            }

            var values = new Dictionary<string, (Array, int[]?)>(StringComparer.Ordinal);
            foreach (TableColumn column in columns)
            {
                ColumnData data = _tree.ReadColumn(_tree.GetBranch(column.Name), new EntryRange(from, to));
                values[column.Name] = (data.Values, column.Kind == TableColumnKind.Jagged ? data.Offsets[0] : null);
            }

            yield return new TableBlock(from, to - from, values);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();
}
