namespace HepMl.Analysis.Classic;

/// <summary>
/// A method's linear system (a covariance or normal-equation matrix) is singular: usually a constant feature or
/// one that is a linear combination of others. The message names the matrix.
/// </summary>
public sealed class SingularMatrixException(string message) : InvalidOperationException(message);
