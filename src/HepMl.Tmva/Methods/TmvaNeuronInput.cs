namespace HepMl.Tmva.Methods;

/// <summary>How a TMVA neuron combines its weighted inputs (<c>NeuronInputType</c>).</summary>
public enum TmvaNeuronInput
{
    /// <summary><c>sum</c>: Σ w·a.</summary>
    Sum,

    /// <summary><c>sqsum</c>: Σ (w·a)².</summary>
    SquareSum,

    /// <summary><c>abssum</c>: Σ |w·a|.</summary>
    AbsoluteSum,
}
