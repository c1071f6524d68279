using System.Globalization;
using System.Xml.Linq;
using HepMl.Analysis.Data;
using HepMl.Analysis.NeuralNetworks;
using HepMl.Analysis.NeuralNetworks.Activations;
using HepMl.Analysis.NeuralNetworks.Layers;
using HepMl.Analysis.NeuralNetworks.Models;
using HepMl.Analysis.Tensors;
using HepMl.Tmva.Methods;
using HepMl.Tmva.Writing;

namespace HepMl.Tmva.Factory.Trainers;

/// <summary>
/// TMVA's MLP booked with its option names (<c>HiddenLayers</c>, <c>NeuronType</c>, <c>NCycles</c>, <c>LearningRate</c>,
/// <c>RandomSeed</c>) and trained by the neural-network toolbox (<see cref="MlpClassifier"/>, Adam, cross-entropy);
/// the network (with its input standardisation folded into the first layer) is written as a TMVA MLP with a sigmoid
/// output neuron (CE). TMVA's optimiser choices (<c>TrainingMethod</c>, <c>BPMode</c>, ...) are accepted and not used.
/// </summary>
internal sealed class MlpTrainer : MethodTrainer
{
    private string _hiddenLayers = "N,N-1";
    private string _neuronType = "sigmoid";
    private int _cycles = 500;
    private double _learningRate = 0.02;
    private int _batchSize = 256;
    private int? _seed;
    private TmvaActivation _activation;
    private int[] _sizes = [];

    public MlpTrainer(IReadOnlyList<KeyValuePair<string, string>> options, string context)
    {
        var binder = new OptionBinder(context);
        binder
            .On("HiddenLayers", v => _hiddenLayers = v)
            .Choice("NeuronType", v => _neuronType = v, "sigmoid", "tanh", "ReLU", "linear")
            .Int("NCycles", v => _cycles = v, 1)
            .Double("LearningRate", v => _learningRate = v)
            .Int("BatchSize", v => _batchSize = v <= 0 ? 256 : v)
            .Int("RandomSeed", v => _seed = v)
            .Fixed("EstimatorType", "CE", "classification is trained with the cross-entropy")
            .Fixed("NeuronInputType", "sum", "neurons sum their inputs")
            .Choice("TrainingMethod", _ => { }, "BP", "GA", "BFGS")
            .Ignored("TestRate", "DecayRate", "BPMode", "EpochMonitoring", "Sampling", "SamplingEpoch", "SamplingImportance",
                "SamplingTraining", "SamplingTesting", "ResetStep", "Tau", "ConvergenceImprove", "ConvergenceTests",
                "UseRegulator", "UpdateLimit", "CalculateErrors", "WeightRange", "IgnoreNegWeightsInTraining");
        binder.Apply(options);
        _activation = _neuronType switch
        {
            "tanh" => TmvaActivation.Tanh,
            "ReLU" => TmvaActivation.ReLU,
            "linear" => TmvaActivation.Linear,
            _ => TmvaActivation.Sigmoid,
        };
    }

    public override string MethodType => "MLP";

    public override string Release => TmvaMlpWriter.ReleaseFor(_activation);

    public override IReadOnlyList<(string Name, string Value)> WrittenOptions =>
        TmvaMlpWriter.Options(_activation, TmvaActivation.Sigmoid, TmvaNeuronInput.Sum, _sizes).Skip(1).ToArray();

    public override XElement Train(Dataset training, int seed, IProgress<double>? progress)
    {
        int[] hidden = ParseLayers(_hiddenLayers, training.FeatureCount);
        ActivationKind kind = _neuronType switch
        {
            "tanh" => ActivationKind.Tanh,
            "ReLU" => ActivationKind.Relu,
            "linear" => ActivationKind.Identity,
            _ => ActivationKind.Sigmoid,
        };
        var classifier = MlpClassifier.Fit(training, new MlpOptions
        {
            HiddenLayers = hidden,
            Activation = kind,
            Epochs = _cycles,
            LearningRate = (float)_learningRate,
            BatchSize = _batchSize,
            Seed = (ulong)(_seed ?? seed),
        });

        Linear[] layers = classifier.Network.Children.OfType<Linear>().ToArray();
        if (layers.Length != hidden.Length + 1 || classifier.Network.Children.Any(c => c is not (Linear or Activation or Dropout)))
        {
            throw new InvalidOperationException("the trained network is not a plain MLP (Linear, activation, dropout); it cannot be written as a TMVA MLP");
        }

        (double[] mean, double[] scale) = Standardisation(training);
        _sizes = [training.FeatureCount + 1, .. hidden.Select(h => h + 1), 1];
        var matrices = new List<IReadOnlyList<double>>();
        for (int l = 0; l < layers.Length; l++)
        {
            Linear layer = layers[l];
            int inputs = layer.InFeatures, outputs = layer.OutFeatures;
            ReadOnlySpan<float> w = layer.Weight.Value.Span;
            ReadOnlySpan<float> b = layer.Bias is null ? default : layer.Bias.Value.Span;
            var matrix = new double[(inputs + 1) * outputs];
            for (int k = 0; k < outputs; k++)
            {
                double bias = b.IsEmpty ? 0 : b[k];
                for (int j = 0; j < inputs; j++)
                {
                    double weight = w[(k * inputs) + j];
                    if (l == 0)
                    {
                        // x_std = (x - mean) / scale: fold the standardisation of the inputs into the first layer.
                        bias -= weight * mean[j] / scale[j];
                        weight /= scale[j];
                    }

                    matrix[(j * outputs) + k] = weight;
                }

                matrix[(inputs * outputs) + k] = bias;
            }

            matrices.Add(matrix);
        }

        Ranking = InputRanking(training, matrices[0], hidden[0]);
        return TmvaMlpWriter.Weights(_sizes, matrices);
    }

