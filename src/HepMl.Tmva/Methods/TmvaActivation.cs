namespace HepMl.Tmva.Methods;

/// <summary>TMVA neuron activation functions (<c>TActivationChooser</c> names).</summary>
public enum TmvaActivation
{
    /// <summary><c>linear</c>: x.</summary>
    Linear,

    /// <summary><c>sigmoid</c>: 1/(1+e^-x).</summary>
    Sigmoid,

    /// <summary><c>tanh</c>: exact tanh (files before TMVA 4.2.1).</summary>
    Tanh,

    /// <summary><c>tanh</c> with TMVA's fast rational approximation (files from TMVA 4.2.1 on).</summary>
    FastTanh,

    /// <summary><c>radial</c>: exp(-x²/2).</summary>
    Radial,

    /// <summary><c>ReLU</c>: max(x, 0).</summary>
    ReLU,
}
