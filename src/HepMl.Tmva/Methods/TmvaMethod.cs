using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Methods;

/// <summary>
/// A TMVA method rebuilt from its weight file, evaluated on events that already went through the file's variable
/// transformations (TMVA: <c>MethodBase::GetMvaValue</c> on <c>GetEvent()</c>). Immutable and thread-safe; use it
/// through <c>TmvaReader</c>, which binds inputs and applies the transformations.
/// </summary>
public abstract class TmvaMethod
{
    private protected TmvaMethod(TmvaWeightFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        MethodType = file.MethodType;
        Title = file.MethodTitle;
        AnalysisType = file.AnalysisType;
        VariableCount = file.Variables.Count;
    }

    /// <summary>TMVA method type, e.g. <c>BDT</c>.</summary>
    public string MethodType { get; }

    /// <summary>Method title from the weight file, e.g. <c>BDTG</c>.</summary>
    public string Title { get; }

    /// <summary>Classification, regression or multi-class.</summary>
    public TmvaAnalysisType AnalysisType { get; }

    /// <summary>Number of input variables.</summary>
    public int VariableCount { get; }

    /// <summary>Number of values one evaluation yields: 1 for classification, the class count for multi-class,
    /// the target count for regression.</summary>
    public virtual int OutputCount => 1;

    /// <summary>True when the method needs the inputs transformed once with the signal and once with the background
    /// parameters (TMVA Likelihood) instead of once with the all-classes parameters.</summary>
    internal virtual bool UsesClassSpecificInputs => false;

    /// <summary>Evaluates one transformed event.</summary>
    /// <param name="inputs">The transformed event vector (variables first).</param>
    /// <param name="auxiliary">TMVA's <c>aux</c> argument (Cuts: the signal efficiency).</param>
    /// <param name="outputs">Receives <see cref="OutputCount"/> values (regression targets before the inverse
    /// target transformation).</param>
    internal abstract void Evaluate(ReadOnlySpan<float> inputs, double auxiliary, Span<double> outputs);

    /// <summary>Evaluates one event transformed with the signal (<paramref name="signalInputs"/>) and background
    /// parameters; only called when <see cref="UsesClassSpecificInputs"/>.</summary>
    internal virtual void Evaluate(ReadOnlySpan<float> signalInputs, ReadOnlySpan<float> backgroundInputs, Span<double> outputs) =>
        throw new NotSupportedException($"{MethodType} does not use class-specific inputs");

    /// <summary>
    /// Evaluates <paramref name="rows"/> transformed events stored row-major with <paramref name="stride"/> values
    /// per event (classification and single-output methods). The default loops over <see cref="Evaluate(ReadOnlySpan{float}, double, Span{double})"/>.
    /// </summary>
    internal virtual void EvaluateBatch(ReadOnlySpan<float> inputs, int rows, int stride, double auxiliary, Span<double> outputs)
    {
        Span<double> one = stackalloc double[1];
        for (int i = 0; i < rows; i++)
        {
            Evaluate(inputs.Slice(i * stride, stride), auxiliary, one);
            outputs[i] = one[0];
        }
    }
}
