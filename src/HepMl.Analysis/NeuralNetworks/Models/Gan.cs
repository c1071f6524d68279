using System.Diagnostics;
using System.Text.Json.Nodes;
using HepMl.Analysis.Autodiff;
using HepMl.Analysis.NeuralNetworks.Data;
using HepMl.Analysis.NeuralNetworks.Optimizers;
using HepMl.Analysis.NeuralNetworks.Serialization;
using HepMl.Analysis.NeuralNetworks.Training;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Models;

/// <summary>
/// Generative adversarial network for fast simulation, optionally conditional (cGAN) on a label such as the incident
/// energy: the generator maps [noise, condition] to an event, the discriminator scores [event, condition]. Trained
/// with alternating Adam steps on the binary cross-entropy (non-saturating generator loss, Goodfellow et al.).
/// </summary>
public sealed class Gan
{
    private readonly RandomSource _random;
    private readonly List<GanEpochRecord> _history = [];

    /// <summary>Creates an untrained GAN.</summary>
    public Gan(GanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _random = new RandomSource(options.Seed);
        Generator = NetworkBuilder.Mlp(
            options.LatentDimensions + options.ConditionDimensions, options.GeneratorHidden, options.DataDimensions,
            ActivationKind.LeakyRelu, _random, outputActivation: options.GeneratorOutputActivation);
        Discriminator = NetworkBuilder.Mlp(options.DataDimensions + options.ConditionDimensions, options.DiscriminatorHidden, 1, ActivationKind.LeakyRelu, _random);
    }

    private Gan(GanOptions options, Sequential generator, Sequential discriminator)
    {
        Options = options;
        Generator = generator;
        Discriminator = discriminator;
        _random = new RandomSource(options.Seed);
    }

    /// <summary>The settings.</summary>
    public GanOptions Options { get; }

    /// <summary>Generator network.</summary>
    public Sequential Generator { get; }

    /// <summary>Discriminator network (outputs a logit).</summary>
    public Sequential Discriminator { get; }

    /// <summary>Losses per epoch.</summary>
    public IReadOnlyList<GanEpochRecord> History => _history;

    /// <summary>Trains on row-major events [rows, DataDimensions] with conditions [rows, ConditionDimensions] (or null).</summary>
    /// <exception cref="ArgumentException">Array sizes do not fit the options.</exception>
    /// <exception cref="TrainingDivergedException">A loss became NaN.</exception>
    public IReadOnlyList<GanEpochRecord> Fit(float[] events, int rows, float[]? conditions = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        int d = Options.DataDimensions;
        int c = Options.ConditionDimensions;
        if (events.Length != (long)rows * d)
        {
            throw new ArgumentException($"{rows} events of {d} values need {(long)rows * d} values; got {events.Length}", nameof(events));
        }

        if ((c > 0) != (conditions is not null) || (conditions is not null && conditions.Length != (long)rows * c))
        {
            throw new ArgumentException($"a GAN with {c} condition values per event needs {(c == 0 ? "no conditions" : $"{(long)rows * c} condition values")}", nameof(conditions));
        }

        var source = new InMemoryBatchSource(events, new TensorShape(d), rows, conditions, Math.Max(c, 1));
        var loader = new BatchLoader(source, Options.BatchSize, shuffle: true, _random.Fork(), prefetch: 0, dropLast: rows >= Options.BatchSize);
        var generatorOptimizer = new Adam(Generator.Parameters(), Options.LearningRate, Options.Beta1);
        var discriminatorOptimizer = new Adam(Discriminator.Parameters(), Options.LearningRate, Options.Beta1);
        Generator.Train();
        Discriminator.Train();
        for (int epoch = 0; epoch < Options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            double discriminatorSum = 0;
            double generatorSum = 0;
            int batches = 0;
            foreach (Batch batch in loader.Epoch())
            {
                using TensorScope scope = TensorScope.Begin();
                int n = batch.Count;
                Tensor? condition = c > 0 ? batch.Targets!.Reshape(n, c) : null;
                Tensor ones = Tensor.Full(new TensorShape(n), 1f);
                Tensor zeros = Tensor.Zeros(n);

                // Discriminator step: real events labelled 1, generated (detached) events labelled 0.
                Tensor fake = Generate(n, condition);
                Tensor realLogits = Discriminator.Forward(WithCondition(batch.Features, condition));
                Tensor fakeLogits = Discriminator.Forward(WithCondition(fake.Detach(), condition));
                Tensor discriminatorLoss = Losses.Losses.BinaryCrossEntropyWithLogits(realLogits, ones)
                    + Losses.Losses.BinaryCrossEntropyWithLogits(fakeLogits, zeros);
                Check(discriminatorLoss, epoch, batch.Index);
                discriminatorOptimizer.ZeroGrad();
                discriminatorLoss.Backward();
                discriminatorOptimizer.Step();

                // Generator step: make the discriminator call generated events real.
                Tensor generatorLoss = Losses.Losses.BinaryCrossEntropyWithLogits(Discriminator.Forward(WithCondition(fake, condition)), ones);
                Check(generatorLoss, epoch, batch.Index);
                generatorOptimizer.ZeroGrad();
                generatorLoss.Backward();
                generatorOptimizer.Step();
                discriminatorSum += discriminatorLoss.Item();
                generatorSum += generatorLoss.Item();
                batches++;
            }

            _history.Add(new GanEpochRecord(epoch, discriminatorSum / Math.Max(batches, 1), generatorSum / Math.Max(batches, 1), clock.Elapsed.TotalSeconds));
        }

        Generator.Eval();
        Discriminator.Eval();
        return _history;
    }

