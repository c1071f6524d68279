namespace HepMl.Io.Conversion;

/// <summary>The table formats <c>hepml convert</c> reads and writes.</summary>
public enum TableFormat
{
    /// <summary>A ROOT file (a TTree).</summary>
    Root,

    /// <summary>An HDF5 file (a group of datasets sharing their first dimension, or one dataset).</summary>
    Hdf5,

    /// <summary>A CSV file with a header row.</summary>
    Csv,
}
