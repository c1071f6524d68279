using System.Text.Json;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Cli.Tests.Inspect;

/// <summary><c>hepml ls</c> and <c>hepml describe</c> on real files, checked against the uproot manifest.</summary>
public partial class InspectCommandTests
{
    private static string Example => Path.Combine(SharedData.RepositoryRoot, "data", "examples", "HZZ.root");

    private static string SharedRoot(string name) => SharedData.Shared("data", "root", name);

    [Test]
    public void Ls_ExampleFile_ListsTreeEntriesAndBranchTypes()
    {
        (int code, string output, string error) = CliRunner.Run("ls", Example);

        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("events;1  TTree  2,421 entries"));
        Assert.That(output, Does.Match(@"\n\s+Muon_Px\s+float32\[\]"));
        Assert.That(output, Does.Match(@"\n\s+NMuon\s+int32\s"));
        Assert.That(output, Does.Match(@"\n\s+Jet_ID\s+bool\[\]"));
    }

    [Test]
    public void Ls_NestedDirectories_ShowsEveryLevel()
    {
        (int code, string output, _) = CliRunner.Run("ls", SharedRoot("uproot-nesteddirs.root"));

        Assert.That(code, Is.Zero);
        JsonElement directories = Manifest("uproot-nesteddirs.root").GetProperty("directories");
        foreach (JsonProperty directory in directories.EnumerateObject())
        {
            foreach (JsonElement key in directory.Value.EnumerateArray())
            {
                string name = $"{key.GetProperty("name").GetString()};{key.GetProperty("cycle").GetInt32()}  {key.GetProperty("class").GetString()}";
                Assert.That(output, Does.Contain(name));
            }
        }
    }

    [TestCase("uproot-HZZ.root")]
    [TestCase("uproot-sample-6.20.04-lz4.root")]
    [TestCase("uproot-HZZ-zstd.root")]
    [TestCase("uproot-Zmumu-lzma.root")]
    [TestCase("uproot-hepdata-example.root")]
    [TestCase("uproot-issue33.root")]
    [TestCase("uproot-nesteddirs.root")]
    [TestCase("uproot-double32-float16.root")]
    public void DescribeJson_EveryTreeAndHistogram_MatchesManifest(string name)
    {
        (int code, string output, string error) = CliRunner.Run("describe", SharedRoot(name), "--json");

        Assert.That(code, Is.Zero, error);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement root = document.RootElement;
        Assert.That(root.GetProperty("format").GetString(), Is.EqualTo("root"));
        JsonElement manifest = Manifest(name);
        var objects = root.GetProperty("objects").EnumerateArray().ToDictionary(o => o.GetProperty("path").GetString()!);
        foreach (JsonProperty tree in manifest.GetProperty("trees").EnumerateObject())
        {
            JsonElement described = objects[tree.Name[..tree.Name.LastIndexOf(';')]];
            Assert.That(described.GetProperty("entries").GetInt64(), Is.EqualTo(tree.Value.GetProperty("entries").GetInt64()));
            var columns = described.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
            foreach (JsonProperty branch in tree.Value.GetProperty("branches").EnumerateObject())
            {
                ColumnExpectations.Check(branch.Name, branch.Value.GetProperty("check"), columns);
            }
        }

        foreach (JsonProperty histogram in manifest.GetProperty("histograms").EnumerateObject())
        {
            JsonElement described = objects[histogram.Name[..histogram.Name.LastIndexOf(';')]];
            JsonElement expected = histogram.Value;
            Assert.That(described.GetProperty("class").GetString(), Is.EqualTo(expected.GetProperty("class").GetString()));
            var axes = expected.GetProperty("axes").EnumerateArray().ToList();
            Assert.That(described.GetProperty("bins").EnumerateArray().Select(b => b.GetInt32()), Is.EqualTo(axes.Select(a => a.GetProperty("nbins").GetInt32())));
            Assert.That(described.GetProperty("low").EnumerateArray().Select(b => b.GetDouble()), Is.EqualTo(axes.Select(a => a.GetProperty("low").GetDouble())));
            Assert.That(described.GetProperty("high").EnumerateArray().Select(b => b.GetDouble()), Is.EqualTo(axes.Select(a => a.GetProperty("high").GetDouble())));
            Tolerance.AssertClose(expected.GetProperty("contents").GetProperty("sum_with_flow").GetDouble(), described.GetProperty("sum").GetDouble(), 1e-12, 0, "sum");
            Assert.That(described.GetProperty("entries").GetDouble(), Is.EqualTo(expected.GetProperty("entries").GetDouble()));
        }
    }

    [Test]
    public void Describe_EntryRange_SumsTheFirstEntriesOnly()
    {
        // The manifest's "first" holds the first three values of each flat branch: their sum is the sum of 0:3.
        (int code, string output, string error) = CliRunner.Run("describe", Example, "--json", "--entries", "0:3", "--branches", "N*");

        Assert.That(code, Is.Zero, error);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement branches = Manifest("uproot-HZZ.root").GetProperty("trees").GetProperty("events;1").GetProperty("branches");
        JsonElement[] columns = document.RootElement.GetProperty("objects")[0].GetProperty("columns").EnumerateArray().ToArray();
        Assert.That(columns.Select(c => c.GetProperty("name").GetString()), Is.EquivalentTo(new[] { "NJet", "NMuon", "NElectron", "NPhoton", "NPrimaryVertices" }));
        foreach (JsonElement column in columns)
        {
            JsonElement first = branches.GetProperty(column.GetProperty("name").GetString()!).GetProperty("check").GetProperty("first");
            Assert.That(column.GetProperty("entries").GetInt64(), Is.EqualTo(3));
            Assert.That(column.GetProperty("sum").GetDouble(), Is.EqualTo(first.EnumerateArray().Sum(v => v.GetDouble())));
        }
    }

    [Test]
    public void Describe_OneHistogram_PrintsBinsRangeSumAndEntries()
    {
        (int code, string output, string error) = CliRunner.Run("describe", SharedRoot("uproot-hepdata-example.root"), "hpxpy");

        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("hpxpy  TH2F"));
        Assert.That(output, Does.Contain("axis 0: 40 bins in [-4, 4]"));
        Assert.That(output, Does.Contain("axis 1: 40 bins in [-4, 4]"));
        Assert.That(output, Does.Contain("sum (with under/overflow) 75000, entries 75000"));
        Assert.That(output, Does.Not.Contain("ntuple"));
    }

    [TestCase("5")]
    [TestCase("a:b")]
    [TestCase("9:3")]
    public void Describe_BadEntryRange_IsAUsageErrorNamingTheOption(string range)
    {
        (int code, _, string error) = CliRunner.Run("describe", Example, "--entries", range);

        Assert.That(code, Is.EqualTo(HepMlCommandLine.UsageErrorExitCode));
        Assert.That(error, Does.Contain("--entries"));
    }

    [Test]
    public void Describe_MissingObject_IsADataErrorListingNearestNames()
    {
        (int code, _, string error) = CliRunner.Run("describe", Example, "event");

        Assert.That(code, Is.EqualTo(HepMlCommandLine.DataErrorExitCode));
        Assert.That(error, Does.Contain("'event' does not exist"));
        Assert.That(error, Does.Contain("events"));
    }

    [Test]
    public void Describe_NotAKnownFormat_IsADataError()
    {
        string path = Path.Combine(SharedData.CreateScratchDirectory("cli"), "notes.txt");
        File.WriteAllText(path, "hello, this is not a ROOT file");

        (int code, _, string error) = CliRunner.Run("describe", path);

        Assert.That(code, Is.EqualTo(HepMlCommandLine.DataErrorExitCode));
        Assert.That(error, Does.Contain("none of the formats"));
    }

    [Test]
    public void Describe_MissingFile_IsADataError()
    {
        (int code, _, string error) = CliRunner.Run("describe", "/no/such/file.root");

        Assert.That(code, Is.EqualTo(HepMlCommandLine.DataErrorExitCode));
        Assert.That(error, Does.Contain("does not exist"));
    }

    private static JsonElement Manifest(string name)
    {
        using FileStream stream = File.OpenRead(SharedData.Shared("data", "root", "manifest.json"));
        using JsonDocument document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("files").GetProperty(name).Clone();
    }
}
