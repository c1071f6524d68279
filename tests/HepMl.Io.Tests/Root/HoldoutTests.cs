using HepMl.Io.Inspection;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Io.Tests.Root;

/// <summary>
/// Every file of <c>../shared/holdout/root</c> (whose expected values are kept elsewhere) lists and describes
/// without error: every key, every tree with every branch typed, every histogram summarised.
/// </summary>
public class HoldoutTests
{
    public static IEnumerable<TestCaseData> Files() =>
        Directory.GetFiles(SharedData.Shared("holdout", "root"), "*.root")
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetFileName(path)).SetArgDisplayNames(Path.GetFileName(path)));

    [TestCaseSource(nameof(Files))]
    public void HoldoutFile_ListsAndDescribesWithoutError(string name)
    {
        string path = SharedData.Shared("holdout", "root", name);
        IFileInspector inspector = FileInspectors.ForFile(path);
        Assert.That(inspector.Format, Is.EqualTo("root"));

        FileListing listing = inspector.List(path);
        Assert.That(listing.Entries, Is.Not.Empty);
        var unsupported = listing.Entries.SelectMany(e => e.Columns).Where(c => c.Type == "unsupported").ToList();
        Assert.That(unsupported, Is.Empty, string.Join("; ", unsupported.Select(c => $"{c.Name}: {c.Note}")));

        FileDescription description = inspector.Describe(path, new DescribeOptions());
        var described = description.Objects.Select(o => o.Path).ToHashSet();
        foreach (ListingEntry entry in listing.Entries.Where(e => e.Kind is "tree" or "histogram"))
        {
            Assert.That(described, Does.Contain(entry.Path), $"{entry.Kind} {entry.Path}");
        }

        foreach (TableSummary table in description.Objects.OfType<TableSummary>())
        {
            ListingEntry listed = listing.Entries.Last(e => e.Path == table.Path && e.Kind == "tree");
            int withData = listed.Columns.Count(c => c.Type != "group");
            Assert.That(table.Columns, Has.Count.GreaterThanOrEqualTo(withData), $"columns of {table.Path}");
            foreach (ColumnSummary column in table.Columns)
            {
                Assert.That(column.Count, Is.GreaterThanOrEqualTo(0), column.Name);
                Assert.That(column.First, Has.Count.EqualTo(Math.Min(3, column.Entries)), column.Name);
            }
        }
    }
}
