using HepMl.Analysis.Data;

namespace HepMl.Analysis.Trees.Internal;

/// <summary>
/// One run of <see cref="TmvaBdtTrainer"/>, following TMVA's <c>MethodBDT</c>: <c>InitEventSample</c> (drop weight-0
/// and, on request, negative-weight events; normalise the classes to the requested signal-to-background ratio with
/// a total equal to the number of events), then per tree <c>BuildTree</c>, <c>CleanTree</c> for yes/no leaves and the
/// boost step, stopping when AdaBoost's error reaches one half.
/// </summary>
internal sealed class TmvaBoostSession
{
    private const double GradientHessianFloor = 1e-30;
    private const double MinimumError = 1e-10;

    private readonly Dataset _train;
    private readonly TmvaBdtOptions _options;
    private readonly IProgress<BoostingProgress>? _progress;
    private readonly CancellationToken _cancellation;
    private readonly int _threads;
    private readonly bool[] _signal;
    private readonly int[] _events;
    private readonly double[] _original;
    private readonly double[] _boost;
    private readonly TmvaBoostType _boostType;
    private readonly bool _yesNoLeaf;
    private readonly bool _bagged;
    private readonly TmvaNegativeWeightTreatment _negativeWeights;

    public TmvaBoostSession(Dataset train, TmvaBdtOptions options, IProgress<BoostingProgress>? progress, CancellationToken cancellation)
    {
        _train = train;
        _options = options;
        _progress = progress;
        _cancellation = cancellation;
        _threads = options.ThreadCount > 0 ? options.ThreadCount : Environment.ProcessorCount;
        _boostType = options.BoostType;
        _yesNoLeaf = options.UseYesNoLeaf && _boostType != TmvaBoostType.RealAdaBoost;
        _bagged = options.UseBaggedBoost || _boostType == TmvaBoostType.Bagging;
        _negativeWeights = _boostType == TmvaBoostType.Grad && options.NegWeightTreatment == TmvaNegativeWeightTreatment.InverseBoostNegWeights
            ? TmvaNegativeWeightTreatment.Pray
            : options.NegWeightTreatment;

        int rows = train.RowCount;
        if (rows == 0)
        {
            throw new ArgumentException("the training set has no events", nameof(train));
        }

        if (train.FeatureCount == 0)
        {
            throw new ArgumentException("the training set has no features", nameof(train));
        }

        if (!train.HasLabels)
        {
            throw new ArgumentException("TMVA-style training classifies signal (label 1) against background (label 0); the training set has no labels", nameof(train));
        }

        ReadOnlySpan<int> labels = train.Labels;
        ReadOnlySpan<float> weights = train.Weights;
        _signal = new bool[rows];
        var events = new List<int>(rows);
        for (int i = 0; i < rows; i++)
        {
            if (labels[i] > 1)
            {
                throw new ArgumentException($"event {i} has label {labels[i]}; TMVA-style training needs labels 0 (background) and 1 (signal)", nameof(train));
            }

            _signal[i] = labels[i] == 1;
            float w = weights[i];
            if (w == 0 || (w < 0 && _negativeWeights == TmvaNegativeWeightTreatment.IgnoreNegWeightsInTraining))
            {
                continue;
            }

            events.Add(i);
        }

        for (int f = 0; f < train.FeatureCount; f++)
        {
            ReadOnlySpan<float> column = train.Column(f);
            for (int i = 0; i < rows; i++)
            {
                if (float.IsNaN(column[i]))
                {
                    throw new ArgumentException(
                        $"feature '{train.FeatureNames[f]}' of event {i} is NaN; TMVA-style training has no missing values (use GradientBoostingTrainer)",
                        nameof(train));
                }

                if (float.IsInfinity(column[i]))
                {
                    // The nCuts grid spans the node's minimum to maximum; an infinite end would put every event in one bin.
                    throw new ArgumentException(
                        $"feature '{train.FeatureNames[f]}' of event {i} is {(column[i] > 0 ? "+inf" : "-inf")}; TMVA-style training needs finite values (its cut grid spans each node's range; GradientBoostingTrainer takes infinities)",
                        nameof(train));
                }
            }
        }

        _events = [.. events];
        if (_events.Length == 0)
        {
            throw new ArgumentException("no training events are left after dropping zero and ignored negative weights", nameof(train));
        }

        bool anySignal = false, anyBackground = false;
        foreach (int e in _events)
        {
            anySignal |= _signal[e];
            anyBackground |= !_signal[e];
        }

        if (!anySignal || !anyBackground)
        {
            throw new ArgumentException(
                $"the training events hold only {(anySignal ? "signal" : "background")}; classification needs both classes", nameof(train));
        }

        _original = new double[rows];
        _boost = new double[rows];
        foreach (int e in _events)
        {
            _original[e] = weights[e];
            _boost[e] = 1;
        }

        Normalise();
    }

