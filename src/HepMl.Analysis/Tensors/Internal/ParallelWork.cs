namespace HepMl.Analysis.Tensors.Internal;

/// <summary>A unit of data-parallel work split into parts; instances are reused so running one allocates nothing.</summary>
internal abstract class ParallelWork
{
    /// <summary>Does part <paramref name="part"/> of <paramref name="parts"/>.</summary>
    public abstract void Execute(int part, int parts);
}
