using System.Xml.Linq;
using HepMl.Tmva.Methods.Internal;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Methods;

/// <summary>
/// TMVA boosted decision trees (<c>MethodBDT</c>): AdaBoost, RealAdaBoost, Bagging and Grad forests for
/// classification, multi-class and regression, including Fisher-cut nodes and preselection cuts.
/// </summary>
/// <remarks>
/// Evaluation follows <c>MethodBDT::PrivateGetMvaValue</c>, <c>GetGradBoostMVA</c>, <c>GetMulticlassValues</c> and
/// <c>GetRegressionValues</c>: cuts, purities, responses and boost weights are single precision as TMVA reads them,
/// comparisons are float, and tree values are summed in double in tree order, so results are bit-identical to
/// <c>TMVA::Reader</c>. Batches of trees up to depth 8 without Fisher nodes go through a vectorised evaluator
/// that produces the same bits.
/// </remarks>
public sealed class TmvaBdt : TmvaMethod
{
    /// <summary>C's <c>DBL_EPSILON</c>: TMVA returns 0 when the boost weights sum to no more than this.</summary>
    private const double DoubleEpsilon = 2.220446049250313e-16;

    private readonly CompiledForest _forest;
    private readonly int _classCount;
    private readonly Preselection? _preselection;

    internal TmvaBdt(TmvaWeightFile file)
        : base(file)
    {
        XElement weights = file.WeightsElement;
        string boost = file.Options.GetString("BoostType", "AdaBoost");
        bool yesNo = file.Options.GetBool("UseYesNoLeaf", true);
        BoostType = boost.ToUpperInvariant() switch
        {
            "GRAD" => TmvaBdtBoostType.Grad,
            "ADABOOSTR2" => TmvaBdtBoostType.AdaBoostR2,
            "BAGGING" => TmvaBdtBoostType.Bagging,
            "REALADABOOST" => TmvaBdtBoostType.RealAdaBoost,
            "ADABOOST" or "ADACOST" or "HIGHEDGEGAUSS" or "HIGHEDGECOPARA" => yesNo ? TmvaBdtBoostType.AdaBoost : TmvaBdtBoostType.RealAdaBoost,
            _ => throw TmvaXml.Unsupported(file.Root, $"BDT BoostType '{boost}' is not supported; AdaBoost, RealAdaBoost, Bagging, Grad, AdaBoostR2, AdaCost are"),
        };
        UseYesNoLeaf = BoostType != TmvaBdtBoostType.RealAdaBoost && yesNo;
        UseWeightedTrees = file.Options.GetBool("UseWeightedTrees", true);

        int declaredTrees = TmvaXml.Int(weights, "NTrees");
        TreeAnalysisType = TmvaXml.HasAttribute(weights, "TreeType")
            ? TmvaXml.Int(weights, "TreeType")
            : TmvaXml.Int(weights, "AnalysisType");
        var trees = new List<TmvaTreeNode>();
        var boostWeights = new List<float>();
        foreach (XElement tree in weights.Elements())
        {
            XElement root = tree.Elements("Node").FirstOrDefault()
                ?? throw TmvaXml.Error(tree, "expected a root <Node>; the tree is empty");
            trees.Add(ReadNode(root, file.Variables.Count, 0));
            boostWeights.Add(TmvaXml.Float(tree, "boostWeight"));
        }

        if (trees.Count != declaredTrees)
        {
            throw TmvaXml.Error(weights, $"expected {declaredTrees} trees (NTrees); found {trees.Count}");
        }

        if (trees.Count == 0)
        {
            throw TmvaXml.Error(weights, "expected at least one tree; the forest is empty");
        }

        Trees = trees;
        BoostWeights = boostWeights;
        if (TmvaXml.HasAttribute(weights, "PreselectionLowBkgVar0"))
        {
            _preselection = Preselection.Read(weights, file.Variables.Count);
        }

        _classCount = file.AnalysisType == TmvaAnalysisType.Multiclass ? Math.Max(file.ClassNames.Count, 1) : 1;
        if (file.AnalysisType == TmvaAnalysisType.Regression && file.Targets.Count > 1)
        {
            throw TmvaXml.Unsupported(file.Root, $"BDT regression with {file.Targets.Count} targets is not supported (TMVA evaluates one)");
        }

        // CheckEvent(ev, yesno): regression trees give the response; others nType (yes/no) or purity.
        bool useNodeType = file.AnalysisType == TmvaAnalysisType.Classification
                           && BoostType != TmvaBdtBoostType.Grad && UseYesNoLeaf;
        _forest = CompiledForest.Build(trees, boostWeights, TreeAnalysisType == 1, useNodeType);
    }

