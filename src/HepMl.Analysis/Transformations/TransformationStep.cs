namespace HepMl.Analysis.Transformations;

/// <summary>
/// One link of a <see cref="TransformationChain"/>: a transformation, the positions of the event vector it reads
/// and writes (TMVA's <c>Selection</c>), and the class whose parameters it uses.
/// </summary>
public sealed class TransformationStep
{
    private readonly int[] _positions;

    /// <summary>Creates the step.</summary>
    /// <param name="transformation">The fitted transformation.</param>
    /// <param name="positions">One event-vector position per transformation variable, distinct and non-negative.</param>
    /// <param name="referenceClass">Class whose parameter set is used, or <see cref="VariableTransformation.AllClasses"/>
    /// to use the class the chain is evaluated for.</param>
    /// <exception cref="ArgumentException">The positions do not match the transformation or repeat.</exception>
    public TransformationStep(VariableTransformation transformation, IReadOnlyList<int> positions, int referenceClass = VariableTransformation.AllClasses)
    {
        ArgumentNullException.ThrowIfNull(transformation);
        ArgumentNullException.ThrowIfNull(positions);
        if (positions.Count != transformation.VariableCount)
        {
            throw new ArgumentException(
                $"the {transformation.Name} transformation acts on {transformation.VariableCount} values but "
                + $"{positions.Count} positions were given", nameof(positions));
        }

        var seen = new HashSet<int>();
        foreach (int position in positions)
        {
            if (position < 0 || !seen.Add(position))
            {
                throw new ArgumentException($"position {position} is negative or repeated", nameof(positions));
            }
        }

        Transformation = transformation;
        _positions = positions.ToArray();
        ReferenceClass = referenceClass;
    }

    /// <summary>The transformation.</summary>
    public VariableTransformation Transformation { get; }

    /// <summary>Positions in the event vector read and written, in transformation-variable order.</summary>
    public IReadOnlyList<int> Positions => _positions;

    /// <summary>The class whose parameter set is used, or <see cref="VariableTransformation.AllClasses"/>.</summary>
    public int ReferenceClass { get; }

    /// <summary>The largest position + 1: the shortest event vector this step can act on.</summary>
    public int RequiredLength => _positions.Max() + 1;

    internal void Apply(Span<float> values, int classIndex, Span<float> scratch, bool inverse)
    {
        int n = _positions.Length;
        Span<float> selected = scratch[..n];
        for (int j = 0; j < n; j++)
        {
            selected[j] = values[_positions[j]];
        }

        int cls = ReferenceClass == VariableTransformation.AllClasses ? classIndex : ReferenceClass;
        if (inverse)
        {
            Transformation.InverseTransform(selected, selected, cls);
        }
        else
        {
            Transformation.Transform(selected, selected, cls);
        }

        for (int j = 0; j < n; j++)
        {
            values[_positions[j]] = selected[j];
        }
    }
}
