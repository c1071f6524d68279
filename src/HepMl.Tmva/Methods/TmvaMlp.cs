using System.Globalization;
using System.Xml.Linq;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Methods;

/// <summary>
/// TMVA multilayer perceptron (<c>MethodMLP</c>/<c>MethodANNBase</c>), including MLPBNN files: every layer but the
/// output carries a bias neuron (value 1) as its last neuron; weights are read in single precision and the network
/// is evaluated in double.
/// </summary>
/// <remarks>
/// Hidden neurons use <see cref="Activation"/>; the output neuron is linear for the MSE estimator and a sigmoid for
/// CE. <c>tanh</c> is exact for files older than TMVA 4.2.1 and TMVA's fast approximation (float arithmetic,
/// saturating at ±4.97) from 4.2.1 on, as <c>MethodANNBase::ReadWeightsFromXML</c> selects it. Multi-class output is
/// the softmax of the output neurons; regression outputs go through the inverse target transformation.
/// </remarks>
public sealed class TmvaMlp : TmvaMethod
{
    private readonly double[][] _weights; // per layer l: [(neuron j of l) * next + k]
    private readonly int[] _sizes;        // neurons per layer including the bias neuron (not on the output layer)

    internal TmvaMlp(TmvaWeightFile file)
        : base(file)
    {
        string neuronType = file.Options.GetChoice("NeuronType", "sigmoid", "linear", "sigmoid", "tanh", "radial", "ReLU");
        Activation = neuronType switch
        {
            "linear" => TmvaActivation.Linear,
            "sigmoid" => TmvaActivation.Sigmoid,
            "tanh" => file.TmvaVersionCode < TmvaVersion.Code(4, 2, 1) ? TmvaActivation.Tanh : TmvaActivation.FastTanh,
            "radial" => TmvaActivation.Radial,
            _ => TmvaActivation.ReLU,
        };
        NeuronInput = file.Options.GetChoice("NeuronInputType", "sum", "sum", "sqsum", "abssum") switch
        {
            "sum" => TmvaNeuronInput.Sum,
            "sqsum" => TmvaNeuronInput.SquareSum,
            _ => TmvaNeuronInput.AbsoluteSum,
        };
        string estimator = file.Options.GetChoice("EstimatorType", "MSE", "MSE", "CE", "linear", "sigmoid");
        OutputActivation = estimator is "CE" or "sigmoid" ? TmvaActivation.Sigmoid : TmvaActivation.Linear;

        XElement weights = file.WeightsElement;
        XElement layout = weights.Element("Layout") ?? weights;
        int layerCount = TmvaXml.Int(layout, "NLayers");
        if (layerCount < 2)
        {
            throw TmvaXml.Error(layout, $"expected at least 2 layers (input and output); found {layerCount}");
        }

        XElement[] layers = layout.Elements("Layer").ToArray();
        if (layers.Length != layerCount)
        {
            throw TmvaXml.Error(layout, $"expected {layerCount} <Layer> elements (NLayers); found {layers.Length}");
        }

        _sizes = new int[layerCount];
        foreach (XElement layer in layers)
        {
            int index = TmvaXml.Int(layer, "Index");
            if ((uint)index >= (uint)layerCount)
            {
                throw TmvaXml.Error(layer, $"expected Index in [0, {layerCount}); found {index}");
            }

            _sizes[index] = TmvaXml.Int(layer, "NNeurons");
        }

        if (_sizes[0] != file.Variables.Count + 1)
        {
            throw TmvaXml.Error(layers[0], $"expected {file.Variables.Count + 1} input neurons (variables + bias); found {_sizes[0]}");
        }

        _weights = new double[layerCount - 1][];
        for (int l = 0; l < layerCount - 1; l++)
        {
            if (_sizes[l] < 2)
            {
                throw TmvaXml.Error(layers[l], $"expected at least one neuron besides the bias; found {_sizes[l]} neurons");
            }

            int next = l + 1 == layerCount - 1 ? _sizes[l + 1] : _sizes[l + 1] - 1;
            if (next < 1)
            {
                throw TmvaXml.Error(layers[l + 1], $"expected at least one neuron; found {_sizes[l + 1]}");
            }

            _weights[l] = new double[_sizes[l] * next];
            XElement[] neurons = layers[l].Elements("Neuron").ToArray();
            if (neurons.Length != _sizes[l])
            {
                throw TmvaXml.Error(layers[l], $"expected {_sizes[l]} <Neuron> elements (NNeurons); found {neurons.Length}");
            }

            for (int j = 0; j < neurons.Length; j++)
            {
                int synapses = TmvaXml.Int(neurons[j], "NSynapses");
                if (synapses != next)
                {
                    throw TmvaXml.Error(neurons[j], $"expected NSynapses={next} (neurons of the next layer); found {synapses}");
                }

                float[] values = ReadFloats(neurons[j], synapses);
                for (int k = 0; k < synapses; k++)
                {
                    _weights[l][(j * next) + k] = values[k];
                }
            }
        }

        OutputCount = _sizes[^1];
        if (file.AnalysisType == TmvaAnalysisType.Classification && OutputCount != 1)
        {
            throw TmvaXml.Error(layers[^1], $"expected one output neuron for classification; found {OutputCount}");
        }
    }

