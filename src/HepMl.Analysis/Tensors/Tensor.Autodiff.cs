using HepMl.Analysis.Autodiff;

namespace HepMl.Analysis.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Back-propagates from this one-element tensor (a loss): fills <see cref="Grad"/> of every leaf that requires
    /// gradients (adding to what is there until <see cref="ZeroGrad"/>) and frees the recorded graph.
    /// PyTorch: <c>loss.backward()</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tensor has more than one element, or no graph was recorded for it.</exception>
    public void Backward()
    {
        if (Length != 1)
        {
            throw new InvalidOperationException($"Backward() without a gradient needs a one-element tensor; this one has shape {Shape}");
        }

        Backward(stackalloc float[] { 1f });
    }

    /// <summary>Back-propagates with an explicit gradient of this tensor (same number of elements).</summary>
    /// <exception cref="ArgumentException">The gradient has the wrong length.</exception>
    /// <exception cref="InvalidOperationException">No graph was recorded for this tensor.</exception>
    public void Backward(ReadOnlySpan<float> gradient)
    {
        if (gradient.Length != Length)
        {
            throw new ArgumentException($"the gradient has {gradient.Length} values for a tensor of shape {Shape}", nameof(gradient));
        }

        if (GradFunction is null)
        {
            if (_graphFreed)
            {
                throw new InvalidOperationException(
                    "the graph behind this tensor was freed by an earlier Backward(); recompute the forward pass to back-propagate again");
            }

            if (!RequiresGrad)
            {
                throw new InvalidOperationException(
                    "Backward() was called on a tensor that does not require gradients (no input required them, or it was computed under GradientMode.NoGrad)");
            }

            AccumulateGradient(gradient);
            return;
        }

        GraphExecutor.Run(this, gradient);
    }

    /// <summary>True when an operation on these inputs must record a backward function.</summary>
    internal static bool ShouldRecord(Tensor a) => a.RequiresGrad && GradientMode.IsEnabled;

    /// <summary>True when an operation on these inputs must record a backward function.</summary>
    internal static bool ShouldRecord(Tensor a, Tensor b) => (a.RequiresGrad || b.RequiresGrad) && GradientMode.IsEnabled;

    /// <summary>True when an operation on these inputs must record a backward function.</summary>
    internal static bool ShouldRecord(Tensor a, Tensor b, Tensor? c) =>
        (a.RequiresGrad || b.RequiresGrad || (c?.RequiresGrad ?? false)) && GradientMode.IsEnabled;
}
