namespace HepMl.Samples.JetTagging.Data;

/// <summary>
/// The jets of one run: a pt image (GeV per pixel, [jet, row = φ′, column = η′]) and three substructure variables
/// per jet, with the truth label (1 = W-like two-prong, 0 = QCD-like one-prong).
/// </summary>
public sealed class JetSample
{
    /// <summary>Creates a sample; the arrays become owned by it.</summary>
    /// <exception cref="ArgumentException">The array lengths disagree.</exception>
    public JetSample(string description, int imagePixels, float[] images, int[] labels, float[] mass, float[] tau21, float[] d2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imagePixels);
        int count = labels.Length;
        if (images.Length != (long)count * imagePixels * imagePixels || mass.Length != count || tau21.Length != count || d2.Length != count)
        {
            throw new ArgumentException(
                $"{count} jets need {(long)count * imagePixels * imagePixels} image values and {count} values per variable; "
                + $"got {images.Length} image values and {mass.Length}/{tau21.Length}/{d2.Length} variable values");
        }

        Description = description;
        ImagePixels = imagePixels;
        Images = images;
        Labels = labels;
        Mass = mass;
        Tau21 = tau21;
        D2 = d2;
    }

    /// <summary>Where the jets came from (printed in the report).</summary>
    public string Description { get; }

    /// <summary>Number of jets.</summary>
    public int Count => Labels.Length;

    /// <summary>Pixels along each side of an image.</summary>
    public int ImagePixels { get; }

    /// <summary>Values per image (<see cref="ImagePixels"/>²).</summary>
    public int ValuesPerImage => ImagePixels * ImagePixels;

    /// <summary>Images in GeV, row-major [jet, row, column].</summary>
    public float[] Images { get; }

    /// <summary>1 for W-like jets, 0 for QCD-like jets.</summary>
    public int[] Labels { get; }

    /// <summary>Jet mass (GeV).</summary>
    public float[] Mass { get; }

    /// <summary>N-subjettiness ratio τ2/τ1 (β = 1, exclusive-kt axes).</summary>
    public float[] Tau21 { get; }

    /// <summary>Energy-correlation ratio D2 (β = 1).</summary>
    public float[] D2 { get; }

    /// <summary>Number of W-like jets.</summary>
    public int SignalCount => Labels.Count(label => label == 1);

    /// <summary>A copy of the jets [start, start + count).</summary>
    public JetSample Slice(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Count);
        return new JetSample(
            Description,
            ImagePixels,
            Images.AsSpan(start * ValuesPerImage, count * ValuesPerImage).ToArray(),
            Labels.AsSpan(start, count).ToArray(),
            Mass.AsSpan(start, count).ToArray(),
            Tau21.AsSpan(start, count).ToArray(),
            D2.AsSpan(start, count).ToArray());
    }
}
