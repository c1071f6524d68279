namespace HepMl.Io.Conversion;

/// <summary>Where a converted table goes: a ROOT tree, an HDF5 group of datasets or a CSV file.</summary>
public interface ITableSink : IDisposable
{
    /// <summary>Appends a block of entries.</summary>
    void Write(TableBlock block);
}
