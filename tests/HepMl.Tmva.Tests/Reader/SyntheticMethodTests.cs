using HepMl.Tmva.Reader;
using HepMl.Tmva.WeightFiles;
using NUnit.Framework;
using static HepMl.Tmva.Tests.SyntheticWeightFile;

namespace HepMl.Tmva.Tests.Reader;

/// <summary>Hand-written weight files exercising paths the shared cases do not reach; expected values are worked
/// out by hand in the comments.</summary>
public class SyntheticMethodTests
{
    private static TmvaBookedMethod Book(string xml) => TmvaReader.Create(TmvaWeightFile.Parse(xml)).Methods.Values.Single();

    private static string FisherNodeForest(bool yesNoLeaf)
    {
        // Root: Fisher node f = 0.25 + 0.5 x0 - 1.0 x1 (offset last), go right when f > 0.1 (cType=1).
        string tree = Node("s", -1, 0.1, 1, 0, children:
            Node("l", -1, 0, 1, -1, purity: 0.25) + Node("r", -1, 0, 1, 1, purity: 0.75), fisher: "0.5 -1.0 0.25");
        string weights = $"<Weights NTrees=\"1\" AnalysisType=\"0\"><BinaryTree type=\"DecisionTree\" boostWeight=\"2\" itree=\"0\">{tree}</BinaryTree></Weights>";
        string options = $"<Option name=\"BoostType\" modified=\"Yes\">AdaBoost</Option><Option name=\"UseYesNoLeaf\" modified=\"Yes\">{(yesNoLeaf ? "True" : "False")}</Option>";
        return Build("BDT::Fisher", weights, ["x0", "x1"], options: options);
    }

    [TestCase(1f, 0.5f, 1.0)]   // f = 0.25 + 0.5 - 0.5 = 0.25 > 0.1 -> right leaf, nType +1
    [TestCase(0f, 0.2f, -1.0)]  // f = 0.25 - 0.2 = 0.05 <= 0.1 -> left leaf, nType -1
    [TestCase(0f, 0.15f, -1.0)] // f = 0.25 - 0.15 = 0.1, not > 0.1 -> left
    public void Bdt_FisherNode_UsesTheLinearCombination(float x0, float x1, double expected)
    {
        Assert.That(Book(FisherNodeForest(yesNoLeaf: true)).Evaluate([x0, x1]), Is.EqualTo(expected));
    }

    [Test]
    public void Bdt_RealAdaBoost_AveragesPurities()
    {
        // One tree of weight 2: (2 * purity) / 2 = purity of the right leaf, 0.75 as a float.
        Assert.That(Book(FisherNodeForest(yesNoLeaf: false)).Evaluate([1f, 0.5f]), Is.EqualTo(0.75));
    }

    [Test]
    public void Bdt_NaNInput_GivesMinus999()
    {
        TmvaBookedMethod method = Book(FisherNodeForest(yesNoLeaf: true));

        Assert.That(method.Evaluate([float.NaN, 0f]), Is.EqualTo(-999));
        var batch = new double[2];
        method.EvaluateBatch([1f, 0.5f, 0f, float.NaN], batch);
        Assert.That(batch, Is.EqualTo(new[] { 1.0, -999 }));
    }

