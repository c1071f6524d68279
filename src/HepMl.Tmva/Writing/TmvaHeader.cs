using HepMl.Analysis.Transformations;
using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Writing;

/// <summary>What a weight file says besides the method's weights.</summary>
public sealed class TmvaHeader
{
    /// <summary>Creates a header for a method.</summary>
    /// <param name="methodType">TMVA method type (<c>BDT</c>, <c>MLP</c>, <c>Fisher</c>, <c>LD</c>, <c>Likelihood</c>).</param>
    /// <param name="methodTitle">The method title (the file's <c>Method="Type::Title"</c>).</param>
    /// <param name="analysisType">Classification, regression or multi-class.</param>
    /// <param name="variables">Input variables, in the order the method indexes them.</param>
    public TmvaHeader(string methodType, string methodTitle, TmvaAnalysisType analysisType, IReadOnlyList<TmvaVariableInfo> variables)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(methodType);
        ArgumentException.ThrowIfNullOrWhiteSpace(methodTitle);
        ArgumentNullException.ThrowIfNull(variables);
        MethodType = methodType;
        MethodTitle = methodTitle;
        AnalysisType = analysisType;
        Variables = variables;
        ClassNames = analysisType == TmvaAnalysisType.Regression ? ["Regression"] : ["Signal", "Background"];
    }

    /// <summary>Method type.</summary>
    public string MethodType { get; }

    /// <summary>Method title.</summary>
    public string MethodTitle { get; }

    /// <summary>Analysis type.</summary>
    public TmvaAnalysisType AnalysisType { get; }

    /// <summary>Input variables.</summary>
    public IReadOnlyList<TmvaVariableInfo> Variables { get; }

    /// <summary>Spectators (none by default).</summary>
    public IReadOnlyList<TmvaVariableInfo> Spectators { get; init; } = [];

    /// <summary>Regression targets.</summary>
    public IReadOnlyList<TmvaVariableInfo> Targets { get; init; } = [];

    /// <summary>Class names; default Signal (0), Background (1), or Regression.</summary>
    public IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>Options written with <c>modified="Yes"</c>: those that differ from the method defaults, plus
    /// <c>VarTransform</c> for documentation.</summary>
    public IReadOnlyList<(string Name, string Value)> Options { get; init; } = [];

    /// <summary>Input transformations over the event vector <c>[variables, targets]</c>, or null for none.</summary>
    public TransformationChain? Transformations { get; init; }

    /// <summary>The TMVA release written; it selects version-dependent Reader behaviour (MLP tanh). Default 4.2.1.</summary>
    public string TmvaRelease { get; init; } = TmvaWeightFileWriter.TmvaRelease;

    /// <summary>Number of training events (informational).</summary>
    public int TrainingEvents { get; init; }

    /// <summary>Training time in seconds (informational).</summary>
    public double TrainingSeconds { get; init; }

    /// <summary>The date text; null for now (set it for reproducible files).</summary>
    public string? Date { get; init; }

    /// <summary>A variable description with the given expression, type F and the given training range.</summary>
    public static TmvaVariableInfo Variable(int index, string expression, double minimum = 0, double maximum = 0) =>
        new(index, expression, expression, expression, "", Internal(expression), 'F', minimum, maximum);

    /// <summary>TMVA's internal name: the expression with characters that are not letters, digits or '_' replaced.</summary>
    public static string Internal(string expression) =>
        string.Concat(expression.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_'));
}
