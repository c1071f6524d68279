namespace HepMl.Tmva.Factory;

/// <summary>
/// The evaluation of one method, as TMVA's Factory prints it: on the test sample (and, for the overtraining check, the
/// training sample) the ROC integral, the signal efficiency at background efficiencies 1 %, 10 % and 30 %, the
/// separation ⟨S²⟩, the significance (μS − μB)/√(σS² + σB²), the Kolmogorov-Smirnov probabilities between training
/// and test responses, the method's variable ranking, and the significance-optimised cuts.
/// </summary>
public sealed record TmvaMethodEvaluation
{
    /// <summary>Method title.</summary>
    public required string Title { get; init; }

    /// <summary>TMVA method type.</summary>
    public required string MethodType { get; init; }

    /// <summary>The weight file written.</summary>
    public required string WeightFile { get; init; }

    /// <summary>Training time in seconds.</summary>
    public double TrainingSeconds { get; init; }

    /// <summary>ROC integral (area under the signal efficiency vs background rejection curve) on the test sample.</summary>
    public double RocIntegral { get; init; }

    /// <summary>ROC integral on the training sample.</summary>
    public double TrainingRocIntegral { get; init; }

    /// <summary>Signal efficiency at background efficiency 0.01, 0.10, 0.30 on the test sample.</summary>
    public IReadOnlyList<double> SignalEfficiencyAtBackground { get; init; } = [];

    /// <summary>The same on the training sample.</summary>
    public IReadOnlyList<double> TrainingSignalEfficiencyAtBackground { get; init; } = [];

    /// <summary>Separation ⟨S²⟩ of the test responses (NaN for Cuts).</summary>
    public double Separation { get; init; } = double.NaN;

    /// <summary>Significance (μS − μB)/√(σS² + σB²) of the test responses (NaN for Cuts).</summary>
    public double Significance { get; init; } = double.NaN;

    /// <summary>Kolmogorov-Smirnov probability that signal training and test responses share a distribution.</summary>
    public double KolmogorovSmirnovSignal { get; init; } = double.NaN;

    /// <summary>The same for background.</summary>
    public double KolmogorovSmirnovBackground { get; init; } = double.NaN;

    /// <summary>The method's own ranking of the input variables (importance, discriminating power, separation).</summary>
    public IReadOnlyList<(string Variable, double Importance)> Ranking { get; init; } = [];

    /// <summary>The response cut maximising the figure of merit, or null when no figure was asked for.</summary>
    public ScoreCut? OptimisedScoreCut { get; init; }

    /// <summary>For Cuts methods: the significance-optimised rectangular cut (trained on the training sample, efficiencies on the test sample).</summary>
    public OptimisedCut? OptimisedRectangularCut { get; init; }
}
