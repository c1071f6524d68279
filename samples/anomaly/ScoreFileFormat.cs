namespace HepMl.Samples.Anomaly;

/// <summary>How the per-event scores are written.</summary>
public enum ScoreFileFormat
{
    /// <summary>A ROOT file with a TTree <c>scores</c> (HepMl.Io's ROOT writer), readable by ROOT and uproot.</summary>
    Root,

    /// <summary>A CSV table.</summary>
    Csv,
}
