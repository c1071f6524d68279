using HepMl.Io.Hdf5;
using HepMl.Samples.JetTagging;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Samples.Tests;

/// <summary>Bad input to the jet-tagging command (docs/samples.md): exit code 2 naming the file, 64 naming the option.</summary>
[TestFixture]
public class JetTaggingCommandTests
{
    [Test]
    public void Run_MissingInputFile_ExitCode2NamingTheFile()
    {
        string missing = Path.Combine(SharedData.CreateScratchDirectory("jet-missing"), "no-such-jets.h5");

        (int code, string text) = Run("--input", missing);

        Assert.That(code, Is.EqualTo(2), text);
        Assert.That(text, Does.Contain(missing));
    }

    [Test]
    public void Run_FileWithoutImagesOrConstituents_ExitCode2NamingTheFileAndWhatIsMissing()
    {
        string dijets = SampleReferences.Fixture("dijet_test_3k.h5");

        (int code, string text) = Run("--input", dijets);

        Assert.That(code, Is.EqualTo(2), text);
        Assert.That(text, Does.Contain(dijets).And.Contain("images"));
    }

    [Test]
    public void Run_NotAnHdf5File_ExitCode2NamingTheFile()
    {
        string path = Path.Combine(SharedData.CreateScratchDirectory("jet-text"), "jets.h5");
        File.WriteAllText(path, "label,mass\n1,80.4\n");

        (int code, string text) = Run("--input", path);

        Assert.That(code, Is.EqualTo(2), text);
        Assert.That(text, Does.Contain("not an HDF5 file").And.Contain(Path.GetFileName(path)));
    }

    [Test]
    public void Run_ImagesWithoutLabels_ExitCode2NamingTheFileAndTheDataset()
    {
        string path = WriteImages("no-labels.h5", side: 5, labels: null);

        (int code, string text) = Run("--input", path);

        Assert.That(code, Is.EqualTo(2), text);
        Assert.That(text, Does.Contain(path).And.Contain("labels"));
    }

    [Test]
    public void Run_NonSquareImages_ExitCode2NamingTheShape()
    {
        string path = WriteImages("not-square.h5", side: 5, labels: [0, 1, 0, 1], width: 4);

        (int code, string text) = Run("--input", path);

        Assert.That(code, Is.EqualTo(2), text);
        Assert.That(text, Does.Contain("square").And.Contain("[4, 5, 4]").And.Contain(Path.GetFileName(path)));
    }

    [Test]
    public void Run_LabelOtherThanZeroOrOne_ExitCode2NamingTheRow()
    {
        string path = WriteImages("bad-label.h5", side: 5, labels: [0, 1, 7, 1]);

        (int code, string text) = Run("--input", path);

        Assert.That(code, Is.EqualTo(2), text);
        Assert.That(text, Does.Contain("row 2 holds 7").And.Contain(Path.GetFileName(path)));
    }

    [TestCase("--epochs", "0")]
    [TestCase("--batch-size", "-1")]
    [TestCase("--train-fraction", "1.5")]
    [TestCase("--bdt-trees", "0")]
    [TestCase("--jets", "5")]
    [TestCase("--max-jets", "-3")]
    public void Run_OutOfRangeSetting_ExitCode64NamingTheOption(string option, string value)
    {
        (int code, string text) = Run(option, value);

        Assert.That(code, Is.EqualTo(64), text);
        Assert.That(text, Does.Contain(option));
    }

    [TestCase("--epochs", "five")]
    [TestCase("--no-such-option", "1")]
    public void Run_UnparsableCommandLine_ExitCode64NamingTheOption(string option, string value)
    {
        (int code, string text) = Run(option, value);

        Assert.That(code, Is.EqualTo(64), text);
        Assert.That(text, Does.Contain(option));
    }

    /// <summary>Four images [4, side, width] of ones in the peers' layout, with the given labels (none when null).</summary>
    private static string WriteImages(string name, int side, long[]? labels, int? width = null)
    {
        string path = Path.Combine(SharedData.CreateScratchDirectory("jet-layout"), name);
        int columns = width ?? side;
        var images = new float[4 * side * columns];
        Array.Fill(images, 1f);
        using (Hdf5FileWriter file = Hdf5FileWriter.Create(path))
        {
            file.Root.WriteDataset<float>("images", images, [4, side, columns]);
            if (labels is not null)
            {
                file.Root.WriteDataset<long>("labels", labels);
            }
        }

        return path;
    }

    private static (int Code, string Text) Run(params string[] args)
    {
        var console = new TestConsole();
        string output = SharedData.CreateScratchDirectory("jet-command");
        int code = JetTaggingCommand.Run([.. args, "--output", output, "--no-progress"], console.Console);
        return (code, console.Text);
    }
}