    public BoostedDecisionTrees Run()
    {
        var builder = new TmvaTreeBuilder(_train, _signal, _options, _threads);
        int[] sample = _bagged ? BaggedSample(0) : [.. _events];
        var weights = new double[_train.RowCount];
        double[]? targets = null, margins = null;
        if (_boostType == TmvaBoostType.Grad)
        {
            targets = new double[_train.RowCount];
            margins = new double[_train.RowCount];
            foreach (int e in _events)
            {
                targets[e] = (_signal[e] ? 1 : 0) - 0.5;
            }
        }

        int nCuts = _boostType == TmvaBoostType.Grad && _options.NCuts <= 0 ? 200 : _options.NCuts;
        var trees = new List<DecisionTree>();
        var errors = new List<double>();
        for (int t = 0; t < _options.NTrees; t++)
        {
            _cancellation.ThrowIfCancellationRequested();
            CurrentWeights(weights);
            if (!_bagged)
            {
                // TMVA grows every tree on its event list in the original order; our partition reorders the copy.
                _events.CopyTo(sample, 0);
            }

            List<TmvaNode> nodes = builder.Build(sample, weights, targets, nCuts, _options.MinNodeSize,
                SplitMix64.Derive((ulong)(uint)_options.Seed, (ulong)t + 1));
            if (_yesNoLeaf && _boostType != TmvaBoostType.Grad)
            {
                nodes = CleanTree(nodes);
            }

            double boostWeight;
            switch (_boostType)
            {
                case TmvaBoostType.Grad:
                    GradBoost(nodes, sample, weights, targets!, margins!);
                    boostWeight = 1;
                    break;
                case TmvaBoostType.Bagging:
                    boostWeight = 1;
                    break;
                default:
                    (boostWeight, double error) = AdaBoost(nodes, sample, weights);
                    errors.Add(error);
                    break;
            }

            trees.Add(ToDecisionTree(nodes, Math.Max(boostWeight, 0)));
            _progress?.Report(new BoostingProgress(t + 1, _options.NTrees, null));
            if (_bagged)
            {
                sample = BaggedSample(t + 1);
            }

            if (!(boostWeight > 0))
            {
                break;
            }
        }

        ForestOutput output = _boostType == TmvaBoostType.Grad ? ForestOutput.TmvaGradient
            : _yesNoLeaf ? ForestOutput.WeightedNodeTypeAverage : ForestOutput.WeightedPurityAverage;
        var history = new TrainingHistory(string.Empty, [], trees.Count, trees.Count < _options.NTrees, errors);
        return new BoostedDecisionTrees(_train.FeatureNames, LearningTask.BinaryClassification, 2, output, trees, null, history);
    }

    /// <summary>TMVA <c>InitEventSample</c>: signal weights sum to N·f/(1+f), background to N/(1+f).</summary>
    private void Normalise()
    {
        if (_options.SkipNormalization)
        {
            return;
        }

        double signal = 0, background = 0;
        foreach (int e in _events)
        {
            if (_signal[e])
            {
                signal += _original[e];
            }
            else
            {
                background += _original[e];
            }
        }

        if (signal == 0 || background == 0)
        {
            return;
        }

        double n = _events.Length, f = _options.SigToBkgFraction;
        double signalFactor = n / ((1 + f) * signal) * f;
        double backgroundFactor = n / ((1 + f) * background);
        foreach (int e in _events)
        {
            _boost[e] = _signal[e] ? signalFactor : backgroundFactor;
        }
    }

    private void CurrentWeights(double[] weights)
    {
        foreach (int e in _events)
        {
            weights[e] = _original[e] * _boost[e];
        }
    }

