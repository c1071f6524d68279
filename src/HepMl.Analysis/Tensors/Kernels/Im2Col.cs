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
    public unsafe void Im2Col(ReadOnlySpan<float> image, Span<float> columns)
    {
        if (image.Length < ImageSize || columns.Length < PatchSize * OutputPixels)
        {
            throw new ArgumentException($"im2col needs an image of {ImageSize} and columns of {PatchSize * OutputPixels} values");
        }

        fixed (float* source = image)
        fixed (float* target = columns)
        {
            Transform(source, target, add: false);
        }
    }

    /// <summary>Adds a column matrix back onto one image's gradient (the adjoint of <see cref="Im2Col"/>).</summary>
    public unsafe void Col2ImAdd(ReadOnlySpan<float> columns, Span<float> image)
    {
        if (image.Length < ImageSize || columns.Length < PatchSize * OutputPixels)
        {
            throw new ArgumentException($"col2im needs an image of {ImageSize} and columns of {PatchSize * OutputPixels} values");
        }

        fixed (float* target = image)
        fixed (float* source = columns)
        {
            Transform(target, source, add: true);
        }
    }

    /// <summary>
    /// Walks every (channel, kernel row, kernel column, output row) line once. Gathering (im2col) copies the image
    /// segment into the line and zeroes the padding; scattering (col2im) adds the line's valid part onto the image.
    /// </summary>
    private unsafe void Transform(float* image, float* columns, bool add)
    {
        int oh = OutputHeight;
        int ow = OutputWidth;
        float* line = columns;
        for (int c = 0; c < Channels; c++)
        {
            float* plane = image + ((long)c * Height * Width);
            for (int kh = 0; kh < KernelHeight; kh++)
            {
                for (int kw = 0; kw < KernelWidth; kw++)
                {
                    // Output column x reads image column x * Stride - Padding + kw; valid for x in [first, last).
                    int shift = kw - Padding;
                    int first = Math.Min(ow, Math.Max(0, (-shift + Stride - 1) / Stride));
                    int last = Math.Max(first, Math.Min(ow, ((Width - 1 - shift) / Stride) + 1));
                    if (Width - 1 - shift < 0)
                    {
                        last = first;
                    }

                    for (int y = 0; y < oh; y++, line += ow)
                    {
                        int iy = (y * Stride) - Padding + kh;
                        if ((uint)iy >= (uint)Height)
                        {
                            if (!add)
                            {
                                new Span<float>(line, ow).Clear();
                            }

                            continue;
                        }

                        float* source = plane + (iy * Width) + shift;
                        if (add)
                        {
                            if (Stride == 1)
                            {
                                AddInto(source + first, line + first, last - first);
                            }
                            else
                            {
                                for (int x = first; x < last; x++)
                                {
                                    source[x * Stride] += line[x];
                                }
                            }

                            continue;
                        }

                        for (int x = 0; x < first; x++)
                        {
                            line[x] = 0f;
                        }

                        if (Stride == 1)
                        {
                            Buffer.MemoryCopy(source + first, line + first, (last - first) * sizeof(float), (last - first) * sizeof(float));
                        }
                        else
                        {
                            for (int x = first; x < last; x++)
                            {
                                line[x] = source[x * Stride];
                            }
                        }

                        for (int x = last; x < ow; x++)
                        {
                            line[x] = 0f;
                        }
                    }
                }
            }
        }
    }

    private static unsafe void AddInto(float* target, float* values, int count)
    {
        int i = 0;
        for (; i + 8 <= count; i += 8)
        {
            System.Runtime.Intrinsics.Vector256.Store(
                System.Runtime.Intrinsics.Vector256.Load(target + i) + System.Runtime.Intrinsics.Vector256.Load(values + i), target + i);
        }

        for (; i < count; i++)
        {
            target[i] += values[i];
        }
    }
}
