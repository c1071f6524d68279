namespace HepMl.Samples.JetTagging;

/// <summary>What one run of the jet-tagging study does. The defaults are the embedded small configuration.</summary>
public sealed record JetTaggingSettings
{
    /// <summary>Default values (a run of about a minute on two cores).</summary>
    public static class Defaults
    {
        /// <summary>Toy jets generated when no input file is given.</summary>
        public const int Jets = 20_000;

        /// <summary>CNN epochs (the peer trains 5).</summary>
        public const int Epochs = 5;

        /// <summary>CNN mini-batch size (the peer uses 256 on 70k training images; smaller batches give the small default sample enough optimiser steps).</summary>
        public const int BatchSize = 64;

        /// <summary>Seed of the toy generator and of the CNN.</summary>
        public const int Seed = 20160701;

        /// <summary>Share of the jets used for training (first rows); the rest is the test set, as for the peers.</summary>
        public const double TrainFraction = 0.7;

        /// <summary>Boosting rounds of the substructure BDT.</summary>
        public const int BdtTrees = 200;

        /// <summary>Depth of the BDT's trees.</summary>
        public const int BdtDepth = 3;

        /// <summary>Pixels non-empty in fewer training jets than this share are left out of the Fisher discriminant.</summary>
        public const double FisherMinimumOccupancy = 0.01;

        /// <summary>Where ROC curves, models and the summary go.</summary>
        public const string OutputDirectory = "jet-tagging-output";
    }

    /// <summary>Toy jets to generate (ignored with <see cref="Input"/>).</summary>
    public int Jets { get; init; } = Defaults.Jets;

    /// <summary>An HDF5 file of jet images (peers' <c>jetimages.h5</c> layout) or hls4ml constituent lists; null for toy jets.</summary>
    public string? Input { get; init; }

    /// <summary>Read at most this many jets from <see cref="Input"/> (0: all).</summary>
    public int MaxJets { get; init; }

    /// <summary>CNN epochs.</summary>
    public int Epochs { get; init; } = Defaults.Epochs;

    /// <summary>CNN mini-batch size.</summary>
    public int BatchSize { get; init; } = Defaults.BatchSize;

    /// <summary>Seed of the toy generator and of the CNN.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>Share of the jets used for training.</summary>
    public double TrainFraction { get; init; } = Defaults.TrainFraction;

    /// <summary>Boosting rounds of the BDT.</summary>
    public int BdtTrees { get; init; } = Defaults.BdtTrees;

    /// <summary>Depth of the BDT's trees.</summary>
    public int BdtDepth { get; init; } = Defaults.BdtDepth;

    /// <summary>Minimum pixel occupancy for the Fisher discriminant.</summary>
    public double FisherMinimumOccupancy { get; init; } = Defaults.FisherMinimumOccupancy;

    /// <summary>Output folder (created when missing).</summary>
    public string OutputDirectory { get; init; } = Defaults.OutputDirectory;

    /// <summary>Draw progress bars when the console is interactive.</summary>
    public bool ShowProgress { get; init; } = true;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (named).</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Jets, 20, nameof(Jets));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxJets, nameof(MaxJets));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BdtTrees, nameof(BdtTrees));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BdtDepth, nameof(BdtDepth));
        if (!(TrainFraction > 0 && TrainFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(TrainFraction), TrainFraction, "the training share must be in (0, 1)");
        }

        if (!(FisherMinimumOccupancy >= 0 && FisherMinimumOccupancy < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(FisherMinimumOccupancy), FisherMinimumOccupancy, "the minimum occupancy must be in [0, 1)");
        }
    }
}
