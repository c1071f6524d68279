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
                    for (int x = 0; x < ow; x++)
                    {
                        int c = 2 * x;
                        float a = r0[c], b = r0[c + 1], d = r1[c], e = r1[c + 1];
                        int best = c;
                        float value = a;
                        if (b > value || float.IsNaN(b)) { value = b; best = c + 1; }
                        if (d > value || float.IsNaN(d)) { value = d; best = c + width; }
                        if (e > value || float.IsNaN(e)) { value = e; best = c + width + 1; }
                        target[(y * ow) + x] = value;
                        if (index != null)
                        {
                            index[(y * ow) + x] = planeBase + (top * width) + best;
                        }
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
