using System.Globalization;
using HepMl.Io.Inspection;

namespace HepMl.Cli.Inspection;

/// <summary>Prints a <see cref="FileListing"/> as an indented tree (like rootls -t or uproot's show).</summary>
internal static class ListingPrinter
{
    public static void Print(FileListing listing, TextWriter output)
    {
        output.WriteLine($"{listing.File}  [{listing.Format}: {listing.Details}]");
        foreach (ListingEntry entry in listing.Entries)
        {
            int depth = entry.Path.Count(c => c == '/');
            string indent = new(' ', 2 + (2 * depth));
            string name = entry.Path[(entry.Path.LastIndexOf('/') + 1)..] + (entry.Cycle is int cycle ? $";{cycle}" : string.Empty);
            string rows = entry.Entries is long count ? $"  {count.ToString("N0", CultureInfo.InvariantCulture)} entries" : string.Empty;
            string title = entry.Title.Length > 0 ? $"  \"{entry.Title}\"" : string.Empty;
            output.WriteLine($"{indent}{name}  {entry.ClassName}{rows}{title}");
            if (entry.Columns.Count == 0)
            {
                continue;
            }

            int width = Math.Min(48, entry.Columns.Max(c => c.Name.Length));
            int typeWidth = entry.Columns.Max(c => c.Type.Length);
            foreach (ListingColumn column in entry.Columns)
            {
                string note = column.Note.Length > 0 && column.Note != column.Type ? $"  {column.Note}" : string.Empty;
                output.WriteLine($"{indent}    {column.Name.PadRight(width)}  {column.Type.PadRight(typeWidth)}{note}");
            }
        }
    }
}
