namespace HepMl.Analysis.NeuralNetworks.Training;

/// <summary>The loss became NaN or infinite: training stops and says where.</summary>
public sealed class TrainingDivergedException : ArithmeticException
{
    /// <summary>Creates the exception for a loss value seen at an epoch and batch.</summary>
    public TrainingDivergedException(int epoch, int batch, double loss, string? hint = null)
        : base($"training diverged: the loss is {loss} at epoch {epoch + 1}, batch {batch + 1}" + (hint is null ? string.Empty : $"; {hint}"))
    {
        Epoch = epoch;
        Batch = batch;
        Loss = loss;
    }

    /// <summary>Creates an empty exception.</summary>
    public TrainingDivergedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TrainingDivergedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public TrainingDivergedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>0-based epoch.</summary>
    public int Epoch { get; }

    /// <summary>0-based batch within the epoch.</summary>
    public int Batch { get; }

    /// <summary>The non-finite loss value.</summary>
    public double Loss { get; }
}
