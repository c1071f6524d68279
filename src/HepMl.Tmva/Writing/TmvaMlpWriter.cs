using System.Globalization;
using System.Xml.Linq;
using HepMl.Tmva.Methods;

namespace HepMl.Tmva.Writing;

/// <summary>
/// Writes an MLP's <c>&lt;Weights&gt;&lt;Layout&gt;</c> (TMVA <c>MethodANNBase::AddWeightsXMLTo</c>): every layer but the
/// output has a bias neuron last; neuron j of layer l lists its weights to the non-bias neurons of layer l + 1.
/// </summary>
public static class TmvaMlpWriter
{
    /// <summary>Builds the <c>Weights</c> element.</summary>
    /// <param name="layerSizes">Neurons per layer, bias neurons included (all layers but the last have one).</param>
    /// <param name="weights">Per layer l (but the last), row-major [neuron of l][non-bias neuron of l + 1].</param>
    /// <exception cref="ArgumentException">The sizes and weights disagree.</exception>
    public static XElement Weights(IReadOnlyList<int> layerSizes, IReadOnlyList<IReadOnlyList<double>> weights)
    {
        ArgumentNullException.ThrowIfNull(layerSizes);
        ArgumentNullException.ThrowIfNull(weights);
        int layers = layerSizes.Count;
        if (layers < 2 || weights.Count != layers - 1)
        {
            throw new ArgumentException($"{layers} layers need {Math.Max(layers - 1, 0)} weight matrices; got {weights.Count}", nameof(weights));
        }

        var layout = new XElement("Layout", new XAttribute("NLayers", layers));
        for (int l = 0; l < layers; l++)
        {
            var layer = new XElement("Layer", new XAttribute("Index", l), new XAttribute("NNeurons", layerSizes[l]));
            if (l == layers - 1)
            {
                for (int j = 0; j < layerSizes[l]; j++)
                {
                    layer.Add(new XElement("Neuron", new XAttribute("NSynapses", 0)));
                }
            }
            else
            {
                int next = l + 1 == layers - 1 ? layerSizes[l + 1] : layerSizes[l + 1] - 1;
                if (weights[l].Count != layerSizes[l] * next)
                {
                    throw new ArgumentException(
                        $"layer {l} has {layerSizes[l]} neurons feeding {next}; its weight matrix holds {weights[l].Count} values", nameof(weights));
                }

                for (int j = 0; j < layerSizes[l]; j++)
                {
                    // TMVA reads synapse weights as Float_t: write each as the float it will become.
                    IEnumerable<double> row = Enumerable.Range(0, next).Select(k => (double)(float)weights[l][(j * next) + k]);
                    layer.Add(new XElement("Neuron", new XAttribute("NSynapses", next), TmvaTransformationWriter.Numbers(row)));
                }
            }

            layout.Add(layer);
        }

        return new XElement("Weights", layout);
    }

    /// <summary>
    /// The options an MLP file needs: <c>NeuronType</c>, <c>NeuronInputType</c>, <c>EstimatorType</c> (CE gives a
    /// sigmoid output neuron, MSE a linear one) and <c>HiddenLayers</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The output activation is neither linear nor sigmoid.</exception>
    public static IReadOnlyList<(string, string)> Options(
        TmvaActivation hidden, TmvaActivation output, TmvaNeuronInput input, IReadOnlyList<int> layerSizes, string varTransform = "None")
    {
        string estimator = output switch
        {
            TmvaActivation.Sigmoid => "CE",
            TmvaActivation.Linear => "MSE",
            _ => throw new ArgumentException($"TMVA's output neuron is linear (MSE) or sigmoid (CE); {output} cannot be written", nameof(output)),
        };
        string hiddenLayers = string.Join(",", layerSizes.Skip(1).Take(layerSizes.Count - 2).Select(n => (n - 1).ToString(CultureInfo.InvariantCulture)));
        return
        [
            ("VarTransform", varTransform),
            ("NeuronType", hidden switch
            {
                TmvaActivation.Linear => "linear",
                TmvaActivation.Sigmoid => "sigmoid",
                TmvaActivation.Tanh or TmvaActivation.FastTanh => "tanh",
                TmvaActivation.Radial => "radial",
                _ => "ReLU",
            }),
            ("NeuronInputType", input switch
            {
                TmvaNeuronInput.Sum => "sum",
                TmvaNeuronInput.SquareSum => "sqsum",
                _ => "abssum",
            }),
            ("EstimatorType", estimator),
            ("HiddenLayers", hiddenLayers),
        ];
    }

    /// <summary>
    /// The TMVA release to write for an MLP: exact tanh needs a release before 4.2.1 (TMVA switches to its fast tanh
    /// for files from 4.2.1 on), every other activation is the same in all releases.
    /// </summary>
    public static string ReleaseFor(TmvaActivation hidden) =>
        hidden == TmvaActivation.Tanh ? "4.2.0 [262656]" : TmvaWeightFileWriter.TmvaRelease;
}
