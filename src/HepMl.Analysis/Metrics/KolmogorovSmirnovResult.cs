namespace HepMl.Analysis.Metrics;

/// <summary>Outcome of a two-sample Kolmogorov-Smirnov test.</summary>
/// <param name="Statistic">D = sup |F₁ − F₂| of the (weighted) empirical distribution functions.</param>
/// <param name="PValue">Probability of a D at least this large if both samples come from one distribution.</param>
/// <param name="EffectiveSize">n₁·n₂/(n₁+n₂) with n = (Σw)²/Σw² (the event counts when unweighted).</param>
/// <param name="Method">The method that produced the p-value (never <see cref="KolmogorovSmirnovMethod.Automatic"/>).</param>
public sealed record KolmogorovSmirnovResult(double Statistic, double PValue, double EffectiveSize, KolmogorovSmirnovMethod Method);
