using System.Globalization;

namespace HepMl.Io.Root.Objects;

/// <summary>
/// An object read generically through the file's class layouts: class name, version and members by name (base
/// classes' members included). Member values are numbers, strings, typed arrays (<c>float[]</c>...), lists
/// (<see cref="List{T}"/> of values), <see cref="RootMap"/>, nested <see cref="RootObject"/>s, or null.
/// </summary>
/// <remarks>TObject's <c>fUniqueID</c>/<c>fBits</c> are kept apart in <see cref="UniqueId"/> and <see cref="Bits"/>.</remarks>
public class RootObject
{
    private readonly List<string> _baseClasses = [];

    internal RootObject(string className, int version)
    {
        ClassName = className;
        Version = version;
    }

    /// <summary>The C++ class.</summary>
    public string ClassName { get; }

    /// <summary>The class version the object was written with.</summary>
    public int Version { get; internal set; }

    /// <summary>Members in streaming order, base classes first.</summary>
    public OrderedDictionary<string, object?> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Names of all base classes, nearest first.</summary>
    public IReadOnlyList<string> BaseClasses => _baseClasses;

    /// <summary>TObject's <c>fUniqueID</c> (0 when the class does not derive from TObject).</summary>
    public uint UniqueId { get; internal set; }

    /// <summary>TObject's <c>fBits</c>.</summary>
    public uint Bits { get; internal set; }

    /// <summary>A member by name.</summary>
    /// <exception cref="ObjectNotFoundException">No such member.</exception>
    public object? this[string member] =>
        Members.TryGetValue(member, out object? value)
            ? value
            : throw new ObjectNotFoundException(member, $"{ClassName} v{Version}", Members.Keys);

    /// <summary>True when the object has <paramref name="member"/>.</summary>
    public bool Has(string member) => Members.ContainsKey(member);

    /// <summary>A member, or null when absent.</summary>
    public object? GetOrNull(string member) => Members.TryGetValue(member, out object? value) ? value : null;

    /// <summary>True when this class is <paramref name="className"/> or derives from it.</summary>
    public bool InheritsFrom(string className) => ClassName == className || _baseClasses.Contains(className);

    /// <summary>A numeric member as a 64-bit integer.</summary>
    public long GetInt64(string member) => Convert.ToInt64(this[member], CultureInfo.InvariantCulture);

    /// <summary>A numeric member as a 32-bit integer.</summary>
    public int GetInt32(string member) => Convert.ToInt32(this[member], CultureInfo.InvariantCulture);

    /// <summary>A numeric member as a double.</summary>
    public double GetDouble(string member) => Convert.ToDouble(this[member], CultureInfo.InvariantCulture);

    /// <summary>A string member (TString, std::string, char*), empty when null.</summary>
    public string GetString(string member) => this[member] as string ?? string.Empty;

    /// <summary>A member that is an object, or null.</summary>
    public RootObject? GetObject(string member) => GetOrNull(member) as RootObject;

    internal void AddBase(string className) => _baseClasses.Add(className);

    internal void Absorb(RootObject part)
    {
        AddBase(part.ClassName);
        foreach (string name in part.BaseClasses)
        {
            AddBase(name);
        }

        foreach (KeyValuePair<string, object?> member in part.Members)
        {
            Members[member.Key] = member.Value;
        }

        if (part.UniqueId != 0 || part.Bits != 0)
        {
            UniqueId = part.UniqueId;
            Bits = part.Bits;
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        string name = Members.TryGetValue("fName", out object? value) && value is string text ? $" \"{text}\"" : string.Empty;
        return $"{ClassName} v{Version}{name}";
    }
}
