namespace HepMl.Tmva.Factory;

/// <summary>An <see cref="IProgress{T}"/> that calls its handler on the reporting thread, in order (unlike
/// <see cref="Progress{T}"/>, which posts to the thread pool when there is no synchronisation context).</summary>
internal sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
