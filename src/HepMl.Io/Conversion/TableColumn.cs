namespace HepMl.Io.Conversion;

/// <summary>
/// A column of an event table being converted: name, element type (a .NET primitive), kind, fixed shape, and how ROOT
/// stored a jagged column (the counter branch of <c>x[n]</c>, or a <c>std::vector</c>).
/// </summary>
/// <param name="Name">The column name.</param>
/// <param name="ElementType">bool, sbyte, byte, short, ushort, int, uint, long, ulong, float, double (strings are not converted).</param>
/// <param name="Kind">Flat, fixed array or jagged.</param>
/// <param name="Shape">Fixed dimensions of each entry (fixed arrays), else empty.</param>
/// <param name="Counter">The counter branch of a ROOT counter-leaf array, or null (std::vector or not jagged).</param>
public sealed record TableColumn(string Name, Type ElementType, TableColumnKind Kind, IReadOnlyList<int> Shape, string? Counter = null)
{
    /// <summary>Values per entry of a flat or fixed column.</summary>
    public int ItemSize => Shape.Aggregate(1, (a, b) => a * b);

    /// <summary>The CLI type name (<c>float32</c>, <c>float32[3]</c>, <c>float32[]</c>).</summary>
    public string TypeName => Columns.ElementTypes.Name(Columns.ElementTypes.FromClr(ElementType)) + Kind switch
    {
        TableColumnKind.Fixed => string.Concat(Shape.Select(d => $"[{d}]")),
        TableColumnKind.Jagged => "[]",
        _ => string.Empty,
    };
}
