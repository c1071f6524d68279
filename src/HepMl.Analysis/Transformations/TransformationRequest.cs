namespace HepMl.Analysis.Transformations;

/// <summary>A transformation to fit in a <see cref="TransformationChain"/>.</summary>
/// <param name="Kind">Which transformation.</param>
/// <param name="Variables">Feature indices it acts on, or null for all (TMVA: <c>N(var1,var2)</c>).</param>
/// <param name="ReferenceClass">Class whose parameters are applied to every event, or
/// <see cref="VariableTransformation.AllClasses"/> (TMVA: the <c>_Signal</c>/<c>_Background</c> suffix).</param>
public sealed record TransformationRequest(
    TransformationKind Kind,
    IReadOnlyList<int>? Variables = null,
    int ReferenceClass = VariableTransformation.AllClasses);
