using HepMl.Analysis.NeuralNetworks.Data;
using HepMl.Analysis.Tensors;

namespace HepMl.Analysis.NeuralNetworks.Training;

/// <summary>
/// Runs the forward pass of one batch and returns the scalar loss; <paramref name="weights"/> are the event weights
/// after class weighting (or null), and <paramref name="metric"/>, when not null, should be updated with the output.
/// </summary>
public delegate Tensor BatchLoss(Batch batch, Tensor? weights, TrainingMetric? metric);
