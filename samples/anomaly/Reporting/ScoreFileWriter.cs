using HepMl.Io.Csv;
using HepMl.Io.Root.Writing;
using HepMl.Samples.Anomaly.Data;
using HepMl.Samples.Anomaly.Detectors;

namespace HepMl.Samples.Anomaly.Reporting;

/// <summary>
/// Writes one row per test event: <c>label</c>, the ten raw features, and every anomaly score, as a ROOT TTree
/// <c>scores</c> (HepMl.Io's ROOT writer; open it with ROOT or uproot) or as CSV.
/// </summary>
internal static class ScoreFileWriter
{
    /// <summary>The tree name in the ROOT file.</summary>
    public const string TreeName = "scores";

    /// <summary>Writes the file and returns its path.</summary>
    public static string Write(DijetSample test, IReadOnlyList<AnomalyScore> scores, ScoreFileFormat format, string directory)
    {
        var columns = new List<(string Name, Array Values)> { ("label", test.Labels) };
        for (int j = 0; j < DijetSample.FeatureNames.Count; j++)
        {
            columns.Add((DijetSample.FeatureNames[j], test.Column(j)));
        }

        columns.AddRange(scores.Select(score => (score.Name, (Array)score.TestScores)));
        return format == ScoreFileFormat.Root ? WriteRoot(columns, test.Count, directory) : WriteCsv(columns, directory);
    }

    private static string WriteRoot(List<(string Name, Array Values)> columns, int rows, string directory)
    {
        string path = Path.Combine(directory, "scores.root");
        var branches = columns.Select(c => c.Values is int[] ? RootBranchDefinition.Scalar<int>(c.Name) : RootBranchDefinition.Scalar<float>(c.Name)).ToArray();
        using RootFileWriter file = RootFileWriter.Create(path, title: "HepMl anomaly-detection sample: per-event scores");
        RootTreeWriter tree = file.Root.CreateTree(TreeName, "test events with anomaly scores", branches);
        var block = new RootTreeBlock(rows);
        foreach ((string name, Array values) in columns)
        {
            block.Add(name, values);
        }

        tree.Append(block);
        return path;
    }

    private static string WriteCsv(List<(string Name, Array Values)> columns, string directory)
    {
        string path = Path.Combine(directory, "scores.csv");
        CsvFile.Write(path, new CsvTable(columns.Select(c => new CsvColumn(c.Name, c.Values)).ToArray()));
        return path;
    }
}
