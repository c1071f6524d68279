using HepMl.Analysis.Data;

namespace HepMl.Analysis.Trees.Internal;

/// <summary>
/// Grows one tree the way TMVA's <c>DecisionTree::BuildTree</c> does: a node is split when it holds at least twice
/// the minimum size (counted and weighted), is above the depth limit and holds both classes (classification) or any
/// weight (regression); the cut comes from a grid of nCuts equally spaced values between the node's minimum and
/// maximum (<c>TrainNodeFast</c>) or from every value (<c>TrainNodeFull</c>); the right subtree is grown before the
/// left one. Cuts are stored in float, as TMVA's nodes store them, and the events are partitioned with that float cut.
/// </summary>
internal sealed class TmvaTreeBuilder
{
    private const int ParallelEventThreshold = 1 << 11;

    private readonly Dataset _data;
    private readonly bool[] _signal;
    private readonly int _featureCount;
    private readonly TmvaSeparationType _separation;
    private readonly int _maxDepth;
    private readonly double _purityLimit;
    private readonly bool _randomised;
    private readonly int _useNvars;
    private readonly bool _poissonNvars;
    private readonly ParallelOptions _parallel;

    public TmvaTreeBuilder(Dataset data, bool[] signal, TmvaBdtOptions options, int threads)
    {
        _data = data;
        _signal = signal;
        _featureCount = data.FeatureCount;
        _separation = options.SeparationType;
        _maxDepth = options.MaxDepth;
        _purityLimit = options.NodePurityLimit;
        _randomised = options.UseRandomisedTrees;
        _useNvars = options.UseNvars > 0 ? Math.Min(options.UseNvars, _featureCount) : (int)(Math.Sqrt(_featureCount) + 0.6);
        _poissonNvars = options.UsePoissonNvars;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
    }

    /// <summary>Grows a tree on <paramref name="sample"/> (event indices, repeats allowed).</summary>
    /// <param name="sample">The events; reordered in place.</param>
    /// <param name="weights">Current weight of every event (original times boost).</param>
    /// <param name="targets">Regression targets per event, or null for a classification tree.</param>
    /// <param name="nCuts">Grid size; &lt;= 0 for exact splitting (classification only).</param>
    /// <param name="minNodeSizePercent">TMVA MinNodeSize in percent of the sample size.</param>
    /// <param name="seed">Seed of the randomised feature choice.</param>
    public List<TmvaNode> Build(int[] sample, double[] weights, double[]? targets, int nCuts, double minNodeSizePercent, ulong seed)
    {
        var context = new BuildContext(sample, weights, targets, nCuts, minNodeSizePercent / 100.0 * sample.Length, new SplitMix64(seed));
        var nodes = new List<TmvaNode>();
        var pending = new Stack<(int Node, int Start, int Count)>();
        nodes.Add(new TmvaNode { Depth = 0 });
        pending.Push((0, 0, sample.Length));
        while (pending.Count > 0)
        {
            (int id, int start, int count) = pending.Pop();
            TmvaNode node = nodes[id];
            node.Start = start;
            Grow(context, node, start, count);
            if (node.Feature < 0)
            {
                continue;
            }

            int leftCount = Partition(context, node, start, count);
            var right = new TmvaNode { Depth = node.Depth + 1 };
            var left = new TmvaNode { Depth = node.Depth + 1 };
            node.Right = nodes.Count;
            nodes.Add(right);
            node.Left = nodes.Count;
            nodes.Add(left);

            // TMVA grows the right daughter first: push left, then right.
            pending.Push((node.Left, start, leftCount));
            pending.Push((node.Right, start + leftCount, count - leftCount));
        }

        return nodes;
    }

