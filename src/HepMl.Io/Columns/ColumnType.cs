using HepMl.Io.Columns;
using System.Text;


namespace HepMl.Io.Columns;

/// <summary>
/// What one branch holds per entry: an element type, how many levels of variable-length lists wrap it, and the
/// fixed dimensions of each innermost item. Its <see cref="Name"/> is the CLI type name: <c>float32</c>,
/// <c>float32[3]</c>, <c>float32[]</c>, <c>float32[][]</c>, <c>float32[][2]</c>, <c>string</c>, <c>string[]</c>,
/// or <c>object</c> for anything read as generic objects.
/// </summary>
/// <param name="Element">The element type.</param>
/// <param name="ListDepth">Levels of variable-length lists (0 flat, 1 jagged, 2 nested).</param>
/// <param name="InnerShape">Fixed dimensions of each item (empty for scalars).</param>
/// <param name="TypeName">The C++ type as ROOT describes it (e.g. <c>std::vector&lt;float&gt;</c>, <c>Float_t[3]</c>).</param>
public sealed record ColumnType(ElementType Element, int ListDepth, IReadOnlyList<int> InnerShape, string TypeName)
{
    /// <summary>Values per innermost item (product of <see cref="InnerShape"/>).</summary>
    public int ItemSize
    {
        get
        {
            int size = 1;
            foreach (int dimension in InnerShape)
            {
                size *= dimension;
            }

            return size;
        }
    }

    /// <summary>True for numeric element types.</summary>
    public bool IsNumeric => ElementTypes.IsNumeric(Element);

    /// <summary>The CLI/JSON type name.</summary>
    public string Name
    {
        get
        {
            var text = new StringBuilder(ElementTypes.Name(Element));
            for (int i = 0; i < ListDepth; i++)
            {
                text.Append("[]");
            }

            foreach (int dimension in InnerShape)
            {
                text.Append('[').Append(dimension).Append(']');
            }

            return text.ToString();
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
