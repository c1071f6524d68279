using HepMl.Analysis.Data;

namespace HepMl.Analysis.Transformations;

/// <summary>
/// Transformations applied one after the other to an event vector (TMVA: <c>TransformationHandler</c>): each step
/// reads and writes its own positions, the others pass through unchanged. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Fitting (<see cref="Fit(Dataset, IEnumerable{TransformationRequest})"/>) follows TMVA: each step is fitted on the
/// training events as transformed by the steps before it. Chains are saved in HepMl's own JSON format
/// (<see cref="TransformationChainSerializer"/>); TMVA weight files carry them in their <c>Transformations</c> element.
/// </remarks>
public sealed class TransformationChain
{
    private readonly TransformationStep[] _steps;

    /// <summary>Creates a chain of <paramref name="steps"/> acting on event vectors of <paramref name="length"/> values.</summary>
    /// <exception cref="ArgumentException">A step reads a position at or beyond <paramref name="length"/>.</exception>
    public TransformationChain(int length, IEnumerable<TransformationStep> steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentNullException.ThrowIfNull(steps);
        _steps = steps.ToArray();
        foreach (TransformationStep step in _steps)
        {
            ArgumentNullException.ThrowIfNull(step, nameof(steps));
            if (step.RequiredLength > length)
            {
                throw new ArgumentException(
                    $"the {step.Transformation.Name} step reads position {step.RequiredLength - 1} but events hold {length} values",
                    nameof(steps));
            }
        }

        Length = length;
        ScratchLength = _steps.Length == 0 ? 0 : _steps.Max(s => s.Transformation.VariableCount);
    }

    /// <summary>An empty chain (identity) over <paramref name="length"/> values.</summary>
    public static TransformationChain Identity(int length) => new(length, []);

    /// <summary>Number of values in an event vector.</summary>
    public int Length { get; }

    /// <summary>The steps, in application order.</summary>
    public IReadOnlyList<TransformationStep> Steps => _steps;

    /// <summary>True when the chain has no step.</summary>
    public bool IsIdentity => _steps.Length == 0;

    /// <summary>True when every step can be inverted.</summary>
    public bool IsInvertible => _steps.All(s => s.Transformation.IsInvertible);

    internal int ScratchLength { get; }

    /// <summary>Transforms one event.</summary>
    /// <param name="input">The <see cref="Length"/> raw values.</param>
    /// <param name="output">Receives the <see cref="Length"/> transformed values (may be the input's memory).</param>
    /// <param name="classIndex">The class whose parameters to use, or <see cref="VariableTransformation.AllClasses"/>.</param>
    /// <exception cref="ArgumentException">A span is shorter than <see cref="Length"/>.</exception>
    public void Transform(ReadOnlySpan<float> input, Span<float> output, int classIndex = VariableTransformation.AllClasses)
    {
        CheckLengths(input.Length, output.Length);
        if (!input.Overlaps(output))
        {
            input[..Length].CopyTo(output);
        }

        Span<float> scratch = ScratchLength <= 128 ? stackalloc float[ScratchLength] : new float[ScratchLength];
        foreach (TransformationStep step in _steps)
        {
            step.Apply(output, classIndex, scratch, inverse: false);
        }
    }

    /// <summary>Undoes <see cref="Transform(ReadOnlySpan{float}, Span{float}, int)"/>, last step first.</summary>
    /// <exception cref="NotSupportedException">A step cannot be inverted.</exception>
    /// <exception cref="ArgumentException">A span is shorter than <see cref="Length"/>.</exception>
    public void InverseTransform(ReadOnlySpan<float> input, Span<float> output, int classIndex = VariableTransformation.AllClasses)
    {
        CheckLengths(input.Length, output.Length);
        foreach (TransformationStep step in _steps)
        {
            if (!step.Transformation.IsInvertible)
            {
                throw new NotSupportedException($"the chain holds a {step.Transformation.Name} step, which has no inverse");
            }
        }

        if (!input.Overlaps(output))
        {
            input[..Length].CopyTo(output);
        }

        Span<float> scratch = ScratchLength <= 128 ? stackalloc float[ScratchLength] : new float[ScratchLength];
        for (int s = _steps.Length - 1; s >= 0; s--)
        {
            _steps[s].Apply(output, classIndex, scratch, inverse: true);
        }
    }

    /// <summary>Transforms every event of <paramref name="data"/> into a new dataset with the same labels and weights.</summary>
    /// <exception cref="ArgumentException">The dataset's feature count differs from <see cref="Length"/>.</exception>
    public Dataset Transform(Dataset data, int classIndex = VariableTransformation.AllClasses)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != Length)
        {
            throw new ArgumentException($"the chain acts on {Length} values; the dataset has {data.FeatureCount} features", nameof(data));
        }

        var columns = new float[Length][];
        for (int j = 0; j < Length; j++)
        {
            columns[j] = new float[data.RowCount];
        }

        var row = new float[Length];
        for (int i = 0; i < data.RowCount; i++)
        {
            data.CopyRow(i, row);
            Transform(row, row, classIndex);
            for (int j = 0; j < Length; j++)
            {
                columns[j][i] = row[j];
            }
        }

        return new Dataset(
            data.FeatureNames,
            columns,
            data.HasLabels ? data.Labels.ToArray() : null,
            data.HasExplicitWeights ? data.Weights.ToArray() : null,
            data.HasTargets ? data.Targets.ToArray() : null,
            data.HasLabels ? data.ClassNames : null);
    }

    /// <summary>
    /// Fits the requested transformations in order, each on the training events transformed by the previous ones.
    /// </summary>
    /// <param name="data">Training events (features only are transformed).</param>
    /// <param name="requests">What to fit, in order.</param>
    /// <exception cref="ArgumentException">The data cannot support a requested fit (see each transformation's Fit).</exception>
    public static TransformationChain Fit(Dataset data, IEnumerable<TransformationRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requests);
        var steps = new List<TransformationStep>();
        Dataset current = data;
        foreach (TransformationRequest request in requests)
        {
            IReadOnlyList<int>? variables = request.Variables;
            VariableTransformation transformation = request.Kind switch
            {
                TransformationKind.Normalise => Normalisation.Fit(current, variables),
                TransformationKind.Decorrelate => Decorrelation.Fit(current, variables),
                TransformationKind.PrincipalComponents => PrincipalComponents.Fit(current, variables),
                TransformationKind.Gaussianise => Gaussianisation.Fit(current, variables, flat: false),
                TransformationKind.Uniformise => Gaussianisation.Fit(current, variables, flat: true),
                TransformationKind.Standardise => Standardisation.Fit(current, variables),
                _ => throw new ArgumentOutOfRangeException(nameof(requests), request.Kind, "unknown transformation kind"),
            };
            int[] positions = variables?.ToArray() ?? Enumerable.Range(0, data.FeatureCount).ToArray();
            var step = new TransformationStep(transformation, positions, request.ReferenceClass);
            steps.Add(step);
            current = new TransformationChain(data.FeatureCount, [step]).Transform(current);
        }

        return new TransformationChain(data.FeatureCount, steps);
    }

    /// <summary>Fits the requested kinds over all variables (shorthand).</summary>
    public static TransformationChain Fit(Dataset data, params TransformationKind[] kinds) =>
        Fit(data, kinds.Select(k => new TransformationRequest(k)));

    private void CheckLengths(int inputLength, int outputLength)
    {
        if (inputLength < Length || outputLength < Length)
        {
            throw new ArgumentException(
                $"the transformation chain acts on {Length} values; input holds {inputLength}, output {outputLength}");
        }
    }
}
