namespace HepMl.Analysis.Transformations;

/// <summary>
/// An input-variable transformation fitted on training data (TMVA: <c>VariableTransformBase</c>): float values in,
/// float values out, with one parameter set per class plus one for all classes together.
/// </summary>
/// <remarks>
/// <para>
/// Parameter sets follow TMVA: a transformation fitted on k &gt; 1 classes holds k + 1 sets (set c for class c,
/// the last for all classes); one fitted without classes, or on one class (regression), holds one set. A class
/// index that is negative or outside the sets selects the last set, exactly as TMVA's reader does.
/// </para>
/// <para>
/// Values are single precision and every output is rounded to float, as TMVA stores event values as
/// <c>Float_t</c>; each transformation documents where it computes in double. This is what makes a transformation
/// read from a TMVA weight file reproduce <c>TMVA::Reader</c> to the last bit.
/// </para>
/// Instances are immutable and thread-safe.
/// </remarks>
public abstract class VariableTransformation
{
    /// <summary>The class index meaning "all classes together" (TMVA's reference class -1).</summary>
    public const int AllClasses = -1;

    /// <summary>Initialises the counts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1.</exception>
    protected VariableTransformation(int variableCount, int parameterSetCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(variableCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameterSetCount, 1);
        VariableCount = variableCount;
        ParameterSetCount = parameterSetCount;
    }

    /// <summary>The TMVA name of the transformation (<c>Normalize</c>, <c>Decorrelation</c>, <c>PCA</c>, <c>Gauss</c>,
    /// <c>Uniform</c>) or HepMl's own (<c>Standardize</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Number of values the transformation reads and writes.</summary>
    public int VariableCount { get; }

    /// <summary>Number of parameter sets: classes + 1 when fitted on several classes, else 1.</summary>
    public int ParameterSetCount { get; }

    /// <summary>True when <see cref="InverseTransform"/> is available (Normalize, Gauss/Uniform, Standardize).</summary>
    public virtual bool IsInvertible => false;

    /// <summary>The parameter set used for <paramref name="classIndex"/>: the last one when it is negative or too large.</summary>
    public int ResolveParameterSet(int classIndex) =>
        classIndex < 0 || classIndex >= ParameterSetCount ? ParameterSetCount - 1 : classIndex;

    /// <summary>Transforms one event's values.</summary>
    /// <param name="input">The <see cref="VariableCount"/> input values.</param>
    /// <param name="output">Receives <see cref="VariableCount"/> values; may be the same memory as the input.</param>
    /// <param name="classIndex">The class whose parameters to use, or <see cref="AllClasses"/>.</param>
    /// <exception cref="ArgumentException">A span is shorter than <see cref="VariableCount"/>.</exception>
    public void Transform(ReadOnlySpan<float> input, Span<float> output, int classIndex = AllClasses)
    {
        CheckLengths(input.Length, output.Length);
        TransformCore(input[..VariableCount], output[..VariableCount], ResolveParameterSet(classIndex));
    }

    /// <summary>Undoes <see cref="Transform"/> (TMVA uses it on regression targets).</summary>
    /// <exception cref="NotSupportedException">The transformation has no inverse (Decorrelation, PCA).</exception>
    /// <exception cref="ArgumentException">A span is shorter than <see cref="VariableCount"/>.</exception>
    public void InverseTransform(ReadOnlySpan<float> input, Span<float> output, int classIndex = AllClasses)
    {
        if (!IsInvertible)
        {
            throw new NotSupportedException($"the {Name} transformation has no inverse");
        }

        CheckLengths(input.Length, output.Length);
        InverseTransformCore(input[..VariableCount], output[..VariableCount], ResolveParameterSet(classIndex));
    }

    /// <summary>Transforms one event with parameter set <paramref name="set"/>; spans have exactly
    /// <see cref="VariableCount"/> values and may overlap completely.</summary>
    protected abstract void TransformCore(ReadOnlySpan<float> input, Span<float> output, int set);

    /// <summary>Inverse of <see cref="TransformCore"/>; only called when <see cref="IsInvertible"/>.</summary>
    protected virtual void InverseTransformCore(ReadOnlySpan<float> input, Span<float> output, int set) =>
        throw new NotSupportedException($"the {Name} transformation has no inverse");

    /// <summary>Checks that each set of a per-set parameter array has <paramref name="perSet"/> values.</summary>
    private protected static void CheckSets<T>(IReadOnlyList<T[]> sets, int perSet, string name)
    {
        ArgumentNullException.ThrowIfNull(sets, name);
        if (sets.Count == 0)
        {
            throw new ArgumentException($"{name} holds no parameter set", name);
        }

        for (int s = 0; s < sets.Count; s++)
        {
            if (sets[s] is null || sets[s].Length != perSet)
            {
                throw new ArgumentException(
                    $"{name}[{s}] holds {sets[s]?.Length ?? 0} values; expected {perSet}", name);
            }
        }
    }

    private void CheckLengths(int inputLength, int outputLength)
    {
        if (inputLength < VariableCount || outputLength < VariableCount)
        {
            throw new ArgumentException(
                $"the {Name} transformation needs {VariableCount} values; input holds {inputLength}, output {outputLength}");
        }
    }
}
