namespace HepMl.Analysis.Tensors.Kernels;

/// <summary>Max and average pooling over [N, C, H, W] planes (no padding).</summary>
internal static class PoolingKernels
{
    /// <summary>Pools every plane; for max pooling with <paramref name="argMax"/>, records the input index of each maximum.</summary>
    public static void Forward(ConvolutionGeometry g, int images, ReadOnlySpan<float> input, Span<float> output, bool max, int[]? argMax)
    {
        int planes = images * g.Channels;
        int planeIn = g.Height * g.Width;
        int oh = g.OutputHeight;
        int ow = g.OutputWidth;
        int k = g.KernelHeight;
        float inverseArea = 1f / (k * k);
        for (int p = 0; p < planes; p++)
        {
            ReadOnlySpan<float> plane = input.Slice(p * planeIn, planeIn);
            int outBase = p * oh * ow;
            for (int y = 0; y < oh; y++)
            {
                for (int x = 0; x < ow; x++)
                {
                    int top = y * g.Stride;
                    int left = x * g.Stride;
                    if (max)
                    {
                        int best = (top * g.Width) + left;
                        float bestValue = plane[best];
                        for (int dy = 0; dy < k; dy++)
                        {
                            int rowStart = ((top + dy) * g.Width) + left;
                            for (int dx = 0; dx < k; dx++)
                            {
                                float v = plane[rowStart + dx];
                                if (v > bestValue || float.IsNaN(v))
                                {
                                    bestValue = v;
                                    best = rowStart + dx;
                                }
                            }
                        }

                        output[outBase + (y * ow) + x] = bestValue;
                        if (argMax is not null)
                        {
                            argMax[outBase + (y * ow) + x] = (p * planeIn) + best;
                        }
                    }
                    else
                    {
                        float sum = 0f;
                        for (int dy = 0; dy < k; dy++)
                        {
                            int rowStart = ((top + dy) * g.Width) + left;
                            for (int dx = 0; dx < k; dx++)
                            {
                                sum += plane[rowStart + dx];
                            }
                        }

                        output[outBase + (y * ow) + x] = sum * inverseArea;
                    }
                }
            }
        }
    }

    /// <summary>Adds the pooled gradient back onto the input gradient (which must be zeroed or hold earlier contributions).</summary>
    public static void BackwardAdd(ConvolutionGeometry g, int images, ReadOnlySpan<float> outputGradient, Span<float> inputGradient, int[]? argMax)
    {
        if (argMax is not null)
        {
            for (int i = 0; i < outputGradient.Length; i++)
            {
                inputGradient[argMax[i]] += outputGradient[i];
            }

            return;
        }

        int planes = images * g.Channels;
        int planeIn = g.Height * g.Width;
        int oh = g.OutputHeight;
        int ow = g.OutputWidth;
        int k = g.KernelHeight;
        float inverseArea = 1f / (k * k);
        for (int p = 0; p < planes; p++)
        {
            Span<float> plane = inputGradient.Slice(p * planeIn, planeIn);
            int outBase = p * oh * ow;
            for (int y = 0; y < oh; y++)
            {
                for (int x = 0; x < ow; x++)
                {
                    float share = outputGradient[outBase + (y * ow) + x] * inverseArea;
                    for (int dy = 0; dy < k; dy++)
                    {
                        int rowStart = (((y * g.Stride) + dy) * g.Width) + (x * g.Stride);
                        for (int dx = 0; dx < k; dx++)
                        {
                            plane[rowStart + dx] += share;
                        }
                    }
                }
            }
        }
    }
}
