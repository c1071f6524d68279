namespace HepMl.Analysis.Svm.Internal;

/// <summary>
/// Rows of Q_ij = y_i y_j K(x_i, x_j) computed on demand and kept in a least-recently-used cache of float rows
/// (as libsvm does), within a memory budget.
/// </summary>
internal sealed class KernelRows
{
    private readonly double[] _x; // row-major [n, d]
    private readonly double[] _squaredNorms;
    private readonly sbyte[] _y;
    private readonly int _n;
    private readonly int _d;
    private readonly SvmKernel _kernel;
    private readonly double _gamma;
    private readonly float[]?[] _rows;
    private readonly LinkedList<int> _recent = new();
    private readonly LinkedListNode<int>?[] _nodes;
    private readonly int _capacity;

    public KernelRows(double[] x, int n, int d, sbyte[] y, SvmKernel kernel, double gamma, int cacheMegabytes)
    {
        _x = x;
        _n = n;
        _d = d;
        _y = y;
        _kernel = kernel;
        _gamma = gamma;
        _squaredNorms = new double[n];
        for (int i = 0; i < n; i++)
        {
            _squaredNorms[i] = Dot(i, i);
        }

        _rows = new float[n][];
        _nodes = new LinkedListNode<int>?[n];
        _capacity = (int)Math.Clamp((long)cacheMegabytes * 1024 * 1024 / (4L * n), 2, n);
        Diagonal = new double[n];
        for (int i = 0; i < n; i++)
        {
            Diagonal[i] = Kernel(i, i);
        }
    }

    /// <summary>Q_ii = K(x_i, x_i).</summary>
    public double[] Diagonal { get; }

    public float[] Row(int i)
    {
        float[]? row = _rows[i];
        if (row is not null)
        {
            _recent.Remove(_nodes[i]!);
            _recent.AddFirst(_nodes[i]!);
            return row;
        }

        if (_recent.Count >= _capacity)
        {
            int evicted = _recent.Last!.Value;
            _recent.RemoveLast();
            row = _rows[evicted];
            _rows[evicted] = null;
            _nodes[evicted] = null;
        }

        row ??= new float[_n];
        sbyte yi = _y[i];
        for (int t = 0; t < _n; t++)
        {
            row[t] = (float)(yi * _y[t] * Kernel(i, t));
        }

        _rows[i] = row;
        _nodes[i] = _recent.AddFirst(i);
        return row;
    }

    public double Kernel(int i, int t) => _kernel == SvmKernel.Linear
        ? Dot(i, t)
        : Math.Exp(-_gamma * (_squaredNorms[i] + _squaredNorms[t] - (2 * Dot(i, t))));

    private double Dot(int a, int b)
    {
        ReadOnlySpan<double> u = _x.AsSpan(a * _d, _d), v = _x.AsSpan(b * _d, _d);
        double sum = 0;
        for (int j = 0; j < u.Length; j++)
        {
            sum += u[j] * v[j];
        }

        return sum;
    }
}