    /// <summary>Generates <paramref name="count"/> events, row-major; <paramref name="conditions"/> gives [count, ConditionDimensions] for a cGAN.</summary>
    /// <exception cref="ArgumentException">Conditions are missing or have the wrong size.</exception>
    public float[] Sample(int count, float[]? conditions = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int c = Options.ConditionDimensions;
        if ((c > 0) != (conditions is not null) || (conditions is not null && conditions.Length != (long)count * c))
        {
            throw new ArgumentException($"sampling {count} events needs {(c == 0 ? "no conditions" : $"{(long)count * c} condition values")}", nameof(conditions));
        }

        Generator.Eval();
        using GradientMode.NoGradScope noGrad = GradientMode.NoGrad();
        using TensorScope scope = TensorScope.Begin();
        Tensor? condition = conditions is null ? null : Tensor.Wrap(conditions, new TensorShape(count, c));
        return Generate(count, condition).ToArray();
    }

    /// <summary>Saves both networks and the options.</summary>
    public void Save(string path) => ModelFile.Save(
        path, "Gan", new Dictionary<string, Module> { ["generator"] = Generator, ["discriminator"] = Discriminator },
        new JsonObject
        {
            ["data_dimensions"] = Options.DataDimensions, ["condition_dimensions"] = Options.ConditionDimensions,
            ["latent_dimensions"] = Options.LatentDimensions, ["seed"] = Options.Seed,
        });

    /// <summary>Loads a GAN saved by <see cref="Save"/>.</summary>
    /// <exception cref="HepMl.Io.HepMlFormatException">The file is not a GAN model file.</exception>
    public static Gan Load(string path)
    {
        ModelFileContents contents = ModelFile.Load(path);
        if (contents.Kind != "Gan")
        {
            throw new HepMl.Io.HepMlFormatException($"expected a Gan model; the file holds a {contents.Kind}", path);
        }

        JsonObject m = contents.Metadata;
        var options = new GanOptions
        {
            DataDimensions = m["data_dimensions"]!.GetValue<int>(), ConditionDimensions = m["condition_dimensions"]!.GetValue<int>(),
            LatentDimensions = m["latent_dimensions"]!.GetValue<int>(), Seed = m["seed"]!.GetValue<ulong>(),
        };
        return new Gan(options, (Sequential)contents.Modules["generator"], (Sequential)contents.Modules["discriminator"]);
    }

    private static Tensor WithCondition(Tensor x, Tensor? condition) => condition is null ? x : Tensor.Concatenate(x, condition);

    private static void Check(Tensor loss, int epoch, int batch)
    {
        float value = loss.Item();
        if (!float.IsFinite(value))
        {
            throw new TrainingDivergedException(epoch, batch, value, "GAN training diverged; lower the learning rate");
        }
    }

    private Tensor Generate(int count, Tensor? condition)
    {
        Tensor noise = Tensor.Normal(new TensorShape(count, Options.LatentDimensions), 0f, 1f, _random);
        return Generator.Forward(WithCondition(noise, condition));
    }
}
