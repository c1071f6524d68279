namespace HepMl.Tmva.Pdfs;

/// <summary>
/// What a weight file stores for a TMVA <c>PDF</c>: the original (unsmoothed) histogram, the smoothing counts and the
/// interpolation; TMVA rebuilds the evaluated PDF from it when reading.
/// </summary>
/// <param name="Name">Histogram name (informational).</param>
/// <param name="Interpolation">TMVA <c>InterpolMethod</c>: 0 Spline0, 1 Spline1, 2 Spline2 (3, 4 and 5 = Spline3, Spline5, KDE are not written).</param>
/// <param name="MinSmooth">Minimum number of smoothing passes (<c>MinNSmooth</c>).</param>
/// <param name="MaxSmooth">Maximum number of smoothing passes (<c>MaxNSmooth</c>); 0 disables smoothing.</param>
/// <param name="Edges">Bin edges, n + 1 increasing values.</param>
/// <param name="Contents">Bin contents, n single-precision values.</param>
/// <param name="Equidistant">True when the bins are equal (written with XMin/XMax only).</param>
public sealed record TmvaPdfDefinition(
    string Name,
    int Interpolation,
    int MinSmooth,
    int MaxSmooth,
    IReadOnlyList<double> Edges,
    IReadOnlyList<float> Contents,
    bool Equidistant);
