using HepMl.Io.Compression;
using HepMl.Io.Inspection;

namespace HepMl.Io.Conversion;

/// <summary>
/// Converts event tables between ROOT trees, HDF5 groups of datasets and CSV, streaming block by block (memory bounded
/// by one block): <c>hepml convert IN[:OBJECT] OUT [--branches GLOB] [--entries A:B] [--compression ...]</c>.
/// </summary>
public static class TableConverter
{
    /// <summary>Runs the conversion; <paramref name="progress"/> receives (entries done, entries total or -1).</summary>
    /// <exception cref="ArgumentException">No column is selected, a column cannot be written to the output format, or bad options.</exception>
    public static ConversionResult Convert(ConversionRequest request, Action<long, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Path.GetFullPath(request.Input) == Path.GetFullPath(request.Output))
        {
            throw new ArgumentException("the output would overwrite the input", nameof(request));
        }

        TableFormat inputFormat = TableFormats.OfInput(request.Input);
        TableFormat outputFormat = TableFormats.OfOutput(request.Output);
        if (outputFormat == TableFormat.Hdf5 && request.Compression.Algorithm is CompressionAlgorithm.Lz4 or CompressionAlgorithm.Zstd)
        {
            throw new ArgumentException($"HDF5 output compresses with deflate (zlib:LEVEL) or not at all (none); {request.Compression} is a ROOT codec", nameof(request));
        }

        using ITableSource source = inputFormat switch
        {
            TableFormat.Root => new RootTableSource(request.Input, request.ObjectPath),
            TableFormat.Hdf5 => new Hdf5TableSource(request.Input, request.ObjectPath),
            _ => request.ObjectPath is null ? new CsvTableSource(request.Input)
                : throw new ArgumentException($"a CSV file has no objects inside; drop ':{request.ObjectPath}'", nameof(request)),
        };
        Glob[] globs = request.ColumnGlob?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(g => new Glob(g)).ToArray() ?? [];
        List<TableColumn> columns = source.Columns.Where(c => globs.Length == 0 || globs.Any(g => g.IsMatch(c.Name))).ToList();
        var skipped = source.Skipped.Where(s => globs.Length == 0 || globs.Any(g => g.IsMatch(s.Name))).ToList();
        if (columns.Count == 0)
        {
            string reasons = skipped.Count == 0 ? string.Empty : "; left out: " + string.Join(", ", skipped.Select(s => $"{s.Name} ({s.Reason})"));
            throw new ArgumentException($"no convertible column of {source.Name} matches '{request.ColumnGlob ?? "*"}'{reasons}", nameof(request));
        }

        long stop = source.Entries < 0 ? request.EntryStop ?? long.MaxValue : Math.Min(request.EntryStop ?? source.Entries, source.Entries);
        long start = Math.Min(request.EntryStart, stop);
        long total = source.Entries < 0 ? -1 : stop - start;
        long written = 0;
        ITableSink sink = outputFormat switch
        {
            TableFormat.Root => new RootTableSink(request.Output, source.Name, columns, request.Compression),
            TableFormat.Hdf5 => new Hdf5TableSink(request.Output, source.Name, columns, request.Compression.Algorithm == CompressionAlgorithm.None ? 0 : request.Compression.Level),
            _ => new CsvTableSink(request.Output, columns),
        };
        try
        {
            foreach (TableBlock block in source.Read(columns, start, stop, Math.Max(1, request.BlockEntries)))
            {
                sink.Write(block);
                written += block.Entries;
                progress?.Invoke(written, total);
            }

            sink.Dispose();
        }
        catch
        {
            // Never leave a half-written file that looks complete.
            try
            {
                sink.Dispose();
            }
            finally
            {
                File.Delete(request.Output);
            }

            throw;
        }

        return new ConversionResult(inputFormat, outputFormat, source.Name, written, columns, skipped);
    }
}
