namespace HepMl.Analysis.Trees;

/// <summary>
/// Settings of TMVA-style BDT training (<see cref="TmvaBdtTrainer"/>). Each property is named after TMVA's option key
/// (<c>MethodBDT::DeclareOptions</c>) and has TMVA's default, so that a TMVA option string maps onto it one to one
/// (<c>nCuts</c> is <see cref="NCuts"/>). <see cref="Seed"/> and <see cref="ThreadCount"/> are HepMl's own.
/// </summary>
/// <remarks>
/// Not supported (TMVA options that change training and have no counterpart here): <c>UseFisherCuts</c>,
/// <c>PruneMethod</c> other than <c>NoPruning</c>, <c>DoPreselection</c>, <c>BoostType=AdaCost</c>/<c>AdaBoostR2</c>,
/// <c>NegWeightTreatment=PairNegWeightsGlobal</c>, and TMVA's integer-variable binning (features are float here).
/// Random choices (bagging, randomised trees) use HepMl's generator, not ROOT's TRandom3, so they are reproducible by
/// seed but not identical to TMVA's draws.
/// </remarks>
public sealed class TmvaBdtOptions
{
    /// <summary>The default value of every option (TMVA's defaults for classification).</summary>
    public static class Defaults
    {
        /// <summary>TMVA <c>NTrees</c> default.</summary>
        public const int NTrees = 800;

        /// <summary>TMVA <c>MaxDepth</c> default for classification.</summary>
        public const int MaxDepth = 3;

        /// <summary>TMVA <c>MinNodeSize</c> default for classification, in percent.</summary>
        public const double MinNodeSize = 5.0;

        /// <summary>TMVA <c>nCuts</c> default.</summary>
        public const int NCuts = 20;

        /// <summary>TMVA <c>AdaBoostBeta</c> default.</summary>
        public const double AdaBoostBeta = 0.5;

        /// <summary>TMVA <c>BaggedSampleFraction</c> default.</summary>
        public const double BaggedSampleFraction = 0.6;

        /// <summary>TMVA <c>Shrinkage</c> default.</summary>
        public const double Shrinkage = 1.0;

        /// <summary>TMVA <c>NodePurityLimit</c> default.</summary>
        public const double NodePurityLimit = 0.5;
    }

    /// <summary>TMVA <c>NTrees</c>: number of trees.</summary>
    public int NTrees { get; set; } = Defaults.NTrees;

    /// <summary>TMVA <c>MaxDepth</c>: maximum depth (the root has depth 0).</summary>
    public int MaxDepth { get; set; } = Defaults.MaxDepth;

    /// <summary>TMVA <c>MinNodeSize</c>: minimum size of a leaf in percent of the training events, in (0, 50). A node
    /// is split only when it holds at least twice this many events (counted and weighted), and both children must
    /// hold at least this many.</summary>
    public double MinNodeSize { get; set; } = Defaults.MinNodeSize;

    /// <summary>TMVA <c>nCuts</c>: cut candidates per feature and node, equally spaced between the node's minimum and
    /// maximum; a value &lt;= 0 scans every value (exact splitting, TMVA <c>TrainNodeFull</c>; Grad trees then use 200).</summary>
    public int NCuts { get; set; } = Defaults.NCuts;

    /// <summary>TMVA <c>BoostType</c>.</summary>
    public TmvaBoostType BoostType { get; set; } = TmvaBoostType.AdaBoost;

    /// <summary>TMVA <c>AdaBoostBeta</c>: the exponent β of AdaBoost's reweighting, in (0, ∞).</summary>
    public double AdaBoostBeta { get; set; } = Defaults.AdaBoostBeta;

    /// <summary>TMVA <c>UseRandomisedTrees</c>: choose each split among a random subset of features.</summary>
    public bool UseRandomisedTrees { get; set; }

    /// <summary>TMVA <c>UseNvars</c>: size of that subset; 0 = TMVA's default ⌊√N + 0.6⌋.</summary>
    public int UseNvars { get; set; }

    /// <summary>TMVA <c>UsePoissonNvars</c>: draw the subset size from a Poisson distribution of mean
    /// <see cref="UseNvars"/> at each split (TMVA's default is true).</summary>
    public bool UsePoissonNvars { get; set; } = true;

    /// <summary>TMVA <c>BaggedSampleFraction</c>: mean number of copies of each event in a bagged resample.</summary>
    public double BaggedSampleFraction { get; set; } = Defaults.BaggedSampleFraction;

