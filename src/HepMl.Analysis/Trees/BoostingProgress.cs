namespace HepMl.Analysis.Trees;

/// <summary>Progress of a boosting run, reported after every round.</summary>
/// <param name="Round">Rounds finished (1-based).</param>
/// <param name="TotalRounds">Rounds requested.</param>
/// <param name="ValidationMetric">The validation metric after this round, or null without a validation set.</param>
public readonly record struct BoostingProgress(int Round, int TotalRounds, double? ValidationMetric);
