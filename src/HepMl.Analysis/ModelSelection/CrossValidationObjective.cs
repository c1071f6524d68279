using HepMl.Analysis.Data;

namespace HepMl.Analysis.ModelSelection;

/// <summary>
/// Trains a model on <paramref name="training"/> with <paramref name="parameters"/> and returns its score on
/// <paramref name="validation"/> (e.g. the ROC AUC). Called concurrently for different trials and folds, so it must
/// not share mutable state; use <paramref name="seed"/> for any randomness so the search is reproducible.
/// </summary>
/// <param name="training">The fold's training events.</param>
/// <param name="validation">The fold's held-out events.</param>
/// <param name="parameters">The trial's hyperparameters.</param>
/// <param name="seed">A seed fixed by the search seed, the trial and the fold.</param>
public delegate double CrossValidationObjective(Dataset training, Dataset validation, ParameterSet parameters, int seed);
