namespace HepMl.Analysis.NeuralNetworks.Optimizers;

/// <summary>Adam with decoupled weight decay (Loshchilov and Hutter). PyTorch: <c>torch.optim.AdamW</c> (default decay 0.01).</summary>
public sealed class AdamW : Adam
{
    /// <summary>Creates the optimiser.</summary>
    public AdamW(IEnumerable<Parameter> parameters, float learningRate = 1e-3f, float weightDecay = 0.01f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, bool amsGrad = false)
        : base(parameters, learningRate, beta1, beta2, epsilon, amsGrad, weightDecay)
    {
    }
}
