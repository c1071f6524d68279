namespace HepMl.Analysis.NeuralNetworks.Models;

/// <summary>Mean discriminator and generator losses of one GAN epoch.</summary>
public sealed record GanEpochRecord(int Epoch, double DiscriminatorLoss, double GeneratorLoss, double Seconds);
