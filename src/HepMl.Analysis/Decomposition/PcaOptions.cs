namespace HepMl.Analysis.Decomposition;

/// <summary>Options of <see cref="PrincipalComponentAnalysis"/>.</summary>
public sealed class PcaOptions
{
    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>Do not whiten.</summary>
        public const bool Whiten = false;
    }

    /// <summary>Components to keep (null: all features).</summary>
    public int? ComponentCount { get; init; }

    /// <summary>Divide each projected coordinate by the square root of its explained variance (unit-variance outputs).</summary>
    public bool Whiten { get; init; } = Defaults.Whiten;
}
