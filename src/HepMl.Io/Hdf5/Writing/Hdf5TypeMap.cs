namespace HepMl.Io.Hdf5.Writing;

/// <summary>The HDF5 datatype the writer uses for a .NET element type (little-endian; bool as h5py's enum).</summary>
internal static class Hdf5TypeMap
{
    public static Hdf5DataType For<T>()
        where T : unmanaged =>
        typeof(T) == typeof(bool) ? Hdf5DataType.Boolean()
        : typeof(T) == typeof(sbyte) ? Hdf5DataType.Integer(1, true)
        : typeof(T) == typeof(byte) ? Hdf5DataType.Integer(1, false)
        : typeof(T) == typeof(short) ? Hdf5DataType.Integer(2, true)
        : typeof(T) == typeof(ushort) ? Hdf5DataType.Integer(2, false)
        : typeof(T) == typeof(int) ? Hdf5DataType.Integer(4, true)
        : typeof(T) == typeof(uint) ? Hdf5DataType.Integer(4, false)
        : typeof(T) == typeof(long) ? Hdf5DataType.Integer(8, true)
        : typeof(T) == typeof(ulong) ? Hdf5DataType.Integer(8, false)
        : typeof(T) == typeof(Half) ? Hdf5DataType.Float(2)
        : typeof(T) == typeof(float) ? Hdf5DataType.Float(4)
        : typeof(T) == typeof(double) ? Hdf5DataType.Float(8)
        : throw new NotSupportedException($"the HDF5 writer has no datatype for {typeof(T).Name}");
}
