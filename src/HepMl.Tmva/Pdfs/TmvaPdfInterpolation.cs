namespace HepMl.Tmva.Pdfs;

/// <summary>TMVA <c>PDF::EInterpolateMethod</c> values this reader rebuilds.</summary>
internal enum TmvaPdfInterpolation
{
    /// <summary>The (smoothed) histogram itself.</summary>
    Spline0 = 0,

    /// <summary>Linear interpolation between bin centres.</summary>
    Spline1 = 1,

    /// <summary>Quadratic interpolation (TMVA <c>TSpline2</c>).</summary>
    Spline2 = 2,
}