    /// <summary>Fills the node's statistics and either its split or its leaf type.</summary>
    private void Grow(BuildContext context, TmvaNode node, int start, int count)
    {
        double s = 0, b = 0, target = 0, target2 = 0;
        int signalCount = 0, backgroundCount = 0;
        for (int j = start; j < start + count; j++)
        {
            int e = context.Sample[j];
            double w = context.Weights[e];
            if (_signal[e])
            {
                s += w;
                signalCount++;
            }
            else
            {
                b += w;
                backgroundCount++;
            }

            if (context.Targets is not null)
            {
                target += w * context.Targets[e];
                target2 += w * context.Targets[e] * context.Targets[e];
            }
        }

        node.SignalWeight = s;
        node.BackgroundWeight = b;
        node.EventCount = count;
        node.Purity = s + b > 0 ? (float)(s / (s + b)) : 0.5f; // TMVA keeps fPurity in float
        bool regression = context.Targets is not null;
        if (regression && s + b != 0)
        {
            node.Response = (float)(target / (s + b));
            double variance = (target2 / (s + b)) - (node.Response * node.Response);
            node.Rms = variance > 0 ? Math.Sqrt(variance) : 0;
        }

        double minSize = context.MinSize;
        bool splittable = count >= 2 * minSize && s + b >= 2 * minSize && node.Depth < _maxDepth
            && ((!regression && s != 0 && b != 0) || (regression && s + b != 0));
        if (splittable)
        {
            Candidate best = context.NCuts > 0
                ? TrainNodeFast(context, start, count, s, b, signalCount, backgroundCount, target, target2)
                : TrainNodeFull(context, start, count, s, b, signalCount, backgroundCount);
            if (best.Feature >= 0 && best.Gain >= TmvaSeparation.MachineEpsilon)
            {
                node.Feature = best.Feature;
                node.Cut = (float)best.Cut;
                node.CutType = best.CutType;
                node.SeparationGain = best.Gain;
                return;
            }
        }

        node.NodeType = node.Purity > _purityLimit ? NodeType.Signal : NodeType.Background;
    }

    private int[] FeaturesForNode(BuildContext context)
    {
        if (!_randomised)
        {
            return context.AllFeatures ??= Enumerable.Range(0, _featureCount).ToArray();
        }

        // TMVA GetRandomisedVariables: a Poisson or fixed number of distinct features, drawn uniformly.
        int wanted = _poissonNvars ? Math.Min(_featureCount, Math.Max(1, Poisson(ref context.Random, _useNvars))) : _useNvars;
        var chosen = new bool[_featureCount];
        int selected = 0;
        while (selected < wanted)
        {
            int f = (int)(context.Random.NextDouble() * _featureCount);
            if (!chosen[f])
            {
                chosen[f] = true;
                selected++;
            }
        }

        var result = new int[selected];
        for (int f = 0, k = 0; f < _featureCount; f++)
        {
            if (chosen[f])
            {
                result[k++] = f;
            }
        }

        return result;
    }

    private static int Poisson(ref SplitMix64 random, double mean)
    {
        double limit = Math.Exp(-mean), product = 1;
        int k = 0;
        do
        {
            k++;
            product *= random.NextDouble();
        }
        while (product > limit);
        return k - 1;
    }