    /// <summary>How trees are combined.</summary>
    public TmvaBdtBoostType BoostType { get; }

    /// <summary>True when leaves vote ±1 (<c>UseYesNoLeaf</c>); false when they give their purity.</summary>
    public bool UseYesNoLeaf { get; }

    /// <summary>False for old files trained with <c>UseWeightedTrees=False</c> (plain average of trees).</summary>
    public bool UseWeightedTrees { get; }

    /// <summary>The trees' analysis type in the file (0 classification, 1 regression, 2 multi-class): regression
    /// trees return their leaf response.</summary>
    public int TreeAnalysisType { get; }

    /// <summary>The trees, in file order.</summary>
    public IReadOnlyList<TmvaTreeNode> Trees { get; }

    /// <summary>The boost weight of each tree (single precision, as TMVA reads it).</summary>
    public IReadOnlyList<float> BoostWeights { get; }

    /// <inheritdoc />
    public override int OutputCount => AnalysisType == TmvaAnalysisType.Multiclass ? _classCount : 1;

    /// <summary>True when every tree can be evaluated by the vectorised path.</summary>
    internal bool IsVectorised => _forest.Dense is not null;

    internal CompiledForest Forest => _forest;

    /// <inheritdoc />
    internal override void Evaluate(ReadOnlySpan<float> inputs, double auxiliary, Span<double> outputs)
    {
        switch (AnalysisType)
        {
            case TmvaAnalysisType.Multiclass:
                EvaluateMulticlass(inputs, outputs);
                return;
            case TmvaAnalysisType.Regression:
                outputs[0] = EvaluateRegression(inputs);
                return;
            default:
                outputs[0] = EvaluateClassification(inputs);
                return;
        }
    }

    /// <inheritdoc />
    internal override void EvaluateBatch(ReadOnlySpan<float> inputs, int rows, int stride, double auxiliary, Span<double> outputs)
    {
        if (AnalysisType != TmvaAnalysisType.Classification || _preselection is not null || _forest.Dense is null
            || (BoostType != TmvaBdtBoostType.Grad && !UseWeightedTrees))
        {
            base.EvaluateBatch(inputs, rows, stride, auxiliary, outputs);
            return;
        }

        bool grad = BoostType == TmvaBdtBoostType.Grad;
        _forest.Dense.Accumulate(inputs, rows, stride, weighted: !grad, outputs);
        if (grad)
        {
            for (int i = 0; i < rows; i++)
            {
                outputs[i] = (2.0 / (1.0 + Math.Exp(-2.0 * outputs[i]))) - 1;
            }
        }
        else
        {
            double norm = _forest.WeightSum;
            for (int i = 0; i < rows; i++)
            {
                outputs[i] = norm > DoubleEpsilon ? outputs[i] / norm : 0;
            }
        }
    }

    private double EvaluateClassification(ReadOnlySpan<float> x)
    {
        if (_preselection is not null)
        {
            double preselected = _preselection.Apply(x);
            if (Math.Abs(preselected) > 0.05)
            {
                return preselected;
            }
        }

        if (BoostType == TmvaBdtBoostType.Grad)
        {
            double sum = 0;
            for (int t = 0; t < _forest.TreeCount; t++)
            {
                sum += _forest.Leaf(t, x);
            }

            return (2.0 / (1.0 + Math.Exp(-2.0 * sum))) - 1;
        }

        double mva = 0, norm = 0;
        for (int t = 0; t < _forest.TreeCount; t++)
        {
            double weight = UseWeightedTrees ? _forest.BoostWeight(t) : 1.0;
            mva += weight * _forest.Leaf(t, x);
            norm += weight;
        }

        return norm > DoubleEpsilon ? mva / norm : 0;
    }

    private void EvaluateMulticlass(ReadOnlySpan<float> x, Span<double> outputs)
    {
        int k = _classCount;
        Span<double> sums = k <= 64 ? stackalloc double[k] : new double[k];
        for (int c = 0; c < k; c++)
        {
            double sum = 0;
            for (int t = c; t < _forest.TreeCount; t += k)
            {
                sum += _forest.Leaf(t, x);
            }

            sums[c] = sum;
        }

        for (int c = 0; c < k; c++)
        {
            double norm = 0;
            for (int j = 0; j < k; j++)
            {
                if (j != c)
                {
                    norm += Math.Exp(sums[j] - sums[c]);
                }
            }

            outputs[c] = (float)(1.0 / (1.0 + norm));
        }
    }

