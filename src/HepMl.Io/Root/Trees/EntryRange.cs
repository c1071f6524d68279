namespace HepMl.Io.Root.Trees;

/// <summary>A half-open range of entries [<see cref="Start"/>, <see cref="Stop"/>).</summary>
public readonly record struct EntryRange
{
    /// <summary>Creates the range; <paramref name="stop"/> must not be below <paramref name="start"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is negative or the range is reversed.</exception>
    public EntryRange(long start, long stop)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(stop, start);
        Start = start;
        Stop = stop;
    }

    /// <summary>First entry.</summary>
    public long Start { get; }

    /// <summary>One past the last entry.</summary>
    public long Stop { get; }

    /// <summary>Number of entries.</summary>
    public long Count => Stop - Start;

    /// <inheritdoc />
    public override string ToString() => $"[{Start}, {Stop})";
}