    /// <summary>TMVA <c>TrainNodeFast</c>: per feature, a histogram of nCuts + 1 equal bins between the node's
    /// minimum and maximum, scanned for the best cut at the bin edges. The node's weights, classes and targets are
    /// first copied into contiguous arrays shared by the per-feature scans, which run in parallel.</summary>
    private Candidate TrainNodeFast(
        BuildContext context, int start, int count, double totalS, double totalB, int countS, int countB, double target, double target2)
    {
        int[] features = FeaturesForNode(context);
        var results = new Candidate[features.Length];
        int nBins = context.NCuts + 1;
        bool regression = context.Targets is not null;
        double[] nodeWeights = context.NodeWeights;
        byte[] nodeSignal = context.NodeSignal;
        double[] nodeTargets = context.NodeTargets;
        for (int j = 0; j < count; j++)
        {
            int e = context.Sample[start + j];
            nodeWeights[j] = context.Weights[e];
            nodeSignal[j] = _signal[e] ? (byte)1 : (byte)0;
            if (regression)
            {
                nodeTargets[j] = context.Targets![e];
            }
        }

        void Scan(int k)
        {
            int f = features[k];
            ReadOnlySpan<float> column = _data.Column(f);
            float[] values = System.Buffers.ArrayPool<float>.Shared.Rent(count);
            // Per bin: signal weight, background weight, signal count, background count (and target sums).
            double[] histogram = System.Buffers.ArrayPool<double>.Shared.Rent(nBins * (regression ? 6 : 4));
            try
            {
                float xmin = float.PositiveInfinity, xmax = float.NegativeInfinity;
                for (int j = 0; j < count; j++)
                {
                    float x = column[context.Sample[start + j]];
                    values[j] = x;
                    xmin = MathF.Min(xmin, x);
                    xmax = MathF.Max(xmax, x);
                }

                results[k] = new Candidate { Feature = -1, Gain = -1 };
                if (TmvaSeparation.AlmostEqualFloat(xmax, xmin))
                {
                    return;
                }

                double binWidth = (xmax - (double)xmin) / nBins;
                double inverseWidth = 1.0 / binWidth;
                Span<double> hist = histogram.AsSpan(0, nBins * (regression ? 6 : 4));
                hist.Clear();
                Span<double> weightHist = hist[..(2 * nBins)];
                Span<double> countHist = hist.Slice(2 * nBins, 2 * nBins);
                for (int j = 0; j < count; j++)
                {
                    int bin = Math.Min(nBins - 1, Math.Max(0, (int)(inverseWidth * (values[j] - (double)xmin))));
                    int slot = (nodeSignal[j] * nBins) + bin;
                    weightHist[slot] += nodeWeights[j];
                    countHist[slot] += 1;
                }

                Span<double> sumTarget = regression ? hist.Slice(4 * nBins, nBins) : default;
                Span<double> sumTarget2 = regression ? hist.Slice(5 * nBins, nBins) : default;
                if (regression)
                {
                    for (int j = 0; j < count; j++)
                    {
                        int bin = Math.Min(nBins - 1, Math.Max(0, (int)(inverseWidth * (values[j] - (double)xmin))));
                        double w = nodeWeights[j], t = nodeTargets[j];
                        sumTarget[bin] += w * t;
                        sumTarget2[bin] += w * t * t;
                    }
                }

                // Slot layout: [background bins | signal bins]; cumulative sums from the low edge.
                double selS = 0, selB = 0, selSCount = 0, selBCount = 0, selT = 0, selT2 = 0;
                double bestGain = -1, bestS = 0, bestB = 0;
                int bestIndex = -1;
                for (int cut = 0; cut < nBins - 1; cut++)
                {
                    selB += weightHist[cut];
                    selS += weightHist[nBins + cut];
                    selBCount += countHist[cut];
                    selSCount += countHist[nBins + cut];
                    if (regression)
                    {
                        selT += sumTarget[cut];
                        selT2 += sumTarget2[cut];
                    }

                    double srCount = countS - selSCount, brCount = countB - selBCount;
                    double srW = totalS - selS, brW = totalB - selB;
                    if (selSCount + selBCount >= context.MinSize && srCount + brCount >= context.MinSize
                        && selS + selB >= context.MinSize && srW + brW >= context.MinSize)
                    {
                        double gain = regression
                            ? TmvaSeparation.VarianceGain(selS + selB, selT, selT2, totalS + totalB, target, target2)
                            : TmvaSeparation.Gain(_separation, selS, selB, totalS, totalB);
                        if (bestGain < gain)
                        {
                            bestGain = gain;
                            bestIndex = cut;
                            bestS = selS;
                            bestB = selB;
                        }
                    }
                }

                if (bestIndex >= 0)
                {
                    results[k] = new Candidate
                    {
                        Feature = f,
                        Gain = bestGain,
                        Cut = xmin + ((bestIndex + 1) * binWidth),
                        CutType = regression || bestS / totalS > bestB / totalB,
                    };
                }
            }
            finally
            {
                System.Buffers.ArrayPool<float>.Shared.Return(values);
                System.Buffers.ArrayPool<double>.Shared.Return(histogram);
            }
        }

        RunPerFeature(features.Length, count, Scan);
        return PickBest(results);
    }

