namespace HepMl.Io;

/// <summary>
/// A named object (key, tree, branch, dataset, attribute) does not exist. The message lists the nearest existing
/// names, so a typo is easy to spot.
/// </summary>
public class ObjectNotFoundException : KeyNotFoundException
{
    /// <summary>Creates the exception, ranking <paramref name="available"/> by edit distance to the name asked for.</summary>
    /// <param name="name">The name asked for.</param>
    /// <param name="container">Where it was looked up (file, directory or tree), for the message.</param>
    /// <param name="available">The names that do exist there.</param>
    public ObjectNotFoundException(string name, string container, IEnumerable<string> available)
        : this(name, container, NameSuggestions.Rank(name, available, 5))
    {
    }

    private ObjectNotFoundException(string name, string container, IReadOnlyList<string> nearest)
        : base(nearest.Count == 0
            ? $"'{name}' does not exist in {container}, which is empty"
            : $"'{name}' does not exist in {container}; nearest names: {string.Join(", ", nearest)}")
    {
        Name = name;
        Container = container;
        NearestNames = nearest;
    }

    /// <summary>The name asked for.</summary>
    public string Name { get; }

    /// <summary>Where it was looked up.</summary>
    public string Container { get; }

    /// <summary>Up to five existing names closest to <see cref="Name"/>.</summary>
    public IReadOnlyList<string> NearestNames { get; }
}