    /// <summary>
    /// TMVA's ranking of an MLP's inputs (<c>MethodANNBase::CreateRanking</c>): for input i, the sum of its squared
    /// weights into the first hidden layer times a squared typical size of the variable, the larger of
    /// (|mean_S| + |mean_B|) / 2 and (rms_S + rms_B) / 2 over the weighted training events of each class.
    /// </summary>
    /// <param name="training">The training events, as the network sees them (after the job's transformations).</param>
    /// <param name="firstLayer">The written first-layer matrix: weight of input j into neuron k at <c>j * outputs + k</c>.</param>
    /// <param name="outputs">Neurons of the first hidden layer.</param>
    internal static (string Variable, double Importance)[] InputRanking(Dataset training, IReadOnlyList<double> firstLayer, int outputs)
    {
        ReadOnlySpan<int> labels = training.Labels;
        ReadOnlySpan<float> weights = training.Weights;
        var ranking = new (string, double)[training.FeatureCount];

        // Per class (background then signal): Σw, Σw·x, Σw·x².
        Span<double> sums = stackalloc double[6];
        for (int j = 0; j < training.FeatureCount; j++)
        {
            sums.Clear();
            ReadOnlySpan<float> column = training.Column(j);
            for (int i = 0; i < column.Length; i++)
            {
                int c = labels[i] == 1 ? 3 : 0;
                double w = weights[i], x = column[i];
                sums[c] += w;
                sums[c + 1] += w * x;
                sums[c + 2] += w * x * x;
            }

            double meanB = sums[1] / sums[0], meanS = sums[4] / sums[3];
            double rmsB = Math.Sqrt(Math.Max(0, (sums[2] / sums[0]) - (meanB * meanB)));
            double rmsS = Math.Sqrt(Math.Max(0, (sums[5] / sums[3]) - (meanS * meanS)));
            double typical = Math.Max((Math.Abs(meanS) + Math.Abs(meanB)) / 2, (rmsS + rmsB) / 2);
            double squaredWeights = 0;
            for (int k = 0; k < outputs; k++)
            {
                squaredWeights += firstLayer[(j * outputs) + k] * firstLayer[(j * outputs) + k];
            }

            ranking[j] = (training.FeatureNames[j], squaredWeights * typical * typical);
        }

        return ranking;
    }

    /// <summary>The per-feature standardisation <see cref="MlpClassifier"/> applies to its inputs:
    /// unweighted mean and population standard deviation + 1e-6.</summary>
    private static (double[] Mean, double[] Scale) Standardisation(Dataset data)
    {
        int f = data.FeatureCount;
        var mean = new double[f];
        var scale = new double[f];
        for (int j = 0; j < f; j++)
        {
            double sum = 0, squares = 0;
            foreach (float v in data.Column(j))
            {
                sum += v;
                squares += (double)v * v;
            }

            mean[j] = sum / Math.Max(data.RowCount, 1);
            scale[j] = Math.Sqrt(Math.Max(0, (squares / Math.Max(data.RowCount, 1)) - (mean[j] * mean[j]))) + 1e-6;
        }

        return (mean, scale);
    }

    /// <summary>TMVA's <c>HiddenLayers</c> syntax: comma-separated sizes, each an integer or <c>N</c>±k with N the number of variables.</summary>
    internal static int[] ParseLayers(string specification, int variables)
    {
        var sizes = new List<int>();
        foreach (string raw in specification.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int value;
            if (raw.StartsWith('N') || raw.StartsWith('n'))
            {
                string rest = raw[1..];
                value = variables + (rest.Length == 0 ? 0 : int.Parse(rest, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
            }
            else if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            {
                throw new TmvaOptionException("MLP", "HiddenLayers", $"expects sizes such as 'N,N-1' or '10,5'; got '{specification}'");
            }

            if (value < 1)
            {
                throw new TmvaOptionException("MLP", "HiddenLayers", $"gives a layer of {value} neurons in '{specification}'");
            }

            sizes.Add(value);
        }

        return [.. sizes];
    }
}
