namespace HepMl.Io.Binary;

/// <summary>
/// Where a decoder is (file, object path, breadcrumbs of the classes being read), so that every failure can raise a
/// <see cref="HepMlFormatException"/> that says where it happened.
/// </summary>
internal sealed class DecodeContext
{
    private readonly List<string> _trail = [];

    public DecodeContext(string? filePath, string? objectPath)
    {
        FilePath = filePath;
        ObjectPath = objectPath;
    }

    public string? FilePath { get; }

    public string? ObjectPath { get; set; }

    public void Push(string crumb) => _trail.Add(crumb);

    public void Pop() => _trail.RemoveAt(_trail.Count - 1);

    public HepMlFormatException Error(string problem, long offset)
    {
        var trail = new List<string>(_trail.Count);
        for (int i = _trail.Count - 1; i >= 0; i--)
        {
            trail.Add(_trail[i]);
        }

        return new HepMlFormatException(problem, FilePath, offset, ObjectPath, trail);
    }

    public UnsupportedFormatException Unsupported(string problem, long offset)
    {
        var trail = new List<string>(_trail.Count);
        for (int i = _trail.Count - 1; i >= 0; i--)
        {
            trail.Add(_trail[i]);
        }

        return new UnsupportedFormatException(problem, FilePath, offset, ObjectPath, trail);
    }
}
