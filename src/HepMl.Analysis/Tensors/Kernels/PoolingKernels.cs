using HepMl.Analysis.Tensors.Internal;

namespace HepMl.Analysis.Tensors.Kernels;

/// <summary>
/// Max and average pooling over [N, C, H, W] planes (no padding, floor mode). Planes are split over the kernel
/// threads when there are many; max pooling records, per output, the input index of the maximum (first one on ties,
/// NaN wins) so the backward pass is a scatter.
/// </summary>
internal static unsafe class PoolingKernels
{
    private const int ParallelThreshold = 1 << 16;

    [ThreadStatic]
    private static PoolWork? t_work;

    /// <summary>Pools every plane; for max pooling with <paramref name="argMax"/>, records the input index of each maximum.</summary>
    public static void Forward(ConvolutionGeometry g, int images, ReadOnlySpan<float> input, Span<float> output, bool max, int[]? argMax)
    {
        fixed (float* x = input)
        fixed (float* y = output)
        fixed (int* indices = argMax)
        {
            Run(g, images, x, y, indices, max, backward: false, clear: false);
        }
    }

    /// <summary>Adds the pooled gradient onto the input gradient (zeroing it first when <paramref name="clear"/>).</summary>
    public static void BackwardAdd(ConvolutionGeometry g, int images, ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int[]? argMax, bool clear)
    {
        fixed (float* dy = outputGradient)
        fixed (float* dx = inputGradient)
        fixed (int* indices = argMax)
        {
            Run(g, images, dx, dy, indices, argMax is not null, backward: true, clear);
        }
    }

    private static void Run(ConvolutionGeometry g, int images, float* input, float* output, int* argMax, bool max, bool backward, bool clear)
    {
        int planes = images * g.Channels;
        PoolWork work = t_work ??= new PoolWork();
        work.Set(g, input, output, argMax, max, backward, clear, planes);
        long size = (long)planes * g.Height * g.Width;
        ParallelRunner.Run(work, size >= ParallelThreshold ? Math.Min(planes, 4 * ParallelRunner.ThreadCount) : 1);
    }

    private static void ForwardPlanes(ConvolutionGeometry g, int first, int last, float* input, float* output, int* argMax, bool max)
    {
        int planeIn = g.Height * g.Width;
        int oh = g.OutputHeight;
        int ow = g.OutputWidth;
        int k = g.KernelHeight;
        int width = g.Width;
        float inverseArea = 1f / (k * k);
        for (int p = first; p < last; p++)
        {
            float* plane = input + ((long)p * planeIn);
            float* target = output + ((long)p * oh * ow);
            int* index = argMax == null ? null : argMax + ((long)p * oh * ow);
            int planeBase = p * planeIn;
            for (int y = 0; y < oh; y++)
            {
                int top = y * g.Stride;
                if (max && k == 2 && g.Stride == 2)
                {
                    float* r0 = plane + (top * width);
                    float* r1 = r0 + width;
                    if (index == null)
                    {
                        for (int x = 0; x < ow; x++)
                        {
                            int c = 2 * x;
                            target[(y * ow) + x] = MathF.Max(MathF.Max(r0[c], r0[c + 1]), MathF.Max(r1[c], r1[c + 1]));
                        }

                        continue;
                    }

                    int rowBase = planeBase + (top * width);
                    for (int x = 0; x < ow; x++)
                    {
                        // Branch-free arg-max (random data would mispredict every comparison); NaN wins like MathF.Max.
                        int c = 2 * x;
                        float value = r0[c];
                        int best = c;
                        float b = r0[c + 1];
                        bool take = b > value || float.IsNaN(b);
                        value = take ? b : value;
                        best = take ? c + 1 : best;
                        b = r1[c];
                        take = b > value || float.IsNaN(b);
                        value = take ? b : value;
                        best = take ? c + width : best;
                        b = r1[c + 1];
                        take = b > value || float.IsNaN(b);
                        value = take ? b : value;
                        best = take ? c + width + 1 : best;
                        target[(y * ow) + x] = value;
                        index[(y * ow) + x] = rowBase + best;
                    }

                    continue;
                }

                for (int x = 0; x < ow; x++)
                {
                    int left = x * g.Stride;
                    if (max)
                    {
                        int best = (top * width) + left;
                        float value = plane[best];
                        for (int dy = 0; dy < k; dy++)
                        {
                            int rowStart = ((top + dy) * width) + left;
                            for (int dx = 0; dx < k; dx++)
                            {
                                float v = plane[rowStart + dx];
                                if (v > value || float.IsNaN(v))
                                {
                                    value = v;
                                    best = rowStart + dx;
                                }
                            }
                        }

                        target[(y * ow) + x] = value;
                        if (index != null)
                        {
                            index[(y * ow) + x] = planeBase + best;
                        }
                    }
                    else
                    {
                        float sum = 0f;
                        for (int dy = 0; dy < k; dy++)
                        {
                            float* row = plane + ((top + dy) * width) + left;
                            for (int dx = 0; dx < k; dx++)
                            {
                                sum += row[dx];
                            }
                        }

                        target[(y * ow) + x] = sum * inverseArea;
                    }
                }
            }
        }
    }

