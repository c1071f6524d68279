namespace HepMl.Physics.Jets.Internal;

/// <summary>
/// A binary tree over a fixed array of values where every node knows the location of the minimum of its subtree,
/// so the global minimum is O(1) and an update is O(ln N). Same structure and tie-breaking as FastJet's
/// <c>MinHeap</c> (<c>include/fastjet/internal/MinHeap.hh</c>), which the min-heap tiled strategy relies on.
/// </summary>
internal sealed class MinHeap
{
    private double[] _values = [];
    private int[] _minLocation = [];
    private int _size;

    /// <summary>Location of the smallest value (the first in tree order among equals).</summary>
    public int MinLocation => _minLocation[0];

    /// <summary>The smallest value.</summary>
    public double MinValue => _values[_minLocation[0]];

    /// <summary>Fills the heap with <paramref name="values"/>.</summary>
    public void Initialise(ReadOnlySpan<double> values)
    {
        _size = values.Length;
        if (_values.Length < _size)
        {
            _values = new double[_size];
            _minLocation = new int[_size];
        }

        for (int i = 0; i < _size; i++)
        {
            _values[i] = values[i];
            _minLocation[i] = i;
        }

        for (int i = _size - 1; i > 0; i--)
        {
            int parent = (i - 1) / 2;
            if (_values[_minLocation[i]] < _values[_minLocation[parent]])
            {
                _minLocation[parent] = _minLocation[i];
            }
        }
    }

    /// <summary>Removes a location (sets it to the largest double).</summary>
    public void Remove(int location) => Update(location, double.MaxValue);

    /// <summary>Sets the value at <paramref name="location"/> and repairs the minima above it.</summary>
    public void Update(int location, double value)
    {
        double[] values = _values;
        int[] minLocation = _minLocation;
        int start = location;

        // If the minimum of this subtree is elsewhere and the new value is not below it, nothing above changes.
        if (minLocation[start] != start && !(value < values[minLocation[start]]))
        {
            values[start] = value;
            return;
        }

        values[start] = value;
        minLocation[start] = start;
        bool changed = true;
        int loc = location;
        while (changed)
        {
            changed = false;
            if (minLocation[loc] == start)
            {
                minLocation[loc] = loc;
                changed = true;
            }

            int child = 2 * loc + 1;
            if (child < _size && values[minLocation[child]] < values[minLocation[loc]])
            {
                minLocation[loc] = minLocation[child];
                changed = true;
            }

            child++;
            if (child < _size && values[minLocation[child]] < values[minLocation[loc]])
            {
                minLocation[loc] = minLocation[child];
                changed = true;
            }

            if (loc == 0)
            {
                break;
            }

            loc = (loc - 1) / 2;
        }
    }
}
