namespace HepMl.Tmva.Factory;

/// <summary>Progress of a training job: what is running and the fraction of the whole job done (0 to 1).</summary>
/// <param name="Message">What is running ("BDT: training on 4000 events").</param>
/// <param name="Fraction">Fraction of the job done, from 0 to 1.</param>
public readonly record struct TmvaProgress(string Message, double Fraction)
{
    /// <summary>A sink for a part of a job: its fractions 0..1 land in [start, start + width] of <paramref name="sink"/>,
    /// its messages get <paramref name="prefix"/>.</summary>
    internal static IProgress<TmvaProgress>? Within(IProgress<TmvaProgress>? sink, double start, double width, string prefix = "") =>
        sink is null ? null : new SynchronousProgress<TmvaProgress>(p => sink.Report(new TmvaProgress(prefix + p.Message, start + (width * p.Fraction))));
}
