using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Tensors.Kernels;

/// <summary>im2col + GEMM convolution forward and backward, images split over the kernel threads.</summary>
internal static unsafe class ConvolutionKernels
{
    [ThreadStatic]
    private static ForwardWork? t_forward;

    [ThreadStatic]
    private static BackwardWork? t_backward;

    [ThreadStatic]
    private static float[]? t_columns;

    [ThreadStatic]
    private static float[]? t_columnGradient;

    public static void Forward(ConvolutionGeometry geometry, Tensor input, Tensor weight, Tensor? bias, Tensor output)
    {
        ForwardWork work = t_forward ??= new ForwardWork();
        work.Set(geometry, input, weight, bias, output);
        int images = input.Shape[0];
        long flops = (long)images * weight.Shape[0] * geometry.PatchSize * geometry.OutputPixels;
        ParallelRunner.Run(work, flops >= Gemm.ParallelThreshold ? Math.Min(images, 4 * ParallelRunner.ThreadCount) : 1);
        work.Clear();
    }

    public static void Backward(
        ConvolutionGeometry geometry, Tensor input, Tensor weight, Tensor? bias, ReadOnlySpan<float> outputGradient)
    {
        BackwardWork work = t_backward ??= new BackwardWork();
        int images = input.Shape[0];
        int outChannels = weight.Shape[0];
        int parts = Math.Min(Math.Max(images, 1), 4 * ParallelRunner.ThreadCount);
        long flops = (long)images * outChannels * geometry.PatchSize * geometry.OutputPixels;
        if (flops < Gemm.ParallelThreshold)
        {
            parts = 1;
        }

        fixed (float* gradient = outputGradient)
        {
            work.Set(geometry, input, weight, bias, gradient, parts);
            ParallelRunner.Run(work, parts);
            work.Finish();
        }
    }

    private static float[] Scratch(ref float[]? cache, int length)
    {
        if (cache is null || cache.Length < length)
        {
            cache = GC.AllocateUninitializedArray<float>(length, pinned: true);
        }

        return cache;
    }

    private static (int Start, int End) ImageRange(int images, int part, int parts) =>
        ((int)((long)images * part / parts), (int)((long)images * (part + 1) / parts));

    private sealed class ForwardWork : ParallelWork
    {
        private ConvolutionGeometry _geometry;
        private Tensor? _input;
        private Tensor? _weight;
        private Tensor? _bias;
        private Tensor? _output;

        public void Set(ConvolutionGeometry geometry, Tensor input, Tensor weight, Tensor? bias, Tensor output) =>
            (_geometry, _input, _weight, _bias, _output) = (geometry, input, weight, bias, output);

        public void Clear() => (_input, _weight, _bias, _output) = (null, null, null, null);

        public override void Execute(int part, int parts)
        {
            ConvolutionGeometry g = _geometry;
            int outChannels = _weight!.Shape[0];
            int pixels = g.OutputPixels;
            int patch = g.PatchSize;
            (int start, int end) = ImageRange(_input!.Shape[0], part, parts);
            float[] columns = Scratch(ref t_columns, patch * pixels);
            ReadOnlySpan<float> input = _input.Span;
            Span<float> output = _output!.Span;
            ReadOnlySpan<float> bias = _bias is null ? default : _bias.Span;
            fixed (float* w = _weight.Span)
            fixed (float* col = columns)
            {
                for (int n = start; n < end; n++)
                {
                    g.Im2Col(input.Slice(n * g.ImageSize, g.ImageSize), columns);
                    Span<float> target = output.Slice(n * outChannels * pixels, outChannels * pixels);
                    if (!bias.IsEmpty)
                    {
                        for (int o = 0; o < outChannels; o++)
                        {
                            target.Slice(o * pixels, pixels).Fill(bias[o]);
                        }
                    }

                    fixed (float* y = target)
                    {
                        Gemm.Sequential(false, false, outChannels, pixels, patch, 1f, w, patch, col, pixels, bias.IsEmpty ? 0f : 1f, y, pixels);
                    }
                }
            }
        }
    }

