namespace HepMl.Io.Root.Streamers;

/// <summary>All class layouts of one file, by class name and version.</summary>
public sealed class StreamerInfoSet
{
    private readonly Dictionary<string, List<StreamerInfo>> _byName = new(StringComparer.Ordinal);

    internal StreamerInfoSet(IEnumerable<StreamerInfo> infos)
    {
        foreach (StreamerInfo info in infos)
        {
            string key = TypeNames.Normalize(info.ClassName);
            if (!_byName.TryGetValue(key, out List<StreamerInfo>? list))
            {
                list = [];
                _byName[key] = list;
            }

            if (!list.Exists(existing => existing.ClassVersion == info.ClassVersion))
            {
                list.Add(info);
            }
        }
    }

    /// <summary>Every layout in the file.</summary>
    public IEnumerable<StreamerInfo> All
    {
        get
        {
            foreach (List<StreamerInfo> list in _byName.Values)
            {
                foreach (StreamerInfo info in list)
                {
                    yield return info;
                }
            }
        }
    }

    /// <summary>Names of the classes the file describes.</summary>
    public IEnumerable<string> ClassNames => _byName.Keys;

    /// <summary>The layout of <paramref name="className"/> at <paramref name="version"/>, or null.</summary>
    public StreamerInfo? Find(string className, int version)
    {
        if (_byName.TryGetValue(TypeNames.Normalize(className), out List<StreamerInfo>? list))
        {
            foreach (StreamerInfo info in list)
            {
                if (info.ClassVersion == version)
                {
                    return info;
                }
            }
        }

        return null;
    }

    /// <summary>The layout of <paramref name="className"/> with layout checksum <paramref name="checkSum"/> (any version if only one), or null.</summary>
    public StreamerInfo? FindByCheckSum(string className, uint checkSum)
    {
        if (!_byName.TryGetValue(TypeNames.Normalize(className), out List<StreamerInfo>? list))
        {
            return null;
        }

        foreach (StreamerInfo info in list)
        {
            if (info.CheckSum == checkSum)
            {
                return info;
            }
        }

        return list.Count == 1 ? list[0] : null;
    }

    /// <summary>The highest-version layout of <paramref name="className"/>, or null.</summary>
    public StreamerInfo? FindLatest(string className)
    {
        if (!_byName.TryGetValue(TypeNames.Normalize(className), out List<StreamerInfo>? list) || list.Count == 0)
        {
            return null;
        }

        StreamerInfo best = list[0];
        foreach (StreamerInfo info in list)
        {
            if (info.ClassVersion > best.ClassVersion)
            {
                best = info;
            }
        }

        return best;
    }

    /// <summary>True when the file describes <paramref name="className"/>.</summary>
    public bool Contains(string className) => _byName.ContainsKey(TypeNames.Normalize(className));
}
