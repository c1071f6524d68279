namespace HepMl.Analysis.Trees;

/// <summary>
/// Settings of histogram gradient boosting (<see cref="GradientBoostingTrainer"/>). Names follow the quantity, with
/// the XGBoost/LightGBM/TMVA counterpart in each summary.
/// </summary>
public sealed class GradientBoostingOptions
{
    /// <summary>The default value of every option.</summary>
    public static class Defaults
    {
        /// <summary>Default <see cref="NumberOfTrees"/>.</summary>
        public const int NumberOfTrees = 100;

        /// <summary>Default <see cref="LearningRate"/>.</summary>
        public const double LearningRate = 0.1;

        /// <summary>Default <see cref="MaxDepth"/>.</summary>
        public const int MaxDepth = 6;

        /// <summary>Default <see cref="MaxBins"/>.</summary>
        public const int MaxBins = 255;

        /// <summary>Default <see cref="MinChildWeight"/>.</summary>
        public const double MinChildWeight = 1.0;

        /// <summary>Default <see cref="L2Regularization"/>.</summary>
        public const double L2Regularization = 1.0;

        /// <summary>Default <see cref="HuberDelta"/>.</summary>
        public const double HuberDelta = 1.0;

        /// <summary>Default <see cref="QuantileSampleSize"/>.</summary>
        public const int QuantileSampleSize = 200_000;
    }

    /// <summary>The loss; default <see cref="BoostingObjective.BinaryLogistic"/>.</summary>
    public BoostingObjective Objective { get; set; } = BoostingObjective.BinaryLogistic;

    /// <summary>Boosting rounds (XGBoost <c>num_boost_round</c>, TMVA <c>NTrees</c>); a multi-class round adds one tree per class.</summary>
    public int NumberOfTrees { get; set; } = Defaults.NumberOfTrees;

    /// <summary>Shrinkage applied to every leaf (XGBoost <c>eta</c>, TMVA <c>Shrinkage</c>), in (0, 1].</summary>
    public double LearningRate { get; set; } = Defaults.LearningRate;

    /// <summary>Maximum depth (root = depth 0; XGBoost <c>max_depth</c>, TMVA <c>MaxDepth</c>); 0 = unlimited (needs
    /// <see cref="MaxLeaves"/> with leaf-wise growth).</summary>
    public int MaxDepth { get; set; } = Defaults.MaxDepth;

    /// <summary>Maximum number of leaves (XGBoost <c>max_leaves</c>, LightGBM <c>num_leaves</c>); 0 = unlimited.</summary>
    public int MaxLeaves { get; set; }

    /// <summary>Depth-wise (default) or leaf-wise growth.</summary>
    public GrowthPolicy GrowthPolicy { get; set; } = GrowthPolicy.DepthWise;

    /// <summary>Value bins per feature, 2..255 (XGBoost <c>max_bin</c> 256 corresponds to 255 value bins plus the
    /// missing bin).</summary>
    public int MaxBins { get; set; } = Defaults.MaxBins;

    /// <summary>Minimum hessian sum in each child of a split (XGBoost <c>min_child_weight</c>).</summary>
    public double MinChildWeight { get; set; } = Defaults.MinChildWeight;

    /// <summary>Minimum number of training events in each child of a split (LightGBM <c>min_data_in_leaf</c>); 0 = no limit.</summary>
    public int MinSamplesPerLeaf { get; set; }

    /// <summary>Minimum number of training events in each child as a percentage of the training events (TMVA
    /// <c>MinNodeSize</c>, e.g. 2.5); the larger of this and <see cref="MinSamplesPerLeaf"/> applies; 0 = no limit.</summary>
    public double MinSamplesPerLeafPercent { get; set; }

    /// <summary>Minimum loss reduction of a split (XGBoost <c>gamma</c>); splits must also gain more than 1e-6.</summary>
    public double MinSplitGain { get; set; }

    /// <summary>L1 penalty on leaf values (XGBoost <c>alpha</c>).</summary>
    public double L1Regularization { get; set; }

    /// <summary>L2 penalty on leaf values (XGBoost <c>lambda</c>).</summary>
    public double L2Regularization { get; set; } = Defaults.L2Regularization;

    /// <summary>Fraction of training events drawn (without replacement, independently per tree) to grow each tree
    /// (XGBoost <c>subsample</c>), in (0, 1].</summary>
    public double RowSubsample { get; set; } = 1.0;

    /// <summary>Fraction of features drawn for each tree (XGBoost <c>colsample_bytree</c>), in (0, 1].</summary>
    public double ColumnSubsamplePerTree { get; set; } = 1.0;

    /// <summary>Fraction of the tree's features drawn for each split (XGBoost <c>colsample_bynode</c>, TMVA
    /// <c>UseNvars</c>/N), in (0, 1].</summary>
    public double ColumnSubsamplePerNode { get; set; } = 1.0;

    /// <summary>Threshold between the quadratic and linear parts of the Huber loss (&gt; 0).</summary>
    public double HuberDelta { get; set; } = Defaults.HuberDelta;

    /// <summary>How events of negative weight are trained; default <see cref="NegativeWeightPolicy.Keep"/>.</summary>
    public NegativeWeightPolicy NegativeWeightPolicy { get; set; } = NegativeWeightPolicy.Keep;

