namespace HepMl.Analysis.Transformations;

/// <summary>The transformations HepMl can fit; the TMVA <c>VarTransform</c> letter is given for each.</summary>
public enum TransformationKind
{
    /// <summary>Linear map onto [-1, 1] (<see cref="Normalisation"/>, TMVA <c>N</c>).</summary>
    Normalise,

    /// <summary>Decorrelation by <c>C^(-1/2)</c> (<see cref="Decorrelation"/>, TMVA <c>D</c>).</summary>
    Decorrelate,

    /// <summary>Principal component rotation (<see cref="PrincipalComponents"/>, TMVA <c>P</c>).</summary>
    PrincipalComponents,

    /// <summary>Through the CDF to a standard Gaussian (<see cref="Gaussianisation"/>, TMVA <c>G</c>).</summary>
    Gaussianise,

    /// <summary>Through the CDF to a flat distribution (<see cref="Gaussianisation"/> with flat output, TMVA <c>U</c>).</summary>
    Uniformise,

    /// <summary>Zero mean, unit variance (<see cref="Standardisation"/>; no TMVA counterpart).</summary>
    Standardise,
}
