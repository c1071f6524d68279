using HepMl.Io.Hdf5;

namespace HepMl.Io.Conversion;

/// <summary>Small helpers over <see cref="Hdf5Dataset"/> for the converter.</summary>
internal static class Hdf5DatasetExtensions
{
    public static bool IsJagged(this Hdf5Dataset dataset) => dataset.DataType.IsVariableLengthSequence;
}