    /// <summary>Activation of the hidden neurons.</summary>
    public TmvaActivation Activation { get; }

    /// <summary>Activation of the output neurons (linear for MSE, sigmoid for CE).</summary>
    public TmvaActivation OutputActivation { get; }

    /// <summary>How neurons combine their inputs.</summary>
    public TmvaNeuronInput NeuronInput { get; }

    /// <summary>Neurons per layer, bias neurons included (all layers but the output have one).</summary>
    public IReadOnlyList<int> LayerSizes => _sizes;

    /// <summary>Synapse weights from layer <paramref name="layer"/> to the next, indexed [from neuron][to neuron] row-major.</summary>
    public IReadOnlyList<double> Weights(int layer) => _weights[layer];

    /// <inheritdoc />
    public override int OutputCount { get; }

    /// <inheritdoc />
    internal override void Evaluate(ReadOnlySpan<float> inputs, double auxiliary, Span<double> outputs)
    {
        int widest = _sizes.Max();
        Span<double> current = widest <= 256 ? stackalloc double[widest] : new double[widest];
        Span<double> next = widest <= 256 ? stackalloc double[widest] : new double[widest];
        int n = _sizes[0];
        for (int i = 0; i < n - 1; i++)
        {
            current[i] = inputs[i];
        }

        current[n - 1] = 1.0;
        for (int l = 0; l < _weights.Length; l++)
        {
            bool last = l == _weights.Length - 1;
            int targets = last ? _sizes[l + 1] : _sizes[l + 1] - 1;
            double[] w = _weights[l];
            TmvaActivation activation = last ? OutputActivation : Activation;
            for (int k = 0; k < targets; k++)
            {
                double sum = 0;
                for (int j = 0; j < n; j++)
                {
                    double term = w[(j * targets) + k] * current[j];
                    sum += NeuronInput switch
                    {
                        TmvaNeuronInput.Sum => term,
                        TmvaNeuronInput.SquareSum => term * term,
                        _ => Math.Abs(term),
                    };
                }

                next[k] = Activate(activation, sum);
            }

            if (!last)
            {
                next[targets] = 1.0;
            }

            n = last ? targets : targets + 1;
            Span<double> swap = current;
            current = next;
            next = swap;
        }

        if (AnalysisType == TmvaAnalysisType.Multiclass)
        {
            for (int c = 0; c < OutputCount; c++)
            {
                double norm = 0;
                for (int j = 0; j < OutputCount; j++)
                {
                    if (j != c)
                    {
                        norm += Math.Exp(current[j] - current[c]);
                    }
                }

                outputs[c] = (float)(1.0 / (1.0 + norm));
            }

            return;
        }

        for (int o = 0; o < OutputCount; o++)
        {
            outputs[o] = current[o];
        }
    }

    /// <summary>Evaluates an activation function as TMVA's <c>TActivation*::Eval</c>.</summary>
    public static double Activate(TmvaActivation activation, double x) => activation switch
    {
        TmvaActivation.Linear => x,
        TmvaActivation.Sigmoid => 1.0 / (1.0 + Math.Exp(-x)),
        TmvaActivation.Tanh => Math.Tanh(x),
        TmvaActivation.FastTanh => FastTanh(x),
        TmvaActivation.Radial => Math.Exp(-x * x * 0.5),
        _ => x > 0 ? x : 0,
    };

    /// <summary>TMVA's <c>TActivationTanh::fast_tanh</c>: a rational approximation in float, saturating beyond ±4.97.</summary>
    public static double FastTanh(double x)
    {
        if (x > 4.97)
        {
            return 1;
        }

        if (x < -4.97)
        {
            return -1;
        }

        float x2 = (float)(x * x);
        float a = (float)(x * (135135.0f + (x2 * (17325.0f + (x2 * (378.0f + x2))))));
        float b = 135135.0f + (x2 * (62370.0f + (x2 * (3150.0f + (x2 * 28.0f)))));
        return a / b;
    }

    private static float[] ReadFloats(XElement neuron, int count)
    {
        var values = new float[count];
        string text = neuron.Value;
        int found = 0, i = 0;
        while (found < count)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                throw TmvaXml.Error(neuron, $"expected {count} synapse weights; found {found}");
            }

            // stringstream >> Float_t: the decimal text rounded once to single precision.
            if (!float.TryParse(text.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out values[found]))
            {
                throw TmvaXml.Error(neuron, $"expected a number for synapse weight {found}; found '{text[start..i]}'");
            }

            found++;
        }

        return values;
    }
}
