using System.Numerics;
using HepMl.Analysis.Data;
using HepMl.Analysis.Metrics;

namespace HepMl.Analysis.Trees.Internal;

/// <summary>One run of <see cref="GradientBoostingTrainer"/>: checks the data, quantises it, then boosts round by round.</summary>
internal sealed class GradientBoostingSession
{
    private const int GradientChunk = 1 << 14;
    private const double SafeguardHessian = 1e-10;

    private readonly Dataset _train;
    private readonly GradientBoostingOptions _options;
    private readonly Dataset? _validation;
    private readonly IProgress<BoostingProgress>? _progress;
    private readonly CancellationToken _cancellation;
    private readonly int _threads;
    private readonly ParallelOptions _parallel;
    private readonly int _rows;
    private readonly int _outputs;
    private readonly int _classCount;
    private readonly LearningTask _task;
    private readonly int[]? _labels;
    private readonly float[]? _targets;
    private readonly float[] _weights;
    private readonly int[] _eligible;

    // Per event: (effective weight, weight if the label is 1 else 0), read together when a tree's leaves are summed.
    private readonly GradientPair[] _weightAndSignal = [];
    private readonly float[]? _labelValues;

    // Per event: the index of its leaf in the tree being finished (all bits set outside the tree's sample); one byte
    // per event while trees have fewer than 255 leaves.
    private byte[]? _smallLeafOf;
    private int[]? _largeLeafOf;

    private GrowerSettings _growerSettings = new();

    public GradientBoostingSession(
        Dataset train, GradientBoostingOptions options, Dataset? validation, IProgress<BoostingProgress>? progress, CancellationToken cancellation)
    {
        _train = train;
        _options = options;
        _validation = validation;
        _progress = progress;
        _cancellation = cancellation;
        _threads = options.ThreadCount > 0 ? options.ThreadCount : Environment.ProcessorCount;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = _threads, CancellationToken = cancellation };
        _rows = train.RowCount;
        if (_rows == 0)
        {
            throw new ArgumentException("the training set has no events", nameof(train));
        }

        if (train.FeatureCount == 0)
        {
            throw new ArgumentException("the training set has no features", nameof(train));
        }

        if (_rows > GradientQuantizer.MaxEvents)
        {
            throw new ArgumentException(
                $"{_rows} events are more than the {GradientQuantizer.MaxEvents} one training set can hold (the integer gradient histograms would overflow)", nameof(train));
        }

        if ((long)_rows * train.FeatureCount > int.MaxValue)
        {
            throw new ArgumentException(
                $"{_rows} events x {train.FeatureCount} features exceed the 2^31 quantised values one training set can hold", nameof(train));
        }

        (_task, _classCount, _outputs) = options.Objective switch
        {
            BoostingObjective.BinaryLogistic => (LearningTask.BinaryClassification, 2, 1),
            BoostingObjective.MulticlassSoftmax => (LearningTask.MulticlassClassification, train.HasLabels ? train.ClassCount : 0, train.HasLabels ? train.ClassCount : 0),
            _ => (LearningTask.Regression, 0, 1),
        };
        if (_task == LearningTask.Regression)
        {
            if (!train.HasTargets)
            {
                throw new ArgumentException($"the {options.Objective} objective needs regression targets; the training set has none", nameof(train));
            }

            _targets = train.Targets.ToArray();
        }
        else
        {
            if (!train.HasLabels)
            {
                throw new ArgumentException($"the {options.Objective} objective needs class labels; the training set has none", nameof(train));
            }

            _labels = train.Labels.ToArray();
        }

        (_weights, _eligible) = EffectiveWeights(train.Weights, options.NegativeWeightPolicy);
        if (_labels is not null)
        {
            _labelValues = Array.ConvertAll(_labels, label => (float)label);
            _weightAndSignal = new GradientPair[_rows];
            for (int i = 0; i < _rows; i++)
            {
                _weightAndSignal[i] = new GradientPair(_weights[i], _labels[i] == 1 ? _weights[i] : 0f);
            }
        }

