namespace HepMl.Analysis.Transformations.Internal;

/// <summary>Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations.</summary>
internal static class SymmetricEigen
{
    /// <summary>
    /// Decomposes the row-major symmetric n×n <paramref name="matrix"/>. Returns the eigenvalues in descending order and
    /// the eigenvectors as the columns of a row-major n×n matrix (column k belongs to value k), each with its largest
    /// component positive so the result is deterministic.
    /// </summary>
    public static (double[] Values, double[] Vectors) Decompose(double[] matrix, int n)
    {
        var a = (double[])matrix.Clone();
        var v = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            v[(i * n) + i] = 1;
        }

        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    off += a[(p * n) + q] * a[(p * n) + q];
                }
            }

            if (off < 1e-30 * Math.Max(1e-300, Trace2(a, n)))
            {
                break;
            }

            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    Rotate(a, v, n, p, q);
                }
            }
        }

        var values = new double[n];
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = a[(i * n) + i];
            order[i] = i;
        }

        Array.Sort(order, (x, y) => values[y].CompareTo(values[x]));
        var sortedValues = new double[n];
        var sortedVectors = new double[n * n];
        for (int k = 0; k < n; k++)
        {
            int source = order[k];
            sortedValues[k] = values[source];
            int largest = 0;
            for (int i = 1; i < n; i++)
            {
                if (Math.Abs(v[(i * n) + source]) > Math.Abs(v[(largest * n) + source]))
                {
                    largest = i;
                }
            }

            double sign = v[(largest * n) + source] < 0 ? -1 : 1;
            for (int i = 0; i < n; i++)
            {
                sortedVectors[(i * n) + k] = sign * v[(i * n) + source];
            }
        }

        return (sortedValues, sortedVectors);
    }

    private static double Trace2(double[] a, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += a[(i * n) + i] * a[(i * n) + i];
        }

        return sum;
    }

    private static void Rotate(double[] a, double[] v, int n, int p, int q)
    {
        double apq = a[(p * n) + q];
        if (apq == 0)
        {
            return;
        }

        double app = a[(p * n) + p];
        double aqq = a[(q * n) + q];
        double theta = (aqq - app) / (2 * apq);
        double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
        if (theta == 0)
        {
            t = 1;
        }

        double c = 1 / Math.Sqrt((t * t) + 1);
        double s = t * c;
        for (int k = 0; k < n; k++)
        {
            double akp = a[(k * n) + p];
            double akq = a[(k * n) + q];
            a[(k * n) + p] = (c * akp) - (s * akq);
            a[(k * n) + q] = (s * akp) + (c * akq);
        }

        for (int k = 0; k < n; k++)
        {
            double apk = a[(p * n) + k];
            double aqk = a[(q * n) + k];
            a[(p * n) + k] = (c * apk) - (s * aqk);
            a[(q * n) + k] = (s * apk) + (c * aqk);
        }

        for (int k = 0; k < n; k++)
        {
            double vkp = v[(k * n) + p];
            double vkq = v[(k * n) + q];
            v[(k * n) + p] = (c * vkp) - (s * vkq);
            v[(k * n) + q] = (s * vkp) + (c * vkq);
        }
    }
}
