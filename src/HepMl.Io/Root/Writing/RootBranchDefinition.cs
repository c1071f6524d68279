namespace HepMl.Io.Root.Writing;

/// <summary>
/// A branch to write: name, element type (<c>bool</c>, <c>sbyte</c>, <c>byte</c>, <c>short</c>, <c>ushort</c>, <c>int</c>,
/// <c>uint</c>, <c>long</c>, <c>ulong</c>, <c>float</c>, <c>double</c>; or <c>string</c> for a scalar C-string branch),
/// kind, fixed shape and counter branch.
/// </summary>
public sealed record RootBranchDefinition
{
    /// <summary>
    /// Longest string a C-string branch accepts, in UTF-8 bytes (1 GiB − 1): a basket's entry offsets and ROOT's
    /// buffers are 32-bit, so a basket must stay well below 2 GiB.
    /// </summary>
    public const int MaxStringBytes = (1 << 30) - 1;

    private static readonly Type[] s_types =
        [typeof(bool), typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double)];

    private RootBranchDefinition(string name, Type elementType, RootBranchKind kind, IReadOnlyList<int> shape, string? counterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (elementType == typeof(string))
        {
            if (kind != RootBranchKind.Scalar)
            {
                throw new ArgumentException($"branch '{name}': string branches hold one C string per entry (RootBranchKind.Scalar), not {kind}");
            }
        }
        else if (Array.IndexOf(s_types, elementType) < 0)
        {
            throw new ArgumentException($"branch '{name}': ROOT branches hold bool, (s)byte, (u)short, (u)int, (u)long, float, double or string, not {elementType.Name}");
        }

        Name = name;
        ElementType = elementType;
        Kind = kind;
        Shape = shape;
        CounterName = counterName;
    }

    /// <summary>The branch name.</summary>
    public string Name { get; }

    /// <summary>The element type.</summary>
    public Type ElementType { get; }

    /// <summary>Scalar, fixed array, counted array or std::vector.</summary>
    public RootBranchKind Kind { get; }

    /// <summary>Fixed dimensions of each entry (fixed arrays) or of each item (counted arrays); empty otherwise.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>The counter branch of a counted array.</summary>
    public string? CounterName { get; }

    /// <summary>Values per entry (fixed arrays) or per item of a counted array.</summary>
    public int ItemSize => Shape.Aggregate(1, (a, b) => a * b);

    /// <summary>One value per entry.</summary>
    public static RootBranchDefinition Scalar<T>(string name)
        where T : unmanaged => new(name, typeof(T), RootBranchKind.Scalar, [], null);

    /// <summary>
    /// A variable-length C string per entry: a <c>char*</c> branch <c>name/C</c> with a TLeafC leaf, as TMVA writes its
    /// <c>className</c> branch. Values are given as <c>string[]</c> and stored as UTF-8 bytes.
    /// </summary>
    /// <remarks>
    /// ROOT: <c>tree->Branch("name", buffer, "name/C")</c>; uproot reads it as <c>AsStrings()</c>. A string may not be
    /// null nor contain NUL characters (ROOT ends a C string at the first one) and may be at most
    /// <see cref="MaxStringBytes"/> bytes long in UTF-8; otherwise <see cref="RootTreeWriter.Append"/> throws
    /// <see cref="InvalidBranchValueException"/> naming the branch and entry.
    /// </remarks>
    public static RootBranchDefinition CString(string name) => new(name, typeof(string), RootBranchKind.Scalar, [], null);

    /// <summary>A fixed-size array per entry (C order).</summary>
    public static RootBranchDefinition FixedArray<T>(string name, params int[] shape)
        where T : unmanaged
    {
        if (shape.Length == 0 || shape.Any(d => d <= 0))
        {
            throw new ArgumentException($"branch '{name}': a fixed array needs positive dimensions", nameof(shape));
        }

        return new(name, typeof(T), RootBranchKind.FixedArray, shape, null);
    }

    /// <summary>A variable-length array per entry whose length is the int32 counter branch <paramref name="counterName"/> (created when not defined).</summary>
    public static RootBranchDefinition Counted<T>(string name, string counterName)
        where T : unmanaged
    {
        ArgumentException.ThrowIfNullOrEmpty(counterName);
        return new(name, typeof(T), RootBranchKind.Counted, [], counterName);
    }

    /// <summary>A <c>std::vector&lt;T&gt;</c> per entry.</summary>
    public static RootBranchDefinition Vector<T>(string name)
        where T : unmanaged => new(name, typeof(T), RootBranchKind.Vector, [], null);

    /// <summary>A definition of the given kind from a runtime element type.</summary>
    public static RootBranchDefinition Create(string name, Type elementType, RootBranchKind kind, IReadOnlyList<int>? shape = null, string? counterName = null) =>
        new(name, elementType, kind, shape ?? [], counterName);
}
