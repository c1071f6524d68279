namespace HepMl.Analysis.Classic.Internal;

/// <summary>Small dense linear solves in double precision (row-major square matrices), for the classic methods' normal equations and covariance matrices. Symmetric eigen-decompositions: <c>Transformations.Internal.SymmetricEigen</c>.</summary>
internal static class DenseMatrix
{
    /// <summary>
    /// Solves A x = b for each right-hand side column by LU decomposition with partial pivoting. A is n×n row-major
    /// (not modified); b is n×m row-major. Throws when A is singular to working precision.
    /// </summary>
    public static double[] Solve(double[] a, int n, double[] b, int m, string what)
    {
        var lu = (double[])a.Clone();
        var x = (double[])b.Clone();
        double scale = 0;
        foreach (double v in a)
        {
            scale = Math.Max(scale, Math.Abs(v));
        }

        for (int k = 0; k < n; k++)
        {
            int pivot = k;
            for (int i = k + 1; i < n; i++)
            {
                if (Math.Abs(lu[(i * n) + k]) > Math.Abs(lu[(pivot * n) + k]))
                {
                    pivot = i;
                }
            }

            double p = lu[(pivot * n) + k];
            if (Math.Abs(p) <= scale * n * 1e-14 || scale == 0)
            {
                throw new SingularMatrixException(
                    $"{what} is singular (pivot {k} of {n} is {p:G3}); a feature is constant or a linear combination of others");
            }

            if (pivot != k)
            {
                SwapRows(lu, n, k, pivot);
                SwapRows(x, m, k, pivot);
            }

            for (int i = k + 1; i < n; i++)
            {
                double f = lu[(i * n) + k] / p;
                if (f == 0)
                {
                    continue;
                }

                for (int j = k + 1; j < n; j++)
                {
                    lu[(i * n) + j] -= f * lu[(k * n) + j];
                }

                for (int j = 0; j < m; j++)
                {
                    x[(i * m) + j] -= f * x[(k * m) + j];
                }
            }
        }

        for (int k = n - 1; k >= 0; k--)
        {
            double p = lu[(k * n) + k];
            for (int j = 0; j < m; j++)
            {
                double sum = x[(k * m) + j];
                for (int i = k + 1; i < n; i++)
                {
                    sum -= lu[(k * n) + i] * x[(i * m) + j];
                }

                x[(k * m) + j] = sum / p;
            }
        }

        return x;
    }

    private static void SwapRows(double[] matrix, int columns, int a, int b)
    {
        for (int j = 0; j < columns; j++)
        {
            (matrix[(a * columns) + j], matrix[(b * columns) + j]) = (matrix[(b * columns) + j], matrix[(a * columns) + j]);
        }
    }
}
