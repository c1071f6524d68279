namespace HepMl.Analysis.Classic;

/// <summary>An iterative fit did not converge within its iteration limit; the message says which method, after how many iterations, and how far it was from converging.</summary>
public sealed class ConvergenceException(string message) : InvalidOperationException(message);
