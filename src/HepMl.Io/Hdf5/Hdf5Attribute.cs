using HepMl.Io.Hdf5.Reading;

namespace HepMl.Io.Hdf5;

/// <summary>
/// A named value attached to a file, group or dataset (h5py: <c>obj.attrs[name]</c>): its type, shape and values.
/// Values are held in memory (attributes are small).
/// </summary>
public sealed class Hdf5Attribute
{
    private readonly ValueReader _reader;

    internal Hdf5Attribute(string name, ValueReader reader, long creationOrder)
    {
        Name = name;
        _reader = reader;
        CreationOrder = creationOrder;
    }

    /// <summary>The attribute name.</summary>
    public string Name { get; }

    /// <summary>The stored datatype.</summary>
    public Hdf5DataType DataType => _reader.Type;

    /// <summary>Scalar, simple or null dataspace.</summary>
    public Hdf5DataspaceKind DataspaceKind => _reader.Space.Kind;

    /// <summary>The shape (<c>[]</c> for a scalar and for a null dataspace).</summary>
    public IReadOnlyList<long> Shape => _reader.Space.Dimensions;

    /// <summary>Number of elements (1 for a scalar, 0 for a null dataspace).</summary>
    public long ElementCount => _reader.Space.ElementCount;

    /// <summary>Creation order index when the owner tracks it; -1 otherwise.</summary>
    public long CreationOrder { get; }

    /// <summary>All values as numbers of type <typeparamref name="T"/> (C order; array types flattened).</summary>
    /// <exception cref="InvalidCastException">The values are not numbers, or not convertible to <typeparamref name="T"/> without loss.</exception>
    public T[] Read<T>()
        where T : unmanaged
    {
        (_, int perElement, _) = ValueReader.NumericShape(DataType);
        T[] values = new T[ElementCount * perElement];
        _reader.ReadNumbers<T>(0, _reader.RowCount, values);
        return values;
    }

    /// <summary>All values as strings (fixed- or variable-length string types).</summary>
    /// <exception cref="InvalidCastException">The values are not strings.</exception>
    public string[] ReadStrings() => _reader.ReadStrings(0, _reader.RowCount);

    /// <summary>Variable-length sequences as a jagged array.</summary>
    public Hdf5Jagged<T> ReadJagged<T>()
        where T : unmanaged => _reader.ReadJagged<T>(0, _reader.RowCount);

    /// <summary>One member of a compound type (nested members by successive names) as numbers.</summary>
    public T[] ReadMember<T>(params string[] memberPath)
        where T : unmanaged => _reader.ReadMember<T>(memberPath, 0, _reader.RowCount);

    /// <summary>
    /// The value decoded into .NET objects: null for a null dataspace, the element for a scalar, nested
    /// <c>object?[]</c> by shape otherwise (elements: bool, long, ulong, double, string,
    /// <c>Dictionary&lt;string, object?&gt;</c> for compound records, <c>object?[]</c> for arrays and sequences).
    /// </summary>
    public object? ReadValue() => _reader.ReadObjects();

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {DataType.Name}[{string.Join(",", Shape)}]";
}