    /// <summary>
    /// The starting prediction (XGBoost <c>base_score</c>): a probability in (0, 1) for the logistic loss, a value
    /// for regression, a margin added to every class for softmax. Null (default) estimates it from the training
    /// labels: the logit of the weighted signal fraction, the log class priors, the weighted mean (squared error)
    /// or the weighted median (absolute and Huber).
    /// </summary>
    public double? BaseScore { get; set; }

    /// <summary>Stop when the validation metric has not improved for this many rounds and keep the best round; 0
    /// (default) trains every round. Needs a validation set.</summary>
    public int EarlyStoppingRounds { get; set; }

    /// <summary>The metric early stopping watches and the history records.</summary>
    public EarlyStoppingMetric EarlyStoppingMetric { get; set; } = EarlyStoppingMetric.Loss;

    /// <summary>Worker threads; 0 (default) uses every processor.</summary>
    public int ThreadCount { get; set; }

    /// <summary>Seed of every random choice (row and column sampling, the quantile sample).</summary>
    public int Seed { get; set; }

    /// <summary>Events sampled to place the bin edges (all events when there are fewer).</summary>
    public int QuantileSampleSize { get; set; } = Defaults.QuantileSampleSize;

    /// <summary>A copy of these options.</summary>
    public GradientBoostingOptions Clone() => (GradientBoostingOptions)MemberwiseClone();

    /// <summary>Checks every option; throws naming the first one out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        Check(NumberOfTrees >= 1, nameof(NumberOfTrees), NumberOfTrees, "must be at least 1");
        Check(LearningRate > 0 && LearningRate <= 1, nameof(LearningRate), LearningRate, "must be in (0, 1]");
        Check(MaxDepth >= 0, nameof(MaxDepth), MaxDepth, "must be >= 0 (0 = unlimited)");
        Check(MaxLeaves == 0 || MaxLeaves >= 2, nameof(MaxLeaves), MaxLeaves, "must be 0 (unlimited) or >= 2");
        Check(MaxDepth > 0 || MaxLeaves > 0, nameof(MaxDepth), MaxDepth, "unlimited depth needs MaxLeaves");
        Check(MaxBins >= 2 && MaxBins <= 255, nameof(MaxBins), MaxBins, "must be in 2..255");
        Check(MinChildWeight >= 0 && double.IsFinite(MinChildWeight), nameof(MinChildWeight), MinChildWeight, "must be >= 0");
        Check(MinSamplesPerLeaf >= 0, nameof(MinSamplesPerLeaf), MinSamplesPerLeaf, "must be >= 0");
        Check(MinSamplesPerLeafPercent >= 0 && MinSamplesPerLeafPercent < 50, nameof(MinSamplesPerLeafPercent), MinSamplesPerLeafPercent, "must be in [0, 50)");
        Check(MinSplitGain >= 0 && double.IsFinite(MinSplitGain), nameof(MinSplitGain), MinSplitGain, "must be >= 0");
        Check(L1Regularization >= 0 && double.IsFinite(L1Regularization), nameof(L1Regularization), L1Regularization, "must be >= 0");
        Check(L2Regularization >= 0 && double.IsFinite(L2Regularization), nameof(L2Regularization), L2Regularization, "must be >= 0");
        Check(RowSubsample > 0 && RowSubsample <= 1, nameof(RowSubsample), RowSubsample, "must be in (0, 1]");
        Check(ColumnSubsamplePerTree > 0 && ColumnSubsamplePerTree <= 1, nameof(ColumnSubsamplePerTree), ColumnSubsamplePerTree, "must be in (0, 1]");
        Check(ColumnSubsamplePerNode > 0 && ColumnSubsamplePerNode <= 1, nameof(ColumnSubsamplePerNode), ColumnSubsamplePerNode, "must be in (0, 1]");
        Check(HuberDelta > 0 && double.IsFinite(HuberDelta), nameof(HuberDelta), HuberDelta, "must be > 0");
        Check(EarlyStoppingRounds >= 0, nameof(EarlyStoppingRounds), EarlyStoppingRounds, "must be >= 0");
        Check(ThreadCount >= 0, nameof(ThreadCount), ThreadCount, "must be >= 0 (0 = all processors)");
        Check(QuantileSampleSize >= 1, nameof(QuantileSampleSize), QuantileSampleSize, "must be >= 1");
        Check(Enum.IsDefined(Objective), nameof(Objective), Objective, "is not a known objective");
        Check(Enum.IsDefined(GrowthPolicy), nameof(GrowthPolicy), GrowthPolicy, "is not a known policy");
        Check(Enum.IsDefined(NegativeWeightPolicy), nameof(NegativeWeightPolicy), NegativeWeightPolicy, "is not a known policy");
        Check(Enum.IsDefined(EarlyStoppingMetric), nameof(EarlyStoppingMetric), EarlyStoppingMetric, "is not a known metric");
        if (BaseScore is double baseScore)
        {
            bool probability = Objective == BoostingObjective.BinaryLogistic;
            Check(double.IsFinite(baseScore) && (!probability || (baseScore > 0 && baseScore < 1)), nameof(BaseScore), baseScore,
                probability ? "must be a probability in (0, 1) for the logistic loss" : "must be finite");
        }

        Check(EarlyStoppingMetric != EarlyStoppingMetric.AreaUnderRocCurve || Objective == BoostingObjective.BinaryLogistic,
            nameof(EarlyStoppingMetric), EarlyStoppingMetric, "AreaUnderRocCurve needs the BinaryLogistic objective");
    }

    private static void Check(bool condition, string option, object value, string rule)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(option, value, $"GradientBoostingOptions.{option} = {value} {rule}");
        }
    }
}
