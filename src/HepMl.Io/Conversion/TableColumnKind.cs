namespace HepMl.Io.Conversion;

/// <summary>The shape of a table column's value per entry.</summary>
public enum TableColumnKind
{
    /// <summary>One value per entry.</summary>
    Flat,

    /// <summary>A fixed-size array per entry.</summary>
    Fixed,

    /// <summary>A variable-length array per entry (values + offsets).</summary>
    Jagged,
}
