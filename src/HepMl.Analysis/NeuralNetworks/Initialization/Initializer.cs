using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Initialization;

/// <summary>Weight initialisers (PyTorch: <c>nn.init</c>) and the default random source of layers.</summary>
public static class Initializer
{
    [ThreadStatic]
    private static RandomSource? t_default;

    /// <summary>
    /// The generator layers use when none is passed: seeded with 0 per thread, so a network built the same way on a
    /// fresh thread gets the same weights. Model classes always pass their own seeded source.
    /// </summary>
    public static RandomSource DefaultRandom => t_default ??= new RandomSource(0);

    /// <summary>Fills <paramref name="weights"/> according to <paramref name="kind"/>.</summary>
    public static void Fill(Span<float> weights, InitializerKind kind, int fanIn, int fanOut, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        switch (kind)
        {
            case InitializerKind.PyTorchDefault:
                float bound = 1f / MathF.Sqrt(Math.Max(fanIn, 1));
                random.FillUniform(weights, -bound, bound);
                break;
            case InitializerKind.GlorotUniform:
                float a = MathF.Sqrt(6f / Math.Max(fanIn + fanOut, 1));
                random.FillUniform(weights, -a, a);
                break;
            case InitializerKind.GlorotNormal:
                random.FillNormal(weights, 0f, MathF.Sqrt(2f / Math.Max(fanIn + fanOut, 1)));
                break;
            case InitializerKind.HeUniform:
                float h = MathF.Sqrt(6f / Math.Max(fanIn, 1));
                random.FillUniform(weights, -h, h);
                break;
            case InitializerKind.HeNormal:
                random.FillNormal(weights, 0f, MathF.Sqrt(2f / Math.Max(fanIn, 1)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown initializer");
        }
    }
}
