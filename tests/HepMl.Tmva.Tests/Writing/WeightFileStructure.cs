using System.Xml.Linq;
using NUnit.Framework;

namespace HepMl.Tmva.Tests.Writing;

/// <summary>
/// Checks a written weight file against what TMVA::Reader reads (spec section 11 and the ReadAttr calls of
/// MethodBase, VariableInfo, the transformations and each method): every element and attribute present, option
/// names declared by the method and values in their predefined lists.
/// </summary>
internal static class WeightFileStructure
{
    private static readonly string[] s_baseOptions = ["V", "VerbosityLevel", "VarTransform", "H", "CreateMVAPdfs", "IgnoreNegWeightsInTraining"];

    private static readonly Dictionary<string, Dictionary<string, string[]?>> s_declared = new()
    {
        ["BDT"] = new()
        {
            ["BoostType"] = ["AdaBoost", "RealAdaBoost", "AdaCost", "Bagging", "AdaBoostR2", "Grad"],
            ["UseYesNoLeaf"] = ["True", "False"],
            ["UseWeightedTrees"] = ["True", "False"],
            ["NTrees"] = null,
            ["MaxDepth"] = null,
        },
        ["MLP"] = new()
        {
            ["NeuronType"] = ["linear", "sigmoid", "tanh", "radial", "ReLU"],
            ["NeuronInputType"] = ["sum", "sqsum", "abssum"],
            ["EstimatorType"] = ["MSE", "CE"],
            ["HiddenLayers"] = null,
        },
        ["Fisher"] = new(),
        ["LD"] = new(),
        ["Likelihood"] = new() { ["TransformOutput"] = ["True", "False"] },
    };

    public static void AssertValid(XDocument document)
    {
        XElement root = document.Root!;
        Assert.That(root.Name.LocalName, Is.EqualTo("MethodSetup"));
        string method = Required(root, "Method");
        string type = method.Split("::")[0];
        Assert.That(s_declared.ContainsKey(type), $"method type {type} is registered in TMVA");
        Assert.That(method, Does.Contain("::"));

        string[] infos = root.Element("GeneralInfo")!.Elements("Info").Select(i => Required(i, "name")).ToArray();
        Assert.That(infos, Is.SupersetOf(new[] { "TMVA Release", "ROOT Release", "AnalysisType" }));
        foreach (XElement info in root.Element("GeneralInfo")!.Elements("Info"))
        {
            Required(info, "value");
        }

        foreach (XElement option in root.Element("Options")!.Elements("Option"))
        {
            string name = Required(option, "name");
            Required(option, "modified");
            bool declared = s_baseOptions.Contains(name) || s_declared[type].ContainsKey(name);
            Assert.That(declared, $"option {name} is declared by {type}");
            if (s_declared[type].TryGetValue(name, out string[]? allowed) && allowed is not null)
            {
                Assert.That(allowed, Does.Contain(option.Value), $"option {name}={option.Value} is in its predefined list");
            }
        }

        int nvar = VariableList(root.Element("Variables")!, "NVar", "Variable", "VarIndex");
        VariableList(root.Element("Spectators")!, "NSpec", "Spectator", "SpecIndex");
        XElement classes = root.Element("Classes")!;
        Assert.That(int.Parse(Required(classes, "NClass")), Is.EqualTo(classes.Elements("Class").Count()));
        foreach (XElement c in classes.Elements("Class"))
        {
            Required(c, "Name");
            Required(c, "Index");
        }

        if (root.Element("GeneralInfo")!.Elements("Info").Single(i => (string)i.Attribute("name")! == "AnalysisType").Attribute("value")!.Value == "Regression")
        {
            VariableList(root.Element("Targets")!, "NTrgt", "Target", "TargetIndex");
        }

        XElement transformations = root.Element("Transformations")!;
        Assert.That(int.Parse(Required(transformations, "NTransformations")), Is.EqualTo(transformations.Elements("Transform").Count()));
        foreach (XElement transform in transformations.Elements("Transform"))
        {
            Required(transform, "Name");
            XElement selection = transform.Element("Selection")!;
            Assert.That(selection, Is.Not.Null, "every transformation has a Selection");
            foreach (XElement entry in selection.Element("Input")!.Elements().Concat(selection.Element("Output")!.Elements()))
            {
                Required(entry, "Type");
                Required(entry, "Label");
                Required(entry, "Expression");
            }
        }

        Assert.That(root.Element("MVAPdfs"), Is.Not.Null);
        XElement weights = root.Element("Weights")!;
        switch (type)
        {
            case "BDT":
                Required(weights, "NTrees");
                Required(weights, "AnalysisType");
                foreach (XElement tree in weights.Elements("BinaryTree"))
                {
                    Required(tree, "boostWeight");
                    foreach (XElement node in tree.Descendants("Node"))
                    {
                        foreach (string a in new[] { "pos", "depth", "NCoef", "IVar", "Cut", "cType", "res", "rms", "purity", "nType" })
                        {
                            Required(node, a);
                        }
                    }
                }

                break;
            case "MLP":
                XElement layout = weights.Element("Layout")!;
                Required(layout, "NLayers");
                foreach (XElement layer in layout.Elements("Layer"))
                {
                    Required(layer, "Index");
                    Required(layer, "NNeurons");
                    foreach (XElement neuron in layer.Elements("Neuron"))
                    {
                        Required(neuron, "NSynapses");
                    }
                }

                break;
            case "Fisher":
                Assert.That(int.Parse(Required(weights, "NCoeff")), Is.EqualTo(nvar + 1));
                foreach (XElement c in weights.Elements("Coefficient"))
                {
                    Required(c, "Index");
                    Required(c, "Value");
                }

                break;
            case "LD":
                Required(weights, "NOut");
                Assert.That(int.Parse(Required(weights, "NCoeff")), Is.EqualTo(nvar + 1), "LD requires NCoeff = NVar + 1");
                foreach (XElement c in weights.Elements("Coefficient"))
                {
                    Required(c, "IndexOut");
                    Required(c, "IndexCoeff");
                    Required(c, "Value");
                }

                break;
            case "Likelihood":
                Required(weights, "NVariables");
                Required(weights, "NClasses");
                foreach (XElement descriptor in weights.Elements("PDFDescriptor"))
                {
                    Required(descriptor, "VarIndex");
                    Required(descriptor, "ClassIndex");
                }

                break;
        }

        foreach (XElement pdf in root.Descendants("PDF"))
        {
            foreach (string a in new[] { "MinNSmooth", "MaxNSmooth", "InterpolMethod", "KDE_type", "KDE_iter", "KDE_border", "KDE_finefactor" })
            {
                Required(pdf, a);
            }

            XElement histogram = pdf.Element("Histogram")!;
            foreach (string a in new[] { "Name", "NBins", "XMin", "XMax", "HasEquidistantBins" })
            {
                Required(histogram, a);
            }
        }
    }

    private static int VariableList(XElement list, string countName, string itemName, string indexName)
    {
        int count = int.Parse(Required(list, countName));
        Assert.That(list.Elements(itemName).Count(), Is.EqualTo(count), $"{countName}");
        foreach (XElement v in list.Elements(itemName))
        {
            foreach (string a in new[] { indexName, "Expression", "Label", "Title", "Unit", "Internal", "Type", "Min", "Max" })
            {
                Required(v, a);
            }
        }

        return count;
    }

    private static string Required(XElement element, string attribute)
    {
        XAttribute? value = element.Attribute(attribute);
        Assert.That(value, Is.Not.Null, $"<{element.Name.LocalName}> has attribute {attribute}");
        return value!.Value;
    }
}