        CheckTrainingSet();
        if (options.EarlyStoppingRounds > 0 && validation is null)
        {
            throw new ArgumentException("EarlyStoppingRounds needs a validation set", nameof(validation));
        }
    }

    public BoostedDecisionTrees Run()
    {
        var sketchWeights = new float[_rows];
        for (int i = 0; i < _rows; i++)
        {
            sketchWeights[i] = Math.Abs(_weights[i]);
        }

        QuantizedFeatures quantized = QuantizedFeatures.Build(
            _train, sketchWeights, _options.MaxBins, _options.QuantileSampleSize, _options.Seed, _threads);
        int minSamples = Math.Max(_options.MinSamplesPerLeaf, (int)Math.Ceiling(_options.MinSamplesPerLeafPercent / 100.0 * _eligible.Length));
        _growerSettings = new GrowerSettings
        {
            MaxDepth = _options.MaxDepth,
            MaxLeaves = _options.MaxLeaves,
            MinChildHessian = Math.Max(_options.MinChildWeight, SafeguardHessian),
            MinSamplesLeaf = minSamples,
            L1 = _options.L1Regularization,
            L2 = _options.L2Regularization,
            MinSplitGain = _options.MinSplitGain,
            LearningRate = _options.LearningRate,
            ColumnSampleByNode = _options.ColumnSubsamplePerNode,
            Policy = _options.GrowthPolicy,
        };
        var grower = new HistogramTreeGrower(quantized, _growerSettings, _threads);

        double[] baseMargins = Objectives.BaseMargins(
            _options.Objective, _options.BaseScore, _outputs, _labels, _targets, _weights, _eligible);
        var margins = new float[_outputs * _rows];
        for (int k = 0; k < _outputs; k++)
        {
            margins.AsSpan(k * _rows, _rows).Fill((float)baseMargins[k]);
        }

        var gradients = new GradientPair[_outputs][];
        for (int k = 0; k < _outputs; k++)
        {
            gradients[k] = new GradientPair[_rows];
        }

        ValidationState? validation = _validation is null ? null : new ValidationState(this, _validation, baseMargins);
        var trees = new List<DecisionTree>();
        var metrics = new List<double>();
        int bestRound = _options.NumberOfTrees;
        double bestMetric = double.NaN;
        bool stoppedEarly = false;
        bool higherIsBetter = _options.EarlyStoppingMetric == EarlyStoppingMetric.AreaUnderRocCurve;
        byte[]? sampled = _options.RowSubsample < 1 ? new byte[_rows] : null;

        for (int round = 0; round < _options.NumberOfTrees; round++)
        {
            _cancellation.ThrowIfCancellationRequested();
            ComputeGradients(margins, gradients);
            for (int k = 0; k < _outputs; k++)
            {
                ulong treeSeed = SplitMix64.Derive((ulong)(uint)_options.Seed, (ulong)((round * _outputs) + k + 1));
                int sampleCount = SampleRows(grower.Rows, sampled, treeSeed);
                int[]? treeFeatures = SampleFeatures(quantized.FeatureCount, treeSeed);
                List<GrowNode> nodes = grower.Grow(gradients[k], sampleCount, treeFeatures, treeSeed);
                if (_options.Objective == BoostingObjective.AbsoluteError)
                {
                    RefitLeavesToMedian(nodes, grower.Rows, margins);
                }

                DecisionTree tree = FinishTree(
                    nodes, grower.Rows, sampleCount, gradients[k], _options.Objective == BoostingObjective.AbsoluteError,
                    quantized, k, margins, k * _rows, sampled);
                validation?.Add(tree, k);
                trees.Add(tree);
            }

            double? metric = null;
            if (validation is not null)
            {
                metric = validation.Metric();
                metrics.Add(metric.Value);
                bool improved = double.IsNaN(bestMetric) || (higherIsBetter ? metric.Value > bestMetric : metric.Value < bestMetric);
                if (improved)
                {
                    bestMetric = metric.Value;
                    bestRound = round + 1;
                }
                else if (_options.EarlyStoppingRounds > 0 && round + 1 - bestRound >= _options.EarlyStoppingRounds)
                {
                    stoppedEarly = true;
                    _progress?.Report(new BoostingProgress(round + 1, _options.NumberOfTrees, metric));
                    break;
                }
            }

            _progress?.Report(new BoostingProgress(round + 1, _options.NumberOfTrees, metric));
        }

        int keptRounds = _options.EarlyStoppingRounds > 0 ? bestRound : trees.Count / _outputs;
        if (keptRounds * _outputs < trees.Count)
        {
            trees.RemoveRange(keptRounds * _outputs, trees.Count - (keptRounds * _outputs));
        }

        string metricName = validation is null ? string.Empty
            : higherIsBetter ? "auc" : Objectives.LossName(_options.Objective);
        var history = new TrainingHistory(metricName, metrics, keptRounds, stoppedEarly);
        ForestOutput output = _task switch
        {
            LearningTask.BinaryClassification => ForestOutput.Logistic,
            LearningTask.MulticlassClassification => ForestOutput.Softmax,
            _ => ForestOutput.Sum,
        };
        return new BoostedDecisionTrees(_train.FeatureNames, _task, _classCount, output, trees, baseMargins, history);
    }

    private static (float[] Weights, int[] Eligible) EffectiveWeights(ReadOnlySpan<float> weights, NegativeWeightPolicy policy)
    {
        var effective = new float[weights.Length];
        var eligible = new List<int>(weights.Length);
        for (int i = 0; i < weights.Length; i++)
        {
            float w = weights[i];
            switch (policy)
            {
                case NegativeWeightPolicy.IgnoreInTraining when w < 0:
                    continue;
                case NegativeWeightPolicy.AbsoluteValue:
                    w = Math.Abs(w);
                    break;
            }

            effective[i] = w;
            eligible.Add(i);
        }

        return (effective, [.. eligible]);
    }

    private void CheckTrainingSet()
    {
        if (_eligible.Length == 0)
        {
            throw new ArgumentException("no training events are left after the negative-weight policy", nameof(_train));
        }

        double total = 0;
        bool negative = false;
        foreach (int i in _eligible)
        {
            total += _weights[i];
            negative |= _weights[i] < 0;
        }

        if (!(total > 0))
        {
            throw new ArgumentException(
                $"the training events have a total weight of {total}; boosting needs a positive total (policy {_options.NegativeWeightPolicy})",
                "train");
        }

        if (negative && _options.Objective == BoostingObjective.AbsoluteError)
        {
            throw new ArgumentException(
                "the AbsoluteError objective cannot keep negative weights (a weighted median needs non-negative weights); " +
                "use NegativeWeightPolicy.IgnoreInTraining or AbsoluteValue", "train");
        }

        if (_labels is null)
        {
            return;
        }

        int classes = _task == LearningTask.BinaryClassification ? 2 : _classCount;
        if (classes < 2)
        {
            throw new ArgumentException($"multi-class boosting needs at least 2 classes; the labels have {classes}", "train");
        }

        var present = new bool[classes];
        foreach (int i in _eligible)
        {
            int label = _labels[i];
            if (label >= classes)
            {
                throw new ArgumentException(
                    $"event {i} has label {label}; the {_options.Objective} objective needs labels 0..{classes - 1}", "train");
            }

            present[label] = true;
        }

        if (present.Count(p => p) < 2)
        {
            throw new ArgumentException(
                $"the training events hold a single class (label {_labels[_eligible[0]]}); classification needs at least two", "train");
        }
    }

    private void ComputeGradients(float[] margins, GradientPair[][] gradients)
    {
        int chunks = (_rows + GradientChunk - 1) / GradientChunk;
        Parallel.For(0, chunks, _parallel, chunk =>
        {
            int start = chunk * GradientChunk;
            int count = Math.Min(GradientChunk, _rows - start);
            Objectives.Gradients(_options.Objective, margins, _rows, _outputs, _labels, _labelValues, _targets, _weights,
                _options.HuberDelta, gradients, start, count);
        });
    }

    /// <summary>Writes the tree's events into <paramref name="rows"/>; all eligible events, or a Bernoulli sample.</summary>
    private int SampleRows(int[] rows, byte[]? sampled, ulong seed)
    {
        if (sampled is null)
        {
            _eligible.CopyTo(rows, 0);
            return _eligible.Length;
        }

        Array.Clear(sampled);
        var random = new SplitMix64(seed);
        int count = 0;
        foreach (int i in _eligible)
        {
            if (random.NextDouble() < _options.RowSubsample)
            {
                rows[count++] = i;
                sampled[i] = 1;
            }
        }

        if (count == 0)
        {
            rows[0] = _eligible[0];
            sampled[_eligible[0]] = 1;
            count = 1;
        }

        return count;
    }

    private int[]? SampleFeatures(int featureCount, ulong seed)
    {
        if (_options.ColumnSubsamplePerTree >= 1)
        {
            return null;
        }

        int take = Math.Max(1, (int)Math.Ceiling(_options.ColumnSubsamplePerTree * featureCount));
        var random = new SplitMix64(seed ^ 0x5851F42D4C957F2DUL);
        int[] all = Enumerable.Range(0, featureCount).ToArray();
        for (int i = 0; i < take; i++)
        {
            int j = i + (int)random.NextBelow((ulong)(featureCount - i));
            (all[i], all[j]) = (all[j], all[i]);
        }

        int[] chosen = all[..take];
        Array.Sort(chosen);
        return chosen;
    }

    private void RefitLeavesToMedian(List<GrowNode> nodes, int[] rows, float[] margins)
    {
        foreach (GrowNode node in nodes)
        {
            if (!node.IsLeaf || node.Count == 0)
            {
                continue;
            }

            var residuals = new float[node.Count];
            var weights = new float[node.Count];
            for (int j = 0; j < node.Count; j++)
            {
                int i = rows[node.Start + j];
                residuals[j] = _targets![i] - margins[i];
                weights[j] = Math.Abs(_weights[i]);
            }

            node.LeafValue = (float)(Objectives.WeightedMedian(residuals, weights, node.Count) * _options.LearningRate);
        }
    }

    /// <summary>Adds the tree to the margins of the eligible events left out of its sample, by walking it on the bins.</summary>
    private void AddToUnsampledMargins(List<GrowNode> nodes, float[] margins, int offset, byte[] sampled, QuantizedFeatures quantized)
    {
        byte[] bins = quantized.Bins;
        int featureCount = quantized.FeatureCount;
        foreach (int i in _eligible)
        {
            if (sampled[i] != 0)
            {
                continue;
            }

            GrowNode node = nodes[0];
            while (!node.IsLeaf)
            {
                int bin = bins[((long)i * featureCount) + node.Split.Feature];
                bool left = bin == QuantizedFeatures.MissingBin ? node.Split.MissingLeft : bin <= node.Split.Bin;
                node = nodes[left ? node.Left : node.Right];
            }

            margins[offset + i] += node.LeafValue;
        }
    }

    /// <summary>Sums each leaf's exact gradients, hessians, weights, signal weights and targets, sets the leaf values
    /// from the exact sums (the split search saw quantised ones), adds them to the margins of the leaves' events,
    /// then converts the nodes.</summary>
    /// <remarks>A leaf's events are scattered over the event range, so each event's leaf is written first (one byte
    /// per event while the tree has fewer than 255 leaves); both passes then walk the events in order, one contiguous
    /// range per thread, and the ranges' sums are added up in range order.</remarks>
    private unsafe DecisionTree FinishTree(
        List<GrowNode> nodes, int[] rows, int rowCount, GradientPair[] gradients, bool keepLeafValues,
        QuantizedFeatures quantized, int classIndex, float[] margins, int offset, byte[]? sampled)
    {
        int n = nodes.Count;
        var leafNodes = new List<int>();
        for (int id = 0; id < n; id++)
        {
            if (nodes[id].IsLeaf)
            {
                leafNodes.Add(id);
            }
        }

        int leaves = leafNodes.Count;
        bool small = leaves < byte.MaxValue;
        double[][] partSums = small
            ? SumLeaves(_smallLeafOf ??= new byte[_rows], nodes, leafNodes, rows, rowCount, gradients)
            : SumLeaves(_largeLeafOf ??= new int[_rows], nodes, leafNodes, rows, rowCount, gradients);
        int sums = LeafSumCount;

        var sumWeight = new double[n];
        var signalWeight = new double[n];
        var targetSum = new double[n];
        var targetSquares = new double[n];
        var values = new float[leaves];
        for (int leaf = 0; leaf < leaves; leaf++)
        {
            int id = leafNodes[leaf];
            GrowNode node = nodes[id];
            double g = 0, h = 0;
            foreach (double[] acc in partSums)
            {
                g += acc[sums * leaf];
                h += acc[(sums * leaf) + 1];
                sumWeight[id] += acc[(sums * leaf) + 2];
                if (_labels is not null)
                {
                    signalWeight[id] += acc[(sums * leaf) + 3];
                }
                else
                {
                    targetSum[id] += acc[(sums * leaf) + 3];
                    targetSquares[id] += acc[(sums * leaf) + 4];
                }
            }

            node.Gradient = g;
            node.Hessian = h;
            if (!keepLeafValues)
            {
                node.LeafValue = _growerSettings.LeafValue(g, h);
            }

            values[leaf] = node.LeafValue;
        }

        if (small)
        {
            AddLeafValues(_smallLeafOf!, values, margins, offset);
        }
        else
        {
            AddLeafValues(_largeLeafOf!, values, margins, offset);
        }

        if (sampled is not null)
        {
            AddToUnsampledMargins(nodes, margins, offset, sampled, quantized);
        }

        // Children come after parents: accumulate the leaves' sums upwards in reverse order.
        for (int id = n - 1; id >= 0; id--)
        {
            GrowNode node = nodes[id];
            if (!node.IsLeaf)
            {
                node.Gradient = nodes[node.Left].Gradient + nodes[node.Right].Gradient;
                node.Hessian = nodes[node.Left].Hessian + nodes[node.Right].Hessian;
                sumWeight[id] = sumWeight[node.Left] + sumWeight[node.Right];
                signalWeight[id] = signalWeight[node.Left] + signalWeight[node.Right];
                targetSum[id] = targetSum[node.Left] + targetSum[node.Right];
                targetSquares[id] = targetSquares[node.Left] + targetSquares[node.Right];
            }
        }

        var result = new DecisionTreeNode[n];
        for (int id = 0; id < n; id++)
        {
            GrowNode node = nodes[id];
            float purity = _task == LearningTask.BinaryClassification && sumWeight[id] != 0
                ? (float)(signalWeight[id] / sumWeight[id])
                : float.NaN;
            float rms = 0;
            if (_task == LearningTask.Regression && sumWeight[id] > 0)
            {
                double mean = targetSum[id] / sumWeight[id];
                rms = (float)Math.Sqrt(Math.Max(0, (targetSquares[id] / sumWeight[id]) - (mean * mean)));
            }

            NodeType type = node.IsLeaf
                ? (float.IsNaN(purity) ? (node.LeafValue >= 0 ? NodeType.Signal : NodeType.Background)
                    : purity > 0.5f ? NodeType.Signal : NodeType.Background)
                : NodeType.Internal;
            result[id] = new DecisionTreeNode
            {
                Left = node.Left,
                Right = node.Right,
                Feature = node.IsLeaf ? -1 : node.Split.Feature,
                Threshold = node.IsLeaf ? 0f : quantized.Cuts[node.Split.Feature][node.Split.Bin],
                CutType = true,
                MissingGoesRight = !node.IsLeaf && !node.Split.MissingLeft,
                Response = node.LeafValue,
                Purity = purity,
                NodeType = type,
                Rms = rms,
                Gain = node.IsLeaf ? 0 : node.Split.Gain,
                SumWeight = sumWeight[id],
                SumHessian = node.Hessian,
                EventCount = node.Count,
                Depth = node.Depth,
            };
        }

        return new DecisionTree(result, 1.0, classIndex);
    }

    /// <summary>Writes every event's leaf index into <paramref name="leafOf"/> (all bits set for events outside the
    /// tree's sample), then sums per leaf, one contiguous event range per thread: gradient, hessian, weight, then the
    /// signal weight (classification) or w·t and w·t² (regression).</summary>
    private unsafe double[][] SumLeaves<TLeaf>(
        TLeaf[] leafOf, List<GrowNode> nodes, List<int> leafNodes, int[] rows, int rowCount, GradientPair[] gradients)
        where TLeaf : unmanaged, IBinaryInteger<TLeaf>
    {
        int leaves = leafNodes.Count;
        if (rowCount < _rows)
        {
            Array.Fill(leafOf, TLeaf.AllBitsSet);
        }

        Parallel.For(0, leaves, _parallel, leaf =>
        {
            GrowNode node = nodes[leafNodes[leaf]];
            TLeaf index = TLeaf.CreateTruncating(leaf);
            for (int j = node.Start; j < node.Start + node.Count; j++)
            {
                leafOf[rows[j]] = index;
            }
        });

        int sums = LeafSumCount;
        int parts = Parts;
        var partSums = new double[parts][];
        Parallel.For(0, parts, _parallel, part =>
        {
            (int start, int end) = PartRange(part, parts);
            var acc = new double[leaves * sums];
            fixed (TLeaf* leafOfEvent = leafOf)
            fixed (GradientPair* gradient = gradients)
            fixed (double* sum = acc)
            {
                if (_labels is not null)
                {
                    fixed (GradientPair* weightAndSignal = _weightAndSignal)
                    {
                        SumLeavesLabelled(leafOfEvent, gradient, weightAndSignal, start, end, sum);
                    }
                }
                else
                {
                    fixed (float* weight = _weights, target = _targets)
                    {
                        SumLeavesRegression(leafOfEvent, gradient, weight, target, start, end, sum);
                    }
                }
            }

            partSums[part] = acc;
        });

        return partSums;
    }

    /// <summary>Adds each event's leaf value to its margin, one contiguous event range per thread.</summary>
    private unsafe void AddLeafValues<TLeaf>(TLeaf[] leafOf, float[] values, float[] margins, int offset)
        where TLeaf : unmanaged, IBinaryInteger<TLeaf>
    {
        int parts = Parts;
        Parallel.For(0, parts, _parallel, part =>
        {
            (int start, int end) = PartRange(part, parts);
            fixed (TLeaf* leafOfEvent = leafOf)
            fixed (float* leafValue = values, margin = &margins[offset])
            {
                for (int i = start; i < end; i++)
                {
                    if (leafOfEvent[i] != TLeaf.AllBitsSet)
                    {
                        margin[i] += leafValue[int.CreateTruncating(leafOfEvent[i])];
                    }
                }
            }
        });
    }

    private int Parts => _rows < (1 << 16) ? 1 : _threads;

    /// <summary>Sums per leaf in <see cref="SumLeaves"/>.</summary>
    private int LeafSumCount => _labels is not null ? 4 : 5;

    private (int Start, int End) PartRange(int part, int parts) =>
        ((int)((long)_rows * part / parts), (int)((long)_rows * (part + 1) / parts));

    /// <summary>For events [start, end) in a leaf: adds g, h, w and the signal weight to the leaf's four sums.</summary>
    private static unsafe void SumLeavesLabelled<TLeaf>(
        TLeaf* leafOf, GradientPair* gradients, GradientPair* weightAndSignal, int start, int end, double* sums)
        where TLeaf : unmanaged, IBinaryInteger<TLeaf>
    {
        for (int i = start; i < end; i++)
        {
            if (leafOf[i] != TLeaf.AllBitsSet)
            {
                double* sum = sums + (4 * int.CreateTruncating(leafOf[i]));
                sum[0] += gradients[i].Gradient;
                sum[1] += gradients[i].Hessian;
                sum[2] += weightAndSignal[i].Gradient;
                sum[3] += weightAndSignal[i].Hessian;
            }
        }
    }

    /// <summary>For events [start, end) in a leaf: adds g, h, w, w·t and w·t² to the leaf's five sums.</summary>
    private static unsafe void SumLeavesRegression<TLeaf>(
        TLeaf* leafOf, GradientPair* gradients, float* weights, float* targets, int start, int end, double* sums)
        where TLeaf : unmanaged, IBinaryInteger<TLeaf>
    {
        for (int i = start; i < end; i++)
        {
            if (leafOf[i] != TLeaf.AllBitsSet)
            {
                double* sum = sums + (5 * int.CreateTruncating(leafOf[i]));
                double weight = weights[i], target = targets[i];
                sum[0] += gradients[i].Gradient;
                sum[1] += gradients[i].Hessian;
                sum[2] += weight;
                sum[3] += weight * target;
                sum[4] += weight * target * target;
            }
        }
    }

    /// <summary>Validation events scored as the forest grows.</summary>
    private sealed class ValidationState
    {
        private readonly GradientBoostingSession _session;
        private readonly Dataset _data;
        private readonly int[] _columns;
        private readonly float[] _margins;
        private readonly int _rows;

        public ValidationState(GradientBoostingSession session, Dataset data, double[] baseMargins)
        {
            _session = session;
            _data = data;
            _rows = data.RowCount;
            if (_rows == 0)
            {
                throw new ArgumentException("the validation set has no events", "validation");
            }

            _columns = new int[session._train.FeatureCount];
            for (int j = 0; j < _columns.Length; j++)
            {
                string name = session._train.FeatureNames[j];
                _columns[j] = -1;
                for (int k = 0; k < data.FeatureCount; k++)
                {
                    if (string.Equals(data.FeatureNames[k], name, StringComparison.Ordinal))
                    {
                        _columns[j] = k;
                        break;
                    }
                }

                if (_columns[j] < 0)
                {
                    throw new ArgumentException($"the validation set has no feature '{name}'", "validation");
                }
            }

            if (session._labels is not null && !data.HasLabels)
            {
                throw new ArgumentException("the validation set has no class labels", "validation");
            }

            if (session._targets is not null && !data.HasTargets)
            {
                throw new ArgumentException("the validation set has no regression targets", "validation");
            }

            if (session._labels is not null)
            {
                int classes = session._task == LearningTask.BinaryClassification ? 2 : session._classCount;
                foreach (int label in data.Labels)
                {
                    if (label >= classes)
                    {
                        throw new ArgumentException($"a validation event has label {label}; expected 0..{classes - 1}", "validation");
                    }
                }
            }

            _margins = new float[session._outputs * _rows];
            for (int k = 0; k < session._outputs; k++)
            {
                _margins.AsSpan(k * _rows, _rows).Fill((float)baseMargins[k]);
            }
        }

        public void Add(DecisionTree tree, int classIndex)
        {
            DecisionTreeNode[] nodes = tree.NodeArray;
            const int chunk = 4096;
            int chunks = (_rows + chunk - 1) / chunk;
            Parallel.For(0, chunks, _session._parallel, c =>
            {
                int start = c * chunk, end = Math.Min(_rows, start + chunk);
                for (int i = start; i < end; i++)
                {
                    int index = 0;
                    while (nodes[index].Left >= 0)
                    {
                        ref readonly DecisionTreeNode node = ref nodes[index];
                        float x = _data.Column(_columns[node.Feature])[i];
                        index = DecisionTree.GoesRight(node, x) ? node.Right : node.Left;
                    }

                    _margins[(classIndex * _rows) + i] += nodes[index].Response;
                }
            });
        }

        public double Metric()
        {
            if (_session._options.EarlyStoppingMetric == EarlyStoppingMetric.AreaUnderRocCurve)
            {
                return RocCurve.Compute(_margins, _data.Labels, _data.Weights).AreaUnderCurve;
            }

            return Objectives.Loss(_session._options.Objective, _margins, _rows, _session._outputs,
                _session._labels is null ? default : _data.Labels,
                _session._targets is null ? default : _data.Targets,
                _data.Weights, _session._options.HuberDelta);
        }
    }
}
