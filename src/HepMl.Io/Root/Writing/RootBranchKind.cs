namespace HepMl.Io.Root.Writing;

/// <summary>The shape of a branch's value per entry.</summary>
public enum RootBranchKind
{
    /// <summary>One value (<c>x/F</c>).</summary>
    Scalar,

    /// <summary>A fixed-size array (<c>x[3]/F</c>, <c>x[2][3]/F</c>).</summary>
    FixedArray,

    /// <summary>A variable-length array sized by a counter leaf (<c>x[n]/F</c>); the counter branch is written too.</summary>
    Counted,

    /// <summary>A <c>std::vector&lt;T&gt;</c> (TBranchElement).</summary>
    Vector,
}
