namespace HepMl.Analysis.Tensors.Kernels;

/// <summary>
/// Geometry of a 2-D convolution or pooling window and the im2col/col2im transforms: one image [C, H, W] becomes
/// a [C*KH*KW, OH*OW] matrix whose columns are the receptive fields, so the convolution is one GEMM.
/// </summary>
internal readonly record struct ConvolutionGeometry(
    int Channels, int Height, int Width, int KernelHeight, int KernelWidth, int Stride, int Padding)
{
    public int OutputHeight => ((Height + (2 * Padding) - KernelHeight) / Stride) + 1;

    public int OutputWidth => ((Width + (2 * Padding) - KernelWidth) / Stride) + 1;

    public int PatchSize => Channels * KernelHeight * KernelWidth;

    public int OutputPixels => OutputHeight * OutputWidth;

    public int ImageSize => Channels * Height * Width;

    /// <summary>Writes the column matrix of one image.</summary>
    public void Im2Col(ReadOnlySpan<float> image, Span<float> columns)
    {
        int oh = OutputHeight;
        int ow = OutputWidth;
        int row = 0;
        for (int c = 0; c < Channels; c++)
        {
            ReadOnlySpan<float> plane = image.Slice(c * Height * Width, Height * Width);
            for (int kh = 0; kh < KernelHeight; kh++)
            {
                for (int kw = 0; kw < KernelWidth; kw++, row++)
                {
                    Span<float> target = columns.Slice(row * oh * ow, oh * ow);
                    for (int y = 0; y < oh; y++)
                    {
                        int iy = (y * Stride) - Padding + kh;
                        Span<float> line = target.Slice(y * ow, ow);
                        if ((uint)iy >= (uint)Height)
                        {
                            line.Clear();
                            continue;
                        }

                        ReadOnlySpan<float> source = plane.Slice(iy * Width, Width);
                        if (Stride == 1)
                        {
                            // ix = x - Padding + kw; valid x in [first, last).
                            int shift = kw - Padding;
                            int first = Math.Max(0, -shift);
                            int last = Math.Min(ow, Width - shift);
                            line[..Math.Min(first, ow)].Clear();
                            if (last > first)
                            {
                                source.Slice(first + shift, last - first).CopyTo(line[first..last]);
                            }

                            if (last < ow)
                            {
                                line[Math.Max(last, 0)..].Clear();
                            }
                        }
                        else
                        {
                            for (int x = 0; x < ow; x++)
                            {
                                int ix = (x * Stride) - Padding + kw;
                                line[x] = (uint)ix < (uint)Width ? source[ix] : 0f;
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Adds a column matrix back onto one image's gradient (the adjoint of <see cref="Im2Col"/>).</summary>
    public void Col2ImAdd(ReadOnlySpan<float> columns, Span<float> image)
    {
        int oh = OutputHeight;
        int ow = OutputWidth;
        int row = 0;
        for (int c = 0; c < Channels; c++)
        {
            Span<float> plane = image.Slice(c * Height * Width, Height * Width);
            for (int kh = 0; kh < KernelHeight; kh++)
            {
                for (int kw = 0; kw < KernelWidth; kw++, row++)
                {
                    ReadOnlySpan<float> source = columns.Slice(row * oh * ow, oh * ow);
                    for (int y = 0; y < oh; y++)
                    {
                        int iy = (y * Stride) - Padding + kh;
                        if ((uint)iy >= (uint)Height)
                        {
                            continue;
                        }

                        Span<float> target = plane.Slice(iy * Width, Width);
                        ReadOnlySpan<float> line = source.Slice(y * ow, ow);
                        if (Stride == 1)
                        {
                            int shift = kw - Padding;
                            int first = Math.Max(0, -shift);
                            int last = Math.Min(ow, Width - shift);
                            if (last > first)
                            {
                                Span<float> destination = target.Slice(first + shift, last - first);
                                System.Numerics.Tensors.TensorPrimitives.Add(destination, line[first..last], destination);
                            }
                        }
                        else
                        {
                            for (int x = 0; x < ow; x++)
                            {
                                int ix = (x * Stride) - Padding + kw;
                                if ((uint)ix < (uint)Width)
                                {
                                    target[ix] += line[x];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
