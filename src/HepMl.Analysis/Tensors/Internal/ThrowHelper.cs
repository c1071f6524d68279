using System.Diagnostics.CodeAnalysis;

namespace HepMl.Analysis.Tensors.Internal;

/// <summary>Throw sites kept out of hot methods.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ShapeMismatch(string operation, string expectation, TensorShape actual, TensorShape? other = null) =>
        throw new ShapeMismatchException(operation, expectation, actual, other);

    public static void RequireRank(string operation, Tensor t, int rank)
    {
        if (t.Rank != rank)
        {
            ShapeMismatch(operation, $"needs a rank-{rank} tensor", t.Shape);
        }
    }
}
