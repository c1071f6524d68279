using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Cli.Tests;

/// <summary><c>hepml convert</c> end to end on the example ROOT file and the shared HDF5 files.</summary>
public sealed class ConvertCommandTests
{
    private string _scratch = null!;

    [OneTimeSetUp]
    public void CreateScratch() => _scratch = SharedData.CreateScratchDirectory("cli-convert");

    [OneTimeTearDown]
    public void RemoveScratch() => Directory.Delete(_scratch, recursive: true);

    private static string Example => Path.Combine(SharedData.RepositoryRoot, "data", "examples", "HZZ.root");

    [Test]
    public void Convert_RootToHdf5AndBack_DescribesTheSameJaggedBranch()
    {
        string h5 = Path.Combine(_scratch, "hzz.h5");
        string root = Path.Combine(_scratch, "hzz.root");
        (int code, string output, string error) = CliRunner.Run("convert", Example, h5, "--branches", "Jet_*,NJet,MET_*");
        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("wrote 2,421 entries"));
        (code, _, error) = CliRunner.Run("convert", h5 + ":/events", root, "--compression", "zstd:3");
        Assert.That(code, Is.Zero, error);

        (int code1, string original, _) = CliRunner.Run("describe", Example, "--branches", "Jet_Px", "--json");
        (int code2, string copied, _) = CliRunner.Run("describe", root, "--branches", "Jet_Px", "--json");
        Assert.That(code1 + code2, Is.Zero);
        Assert.That(copied[copied.IndexOf("\"objects\"", StringComparison.Ordinal)..], Is.EqualTo(original[original.IndexOf("\"objects\"", StringComparison.Ordinal)..]));
    }

    [Test]
    public void Convert_Hdf5DatasetWithEntryRangeToCsv()
    {
        string csv = Path.Combine(_scratch, "energy.csv");
        (int code, string output, string error) = CliRunner.Run("convert", SharedData.Shared("data", "hdf5", "calogan_sb3.h5") + ":/energy", csv, "--entries", "10:15");
        Assert.That(code, Is.Zero, error);
        Assert.That(output, Does.Contain("wrote 5 entries of 1 columns"));
        string[] lines = File.ReadAllLines(csv);
        Assert.That(lines, Has.Length.EqualTo(6));
        Assert.That(lines[0], Is.EqualTo("energy"));
    }

    [Test]
    public void Convert_JaggedToCsv_FailsWithUsageError()
    {
        (int code, _, string error) = CliRunner.Run("convert", Example, Path.Combine(_scratch, "bad.csv"), "--branches", "Muon_Px");
        Assert.That(code, Is.Not.Zero);
        Assert.That(error, Does.Contain("Muon_Px").And.Contain("jagged"));
    }

    [Test]
    public void Convert_UnknownCodec_FailsWithUsageError()
    {
        (int code, _, string error) = CliRunner.Run("convert", Example, Path.Combine(_scratch, "x.root"), "--compression", "brotli:3");
        Assert.That(code, Is.Not.Zero);
        Assert.That(error, Does.Contain("--compression"));
    }
}
