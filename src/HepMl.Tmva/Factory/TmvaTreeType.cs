namespace HepMl.Tmva.Factory;

/// <summary>Which sample a source's events go to (TMVA: <c>Types::ETreeType</c> in <c>AddSignalTree</c>).</summary>
public enum TmvaTreeType
{
    /// <summary>Split between training and test by <c>PrepareTrainingAndTestTree</c>.</summary>
    Both,

    /// <summary>All events are training events.</summary>
    Training,

    /// <summary>All events are test events.</summary>
    Testing,
}
