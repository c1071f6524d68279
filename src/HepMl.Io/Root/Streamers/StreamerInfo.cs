namespace HepMl.Io.Root.Streamers;

/// <summary>The layout of one version of one class, read from the file (ROOT: <c>TStreamerInfo</c>).</summary>
public sealed class StreamerInfo
{
    internal StreamerInfo(string className, int classVersion, uint checkSum, IReadOnlyList<StreamerElement> elements)
    {
        ClassName = className;
        ClassVersion = classVersion;
        CheckSum = checkSum;
        Elements = elements;
    }

    /// <summary>Class name (<c>fName</c>).</summary>
    public string ClassName { get; }

    /// <summary>Class version (<c>fClassVersion</c>).</summary>
    public int ClassVersion { get; }

    /// <summary>Layout checksum (<c>fCheckSum</c>).</summary>
    public uint CheckSum { get; }

    /// <summary>Members in streaming order (<c>fElements</c>).</summary>
    public IReadOnlyList<StreamerElement> Elements { get; }

    /// <summary>Finds a member by name, or null.</summary>
    public StreamerElement? FindElement(string name)
    {
        foreach (StreamerElement element in Elements)
        {
            if (element.Name == name)
            {
                return element;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{ClassName} v{ClassVersion} ({Elements.Count} elements)";
}