    /// <summary>TMVA <c>GetBaggedSubSample</c>: every event repeated Poisson(BaggedSampleFraction) times.</summary>
    private int[] BaggedSample(int treeIndex)
    {
        var random = new SplitMix64(SplitMix64.Derive((ulong)(uint)_options.Seed ^ 0xBA66EDUL, (ulong)treeIndex));
        var sample = new List<int>((int)(_events.Length * _options.BaggedSampleFraction) + 16);
        double limit = Math.Exp(-_options.BaggedSampleFraction);
        foreach (int e in _events)
        {
            double product = random.NextDouble();
            while (product > limit)
            {
                sample.Add(e);
                product *= random.NextDouble();
            }
        }

        if (sample.Count == 0)
        {
            sample.Add(_events[0]);
        }

        return [.. sample];
    }

    /// <summary>TMVA <c>MethodBDT::AdaBoost</c> (yes/no leaves) and its purity form (RealAdaBoost). Returns the
    /// tree's boost weight (&lt;= 0 stops boosting) and the error fraction.</summary>
    private (double BoostWeight, double Error) AdaBoost(List<TmvaNode> nodes, int[] sample, double[] weights)
    {
        int[] leafOf = LeavesOfSample(nodes, sample.Length);
        double sumWeights = 0, sumFalse = 0;
        for (int j = 0; j < sample.Length; j++)
        {
            int e = sample[j];
            double w = weights[e];
            sumWeights += w;
            TmvaNode leaf = nodes[leafOf[j]];
            if (_yesNoLeaf)
            {
                bool signalType = (int)leaf.NodeType > _options.NodePurityLimit;
                if (signalType != _signal[e])
                {
                    sumFalse += w;
                }
            }
            else
            {
                sumFalse += w * (_signal[e] ? 1 : -1) * ((leaf.Purity - 0.5) * 2);
            }
        }

        if (!(sumWeights > 0))
        {
            return (0, double.NaN);
        }

        double error = sumFalse / sumWeights;
        if (error >= 0.5 && _yesNoLeaf)
        {
            // TMVA stops boosting here; a single-node tree gets weight ln(1) = 0, any other tree weight -1.
            return (nodes.Count == 1 ? 0 : -1, error);
        }

        if (error < 0)
        {
            error = Math.Abs(error);
        }

        // An error of exactly 0 (yes/no) or 1 (purity form) would give an infinite weight, TMVA's too: keep it finite.
        double boostWeight = _yesNoLeaf
            ? Math.Log((1 - Math.Max(error, MinimumError)) / Math.Max(error, MinimumError)) * _options.AdaBoostBeta
            : Math.Log((1 + Math.Min(error, 1 - MinimumError)) / (1 - Math.Min(error, 1 - MinimumError))) * _options.AdaBoostBeta;

        double newSum = 0;
        for (int j = 0; j < sample.Length; j++)
        {
            int e = sample[j];
            TmvaNode leaf = nodes[leafOf[j]];
            double factor;
            if (_yesNoLeaf)
            {
                bool signalType = (int)leaf.NodeType > _options.NodePurityLimit;
                factor = signalType != _signal[e] ? Math.Exp(boostWeight) : 1;
            }
            else
            {
                factor = Math.Exp(-boostWeight * (_signal[e] ? 1 : -1) * ((leaf.Purity - 0.5) * 2));
            }

            if (factor != 1)
            {
                bool inverse = _original[e] * _boost[e] <= 0 && _negativeWeights == TmvaNegativeWeightTreatment.InverseBoostNegWeights;
                _boost[e] = inverse ? _boost[e] / factor : _boost[e] * factor;
            }

            newSum += _original[e] * _boost[e];
        }

        double norm = sample.Length / newSum;
        foreach (int e in sample)
        {
            _boost[e] *= _signal[e] ? norm * _options.SigToBkgFraction : norm;
        }

        return (boostWeight, error);
    }