    /// <summary>TMVA <c>UseBaggedBoost</c>: grow every tree on a bagged resample (always on for Bagging).</summary>
    public bool UseBaggedBoost { get; set; }

    /// <summary>TMVA <c>Shrinkage</c>: learning rate of gradient boosting.</summary>
    public double Shrinkage { get; set; } = Defaults.Shrinkage;

    /// <summary>TMVA <c>UseYesNoLeaf</c>: score a leaf by its type (+1/-1) rather than its purity (forced off for
    /// RealAdaBoost).</summary>
    public bool UseYesNoLeaf { get; set; } = true;

    /// <summary>TMVA <c>NodePurityLimit</c>: a leaf with purity above it is a signal leaf.</summary>
    public double NodePurityLimit { get; set; } = Defaults.NodePurityLimit;

    /// <summary>TMVA <c>SeparationType</c> (classification trees; Grad trees use the regression variance).</summary>
    public TmvaSeparationType SeparationType { get; set; } = TmvaSeparationType.GiniIndex;

    /// <summary>TMVA <c>NegWeightTreatment</c>; Grad turns <see cref="TmvaNegativeWeightTreatment.InverseBoostNegWeights"/>
    /// into <see cref="TmvaNegativeWeightTreatment.Pray"/>, as TMVA does.</summary>
    public TmvaNegativeWeightTreatment NegWeightTreatment { get; set; } = TmvaNegativeWeightTreatment.InverseBoostNegWeights;

    /// <summary>TMVA <c>SigToBkgFraction</c>: signal-to-background weight ratio after the initial normalisation and
    /// every AdaBoost renormalisation.</summary>
    public double SigToBkgFraction { get; set; } = 1.0;

    /// <summary>TMVA <c>SkipNormalization</c>: keep the event weights as given instead of normalising the classes.</summary>
    public bool SkipNormalization { get; set; }

    /// <summary>Seed of bagging and randomised trees (HepMl).</summary>
    public int Seed { get; set; }

    /// <summary>Worker threads for the cut scans; 0 (default) uses every processor (HepMl).</summary>
    public int ThreadCount { get; set; }

    /// <summary>A copy of these options.</summary>
    public TmvaBdtOptions Clone() => (TmvaBdtOptions)MemberwiseClone();

    /// <summary>Checks every option; throws naming the first one out of range (TMVA key in the message).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        Check(NTrees >= 1, nameof(NTrees), NTrees, "must be at least 1");
        Check(MaxDepth >= 0, nameof(MaxDepth), MaxDepth, "must be >= 0");
        Check(MinNodeSize > 0 && MinNodeSize < 50, nameof(MinNodeSize), MinNodeSize, "must be a percentage in (0, 50)");
        Check(AdaBoostBeta > 0 && double.IsFinite(AdaBoostBeta), nameof(AdaBoostBeta), AdaBoostBeta, "must be > 0");
        Check(UseNvars >= 0, nameof(UseNvars), UseNvars, "must be >= 0 (0 = TMVA's default)");
        Check(BaggedSampleFraction > 0 && double.IsFinite(BaggedSampleFraction), nameof(BaggedSampleFraction), BaggedSampleFraction, "must be > 0");
        Check(Shrinkage > 0 && double.IsFinite(Shrinkage), nameof(Shrinkage), Shrinkage, "must be > 0");
        Check(NodePurityLimit >= 0 && NodePurityLimit <= 1, nameof(NodePurityLimit), NodePurityLimit, "must be in [0, 1]");
        Check(SigToBkgFraction > 0 && double.IsFinite(SigToBkgFraction), nameof(SigToBkgFraction), SigToBkgFraction, "must be > 0");
        Check(ThreadCount >= 0, nameof(ThreadCount), ThreadCount, "must be >= 0 (0 = all processors)");
        Check(Enum.IsDefined(BoostType), nameof(BoostType), BoostType, "is not a supported BoostType");
        Check(Enum.IsDefined(SeparationType), nameof(SeparationType), SeparationType, "is not a supported SeparationType");
        Check(Enum.IsDefined(NegWeightTreatment), nameof(NegWeightTreatment), NegWeightTreatment, "is not a supported NegWeightTreatment");
    }

    private static void Check(bool condition, string option, object value, string rule)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(option, value, $"TMVA BDT option {option} = {value} {rule}");
        }
    }
}
