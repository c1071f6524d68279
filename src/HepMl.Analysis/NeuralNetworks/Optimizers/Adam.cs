using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Optimizers;

/// <summary>
/// Adam with bias correction, optionally AMSGrad (uses the running maximum of v) and decoupled weight decay
/// (AdamW: w -= lr * decay * w before the step). Follows PyTorch's update exactly:
/// w -= (lr / (1 - β1^t)) m / (sqrt(v) / sqrt(1 - β2^t) + ε). PyTorch: <c>torch.optim.Adam</c>, <c>AdamW</c>.
/// </summary>
public class Adam : Optimizer
{
    private Tensor?[]? _first;
    private Tensor?[]? _second;
    private Tensor?[]? _maximum;
    private int[]? _steps;

    /// <summary>Creates the optimiser.</summary>
    public Adam(
        IEnumerable<Parameter> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f,
        float epsilon = 1e-8f, bool amsGrad = false, float decoupledWeightDecay = 0f)
        : base(parameters, learningRate)
    {
        if (!(beta1 >= 0f && beta1 < 1f) || !(beta2 >= 0f && beta2 < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), "beta1 and beta2 must be in [0, 1)");
        }

        (Beta1, Beta2, Epsilon, AmsGrad, DecoupledWeightDecay) = (beta1, beta2, epsilon, amsGrad, decoupledWeightDecay);
    }

    /// <summary>β1.</summary>
    public float Beta1 { get; }

    /// <summary>β2.</summary>
    public float Beta2 { get; }

    /// <summary>ε.</summary>
    public float Epsilon { get; }

    /// <summary>True for AMSGrad.</summary>
    public bool AmsGrad { get; }

    /// <summary>AdamW's decoupled weight decay (0 for plain Adam).</summary>
    public float DecoupledWeightDecay { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Parameter parameter, Span<float> weights, ReadOnlySpan<float> gradient)
    {
        _steps ??= new int[Parameters.Count];
        int t = ++_steps[index];
        Span<float> m = State(ref _first, index).Span;
        Span<float> v = State(ref _second, index).Span;
        if (DecoupledWeightDecay != 0f && parameter.IsPenalised)
        {
            float keep = 1f - (LearningRate * DecoupledWeightDecay);
            System.Numerics.Tensors.TensorPrimitives.Multiply(weights, keep, weights);
        }

        double correction1 = 1.0 - Math.Pow(Beta1, t);
        double correction2 = 1.0 - Math.Pow(Beta2, t);
        float stepSize = (float)(LearningRate / correction1);
        float inverseSqrtCorrection2 = (float)(1.0 / Math.Sqrt(correction2));
        if (AmsGrad)
        {
            Span<float> vmax = State(ref _maximum, index).Span;
            for (int i = 0; i < weights.Length; i++)
            {
                float g = gradient[i];
                m[i] = (Beta1 * m[i]) + ((1f - Beta1) * g);
                v[i] = (Beta2 * v[i]) + ((1f - Beta2) * g * g);
                vmax[i] = MathF.Max(vmax[i], v[i]);
                weights[i] -= stepSize * m[i] / ((MathF.Sqrt(vmax[i]) * inverseSqrtCorrection2) + Epsilon);
            }

            return;
        }

        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var b1 = Vector256.Create(Beta1);
            var b1c = Vector256.Create(1f - Beta1);
            var b2 = Vector256.Create(Beta2);
            var b2c = Vector256.Create(1f - Beta2);
            var step = Vector256.Create(stepSize);
            var scale = Vector256.Create(inverseSqrtCorrection2);
            var eps = Vector256.Create(Epsilon);
            ref float rw = ref MemoryMarshal.GetReference(weights);
            ref float rg = ref MemoryMarshal.GetReference(gradient);
            ref float rm = ref MemoryMarshal.GetReference(m);
            ref float rv = ref MemoryMarshal.GetReference(v);
            for (; j <= weights.Length - 8; j += 8)
            {
                var g = Vector256.LoadUnsafe(ref rg, (nuint)j);
                var mv = (b1 * Vector256.LoadUnsafe(ref rm, (nuint)j)) + (b1c * g);
                var vv = (b2 * Vector256.LoadUnsafe(ref rv, (nuint)j)) + (b2c * g * g);
                mv.StoreUnsafe(ref rm, (nuint)j);
                vv.StoreUnsafe(ref rv, (nuint)j);
                var denominator = (Vector256.Sqrt(vv) * scale) + eps;
                (Vector256.LoadUnsafe(ref rw, (nuint)j) - (step * mv / denominator)).StoreUnsafe(ref rw, (nuint)j);
            }
        }

        for (; j < weights.Length; j++)
        {
            float g = gradient[j];
            m[j] = (Beta1 * m[j]) + ((1f - Beta1) * g);
            v[j] = (Beta2 * v[j]) + ((1f - Beta2) * g * g);
            weights[j] -= stepSize * m[j] / ((MathF.Sqrt(v[j]) * inverseSqrtCorrection2) + Epsilon);
        }
    }
}
