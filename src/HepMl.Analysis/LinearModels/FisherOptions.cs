namespace HepMl.Analysis.LinearModels;

/// <summary>Options of <see cref="FisherDiscriminant.Train(Data.Dataset, FisherOptions)"/>.</summary>
public sealed class FisherOptions
{
    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>TMVA's default method.</summary>
        public const FisherMethod Method = FisherMethod.Fisher;
    }

    /// <summary>Which covariance matrix is inverted.</summary>
    public FisherMethod Method { get; init; } = Defaults.Method;
}
