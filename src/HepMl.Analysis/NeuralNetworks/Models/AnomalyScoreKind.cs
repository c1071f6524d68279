namespace HepMl.Analysis.NeuralNetworks.Models;

/// <summary>Which quantity an autoencoder reports as an event's anomaly score.</summary>
public enum AnomalyScoreKind
{
    /// <summary>Sum of squared differences between the event and its reconstruction (the latent mean is decoded).</summary>
    Reconstruction,

    /// <summary>KL divergence of the encoded Gaussian from the prior (VAE only).</summary>
    KlDivergence,

    /// <summary>Reconstruction + β · KL, the negative ELBO up to constants (VAE only).</summary>
    Both,
}
