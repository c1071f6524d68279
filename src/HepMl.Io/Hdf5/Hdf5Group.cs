using HepMl.Io.Hdf5.Reading;

namespace HepMl.Io.Hdf5;

/// <summary>A group: named links to other objects (h5py: <c>h5py.Group</c>).</summary>
public sealed class Hdf5Group : Hdf5Object
{
    private readonly Lazy<(List<Hdf5Link> Links, Hdf5GroupStorage Storage, bool TracksCreationOrder)> _links;

    internal Hdf5Group(Hdf5File file, string path, ObjectHeader header)
        : base(file, path, header)
    {
        _links = new Lazy<(List<Hdf5Link>, Hdf5GroupStorage, bool)>(() =>
        {
            (List<Hdf5Link> links, Hdf5GroupStorage storage, bool tracks) = GroupLinks.Read(file.Context, header, path);
            links.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            return (links, storage, tracks);
        });
    }

    /// <summary>The links, sorted by name (byte order), as h5py iterates an untracked group.</summary>
    public IReadOnlyList<Hdf5Link> Links => _links.Value.Links;

    /// <summary>The links in creation order when the group tracks it; otherwise the same as <see cref="Links"/>.</summary>
    public IReadOnlyList<Hdf5Link> LinksInCreationOrder
    {
        get
        {
            if (!TracksCreationOrder)
            {
                return Links;
            }

            var ordered = new List<Hdf5Link>(Links);
            ordered.Sort((a, b) => a.CreationOrder.CompareTo(b.CreationOrder));
            return ordered;
        }
    }

    /// <summary>True when the group records the creation order of its links.</summary>
    public bool TracksCreationOrder => _links.Value.TracksCreationOrder;

    /// <summary>Symbol table (old style), compact or dense link storage.</summary>
    public Hdf5GroupStorage Storage => _links.Value.Storage;

    /// <summary>The member names, sorted by byte value.</summary>
    public IEnumerable<string> Names => Links.Select(l => l.Name);

    /// <summary>True when the group has a link called <paramref name="name"/>.</summary>
    public bool Contains(string name) => TryGetLink(name, out _);

    /// <summary>The link called <paramref name="name"/> (not followed).</summary>
    /// <exception cref="ObjectNotFoundException">No such link; the message lists the nearest names.</exception>
    public Hdf5Link GetLink(string name) =>
        TryGetLink(name, out Hdf5Link? link) ? link : throw new ObjectNotFoundException(name, $"group {Path}", Names);

    /// <summary>Looks up a link by name.</summary>
    public bool TryGetLink(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Hdf5Link? link)
    {
        IReadOnlyList<Hdf5Link> links = Links;
        int low = 0, high = links.Count - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            int comparison = string.CompareOrdinal(links[middle].Name, name);
            if (comparison == 0)
            {
                link = links[middle];
                return true;
            }

            if (comparison < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        link = null;
        return false;
    }

    /// <summary>The object at <paramref name="path"/> (relative to this group, or absolute), following soft and external links.</summary>
    /// <exception cref="ObjectNotFoundException">A component does not exist, or a link dangles.</exception>
    public Hdf5Object Get(string path) => File.Resolve(this, path, 0);

    /// <summary>The group at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidCastException">The object is not a group.</exception>
    public Hdf5Group GetGroup(string path) => Get(path) as Hdf5Group
        ?? throw new InvalidCastException($"{Combine(Path, path)} is not a group");

    /// <summary>The dataset at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidCastException">The object is not a dataset.</exception>
    public Hdf5Dataset GetDataset(string path) => Get(path) as Hdf5Dataset
        ?? throw new InvalidCastException($"{Combine(Path, path)} is not a dataset");

    internal static string Combine(string parent, string child) =>
        child.StartsWith('/') ? child : (parent == "/" ? "/" + child : parent + "/" + child);
}
