using System.Globalization;
using HepMl.TestData;

namespace HepMl.Tmva.Tests;

/// <summary>A case folder of <c>shared/data/tmva</c> or <c>shared/holdout/tmva</c>: weight file, float32 inputs and (for
/// the developers' set) reference outputs.</summary>
internal sealed class ReferenceCase
{
    private ReferenceCase(string directory)
    {
        Directory = directory;
        Name = Path.GetFileName(directory);
        WeightFile = System.IO.Directory.GetFiles(directory, "*.weights.xml").Single();
        string[] lines = File.ReadAllLines(Path.Combine(directory, "inputs.csv"));
        Header = SplitCsv(lines[0]);
        Inputs = lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => SplitCsv(l).Select(v => float.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        string expected = Path.Combine(directory, "expected.csv");
        if (File.Exists(expected))
        {
            string[] rows = File.ReadAllLines(expected);
            ExpectedHeader = SplitCsv(rows[0]);
            Expected = rows.Skip(1).Where(l => l.Length > 0)
                .Select(l => SplitCsv(l).Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray())
                .ToArray();
        }
    }

    public string Directory { get; }

    public string Name { get; }

    public string WeightFile { get; }

    public string[] Header { get; }

    public float[][] Inputs { get; }

    public string[]? ExpectedHeader { get; }

    public double[][]? Expected { get; }

    public static IEnumerable<string> Names(params string[] parts) =>
        System.IO.Directory.GetDirectories(SharedData.Shared(parts)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static ReferenceCase Load(params string[] parts) => new(SharedData.Shared(parts));

    public int Column(string name) => Array.IndexOf(ExpectedHeader!, name);

    public float[] FlatInputs() => Inputs.SelectMany(r => r).ToArray();

    public override string ToString() => Name;

    private static string[] SplitCsv(string line)
    {
        // The headers hold expressions such as "(Ht>2500e3)?2500e3:Ht" but never commas inside quotes.
        return line.Split(',');
    }
}