    /// <summary>TMVA <c>MethodBDT::GradBoost</c> for two classes: leaf response Shrinkage/2 · Σ r w / Σ |r|(1-|r|) w²
    /// over the tree's sample, then <c>UpdateTargets</c> over every event.</summary>
    private void GradBoost(List<TmvaNode> nodes, int[] sample, double[] weights, double[] targets, double[] margins)
    {
        var numerator = new double[nodes.Count];
        var denominator = new double[nodes.Count];
        int[] leafOf = LeavesOfSample(nodes, sample.Length);
        for (int j = 0; j < sample.Length; j++)
        {
            int e = sample[j];
            int leaf = leafOf[j];
            double r = targets[e], w = weights[e];
            numerator[leaf] += r * w;
            denominator[leaf] += Math.Abs(r) * (1 - Math.Abs(r)) * w * w;
        }

        for (int id = 0; id < nodes.Count; id++)
        {
            if (nodes[id].IsLeaf)
            {
                double d = denominator[id] < GradientHessianFloor ? GradientHessianFloor : denominator[id];
                nodes[id].Response = (float)(_options.Shrinkage / 2 * numerator[id] / d);
            }
        }

        bool sampleIsEveryEvent = !_bagged;
        for (int j = 0; j < _events.Length; j++)
        {
            int e = sampleIsEveryEvent ? sample[j] : _events[j];
            margins[e] += nodes[sampleIsEveryEvent ? leafOf[j] : LeafOf(nodes, e)].Response;
            double p = 1.0 / (1.0 + Math.Exp(-2.0 * margins[e]));
            targets[e] = (_signal[e] ? 1 : 0) - p;
        }
    }

    /// <summary>The leaf of every position of the (partitioned) sample, from the leaves' ranges.</summary>
    private static int[] LeavesOfSample(List<TmvaNode> nodes, int length)
    {
        var leafOf = new int[length];
        for (int id = 0; id < nodes.Count; id++)
        {
            TmvaNode node = nodes[id];
            if (node.IsLeaf)
            {
                Array.Fill(leafOf, id, node.Start, node.EventCount);
            }
        }

        return leafOf;
    }

    private int LeafOf(List<TmvaNode> nodes, int e)
    {
        int id = 0;
        while (!nodes[id].IsLeaf)
        {
            TmvaNode node = nodes[id];
            id = (_train.Column(node.Feature)[e] >= node.Cut) == node.CutType ? node.Right : node.Left;
        }

        return id;
    }

    /// <summary>TMVA <c>CleanTree</c>: merge every split whose two leaves have the same type, bottom up.</summary>
    private List<TmvaNode> CleanTree(List<TmvaNode> nodes)
    {
        for (int id = nodes.Count - 1; id >= 0; id--)
        {
            TmvaNode node = nodes[id];
            if (node.IsLeaf)
            {
                continue;
            }

            TmvaNode left = nodes[node.Left], right = nodes[node.Right];
            if (left.IsLeaf && right.IsLeaf && (int)left.NodeType * (int)right.NodeType > 0)
            {
                node.Left = node.Right = node.Feature = -1;
                node.SeparationGain = 0;
                node.NodeType = node.Purity > _options.NodePurityLimit ? NodeType.Signal : NodeType.Background;
            }
        }

        // Keep the nodes still reachable, in pre-order (children after parents).
        var kept = new List<TmvaNode>();
        var stack = new Stack<TmvaNode>();
        stack.Push(nodes[0]);
        var newIndex = new Dictionary<TmvaNode, int>();
        while (stack.Count > 0)
        {
            TmvaNode node = stack.Pop();
            newIndex[node] = kept.Count;
            kept.Add(node);
            if (!node.IsLeaf)
            {
                stack.Push(nodes[node.Left]);
                stack.Push(nodes[node.Right]);
            }
        }

        var oldChildren = kept.Select(n => (n.Left, n.Right)).ToArray();
        for (int i = 0; i < kept.Count; i++)
        {
            if (!kept[i].IsLeaf)
            {
                kept[i].Left = newIndex[nodes[oldChildren[i].Left]];
                kept[i].Right = newIndex[nodes[oldChildren[i].Right]];
            }
        }

        return kept;
    }

    private static DecisionTree ToDecisionTree(List<TmvaNode> nodes, double boostWeight)
    {
        var result = new DecisionTreeNode[nodes.Count];
        for (int i = 0; i < nodes.Count; i++)
        {
            TmvaNode n = nodes[i];
            result[i] = new DecisionTreeNode
            {
                Left = n.Left,
                Right = n.Right,
                Feature = n.Feature,
                Threshold = n.IsLeaf ? 0f : n.Cut,
                CutType = n.CutType,
                MissingGoesRight = !n.IsLeaf && !n.CutType,
                Response = n.Response,
                Purity = n.Purity,
                NodeType = n.IsLeaf ? n.NodeType : NodeType.Internal,
                Rms = (float)n.Rms,
                Gain = n.IsLeaf ? 0 : n.SeparationGain,
                SumWeight = n.SignalWeight + n.BackgroundWeight,
                EventCount = n.EventCount,
                Depth = n.Depth,
            };
        }

        return new DecisionTree(result, boostWeight);
    }
}
