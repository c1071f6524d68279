using System.Collections;
using System.Globalization;
using System.Text;
using HepMl.Io.Inspection;

namespace HepMl.Cli.Inspection;

/// <summary>Prints a <see cref="FileDescription"/> as aligned plain-text tables.</summary>
internal static class DescriptionPrinter
{
    private const int FirstWidth = 48;

    public static void Print(FileDescription description, TextWriter output)
    {
        output.WriteLine($"{description.File}  [{description.Format}]");
        foreach (ObjectSummary summary in description.Objects)
        {
            output.WriteLine();
            switch (summary)
            {
                case TableSummary table:
                    output.WriteLine($"{table.Path}  {table.ClassName}  {table.Entries.ToString("N0", CultureInfo.InvariantCulture)} entries");
                    PrintColumns(table.Columns, output);
                    break;
                case DatasetSummary dataset:
                    output.WriteLine(
                        $"{dataset.Path}  dataset  {dataset.Type}  shape {(dataset.Shape is null ? "null" : "[" + string.Join(", ", dataset.Shape) + "]")}");
                    output.WriteLine(
                        $"  count {dataset.Count}, sum {(dataset.Sum is double s ? Number(s) : "-")}, min {(dataset.Min is double lo ? Number(lo) : "-")}, max {(dataset.Max is double hi ? Number(hi) : "-")}, first {Shorten(Value(dataset.First))}");
                    break;
                case HistogramSummary histogram:
                    output.WriteLine($"{histogram.Path}  {histogram.ClassName}");
                    for (int axis = 0; axis < histogram.Bins.Count; axis++)
                    {
                        output.WriteLine(
                            $"  axis {axis}: {histogram.Bins[axis]} bins in [{Number(histogram.Low[axis])}, {Number(histogram.High[axis])}]");
                    }

                    output.WriteLine($"  sum (with under/overflow) {Number(histogram.Sum)}, entries {Number(histogram.Entries)}");
                    break;
            }
        }
    }

    private static void PrintColumns(IReadOnlyList<ColumnSummary> columns, TextWriter output)
    {
        string[] header = ["name", "type", "entries", "count", "sum", "min", "max", "first"];
        var rows = new List<string[]> { header };
        foreach (ColumnSummary column in columns)
        {
            rows.Add([
                column.Name,
                column.Type,
                column.Entries.ToString(CultureInfo.InvariantCulture),
                column.Count.ToString(CultureInfo.InvariantCulture),
                column.Sum is double sum ? Number(sum) : "-",
                column.Min is double min ? Number(min) : "-",
                column.Max is double max ? Number(max) : "-",
                Shorten(Value(column.First)),
            ]);
        }

        int[] widths = new int[header.Length];
        foreach (string[] row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (string[] row in rows)
        {
            var line = new StringBuilder("  ");
            for (int i = 0; i < row.Length; i++)
            {
                bool numeric = i is >= 2 and <= 6;
                line.Append(numeric ? row[i].PadLeft(widths[i]) : row[i].PadRight(widths[i]));
                if (i < row.Length - 1)
                {
                    line.Append("  ");
                }
            }

            output.WriteLine(line.ToString().TrimEnd());
        }
    }

    private static string Number(double value) => value.ToString("G10", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= FirstWidth ? text : text[..(FirstWidth - 3)] + "...";

    private static string Value(object? value) => value switch
    {
        null => "null",
        string text => "\"" + text + "\"",
        bool flag => flag ? "true" : "false",
        float single => single.ToString("G9", CultureInfo.InvariantCulture),
        double number => number.ToString("G10", CultureInfo.InvariantCulture),
        HepMl.Io.Root.Objects.RootObject obj => obj.ClassName,
        IDictionary<string, object?> record => "{" + string.Join(", ", record.Select(field => field.Key + ": " + Value(field.Value))) + "}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Value)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
