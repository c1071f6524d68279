namespace HepMl.Analysis.Tensors;

/// <summary>Element-wise unary maths operations (activations have their own kinds).</summary>
internal enum UnaryKind
{
    Exp,
    Log,
    Square,
    Abs,
}