    private double EvaluateRegression(ReadOnlySpan<float> x)
    {
        int n = _forest.TreeCount;
        if (BoostType == TmvaBdtBoostType.Grad)
        {
            double sum = 0;
            for (int t = 0; t < n; t++)
            {
                sum += _forest.Leaf(t, x);
            }

            return sum + _forest.BoostWeight(0);
        }

        if (BoostType == TmvaBdtBoostType.AdaBoostR2)
        {
            return WeightedMedian(x);
        }

        double mva = 0, norm = 0;
        for (int t = 0; t < n; t++)
        {
            mva += _forest.BoostWeight(t) * _forest.Leaf(t, x);
            norm += _forest.BoostWeight(t);
        }

        return norm > DoubleEpsilon ? mva / norm : 0;
    }

    /// <summary>MethodBDT::GetRegressionValues for AdaBoostR2: mean of the responses around the weighted median,
    /// with TMVA's integer window <c>[t − N/6 − 1, t + N/6)</c> (t one past the median tree).</summary>
    private double WeightedMedian(ReadOnlySpan<float> x)
    {
        int n = _forest.TreeCount;
        var responses = new double[n];
        var weights = new double[n];
        double total = 0;
        for (int t = 0; t < n; t++)
        {
            responses[t] = _forest.Leaf(t, x);
            weights[t] = _forest.BoostWeight(t);
            total += weights[t];
        }

        Array.Sort(responses, weights);
        int median = 0;
        double sum = 0;
        while (sum <= total / 2.0 && median < n)
        {
            sum += weights[median];
            median++;
        }

        int sixth = n / 6;
        int low = median - sixth >= 1 ? median - sixth - 1 : 0;
        int high = Math.Min(n, median + sixth);
        double value = 0;
        int count = 0;
        for (int i = low; i < high; i++)
        {
            value += responses[i];
            count++;
        }

        return value / count;
    }

    private static TmvaTreeNode ReadNode(XElement node, int variableCount, int depth)
    {
        if (depth > 256)
        {
            throw TmvaXml.Error(node, "expected a tree of depth at most 256; the nesting is deeper");
        }

        float purity;
        if (TmvaXml.HasAttribute(node, "purity"))
        {
            purity = TmvaXml.Float(node, "purity");
        }
        else
        {
            float signal = TmvaXml.Float(node, "nS"), background = TmvaXml.Float(node, "nB");
            purity = signal / (signal + background);
        }

        double[]? fisher = null;
        int coefficients = TmvaXml.Int(node, "NCoef", 0);
        if (coefficients > 0)
        {
            if (coefficients != variableCount + 1)
            {
                throw TmvaXml.Error(node, $"expected NCoef={variableCount + 1} (variables + offset) on a Fisher node; found {coefficients}");
            }

            fisher = new double[coefficients];
            for (int i = 0; i < coefficients; i++)
            {
                fisher[i] = TmvaXml.Double(node, "fC" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        int nodeType = TmvaXml.Int(node, "nType");
        int variable = TmvaXml.Int(node, "IVar");
        TmvaTreeNode? left = null, right = null;
        foreach (XElement child in node.Elements("Node"))
        {
            string pos = TmvaXml.String(child, "pos");
            TmvaTreeNode read = ReadNode(child, variableCount, depth + 1);
            if (pos == "l")
            {
                left = read;
            }
            else if (pos == "r")
            {
                right = read;
            }
            else
            {
                throw TmvaXml.Error(child, $"expected pos 'l' or 'r' for a child node; found '{pos}'");
            }
        }

        if (nodeType == 0)
        {
            if (left is null || right is null)
            {
                throw TmvaXml.Error(node, "expected two children on an internal node (nType=0); found fewer");
            }

            if (fisher is null && (variable < 0 || variable >= variableCount))
            {
                throw TmvaXml.Error(node, $"expected IVar in [0, {variableCount}) on an internal node; found {variable}");
            }
        }

        return new TmvaTreeNode
        {
            Variable = variable,
            Cut = TmvaXml.Float(node, "Cut"),
            CutType = TmvaXml.Bool(node, "cType"),
            NodeType = nodeType,
            Purity = purity,
            Response = TmvaXml.HasAttribute(node, "res") ? TmvaXml.Float(node, "res") : -99f,
            Rms = TmvaXml.HasAttribute(node, "rms") ? TmvaXml.Float(node, "rms") : 0f,
            FisherCoefficients = fisher,
            Left = nodeType == 0 ? left : null,
            Right = nodeType == 0 ? right : null,
        };
    }
}
