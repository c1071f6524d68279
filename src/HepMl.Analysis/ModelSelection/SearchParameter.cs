namespace HepMl.Analysis.ModelSelection;

/// <summary>One hyperparameter of a search space.</summary>
/// <param name="Name">Parameter name, as read back from <see cref="ParameterSet"/>.</param>
public abstract record SearchParameter(string Name);

/// <summary>A real parameter in [Low, High], sampled uniformly or (Logarithmic) log-uniformly.</summary>
public sealed record RealParameter(string Name, double Low, double High, bool Logarithmic = false) : SearchParameter(Name);

/// <summary>An integer parameter in [Low, High] (inclusive), sampled uniformly or log-uniformly.</summary>
public sealed record IntegerParameter(string Name, int Low, int High, bool Logarithmic = false) : SearchParameter(Name);

/// <summary>A categorical parameter taking one of the given choices.</summary>
public sealed record CategoricalParameter(string Name, IReadOnlyList<string> Choices) : SearchParameter(Name);
