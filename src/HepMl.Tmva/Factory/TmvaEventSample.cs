using HepMl.Analysis.Data;

namespace HepMl.Tmva.Factory;

/// <summary>
/// The prepared training and test events of a data loader: features named by the variable expressions, labels
/// 1 = signal and 0 = background, weights after the <c>NormMode</c> renormalisation, and the spectators.
/// </summary>
public sealed class TmvaEventSample
{
    internal TmvaEventSample(Dataset training, Dataset test, float[][] trainingSpectators, float[][] testSpectators)
    {
        Training = training;
        Test = test;
        TrainingSpectators = trainingSpectators;
        TestSpectators = testSpectators;
    }

    /// <summary>Training events.</summary>
    public Dataset Training { get; }

    /// <summary>Test events.</summary>
    public Dataset Test { get; }

    /// <summary>Spectator columns of the training events, one array per spectator.</summary>
    public IReadOnlyList<float[]> TrainingSpectators { get; }

    /// <summary>Spectator columns of the test events.</summary>
    public IReadOnlyList<float[]> TestSpectators { get; }
}
