namespace HepMl.Analysis.Classic.Internal;

/// <summary>Small dense linear algebra in double precision (row-major square matrices), for the classic methods' normal equations and covariance matrices.</summary>
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

    /// <summary>
    /// Eigen-decomposition of a symmetric n×n matrix by cyclic Jacobi rotations: eigenvalues descending and the
    /// matching unit eigenvectors as rows of a row-major matrix. Accurate to working precision for the small
    /// matrices (n ≲ 200) used here.
    /// </summary>
    public static (double[] Values, double[] Vectors) SymmetricEigen(double[] symmetric, int n)
    {
        var a = (double[])symmetric.Clone();
        var v = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            v[(i * n) + i] = 1;
        }

        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, diagonal = 0;
            for (int i = 0; i < n; i++)
            {
                diagonal += a[(i * n) + i] * a[(i * n) + i];
                for (int j = i + 1; j < n; j++)
                {
                    off += a[(i * n) + j] * a[(i * n) + j];
                }
            }

            if (off <= 1e-30 * Math.Max(diagonal, double.Epsilon))
            {
                break;
            }

            for (int p = 0; p < n - 1; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    double apq = a[(p * n) + q];
                    if (apq == 0)
                    {
                        continue;
                    }

                    double app = a[(p * n) + p], aqq = a[(q * n) + q];
                    double theta = (aqq - app) / (2 * apq);
                    double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    if (theta == 0)
                    {
                        t = 1;
                    }

                    double c = 1 / Math.Sqrt((t * t) + 1), s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[(k * n) + p], akq = a[(k * n) + q];
                        a[(k * n) + p] = (c * akp) - (s * akq);
                        a[(k * n) + q] = (s * akp) + (c * akq);
                    }

                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[(p * n) + k], aqk = a[(q * n) + k];
                        a[(p * n) + k] = (c * apk) - (s * aqk);
                        a[(q * n) + k] = (s * apk) + (c * aqk);
                    }

                    for (int k = 0; k < n; k++)
                    {
                        double vkp = v[(k * n) + p], vkq = v[(k * n) + q];
                        v[(k * n) + p] = (c * vkp) - (s * vkq);
                        v[(k * n) + q] = (s * vkp) + (c * vkq);
                    }
                }
            }
        }

        int[] order = Enumerable.Range(0, n).OrderByDescending(i => a[(i * n) + i]).ToArray();
        var values = new double[n];
        var vectors = new double[n * n];
        for (int r = 0; r < n; r++)
        {
            int column = order[r];
            values[r] = a[(column * n) + column];
            for (int k = 0; k < n; k++)
            {
                vectors[(r * n) + k] = v[(k * n) + column];
            }
        }

        return (values, vectors);
    }

    private static void SwapRows(double[] matrix, int columns, int a, int b)
    {
        for (int j = 0; j < columns; j++)
        {
            (matrix[(a * columns) + j], matrix[(b * columns) + j]) = (matrix[(b * columns) + j], matrix[(a * columns) + j]);
        }
    }
}
