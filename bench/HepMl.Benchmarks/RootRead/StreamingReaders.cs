using HepMl.Io.Columns;
using HepMl.Io.Root.Trees;

namespace HepMl.Benchmarks.RootRead;

/// <summary>One reusable typed reader per branch (no allocation per chunk), for the streaming benchmark.</summary>
internal abstract class StreamingReader : IDisposable
{
    public abstract void Read(EntryRange range, BranchChecks? checks);

    public abstract void Dispose();

    public static StreamingReader Create(TreeReader tree, TreeBranch branch)
    {
        ColumnType type = branch.Type ?? throw new InvalidOperationException($"{branch.Path} has no data");
        return (type.Element, type.ListDepth) switch
        {
            (ElementType.Float32, 0) => new Flat<float>(tree.Branch<float>(branch.Path)),
            (ElementType.Float64, 0) => new Flat<double>(tree.Branch<double>(branch.Path)),
            (ElementType.Int32, 0) => new Flat<int>(tree.Branch<int>(branch.Path)),
            (ElementType.Int64, 0) => new Flat<long>(tree.Branch<long>(branch.Path)),
            (ElementType.Boolean, 0) => new Flat<bool>(tree.Branch<bool>(branch.Path)),
            (ElementType.Float32, 1) => new Jagged<float>(tree.JaggedBranch<float>(branch.Path)),
            (ElementType.Int32, 1) => new Jagged<int>(tree.JaggedBranch<int>(branch.Path)),
            _ => throw new NotSupportedException($"streaming {type.Name}"),
        };
    }

    private sealed class Flat<T>(BranchReader<T> reader) : StreamingReader
        where T : unmanaged
    {
        public override void Read(EntryRange range, BranchChecks? checks)
        {
            ReadOnlySpan<T> values = reader.Read(range);
            checks?.Add(values);
        }

        public override void Dispose() => reader.Dispose();
    }

    private sealed class Jagged<T>(JaggedBranchReader<T> reader) : StreamingReader
        where T : unmanaged
    {
        public override void Read(EntryRange range, BranchChecks? checks)
        {
            JaggedSpan<T> values = reader.Read(range);
            checks?.Add(values.Values);
        }

        public override void Dispose() => reader.Dispose();
    }
}
