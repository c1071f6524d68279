using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.Autodiff;

/// <summary>
/// One recorded operation of the autodiff graph: it keeps its inputs (and whatever it saved from the forward
/// pass) and turns the gradient of its output into gradients of its inputs. One subclass per operation.
/// </summary>
internal abstract class BackwardFunction
{
    protected BackwardFunction(params Tensor[] inputs) => Inputs = inputs;

    /// <summary>The tensors this operation read; gradients flow into those that require them.</summary>
    public Tensor[] Inputs { get; private set; }

    /// <summary>The tensor this operation produced.</summary>
    public Tensor Output { get; set; } = null!;

    /// <summary>Used by the graph walk to mark visited nodes.</summary>
    public int VisitStamp { get; set; }

    /// <summary>Operation name for error messages.</summary>
    public virtual string Name => GetType().Name.Replace("Backward", string.Empty, StringComparison.Ordinal);

    /// <summary>Accumulates the input gradients given the gradient of <see cref="Output"/>.</summary>
    public abstract void Backward(ReadOnlySpan<float> outputGradient);

    /// <summary>Drops references once the graph has been consumed.</summary>
    public virtual void Release() => Inputs = [];
}
