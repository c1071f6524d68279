using HepMl.Samples.Anomaly;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Samples.Tests;

/// <summary>Bad input to the anomaly command (docs/samples.md): exit code 2 naming the file, 64 naming the option.</summary>
[TestFixture]
public class AnomalyCommandTests
{
    [Test]
    public void Run_MissingTrainingFile_ExitCode2NamingTheFile()
    {
        string missing = Path.Combine(SharedData.CreateScratchDirectory("anomaly-missing"), "no-such-train.h5");

        (int code, string text) = Run("--train", missing, "--test", SampleReferences.Fixture("dijet_test_3k.h5"));

        Assert.That(code, Is.EqualTo(2), text);
        Assert.That(text, Does.Contain(missing));
    }

    [Test]
    public void Run_FolderWithoutDijetFiles_ExitCode2NamingTheFile()
    {
        string folder = SharedData.CreateScratchDirectory("anomaly-empty");

        (int code, string text) = Run("--input", folder);

        Assert.That(code, Is.EqualTo(2), text);
        Assert.That(text, Does.Contain(Path.Combine(folder, "dijet_train.h5")).Or.Contain("dijet_train.h5"));
        Assert.That(text, Does.Contain(folder));
    }

    [Test]
    public void Run_JetImagesInsteadOfDijetFeatures_ExitCode2NamingTheFileAndTheDataset()
    {
        string images = SampleReferences.Fixture("jetimages_2k.h5");

        (int code, string text) = Run("--train", images, "--test", images);

        Assert.That(code, Is.EqualTo(2), text);
        Assert.That(text, Does.Contain(images).And.Contain("features"));
    }

    [TestCase("--epochs", "0")]
    [TestCase("--batch-size", "0")]
    [TestCase("--beta", "-1")]
    [TestCase("--signal-fraction", "0")]
    [TestCase("--background-efficiency", "2")]
    [TestCase("--train-events", "10")]
    [TestCase("--max-events", "-1")]
    public void Run_OutOfRangeSetting_ExitCode64NamingTheOption(string option, string value)
    {
        (int code, string text) = Run(option, value);

        Assert.That(code, Is.EqualTo(64), text);
        Assert.That(text, Does.Contain(option));
    }

    [TestCase("--format", "Parquet")]
    [TestCase("--no-such-option", "1")]
    public void Run_UnparsableCommandLine_ExitCode64NamingTheOption(string option, string value)
    {
        (int code, string text) = Run(option, value);

        Assert.That(code, Is.EqualTo(64), text);
        Assert.That(text, Does.Contain(option).Or.Contain(value));
    }

    [TestCase("--train")]
    [TestCase("--test")]
    public void Run_OnlyOneOfTrainAndTest_ExitCode64NamingBoth(string option)
    {
        (int code, string text) = Run(option, SampleReferences.Fixture("dijet_test_3k.h5"));

        Assert.That(code, Is.EqualTo(64), text);
        Assert.That(text, Does.Contain("--train and --test go together"));
    }

    private static (int Code, string Text) Run(params string[] args)
    {
        var console = new TestConsole();
        string output = SharedData.CreateScratchDirectory("anomaly-command");
        int code = AnomalyCommand.Run([.. args, "--output", output, "--no-progress"], console.Console);
        return (code, console.Text);
    }
}
