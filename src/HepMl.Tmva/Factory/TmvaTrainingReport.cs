using System.Text.Json;
using System.Text.Json.Nodes;

namespace HepMl.Tmva.Factory;

/// <summary>Everything a training job reports: per method its evaluation, the input-variable ranking, the sample
/// sizes and the figure of merit used for the optimised cuts. Serialises to JSON.</summary>
public sealed class TmvaTrainingReport
{
    /// <summary>Job name.</summary>
    public required string JobName { get; init; }

    /// <summary>Dataset (data loader) name.</summary>
    public required string Dataset { get; init; }

    /// <summary>Training events (signal, background).</summary>
    public (int Signal, int Background) TrainingEvents { get; init; }

    /// <summary>Test events (signal, background).</summary>
    public (int Signal, int Background) TestEvents { get; init; }

    /// <summary>Input variables ranked by their own separation ⟨S²⟩ on the training sample (TMVA's method-unspecific ranking).</summary>
    public IReadOnlyList<(string Variable, double Separation)> InputRanking { get; init; } = [];

    /// <summary>The methods, best ROC integral first.</summary>
    public IReadOnlyList<TmvaMethodEvaluation> Methods { get; init; } = [];

    /// <summary>Name of the figure of merit of the optimised cuts, or null.</summary>
    public string? FigureOfMerit { get; init; }

    /// <summary>Expected signal yield before cuts.</summary>
    public double SignalYield { get; init; }

    /// <summary>Expected background yield before cuts.</summary>
    public double BackgroundYield { get; init; }

    /// <summary>The output ROOT file with TrainTree and TestTree, or null.</summary>
    public string? OutputFile { get; init; }

    /// <summary>The report as JSON.</summary>
    public JsonObject ToJson()
    {
        var methods = new JsonArray();
        foreach (TmvaMethodEvaluation m in Methods)
        {
            var method = new JsonObject
            {
                ["title"] = m.Title,
                ["type"] = m.MethodType,
                ["weightFile"] = m.WeightFile,
                ["trainingSeconds"] = m.TrainingSeconds,
                ["rocIntegral"] = Number(m.RocIntegral),
                ["trainingRocIntegral"] = Number(m.TrainingRocIntegral),
                ["signalEfficiencyAtBackground"] = Efficiencies(m.SignalEfficiencyAtBackground),
                ["trainingSignalEfficiencyAtBackground"] = Efficiencies(m.TrainingSignalEfficiencyAtBackground),
                ["separation"] = Number(m.Separation),
                ["significance"] = Number(m.Significance),
                ["kolmogorovSmirnov"] = new JsonObject { ["signal"] = Number(m.KolmogorovSmirnovSignal), ["background"] = Number(m.KolmogorovSmirnovBackground) },
                ["ranking"] = new JsonArray(m.Ranking.Select(r => (JsonNode)new JsonObject { ["variable"] = r.Variable, ["importance"] = Number(r.Importance) }).ToArray()),
            };
            if (m.OptimisedScoreCut is ScoreCut cut)
            {
                method["optimisedCut"] = new JsonObject
                {
                    ["threshold"] = Number(cut.Threshold),
                    ["signalEfficiency"] = Number(cut.SignalEfficiency),
                    ["backgroundEfficiency"] = Number(cut.BackgroundEfficiency),
                    ["signal"] = Number(cut.Signal),
                    ["background"] = Number(cut.Background),
                    ["figureOfMerit"] = Number(cut.FigureOfMerit),
                };
            }

            if (m.OptimisedRectangularCut is OptimisedCut rectangular)
            {
                method["optimisedRectangularCut"] = new JsonObject
                {
                    ["minimum"] = new JsonArray(rectangular.Window.Minimum.Select(v => (JsonNode?)Number(v)).ToArray()),
                    ["maximum"] = new JsonArray(rectangular.Window.Maximum.Select(v => (JsonNode?)Number(v)).ToArray()),
                    ["signalEfficiency"] = Number(rectangular.SignalEfficiency),
                    ["backgroundEfficiency"] = Number(rectangular.BackgroundEfficiency),
                    ["signal"] = Number(rectangular.Signal),
                    ["background"] = Number(rectangular.Background),
                    ["figureOfMerit"] = Number(rectangular.FigureOfMerit),
                };
            }

            methods.Add(method);
        }

        return new JsonObject
        {
            ["format"] = "HepMl.TmvaTrainingReport",
            ["version"] = 1,
            ["job"] = JobName,
            ["dataset"] = Dataset,
            ["trainingEvents"] = new JsonObject { ["signal"] = TrainingEvents.Signal, ["background"] = TrainingEvents.Background },
            ["testEvents"] = new JsonObject { ["signal"] = TestEvents.Signal, ["background"] = TestEvents.Background },
            ["figureOfMerit"] = FigureOfMerit,
            ["signalYield"] = SignalYield,
            ["backgroundYield"] = BackgroundYield,
            ["outputFile"] = OutputFile,
            ["inputRanking"] = new JsonArray(InputRanking.Select(r => (JsonNode)new JsonObject { ["variable"] = r.Variable, ["separation"] = Number(r.Separation) }).ToArray()),
            ["methods"] = methods,
        };
    }

    /// <summary>Writes <see cref="ToJson"/> to a file (indented).</summary>
    public void WriteJson(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllText(path, ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    private static JsonObject Efficiencies(IReadOnlyList<double> values)
    {
        var result = new JsonObject();
        for (int i = 0; i < Math.Min(values.Count, TmvaBackgroundEfficiencies.Standard.Count); i++)
        {
            result[TmvaBackgroundEfficiencies.Standard[i].ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)] = Number(values[i]);
        }

        return result;
    }
}
