using HepMl.Analysis.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace HepMl.Analysis.Autodiff.Backward;

/// <summary>
/// Backward of the fused losses: the forward pass already computed d(loss)/d(input) for each input (it is cheap
/// there and saves a second pass); backward scales it by the incoming scalar gradient.
/// </summary>
internal sealed class PrecomputedBackward : BackwardFunction
{
    private readonly string _name;
    private Tensor[] _gradients;

    public PrecomputedBackward(string name, Tensor[] inputs, Tensor[] gradients)
        : base(inputs)
    {
        _name = name;
        _gradients = gradients;
    }

    public override string Name => _name;

    public override void Backward(ReadOnlySpan<float> outputGradient)
    {
        float scale = outputGradient[0];
        for (int i = 0; i < Inputs.Length; i++)
        {
            Tensor input = Inputs[i];
            if (!input.RequiresGrad)
            {
                continue;
            }

            Span<float> target = input.GradientTarget(out bool fresh);
            ReadOnlySpan<float> gradient = _gradients[i].Span;
            if (fresh)
            {
                TensorPrimitives.Multiply(gradient, scale, target);
            }
            else
            {
                TensorPrimitives.MultiplyAdd(gradient, scale, target, target);
            }
        }
    }

    public override void Release()
    {
        foreach (Tensor gradient in _gradients)
        {
            gradient.Dispose();
        }

        _gradients = [];
        base.Release();
    }
}
