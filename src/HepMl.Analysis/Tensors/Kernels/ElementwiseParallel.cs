using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Tensors.Kernels;

/// <summary>
/// Splits large element-wise kernels (activations and their gradients) over the kernel threads; below
/// <see cref="Threshold"/> elements they run on the calling thread, where a fork-join would cost more than it saves.
/// </summary>
internal static class ElementwiseParallel
{
    public const int Threshold = 1 << 17;

    [ThreadStatic]
    private static ActivationWork? t_activation;

    public static void ActivationForward(ActivationKind kind, float parameter, Tensor x, Tensor y)
    {
        if (x.Length < Threshold)
        {
            ActivationKernels.Forward(kind, parameter, x.Span, y.Span);
            return;
        }

        ActivationWork work = t_activation ??= new ActivationWork();
        work.Set(kind, parameter, x, y, null, null, backward: false);
        ParallelRunner.Run(work, 2 * ParallelRunner.ThreadCount);
        work.Clear();
    }

    /// <summary>Overwrites <paramref name="inputGradient"/> with the activation gradient.</summary>
    public static void ActivationBackward(ActivationKind kind, float parameter, Tensor x, Tensor y, Tensor outputGradient, Tensor inputGradient)
    {
        if (x.Length < Threshold)
        {
            ActivationKernels.Backward(kind, parameter, x.Span, y.Span, outputGradient.Span, inputGradient.Span);
            return;
        }

        ActivationWork work = t_activation ??= new ActivationWork();
        work.Set(kind, parameter, x, y, outputGradient, inputGradient, backward: true);
        ParallelRunner.Run(work, 2 * ParallelRunner.ThreadCount);
        work.Clear();
    }

    private sealed class ActivationWork : ParallelWork
    {
        private ActivationKind _kind;
        private float _parameter;
        private Tensor? _x;
        private Tensor? _y;
        private Tensor? _gradient;
        private Tensor? _target;
        private bool _backward;

        public void Set(ActivationKind kind, float parameter, Tensor x, Tensor y, Tensor? gradient, Tensor? target, bool backward) =>
            (_kind, _parameter, _x, _y, _gradient, _target, _backward) = (kind, parameter, x, y, gradient, target, backward);

        public void Clear() => (_x, _y, _gradient, _target) = (null, null, null, null);

        public override void Execute(int part, int parts)
        {
            int length = _x!.Length;
            int start = (int)((long)length * part / parts);
            int end = (int)((long)length * (part + 1) / parts);
            ReadOnlySpan<float> x = _x.Span[start..end];
            if (!_backward)
            {
                ActivationKernels.Forward(_kind, _parameter, x, _y!.Span[start..end]);
                return;
            }

            ActivationKernels.Backward(_kind, _parameter, x, _y!.Span[start..end], _gradient!.Span[start..end], _target!.Span[start..end]);
        }
    }
}
