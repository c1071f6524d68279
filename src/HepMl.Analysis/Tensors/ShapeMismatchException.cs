namespace HepMl.Analysis.Tensors;

/// <summary>
/// Two shapes that an operation or layer needs to agree do not. The message names the operation (and the layer,
/// when a layer raised it) and prints both shapes.
/// </summary>
public sealed class ShapeMismatchException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public ShapeMismatchException(string operation, string expectation, TensorShape actual, TensorShape? other = null, string? layer = null)
        : base(Compose(operation, expectation, actual, other, layer))
    {
        Operation = operation;
        ActualShape = actual;
        OtherShape = other;
        Layer = layer;
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public ShapeMismatchException(string message)
        : base(message)
    {
        Operation = string.Empty;
    }

    /// <summary>Creates the exception with a plain message and an inner exception.</summary>
    public ShapeMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
    }

    /// <summary>Creates an empty exception.</summary>
    public ShapeMismatchException()
    {
        Operation = string.Empty;
    }

    /// <summary>The operation (MatMul, Add, Conv2d, ...).</summary>
    public string Operation { get; }

    /// <summary>The shape that did not fit.</summary>
    public TensorShape ActualShape { get; }

    /// <summary>The shape it was checked against, when there is one.</summary>
    public TensorShape? OtherShape { get; }

    /// <summary>The layer that raised it (its name and type), or null for a bare operation.</summary>
    public string? Layer { get; }

    private static string Compose(string operation, string expectation, TensorShape actual, TensorShape? other, string? layer)
    {
        string where = layer is null ? operation : $"layer {layer}";
        string shapes = other is null ? $"got {actual}" : $"got {actual} and {other}";
        return $"{where}: {expectation}; {shapes}";
    }
}
