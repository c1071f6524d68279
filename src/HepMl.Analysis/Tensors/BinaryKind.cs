namespace HepMl.Analysis.Tensors;

/// <summary>The broadcasting element-wise binary operations.</summary>
internal enum BinaryKind
{
    Add,
    Subtract,
    Multiply,
}
