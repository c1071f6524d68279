namespace HepMl.Tmva.Application;

/// <summary>What <see cref="TmvaApplication.Apply"/> did.</summary>
/// <param name="Events">Events evaluated and written.</param>
/// <param name="NaNEvents">Events with a NaN input, which got TMVA's -999.</param>
/// <param name="ResponseColumn">The name of the response column (the method title, suffixed if an input column has it).</param>
/// <param name="OutputTable">The tree or group written (empty for CSV and the HDF5 root group).</param>
/// <param name="CopiedColumns">Input columns repeated in the output.</param>
/// <param name="LeftOut">Input columns not repeated (arrays, strings), with the reason.</param>
public sealed record TmvaApplyResult(
    long Events, long NaNEvents, string ResponseColumn, string OutputTable, IReadOnlyList<string> CopiedColumns, IReadOnlyList<(string Name, string Reason)> LeftOut);
