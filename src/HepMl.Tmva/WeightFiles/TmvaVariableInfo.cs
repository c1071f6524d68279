namespace HepMl.Tmva.WeightFiles;

/// <summary>
/// One input variable, spectator or target as declared in a weight file (TMVA: <c>VariableInfo</c>; attributes
/// <c>VarIndex/SpecIndex/TargetIndex, Expression, Label, Title, Unit, Internal, Type, Min, Max</c>).
/// </summary>
/// <param name="Index">Position in the file's list.</param>
/// <param name="Expression">The expression evaluated on the input tree, e.g. <c>log(pt)</c>; what the reader binds by.</param>
/// <param name="Label">Short name; also accepted when binding.</param>
/// <param name="Title">Display title.</param>
/// <param name="Unit">Unit text.</param>
/// <param name="Internal">TMVA's internal name (expression with special characters replaced).</param>
/// <param name="Type">Type code: <c>F</c> float, <c>I</c> integer, <c>D</c> double, <c>N</c> discrete.</param>
/// <param name="Minimum">Training minimum (informational).</param>
/// <param name="Maximum">Training maximum (informational).</param>
public sealed record TmvaVariableInfo(
    int Index,
    string Expression,
    string Label,
    string Title,
    string Unit,
    string Internal,
    char Type,
    double Minimum,
    double Maximum);