    /// <summary>TMVA <c>TrainNodeFull</c>: every boundary between distinct sorted values is a candidate cut at their
    /// midpoint. As in TMVA, the cumulative weights at a candidate include the first event above the cut, the
    /// minimum size is checked on event counts only, and splits inside runs of (nearly) equal values are skipped.</summary>
    private Candidate TrainNodeFull(BuildContext context, int start, int count, double totalS, double totalB, int countS, int countB)
    {
        int[] features = FeaturesForNode(context);
        var results = new Candidate[features.Length];
        void Scan(int k)
        {
            int f = features[k];
            ReadOnlySpan<float> column = _data.Column(f);
            var values = new float[count];
            var order = new int[count];
            for (int j = 0; j < count; j++)
            {
                int e = context.Sample[start + j];
                values[j] = column[e];
                order[j] = e;
            }

            // Stable by construction: equal values keep their sample order (TMVA's std::sort leaves ties unordered).
            var positions = new int[count];
            for (int j = 0; j < count; j++)
            {
                positions[j] = j;
            }

            Array.Sort(positions, (a, b) => values[a] != values[b] ? values[a].CompareTo(values[b]) : a.CompareTo(b));
            double cumulativeS = 0, cumulativeB = 0;
            double bestGain = -1, bestCut = 0;
            bool bestType = false;
            int total = countS + countB;
            for (int index = 0; index < count; index++)
            {
                int e = order[positions[index]];
                if (_signal[e])
                {
                    cumulativeS += context.Weights[e];
                }
                else
                {
                    cumulativeB += context.Weights[e];
                }

                if (index == 0)
                {
                    continue;
                }

                double value = values[positions[index]], previous = values[positions[index - 1]];
                double difference = value - previous;
                double norm = Math.Abs(value + previous);
                if (index >= context.MinSize && total - index >= context.MinSize && Math.Abs(difference / ((0.5 * norm) + 1)) > 1e-6)
                {
                    double gain = TmvaSeparation.Gain(_separation, cumulativeS, cumulativeB, totalS, totalB);
                    if (gain > bestGain)
                    {
                        bestGain = gain;
                        bestCut = value - (0.5 * difference);
                        bestType = cumulativeS / totalS > cumulativeB / totalB;
                    }
                }
            }

            results[k] = bestGain >= 0 && count > 1
                ? new Candidate { Feature = f, Gain = bestGain, Cut = bestCut, CutType = bestType }
                : new Candidate { Feature = -1, Gain = -1 };
        }

        RunPerFeature(features.Length, count, Scan);
        return PickBest(results);
    }

    private void RunPerFeature(int features, int events, Action<int> scan)
    {
        if (events < ParallelEventThreshold || _parallel.MaxDegreeOfParallelism == 1)
        {
            for (int k = 0; k < features; k++)
            {
                scan(k);
            }

            return;
        }

        Parallel.For(0, features, _parallel, scan);
    }

    /// <summary>The first feature with the strictly largest gain (TMVA compares features in index order).</summary>
    private static Candidate PickBest(Candidate[] results)
    {
        var best = new Candidate { Feature = -1, Gain = -1 };
        foreach (Candidate candidate in results)
        {
            if (candidate.Feature >= 0 && best.Gain < candidate.Gain)
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>Stable partition of the node's events: left (cut fails) first, then right.</summary>
    private int Partition(BuildContext context, TmvaNode node, int start, int count)
    {
        ReadOnlySpan<float> column = _data.Column(node.Feature);
        int[] sample = context.Sample;
        int[] scratch = context.Scratch;
        int left = 0, right = 0;
        for (int j = start; j < start + count; j++)
        {
            int e = sample[j];
            bool goesRight = (column[e] >= node.Cut) == node.CutType;
            if (goesRight)
            {
                scratch[right++] = e;
            }
            else
            {
                sample[start + left++] = e;
            }
        }

        Array.Copy(scratch, 0, sample, start + left, right);
        return left;
    }

    private struct Candidate
    {
        public int Feature;
        public double Gain;
        public double Cut;
        public bool CutType;
    }

    private sealed class BuildContext
    {
        public BuildContext(int[] sample, double[] weights, double[]? targets, int nCuts, double minSize, SplitMix64 random)
        {
            Sample = sample;
            Weights = weights;
            Targets = targets;
            NCuts = nCuts;
            MinSize = minSize;
            Random = random;
            Scratch = new int[sample.Length];
            NodeWeights = new double[sample.Length];
            NodeSignal = new byte[sample.Length];
            NodeTargets = targets is null ? [] : new double[sample.Length];
        }

        public double[] NodeWeights { get; }

        public byte[] NodeSignal { get; }

        public double[] NodeTargets { get; }

        public int[] Sample { get; }

        public double[] Weights { get; }

        public double[]? Targets { get; }

        public int NCuts { get; }

        public double MinSize { get; }

        public int[] Scratch { get; }

        public int[]? AllFeatures { get; set; }

        public SplitMix64 Random;
    }
}

/// <summary>A node of a TMVA-style tree while it is grown and boosted.</summary>
internal sealed class TmvaNode
{
    public int Feature = -1;
    public float Cut;
    public bool CutType = true;
    public int Left = -1;
    public int Right = -1;
    public int Depth;
    public int Start;
    public double SignalWeight;
    public double BackgroundWeight;
    public int EventCount;
    public float Purity;
    public NodeType NodeType;
    public float Response;
    public double Rms;
    public double SeparationGain;

    public bool IsLeaf => Left < 0;
}