    private sealed class BackwardWork : ParallelWork
    {
        private readonly List<float[]> _partials = [];
        private ConvolutionGeometry _geometry;
        private Tensor? _input;
        private Tensor? _weight;
        private Tensor? _bias;
        private float* _gradient;
        private int _parts;
        private bool _inputFresh;

        public void Set(ConvolutionGeometry geometry, Tensor input, Tensor weight, Tensor? bias, float* gradient, int parts)
        {
            (_geometry, _input, _weight, _bias, _parts) = (geometry, input, weight, bias, parts);
            _gradient = gradient;
            int weightLength = weight.Length + weight.Shape[0];
            while (_partials.Count < parts)
            {
                _partials.Add([]);
            }

            for (int p = 0; p < parts; p++)
            {
                if (_partials[p].Length < weightLength)
                {
                    _partials[p] = GC.AllocateUninitializedArray<float>(weightLength, pinned: true);
                }

                _partials[p].AsSpan(0, weightLength).Clear();
            }

            if (input.RequiresGrad)
            {
                input.GradientTarget(out _inputFresh);
            }
        }

        public void Finish()
        {
            Tensor weight = _weight!;
            int outChannels = weight.Shape[0];
            if (weight.RequiresGrad)
            {
                Span<float> dw = weight.GradientTarget(out bool fresh);
                Reduce(dw, fresh, 0, weight.Length);
            }

            if (_bias is not null && _bias.RequiresGrad)
            {
                Span<float> db = _bias.GradientTarget(out bool fresh);
                Reduce(db, fresh, weight.Length, outChannels);
            }

            (_input, _weight, _bias) = (null, null, null);
            _gradient = null;
        }

        public override void Execute(int part, int parts)
        {
            ConvolutionGeometry g = _geometry;
            Tensor weight = _weight!;
            Tensor input = _input!;
            int outChannels = weight.Shape[0];
            int pixels = g.OutputPixels;
            int patch = g.PatchSize;
            (int start, int end) = ImageRange(input.Shape[0], part, parts);
            bool weightGrad = weight.RequiresGrad || (_bias?.RequiresGrad ?? false);
            bool inputGrad = input.RequiresGrad;
            float[] columns = Scratch(ref t_columns, patch * pixels);
            float[] columnGradient = Scratch(ref t_columnGradient, patch * pixels);
            float[] partial = _partials[part];
            ReadOnlySpan<float> x = input.Span;
            Span<float> dx = inputGrad ? input.Grad!.Span : default;
            fixed (float* w = weight.Span)
            fixed (float* col = columns)
            fixed (float* dcol = columnGradient)
            fixed (float* dw = partial)
            {
                for (int n = start; n < end; n++)
                {
                    float* dy = _gradient + ((long)n * outChannels * pixels);
                    if (weightGrad)
                    {
                        g.Im2Col(x.Slice(n * g.ImageSize, g.ImageSize), columns);
                        Gemm.Sequential(false, true, outChannels, patch, pixels, 1f, dy, pixels, col, pixels, 1f, dw, patch);
                        float* db = dw + weight.Length;
                        for (int o = 0; o < outChannels; o++)
                        {
                            db[o] += System.Numerics.Tensors.TensorPrimitives.Sum(new ReadOnlySpan<float>(dy + ((long)o * pixels), pixels));
                        }
                    }

                    if (inputGrad)
                    {
                        Gemm.Sequential(true, false, patch, pixels, outChannels, 1f, w, patch, dy, pixels, 0f, dcol, pixels);
                        Span<float> image = dx.Slice(n * g.ImageSize, g.ImageSize);
                        if (_inputFresh)
                        {
                            image.Clear();
                        }

                        g.Col2ImAdd(columnGradient.AsSpan(0, patch * pixels), image);
                    }
                }
            }
        }

        private void Reduce(Span<float> target, bool fresh, int offset, int length)
        {
            for (int p = 0; p < _parts; p++)
            {
                ReadOnlySpan<float> source = _partials[p].AsSpan(offset, length);
                if (p == 0 && fresh)
                {
                    source.CopyTo(target);
                }
                else
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(target, source, target);
                }
            }
        }
    }
}
