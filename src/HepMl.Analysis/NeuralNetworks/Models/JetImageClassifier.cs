using System.Text.Json.Nodes;
using HepMl.Analysis.Autodiff;
using HepMl.Analysis.NeuralNetworks.Activations;
using HepMl.Analysis.NeuralNetworks.Data;
using HepMl.Analysis.NeuralNetworks.Layers;
using HepMl.Analysis.NeuralNetworks.Optimizers;
using HepMl.Analysis.NeuralNetworks.Serialization;
using HepMl.Analysis.NeuralNetworks.Training;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Models;

using Linear = HepMl.Analysis.NeuralNetworks.Layers.Linear;

/// <summary>
/// Convolutional tagger for jet images [N, C, H, W] (for example W vs QCD): blocks of conv + ReLU + 2x2 max pool,
/// a dense layer, then one logit (binary) or C logits (multi-class). Images are used as given; pT-normalise them
/// (divide by the pixel sum) beforehand if wanted, as the peer does.
/// </summary>
public sealed class JetImageClassifier
{
    private JetImageClassifier(Sequential network, JetImageClassifierOptions options, TrainingHistory? history)
    {
        Network = network;
        Options = options;
        History = history;
    }

    /// <summary>The network (outputs logits).</summary>
    public Sequential Network { get; }

    /// <summary>The settings.</summary>
    public JetImageClassifierOptions Options { get; }

    /// <summary>Training history (null for a loaded model).</summary>
    public TrainingHistory? History { get; }

    /// <summary>Builds the untrained network for the options.</summary>
    /// <exception cref="ArgumentException">The images are too small for the pooling blocks.</exception>
    public static Sequential BuildNetwork(JetImageClassifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new RandomSource(options.Seed);
        var layers = new List<Module>();
        int channels = options.Channels;
        int height = options.Height;
        int width = options.Width;
        foreach (int c in options.ConvolutionChannels)
        {
            layers.Add(new Conv2d(channels, c, options.KernelSize, padding: options.KernelSize / 2, random: random));
            layers.Add(Activation.Relu());
            layers.Add(Pool2d.Max(2));
            height = (height + (2 * (options.KernelSize / 2)) - options.KernelSize + 1) / 2;
            width = (width + (2 * (options.KernelSize / 2)) - options.KernelSize + 1) / 2;
            channels = c;
            if (height < 1 || width < 1)
            {
                throw new ArgumentException($"{options.Height}x{options.Width} images are too small for {options.ConvolutionChannels.Count} pooling blocks", nameof(options));
            }
        }

        layers.Add(new Flatten());
        layers.Add(new Linear(channels * height * width, options.DenseUnits, random: random));
        layers.Add(Activation.Relu());
        layers.Add(new Linear(options.DenseUnits, options.ClassCount == 2 ? 1 : options.ClassCount, random: random));
        return new Sequential(layers.ToArray());
    }

    /// <summary>Trains on <paramref name="count"/> images stored row-major [count, C, H, W].</summary>
    /// <exception cref="ArgumentException">Array sizes or labels do not fit the options.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN.</exception>
    public static JetImageClassifier Fit(float[] images, int count, int[] labels, float[]? weights, JetImageClassifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        int pixels = options.Channels * options.Height * options.Width;
        if (images.Length != (long)count * pixels || labels.Length != count)
        {
            throw new ArgumentException($"{count} images of [{options.Channels}, {options.Height}, {options.Width}] need {(long)count * pixels} values and {count} labels; got {images.Length} and {labels.Length}");
        }

        float[] y = new float[count];
        for (int i = 0; i < count; i++)
        {
            if ((uint)labels[i] >= (uint)options.ClassCount)
            {
                throw new ArgumentException($"label {labels[i]} of image {i} is outside [0, {options.ClassCount})", nameof(labels));
            }

            y[i] = labels[i];
        }

        Sequential network = BuildNetwork(options);
        BatchLoss loss = options.ClassCount == 2
            ? Trainer.Supervised(network, (o, t, w) => Losses.Losses.BinaryCrossEntropyWithLogits(o, t!, w))
            : Trainer.Supervised(network, (o, t, w) => Losses.Losses.CrossEntropy(o, t!, w));
        var trainer = new Trainer(network, new Adam(network.Parameters(), options.LearningRate), loss, new TrainerOptions
        {
            Epochs = options.Epochs, BatchSize = options.BatchSize, ValidationFraction = options.ValidationFraction,
            EarlyStoppingPatience = options.EarlyStoppingPatience, ClassWeights = options.ClassWeights, Seed = options.Seed,
            ShowProgress = options.ShowProgress, Metric = TrainingMetric.Accuracy(),
        });
        var source = new InMemoryBatchSource(images, new TensorShape(options.Channels, options.Height, options.Width), count, y, 1, weights);
        TrainingHistory history = trainer.Fit(source);
        return new JetImageClassifier(network, options, history);
    }

    /// <summary>Class probabilities: one P(label 1) per image for binary, else [count, classes] row-major.</summary>
    public float[] PredictProbabilities(float[] images, int count)
    {
        ArgumentNullException.ThrowIfNull(images);
        int pixels = Options.Channels * Options.Height * Options.Width;
        if (images.Length < (long)count * pixels)
        {
            throw new ArgumentException($"{count} images need {(long)count * pixels} values; got {images.Length}", nameof(images));
        }

        int width = Options.ClassCount == 2 ? 1 : Options.ClassCount;
        float[] result = new float[(long)count * width];
        Network.Eval();
        using GradientMode.NoGradScope noGrad = GradientMode.NoGrad();
        for (int start = 0; start < count; start += 4096)
        {
            using TensorScope scope = TensorScope.Begin();
            int n = Math.Min(4096, count - start);
            Tensor logits = Network.Forward(Tensor.Wrap(images, new TensorShape(n, Options.Channels, Options.Height, Options.Width), start * pixels));
            (Options.ClassCount == 2 ? Tensor.Sigmoid(logits) : Tensor.Softmax(logits)).Span.CopyTo(result.AsSpan(start * width, n * width));
        }

        return result;
    }

    /// <summary>Saves architecture, weights and image geometry.</summary>
    public void Save(string path) => ModelFile.Save(
        path, "JetImageClassifier", new Dictionary<string, Module> { ["network"] = Network },
        new JsonObject
        {
            ["channels"] = Options.Channels, ["height"] = Options.Height, ["width"] = Options.Width,
            ["class_count"] = Options.ClassCount,
        });

    /// <summary>Loads a tagger saved by <see cref="Save"/>.</summary>
    /// <exception cref="HepMl.Io.HepMlFormatException">The file is not a JetImageClassifier model file.</exception>
    public static JetImageClassifier Load(string path)
    {
        ModelFileContents contents = ModelFile.Load(path);
        if (contents.Kind != "JetImageClassifier")
        {
            throw new HepMl.Io.HepMlFormatException($"expected a JetImageClassifier model; the file holds a {contents.Kind}", path);
        }

        JsonObject m = contents.Metadata;
        var options = new JetImageClassifierOptions
        {
            Channels = m["channels"]!.GetValue<int>(), Height = m["height"]!.GetValue<int>(), Width = m["width"]!.GetValue<int>(),
            ClassCount = m["class_count"]!.GetValue<int>(),
        };
        return new JetImageClassifier((Sequential)contents.Modules["network"], options, null);
    }
}