    [Test]
    public void Bdt_GradRegression_AddsTheOffsetAndInvertsTheTargetNormalisation()
    {
        // Tree 0: x0 >= 0.5 ? res 0.25 : res -0.25; tree 1: leaf res 0.05. Offset = boostWeight of tree 0 = 0.1.
        // x0 = 0.7: normalised input 2*0.7-1 = 0.4 >= 0.5? no: cuts apply after the transformation -> the variable
        // range is [0,1], so x0=0.7 -> 0.4 < 0.5 -> -0.25; y = -0.25 + 0.05 + 0.1 = -0.1 (normalised target).
        // Target range [0, 10]: scale = 1/10, x = (y + 1) / (2 * scale) + 0 = 0.9 / 0.2 = 4.5.
        string trees =
            "<BinaryTree type=\"DecisionTree\" boostWeight=\"0.1\" itree=\"0\">"
            + Node("s", 0, 0.5, 1, 0, children: Node("l", -1, 0, 1, -99, res: -0.25) + Node("r", -1, 0, 1, -99, res: 0.25))
            + "</BinaryTree><BinaryTree type=\"DecisionTree\" boostWeight=\"1\" itree=\"1\">"
            + Node("s", -1, 0, 1, -99, res: 0.05) + "</BinaryTree>";
        string normalize =
            "<Transformations NTransformations=\"1\"><Transform Name=\"Normalize\"><Selection>"
            + "<Input NInputs=\"2\"><Input Type=\"Variable\" Label=\"x0\" Expression=\"x0\"/><Input Type=\"Target\" Label=\"y\" Expression=\"y\"/></Input>"
            + "<Output NOutputs=\"2\"><Output Type=\"Variable\" Label=\"x0\" Expression=\"x0\"/><Output Type=\"Target\" Label=\"y\" Expression=\"y\"/></Output>"
            + "</Selection><Class ClassIndex=\"0\"><Ranges><Range Index=\"0\" Min=\"0\" Max=\"1\"/><Range Index=\"1\" Min=\"0\" Max=\"10\"/></Ranges></Class>"
            + "</Transform></Transformations>";
        string xml = Build("BDT::BDTGReg", $"<Weights NTrees=\"2\" AnalysisType=\"1\">{trees}</Weights>", ["x0"],
            analysisType: "Regression", options: "<Option name=\"BoostType\" modified=\"Yes\">Grad</Option>",
            transformations: normalize, targets: ["y"]);
        TmvaBookedMethod method = Book(xml);

        float[] result = method.EvaluateRegression([0.7f]);

        Assert.That(result, Has.Length.EqualTo(1));
        Assert.That(result[0], Is.EqualTo(4.5f).Within(1e-5f));
        // x0 = 0.9 -> 0.8 >= 0.5 -> 0.25 + 0.05 + 0.1 = 0.4 -> 1.4 / 0.2 = 7.
        Assert.That(method.EvaluateRegression([0.9f])[0], Is.EqualTo(7f).Within(1e-5f));
        Assert.That(method.Evaluate([0.9f]), Is.EqualTo(7.0).Within(1e-5), "the batch/EvaluateMva path gives the target too");
    }

    [Test]
    public void Bdt_Multiclass_IsTheSoftmaxOfPerClassSums()
    {
        // Three classes, four trees: tree t belongs to class t mod 3; leaves give res (trees are regression type).
        // Sums: class0 = 1 + 0.5 = 1.5, class1 = 2, class2 = 3.
        // p_k = 1 / (1 + sum_{j!=k} exp(s_j - s_k)).
        string Tree(int i, double res) => $"<BinaryTree type=\"DecisionTree\" boostWeight=\"1\" itree=\"{i}\">{Node("s", -1, 0, 1, -99, res: res)}</BinaryTree>";
        string xml = Build("BDT::Multi", $"<Weights NTrees=\"4\" AnalysisType=\"1\">{Tree(0, 1)}{Tree(1, 2)}{Tree(2, 3)}{Tree(3, 0.5)}</Weights>", ["x0"],
            analysisType: "Multiclass", options: "<Option name=\"BoostType\" modified=\"Yes\">Grad</Option>",
            classes: ["a", "b", "c"]);

        float[] p = Book(xml).EvaluateMulticlass([0.3f]);

        double[] s = [1.5, 2, 3];
        for (int k = 0; k < 3; k++)
        {
            double expected = 1 / (1 + Enumerable.Range(0, 3).Where(j => j != k).Sum(j => Math.Exp(s[j] - s[k])));
            Assert.That(p[k], Is.EqualTo((float)expected), $"class {k}");
        }

        Assert.That(p.Sum(), Is.EqualTo(1f).Within(1e-6f));
    }

    [Test]
    public void Mlp_SqSumAndLinearOutput_FollowTheNeuronInputFunction()
    {
        // 1 input (+bias) -> 1 hidden (+bias) -> 1 output. Weights: input->hidden 2, bias->hidden 1;
        // hidden->output 3, bias->output -1. sqsum: hidden s = (2 x)^2 + (1*1)^2; linear activations; MSE -> linear
        // output: o = (3 h)^2 + (-1)^2. x = 0.5: s = 1 + 1 = 2, h = 2, o = 36 + 1 = 37.
        string weights = "<Weights><Layout NLayers=\"3\">"
            + "<Layer Index=\"0\" NNeurons=\"2\"><Neuron NSynapses=\"1\">2</Neuron><Neuron NSynapses=\"1\">1</Neuron></Layer>"
            + "<Layer Index=\"1\" NNeurons=\"2\"><Neuron NSynapses=\"1\">3</Neuron><Neuron NSynapses=\"1\">-1</Neuron></Layer>"
            + "<Layer Index=\"2\" NNeurons=\"1\"><Neuron NSynapses=\"0\"/></Layer></Layout></Weights>";
        string options = "<Option name=\"NeuronType\" modified=\"Yes\">linear</Option><Option name=\"NeuronInputType\" modified=\"Yes\">sqsum</Option>"
            + "<Option name=\"EstimatorType\" modified=\"Yes\">MSE</Option>";

        double result = Book(Build("MLP::MLPsq", weights, ["x"], options: options)).Evaluate([0.5f]);

        Assert.That(result, Is.EqualTo(37.0));
    }

