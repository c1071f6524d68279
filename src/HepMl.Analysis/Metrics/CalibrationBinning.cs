namespace HepMl.Analysis.Metrics;

/// <summary>How <see cref="CalibrationCurve"/> places its bins.</summary>
public enum CalibrationBinning
{
    /// <summary>Equal-width bins on [0, 1].</summary>
    Uniform,

    /// <summary>Bins holding equal numbers of events (edges at the quantiles of the predictions, linear interpolation).</summary>
    Quantile,
}