    private static void BackwardPlanes(ConvolutionGeometry g, int first, int last, float* inputGradient, float* outputGradient, int* argMax, bool clear)
    {
        int planeIn = g.Height * g.Width;
        int oh = g.OutputHeight;
        int ow = g.OutputWidth;
        int k = g.KernelHeight;
        float inverseArea = 1f / (k * k);
        for (int p = first; p < last; p++)
        {
            float* plane = inputGradient + ((long)p * planeIn);
            if (clear && argMax != null && k == 2 && g.Stride == 2)
            {
                // Non-overlapping 2x2 windows: write every covered pixel once (gradient or 0), clear only the rest.
                WriteWindows2x2(g, plane, outputGradient + ((long)p * oh * ow), argMax + ((long)p * oh * ow), p * planeIn);
                continue;
            }

            if (clear)
            {
                new Span<float>(plane, planeIn).Clear();
            }

            float* dy = outputGradient + ((long)p * oh * ow);
            if (argMax != null)
            {
                int* index = argMax + ((long)p * oh * ow);
                for (int i = 0; i < oh * ow; i++)
                {
                    inputGradient[index[i]] += dy[i];
                }

                continue;
            }

            for (int y = 0; y < oh; y++)
            {
                for (int x = 0; x < ow; x++)
                {
                    float share = dy[(y * ow) + x] * inverseArea;
                    for (int ky = 0; ky < k; ky++)
                    {
                        float* row = plane + ((((y * g.Stride) + ky) * g.Width) + (x * g.Stride));
                        for (int kx = 0; kx < k; kx++)
                        {
                            row[kx] += share;
                        }
                    }
                }
            }
        }
    }

    private static void WriteWindows2x2(ConvolutionGeometry g, float* plane, float* dy, int* index, int planeBase)
    {
        int width = g.Width;
        int oh = g.OutputHeight;
        int ow = g.OutputWidth;
        for (int y = 0; y < oh; y++)
        {
            float* r0 = plane + (2 * y * width);
            float* r1 = r0 + width;
            for (int x = 0; x < ow; x++)
            {
                int c = 2 * x;
                r0[c] = 0f;
                r0[c + 1] = 0f;
                r1[c] = 0f;
                r1[c + 1] = 0f;
                plane[index[(y * ow) + x] - planeBase] = dy[(y * ow) + x];
            }

            for (int c = 2 * ow; c < width; c++)
            {
                r0[c] = 0f;
                r1[c] = 0f;
            }
        }

        for (int row = 2 * oh; row < g.Height; row++)
        {
            new Span<float>(plane + (row * width), width).Clear();
        }
    }

    private sealed class PoolWork : ParallelWork
    {
        private ConvolutionGeometry _geometry;
        private float* _input;
        private float* _output;
        private int* _argMax;
        private bool _max;
        private bool _backward;
        private bool _clear;
        private int _planes;

        public void Set(ConvolutionGeometry geometry, float* input, float* output, int* argMax, bool max, bool backward, bool clear, int planes)
        {
            (_geometry, _max, _backward, _clear, _planes) = (geometry, max, backward, clear, planes);
            _input = input;
            _output = output;
            _argMax = argMax;
        }

        public override void Execute(int part, int parts)
        {
            int first = (int)((long)_planes * part / parts);
            int last = (int)((long)_planes * (part + 1) / parts);
            if (_backward)
            {
                BackwardPlanes(_geometry, first, last, _input, _output, _argMax, _clear);
            }
            else
            {
                ForwardPlanes(_geometry, first, last, _input, _output, _argMax, _max);
            }
        }
    }
}
