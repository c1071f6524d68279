using System.Text.Json.Nodes;
using HepMl.Analysis.Autodiff;
using HepMl.Analysis.Data;
using HepMl.Analysis.NeuralNetworks.Data;
using HepMl.Analysis.NeuralNetworks.Optimizers;
using HepMl.Analysis.NeuralNetworks.Serialization;
using HepMl.Analysis.NeuralNetworks.Training;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Models;

/// <summary>
/// A fully connected classifier on a feature table: features standardised with the training mean and width, one
/// logit and weighted binary cross-entropy for two classes, softmax and weighted cross-entropy for more. Event
/// weights (negative ones included) enter the loss. TMVA: <c>MLP</c>/<c>DNN</c>; Keras/PyTorch: an MLP with Adam.
/// </summary>
public sealed class MlpClassifier
{
    private MlpClassifier(Sequential network, FeatureScaler scaler, int classCount, IReadOnlyList<string> classNames, TrainingHistory? history)
    {
        Network = network;
        Scaler = scaler;
        ClassCount = classCount;
        ClassNames = classNames;
        History = history;
    }

    /// <summary>The network (outputs logits).</summary>
    public Sequential Network { get; }

    /// <summary>Number of classes (2 for a binary classifier).</summary>
    public int ClassCount { get; }

    /// <summary>Class names, indexed by label.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Training history (null for a loaded model).</summary>
    public TrainingHistory? History { get; }

    /// <summary>Feature names in input order.</summary>
    public IReadOnlyList<string> FeatureNames => Scaler.Names;

    internal FeatureScaler Scaler { get; }

    /// <summary>Trains with default options.</summary>
    public static MlpClassifier Fit(Dataset train) => Fit(train, new MlpOptions());

    /// <summary>Trains on a labelled dataset.</summary>
    /// <exception cref="ArgumentException">No labels, fewer than two classes, or non-finite features.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN.</exception>
    public static MlpClassifier Fit(Dataset train, MlpOptions options)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        if (!train.HasLabels || train.ClassCount < 2)
        {
            throw new ArgumentException("MlpClassifier needs a dataset with labels of at least two classes", nameof(train));
        }

        FeatureScaler scaler = FeatureScaler.Fit(train);
        float[] x = scaler.Transform(train);
        int classes = train.ClassCount;
        float[] y = new float[train.RowCount];
        ReadOnlySpan<int> labels = train.Labels;
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = labels[i];
        }

        float[]? weights = options.UseEventWeights && train.HasExplicitWeights ? train.Weights.ToArray() : null;
        var random = new RandomSource(options.Seed);
        Sequential network = NetworkBuilder.Mlp(
            train.FeatureCount, options.HiddenLayers, classes == 2 ? 1 : classes, options.Activation, random, options.Dropout, options.BatchNormalization);
        Optimizer optimizer = options.WeightDecay > 0f
            ? new AdamW(network.Parameters(), options.LearningRate, options.WeightDecay)
            : new Adam(network.Parameters(), options.LearningRate);
        optimizer.L1Penalty = options.L1Penalty;
        optimizer.L2Penalty = options.L2Penalty;
        BatchLoss loss = classes == 2
            ? Trainer.Supervised(network, (o, t, w) => Losses.Losses.BinaryCrossEntropyWithLogits(o, t!, w))
            : Trainer.Supervised(network, (o, t, w) => Losses.Losses.CrossEntropy(o, t!, w));
        var trainer = new Trainer(network, optimizer, loss, new TrainerOptions
        {
            Epochs = options.Epochs, BatchSize = options.BatchSize, ValidationFraction = options.ValidationFraction,
            EarlyStoppingPatience = options.EarlyStoppingPatience, ClassWeights = options.ClassWeights,
            GradientClipNorm = options.GradientClipNorm, Schedule = options.Schedule, Seed = options.Seed,
            ShowProgress = options.ShowProgress, Metric = TrainingMetric.Accuracy(),
        });
        TrainingHistory history = trainer.Fit(new InMemoryBatchSource(x, new TensorShape(train.FeatureCount), train.RowCount, y, 1, weights));
        return new MlpClassifier(network, scaler, classes, train.ClassNames, history);
    }

    /// <summary>Signal probability per event (binary classifier: P(label 1)).</summary>
    /// <exception cref="InvalidOperationException">The classifier has more than two classes; use <see cref="PredictProbabilities"/>.</exception>
    public float[] Predict(Dataset data)
    {
        if (ClassCount != 2)
        {
            throw new InvalidOperationException($"this classifier has {ClassCount} classes; use PredictProbabilities");
        }

        return PredictProbabilities(data);
    }

    /// <summary>Class probabilities, row-major [events, classes] (binary: one value per event, P(label 1)).</summary>
    /// <exception cref="KeyNotFoundException">A training feature is missing from <paramref name="data"/>.</exception>
    public float[] PredictProbabilities(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        float[] x = Scaler.Transform(data);
        int f = Scaler.Names.Length;
        int width = ClassCount == 2 ? 1 : ClassCount;
        float[] result = new float[(long)data.RowCount * width];
        Network.Eval();
        using GradientMode.NoGradScope noGrad = GradientMode.NoGrad();
        for (int start = 0; start < data.RowCount; start += 8192)
        {
            using TensorScope scope = TensorScope.Begin();
            int count = Math.Min(8192, data.RowCount - start);
            Tensor logits = Network.Forward(Tensor.Wrap(x, new TensorShape(count, f), start * f));
            Tensor p = ClassCount == 2 ? Tensor.Sigmoid(logits) : Tensor.Softmax(logits);
            p.Span.CopyTo(result.AsSpan(start * width, count * width));
        }

        return result;
    }

    /// <summary>Saves architecture, weights, feature scaling and class names.</summary>
    public void Save(string path)
    {
        var metadata = new JsonObject
        {
            ["scaler"] = Scaler.Describe(),
            ["class_names"] = new JsonArray(ClassNames.Select(n => (JsonNode)n).ToArray()),
            ["class_count"] = ClassCount,
        };
        ModelFile.Save(path, "MlpClassifier", new Dictionary<string, Module> { ["network"] = Network }, metadata);
    }

    /// <summary>Loads a classifier saved by <see cref="Save"/>.</summary>
    /// <exception cref="HepMl.Io.HepMlFormatException">The file is not an MlpClassifier model file.</exception>
    public static MlpClassifier Load(string path)
    {
        ModelFileContents contents = ModelFile.Load(path);
        if (contents.Kind != "MlpClassifier")
        {
            throw new HepMl.Io.HepMlFormatException($"expected an MlpClassifier model; the file holds a {contents.Kind}", path);
        }

        JsonObject m = contents.Metadata;
        return new MlpClassifier(
            (Sequential)contents.Modules["network"], FeatureScaler.Read(m["scaler"]!.AsObject()), m["class_count"]!.GetValue<int>(),
            m["class_names"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray(), null);
    }
}