    [TestCase("radial", 0.5, 0.88249690258459546)] // exp(-0.5^2 / 2) = exp(-0.125)
    [TestCase("ReLU", -0.5, 0.0)]
    [TestCase("sigmoid", 0.0, 0.5)]
    public void Mlp_Activations_MatchTheirDefinitions(string neuronType, double x, double expected)
    {
        // Single hidden neuron with weight 1 from the input and 0 from the bias, output weight 1, linear output.
        string weights = "<Weights><Layout NLayers=\"3\">"
            + "<Layer Index=\"0\" NNeurons=\"2\"><Neuron NSynapses=\"1\">1</Neuron><Neuron NSynapses=\"1\">0</Neuron></Layer>"
            + "<Layer Index=\"1\" NNeurons=\"2\"><Neuron NSynapses=\"1\">1</Neuron><Neuron NSynapses=\"1\">0</Neuron></Layer>"
            + "<Layer Index=\"2\" NNeurons=\"1\"><Neuron NSynapses=\"0\"/></Layer></Layout></Weights>";
        string options = $"<Option name=\"NeuronType\" modified=\"Yes\">{neuronType}</Option><Option name=\"EstimatorType\" modified=\"Yes\">MSE</Option>";

        double result = Book(Build("MLP::MLPact", weights, ["x"], options: options)).Evaluate([(float)x]);

        Assert.That(result, Is.EqualTo(expected).Within(1e-8));
    }

    [Test]
    public void Mlp_ExactTanhBefore421_FastTanhFrom421()
    {
        // The fast tanh saturates at 1 above 4.97 while tanh(4.98) = 0.99990..., so the two versions differ there.
        string weights = "<Weights><Layout NLayers=\"3\">"
            + "<Layer Index=\"0\" NNeurons=\"2\"><Neuron NSynapses=\"1\">1</Neuron><Neuron NSynapses=\"1\">0</Neuron></Layer>"
            + "<Layer Index=\"1\" NNeurons=\"2\"><Neuron NSynapses=\"1\">1</Neuron><Neuron NSynapses=\"1\">0</Neuron></Layer>"
            + "<Layer Index=\"2\" NNeurons=\"1\"><Neuron NSynapses=\"0\"/></Layer></Layout></Weights>";
        string options = "<Option name=\"NeuronType\" modified=\"Yes\">tanh</Option><Option name=\"EstimatorType\" modified=\"Yes\">MSE</Option>";

        double exact = Book(Build("MLP::old", weights, ["x"], options: options, tmvaRelease: "4.1.3 [262403]")).Evaluate([4.98f]);
        double fast = Book(Build("MLP::new", weights, ["x"], options: options)).Evaluate([4.98f]);

        Assert.That(exact, Is.EqualTo(Math.Tanh(4.98f)));
        Assert.That(fast, Is.EqualTo(1.0));
    }

    [Test]
    public void Ld_Regression_AccumulatesInFloat()
    {
        // r = f32(0.1), then f32(r + 3 * x): x = 0.5 -> f32(f32(0.1) + 1.5).
        string weights = "<Weights NOut=\"1\" NCoeff=\"2\"><Coefficient IndexOut=\"0\" IndexCoeff=\"0\" Value=\"0.1\"/>"
            + "<Coefficient IndexOut=\"0\" IndexCoeff=\"1\" Value=\"3\"/></Weights>";
        string xml = Build("LD::LDreg", weights, ["x"], analysisType: "Regression", targets: ["y"]);

        float result = Book(xml).EvaluateRegression([0.5f])[0];

        Assert.That(result, Is.EqualTo((float)(0.1f + 1.5)));
    }
}
