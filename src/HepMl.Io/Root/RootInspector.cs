using System.Globalization;
using HepMl.Io.Columns;
using HepMl.Io.Inspection;
using HepMl.Io.Root.Histograms;
using HepMl.Io.Root.Reading;
using HepMl.Io.Root.Trees;

namespace HepMl.Io.Root;

/// <summary><c>ls</c>/<c>describe</c> for ROOT files: directories, keys, trees with their branches, histograms.</summary>
public sealed class RootInspector : IFileInspector
{
    /// <inheritdoc />
    public string Format => "root";

    /// <inheritdoc />
    public bool CanRead(ReadOnlySpan<byte> header) => header.StartsWith("root"u8);

    /// <inheritdoc />
    public FileListing List(string path)
    {
        using RootFile file = RootFile.Open(path);
        var entries = new List<ListingEntry>();
        foreach ((string keyPath, RootKey key) in file.Root.Walk())
        {
            string kind = KindOf(key.ClassName);
            long? rows = null;
            var columns = new List<ListingColumn>();
            if (kind == "tree")
            {
                TreeReader tree = file.GetTree($"{keyPath};{key.Cycle}");
                rows = tree.Entries;
                foreach (TreeBranch branch in tree.AllBranches)
                {
                    columns.Add(ListBranch(branch));
                }
            }
            else if (kind == "directory")
            {
                rows = null;
            }

            entries.Add(new ListingEntry(keyPath, kind, key.ClassName, key.Cycle, key.Title, rows, columns));
        }

        string compression = file.CompressionSetting switch
        {
            0 => "uncompressed",
            < 100 => $"zlib level {file.CompressionSetting}",
            _ => (file.CompressionSetting / 100) switch
            {
                1 => "zlib",
                2 => "lzma",
                4 => "lz4",
                5 => "zstd",
                _ => "compression",
            } + $" level {file.CompressionSetting % 100}",
        };
        string details = $"ROOT {file.RootVersionText}, {file.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes, {compression}"
            + (file.IsLargeFile ? ", 64-bit header" : string.Empty);
        return new FileListing(path, Format, details, entries);
    }

    /// <inheritdoc />
    public FileDescription Describe(string path, DescribeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using RootFile file = RootFile.Open(path);
        var objects = new List<ObjectSummary>();
        Glob? glob = options.ColumnGlob is null ? null : new Glob(options.ColumnGlob);
        foreach ((string keyPath, RootKey key) in Selected(file, options.ObjectPath))
        {
            switch (KindOf(key.ClassName))
            {
                case "tree":
                    objects.Add(DescribeTree(file.GetTree($"{keyPath};{key.Cycle}"), keyPath, options, glob));
                    break;
                case "histogram":
                    objects.Add(DescribeHistogram(file.GetHistogram($"{keyPath};{key.Cycle}"), keyPath));
                    break;
            }
        }

        return new FileDescription(path, Format, objects);
    }

    private static IEnumerable<(string Path, RootKey Key)> Selected(RootFile file, string? objectPath)
    {
        RootDirectory directory = file.Root;
        if (objectPath is not null)
        {
            string trimmed = objectPath.Trim('/');
            RootKey key = file.GetKey(trimmed);
            string bare = trimmed.Contains(';', StringComparison.Ordinal) ? trimmed[..trimmed.LastIndexOf(';')] : trimmed;
            if (!key.IsDirectory)
            {
                string kind = KindOf(key.ClassName);
                if (kind is not ("tree" or "histogram"))
                {
                    throw new UnsupportedFormatException(
                        $"'{bare}' is a {key.ClassName}; describe covers trees, histograms and directories", file.Path, key.SeekKey, bare);
                }

                yield return (bare, key);
                yield break;
            }

            directory = file.GetDirectory(bare);
        }

        foreach ((string path, RootKey key) in directory.Walk())
        {
            if (!key.IsDirectory && IsHighestCycle(file, path, key))
            {
                yield return (path, key);
            }
        }
    }

    private static bool IsHighestCycle(RootFile file, string path, RootKey key)
    {
        int slash = path.LastIndexOf('/');
        RootDirectory directory = slash < 0 ? file.Root : file.GetDirectory(path[..slash]);
        return directory.IsHighestCycle(key);
    }

    private static TableSummary DescribeTree(TreeReader tree, string path, DescribeOptions options, Glob? glob)
    {
        var columns = new List<ColumnSummary>();
        foreach (TreeBranch branch in tree.AllBranches)
        {
            if (!branch.HasData || (glob is not null && !glob.IsMatch(branch.Path) && !glob.IsMatch(branch.Name)))
            {
                continue;
            }

            options.Progress?.Invoke($"{path}: {branch.Path}");
            ColumnType type = branch.Type!;
            long stop = Math.Min(options.EntryStop ?? branch.Entries, branch.Entries);
            long start = Math.Min(options.EntryStart, stop);
            ColumnSummarizer? whole = null;
            Dictionary<string, ColumnSummarizer>? fields = null;
            long next = start;
            while (next < stop)
            {
                long chunkStop = Math.Min(stop, next + options.ChunkEntries);
                ColumnData chunk = tree.ReadColumn(branch, new EntryRange(next, chunkStop));
                if (chunk.Fields.Count > 0)
                {
                    fields ??= chunk.Fields.ToDictionary(f => f.Key, f => new ColumnSummarizer($"{branch.Path}/{f.Key}", f.Value.Type, options.FirstEntries));
                    foreach (KeyValuePair<string, ColumnData> field in chunk.Fields)
                    {
                        fields[field.Key].Add(field.Value);
                    }
                }
                else
                {
                    whole ??= new ColumnSummarizer(branch.Path, type, options.FirstEntries);
                    whole.Add(chunk);
                }

                next = chunkStop;
            }

            if (fields is not null)
            {
                columns.AddRange(fields.Values.Select(f => f.Result()));
            }
            else
            {
                columns.Add((whole ?? new ColumnSummarizer(branch.Path, type, options.FirstEntries)).Result());
            }
        }

        return new TableSummary(path, tree.ClassName, tree.Entries, columns);
    }

    private static HistogramSummary DescribeHistogram(RootHistogram histogram, string path)
    {
        var statistics = new ColumnStatistics();
        statistics.AddDoubles([.. histogram.Contents]);
        return new HistogramSummary(
            path,
            histogram.ClassName,
            [.. histogram.Axes.Select(a => a.Bins)],
            [.. histogram.Axes.Select(a => a.Low)],
            [.. histogram.Axes.Select(a => a.High)],
            statistics.Sum,
            histogram.Entries);
    }

    private static ListingColumn ListBranch(TreeBranch branch)
    {
        try
        {
            ColumnType? type = branch.Type;
            return type is null
                ? new ListingColumn(branch.Path, "group", $"{branch.Branches.Count} sub-branches")
                : new ListingColumn(branch.Path, type.Name, type.TypeName);
        }
        catch (UnsupportedFormatException error)
        {
            return new ListingColumn(branch.Path, "unsupported", error.Problem);
        }
    }

    private static string KindOf(string className)
    {
        if (className is "TDirectory" or "TDirectoryFile")
        {
            return "directory";
        }

        if (className is "TTree" or "TNtuple" or "TNtupleD" or "TChain")
        {
            return "tree";
        }

        if (className.StartsWith("TH1", StringComparison.Ordinal) || className.StartsWith("TH2", StringComparison.Ordinal)
            || className.StartsWith("TH3", StringComparison.Ordinal) || className.StartsWith("TProfile", StringComparison.Ordinal))
        {
            return "histogram";
        }

        return "object";
    }
}
