using HepMl.Io.Conversion;
using HepMl.Io.Hdf5;
using HepMl.TestData;
using HepMl.Tmva.Application;
using HepMl.Tmva.WeightFiles;
using NUnit.Framework;

namespace HepMl.Tmva.Tests.Application;

public class TmvaApplicationTests
{
    [Test]
    public void Apply_SmallBlocks_StreamsEveryEventInOrderAndMatchesTheReference()
    {
        ReferenceCase reference = ReferenceCase.Load("data", "tmva", "bdtg_depth2_apmorris");
        string scratch = SharedData.CreateScratchDirectory("tmva-application");
        string events = Path.Combine(scratch, "events.root");
        TableConverter.Convert(new ConversionRequest(Path.Combine(reference.Directory, "inputs.csv"), null, events));
        var progress = new List<(long Done, long Total)>();

        TmvaApplyResult result = TmvaApplication.Apply(
            TmvaWeightFile.Load(reference.WeightFile),
            new TmvaApplyOptions { Input = events + ":inputs", Output = Path.Combine(scratch, "scores.h5"), BlockEntries = 97, ResponseOnly = true },
            (done, total) => progress.Add((done, total)));

        Assert.That(result.Events, Is.EqualTo(1000));
        Assert.That(result.CopiedColumns, Is.Empty);
        Assert.That(progress, Has.Count.EqualTo(11), "ceil(1000 / 97) blocks");
        Assert.That(progress[^1], Is.EqualTo((1000L, 1000L)));
        using Hdf5File file = Hdf5File.Open(Path.Combine(scratch, "scores.h5"));
        Assert.That(file.Root.Links.Select(l => l.Name), Is.EqualTo(new[] { "BDTG" }));
        double[] scores = file.Root.GetDataset("BDTG").Read<double>();
        int spec = reference.Column("spec");
        for (int row = 0; row < 1000; row++)
        {
            Tolerance.AssertClose(reference.Expected![row][spec], scores[row], 1e-6, what: $"row {row}");
        }
    }

    [TestCase("events.txt", "out.csv", "Input")]
    [TestCase("inputs.csv", "out.parquet", "Output")]
    [TestCase("inputs.csv:tree", "out.csv", "Input")]
    [TestCase("inputs.csv", "out.csv:tree", "Output")]
    public void Apply_BadFileSpecification_NamesTheOption(string input, string output, string option)
    {
        ReferenceCase reference = ReferenceCase.Load("data", "tmva", "fisher_apmorris");
        string scratch = SharedData.CreateScratchDirectory("tmva-application");
        var options = new TmvaApplyOptions
        {
            Input = Path.Combine(input.StartsWith("inputs", StringComparison.Ordinal) ? reference.Directory : scratch, input),
            Output = Path.Combine(scratch, output),
        };

        ArgumentException error = Assert.Throws<ArgumentException>(() => TmvaApplication.Apply(TmvaWeightFile.Load(reference.WeightFile), options))!;

        Assert.That(error.ParamName, Is.EqualTo(option));
        Assert.That(File.Exists(options.Output.Split(':')[0]), Is.False);
    }
}
