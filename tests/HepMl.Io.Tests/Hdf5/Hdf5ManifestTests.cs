using System.Security.Cryptography;
using System.Text.Json;
using HepMl.Io.Hdf5;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Io.Tests.Hdf5;

/// <summary>
/// Every object of every file in <c>../shared/data/hdf5</c> read by HepMl and compared with what libhdf5 reads
/// (manifest.json): structure (groups, links, storage kinds), types, shapes, layouts, filters, fill values, the
/// values themselves (sums, min/max, first and last values, SHA-256 of the raw values) and all attributes.
/// </summary>
[TestFixture]
public sealed class Hdf5ManifestTests
{
    [OneTimeTearDown]
    public void CloseFiles() => Hdf5Manifest.CloseAll();

    [TestCaseSource(typeof(Hdf5Manifest), nameof(Hdf5Manifest.FileCases))]
    public void File_SuperblockAndObjectSet_MatchManifest(string file)
    {
        JsonElement entry = Hdf5Manifest.Files.GetProperty(file);
        Assert.That(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Hdf5Manifest.PathOf(file)))),
            Is.EqualTo(entry.GetProperty("sha256").GetString()), "the reference file itself");
        Hdf5File h5 = Hdf5Manifest.Open(file);
        Assert.That(h5.SuperblockVersion, Is.EqualTo(entry.GetProperty("superblock_version").GetInt32()));
        Assert.That(h5.UserBlockSize, Is.EqualTo(entry.GetProperty("userblock_size").GetInt64()));

        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Hdf5Object item in h5.EnumerateObjects())
        {
            found.Add(item.Path);
            if (item is Hdf5Group group)
            {
                foreach (Hdf5Link link in group.Links.Where(l => l.Kind != Hdf5LinkKind.Hard))
                {
                    found.Add(Hdf5PathOf(group.Path, link.Name));
                }
            }
        }

        var expected = new SortedSet<string>(entry.GetProperty("objects").EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);
        Assert.That(found, Is.EqualTo(expected));
    }

    [TestCaseSource(typeof(Hdf5Manifest), nameof(Hdf5Manifest.ObjectCases))]
    public void Object_MatchesManifest(string file, string path)
    {
        JsonElement expected = Hdf5Manifest.Entry(file, path);
        Hdf5File h5 = Hdf5Manifest.Open(file);
        string kind = expected.GetProperty("kind").GetString()!;
        if (kind == "link")
        {
            CheckLink(h5, path, expected);
            return;
        }

        Hdf5Object item = h5.Get(path);
        Assert.That(item.Address, Is.EqualTo(expected.GetProperty("addr").GetInt64()), "object header address");
        Assert.That(item.ObjectHeaderVersion, Is.EqualTo(expected.GetProperty("ohdr_version").GetInt32()), "object header version");
        Assert.That(item.HasDenseAttributes ? "dense" : "compact", Is.EqualTo(expected.GetProperty("attr_storage").GetString()), "attribute storage");
        CheckAttributes(item, expected);
        if (kind == "group")
        {
            Assert.That(item, Is.InstanceOf<Hdf5Group>());
            CheckGroup((Hdf5Group)item, expected);
        }
        else
        {
            Assert.That(item, Is.InstanceOf<Hdf5Dataset>());
            CheckDataset((Hdf5Dataset)item, expected);
        }
    }

    private static string Hdf5PathOf(string parent, string name) => parent == "/" ? "/" + name : parent + "/" + name;

    private static void CheckLink(Hdf5File h5, string path, JsonElement expected)
    {
        int slash = path.LastIndexOf('/');
        Hdf5Group parent = h5.GetGroup(slash == 0 ? "/" : path[..slash]);
        Hdf5Link link = parent.GetLink(path[(slash + 1)..]);
        string type = expected.GetProperty("link_type").GetString()!;
        Assert.That(link.Kind, Is.EqualTo(type == "soft" ? Hdf5LinkKind.Soft : Hdf5LinkKind.External), "link kind");
        Assert.That(link.Target, Is.EqualTo(expected.GetProperty("target").GetString()), "link target");
        if (type == "external")
        {
            Assert.That(link.TargetFile, Is.EqualTo(expected.GetProperty("target_file").GetString()), "external file");
        }

        string? targetKind = expected.GetProperty("target_kind").GetString();
        if (targetKind is null)
        {
            Assert.Throws<ObjectNotFoundException>(() => h5.Get(path), "a dangling link must raise ObjectNotFoundException");
            return;
        }

        Hdf5Object target = h5.Get(path);
        Assert.That(target is Hdf5Group ? "group" : "dataset", Is.EqualTo(targetKind), "link target kind");
        if (expected.TryGetProperty("target_addr", out JsonElement address))
        {
            Assert.That(target.Address, Is.EqualTo(address.GetInt64()), "soft link target address");
        }
    }

    private static void CheckGroup(Hdf5Group group, JsonElement expected)
    {
        Assert.That(group.Names, Is.EqualTo(expected.GetProperty("members").EnumerateArray().Select(e => e.GetString())), "members");
        Assert.That(group.Links, Has.Count.EqualTo(expected.GetProperty("nlinks").GetInt32()), "link count");
        Assert.That(group.Storage switch
        {
            Hdf5GroupStorage.SymbolTable => "symbol_table",
            Hdf5GroupStorage.Compact => "compact",
            _ => "dense",
        }, Is.EqualTo(expected.GetProperty("storage").GetString()), "link storage");
        Assert.That(group.TracksCreationOrder, Is.EqualTo(expected.GetProperty("track_order").GetBoolean()), "creation order tracked");
        if (expected.TryGetProperty("members_creation_order", out JsonElement order))
        {
            Assert.That(group.LinksInCreationOrder.Select(l => l.Name), Is.EqualTo(order.EnumerateArray().Select(e => e.GetString())), "creation order");
        }
    }

    private static void CheckAttributes(Hdf5Object item, JsonElement expected)
    {
        JsonElement attributes = expected.GetProperty("attrs");
        Assert.That(item.Attributes.Select(a => a.Name).Order(StringComparer.Ordinal),
            Is.EqualTo(attributes.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)), "attribute names");
        if (expected.TryGetProperty("attrs_creation_order", out JsonElement order))
        {
            Assert.That(item.Attributes.Select(a => a.Name), Is.EqualTo(order.EnumerateArray().Select(e => e.GetString())), "attribute creation order");
        }

        foreach (JsonProperty property in attributes.EnumerateObject())
        {
            Hdf5Attribute attribute = item.GetAttribute(property.Name);
            string what = $"attribute '{property.Name}'";
            JsonElement spec = property.Value;
            Assert.That(attribute.DataspaceKind.ToString().ToLowerInvariant(), Is.EqualTo(spec.GetProperty("dataspace").GetString()), what + " dataspace");
            if (spec.GetProperty("shape").ValueKind == JsonValueKind.Array)
            {
                Assert.That(attribute.Shape, Is.EqualTo(spec.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64())), what + " shape");
            }

            Assert.That(Hdf5Expect.NumpyDtype(attribute.DataType), Is.EqualTo(spec.GetProperty("dtype").GetString()), what + " dtype");
            Hdf5Expect.TypeMatches(spec.GetProperty("h5type"), attribute.DataType, what);
            object? value = attribute.ReadValue();
            Assert.That(Hdf5Expect.ValueEquals(spec.GetProperty("value"), value), Is.True,
                $"{what} value: expected {Truncate(spec.GetProperty("value").GetRawText())}, read {Truncate(Hdf5Expect.Describe(value))}");
        }
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "..." : text;

    private static void CheckDataset(Hdf5Dataset dataset, JsonElement expected)
    {
        Assert.That(Hdf5Expect.NumpyDtype(dataset.DataType), Is.EqualTo(expected.GetProperty("dtype").GetString()), "dtype");
        Hdf5Expect.TypeMatches(expected.GetProperty("h5type"), dataset.DataType, "datatype");
        Assert.That(dataset.DataspaceKind.ToString().ToLowerInvariant(), Is.EqualTo(expected.GetProperty("dataspace").GetString()), "dataspace");
        if (expected.GetProperty("shape").ValueKind == JsonValueKind.Array)
        {
            Assert.That(dataset.Shape, Is.EqualTo(expected.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64())), "shape");
            Assert.That(dataset.MaxShape, Is.EqualTo(expected.GetProperty("maxshape").EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.Null ? Hdf5Dataset.Unlimited : e.GetInt64())), "maximum shape");
        }

        Assert.That(dataset.Layout.ToString().ToLowerInvariant(), Is.EqualTo(expected.GetProperty("layout").GetString()), "layout");
        Assert.That(dataset.LayoutMessageVersion, Is.EqualTo(expected.GetProperty("layout_message_version").GetInt32()), "layout message version");
        if (dataset.Layout == Hdf5Layout.Chunked)
        {
            Assert.That(dataset.ChunkShape, Is.EqualTo(expected.GetProperty("chunks").EnumerateArray().Select(e => e.GetInt32())), "chunk shape");
            Assert.That(dataset.ChunkIndexKind switch
            {
                Hdf5ChunkIndexKind.BTreeV1 => "v1 B-tree",
                Hdf5ChunkIndexKind.SingleChunk => "Single Chunk",
                Hdf5ChunkIndexKind.Implicit => "Implicit",
                Hdf5ChunkIndexKind.FixedArray => "Fixed Array",
                Hdf5ChunkIndexKind.ExtensibleArray => "Extensible Array",
                Hdf5ChunkIndexKind.BTreeV2 => "v2 B-tree",
                _ => "none",
            }, Is.EqualTo(expected.GetProperty("chunk_index").GetString()), "chunk index");
            Assert.That(dataset.AllocatedChunkCount, Is.EqualTo(expected.GetProperty("chunks_allocated").GetInt32()), "allocated chunks");
        }
        else if (dataset.Layout == Hdf5Layout.Contiguous)
        {
            JsonElement offset = expected.GetProperty("data_offset");
            Assert.That(dataset.DataAddress < 0 ? (long?)null : dataset.DataAddress + dataset.File.UserBlockSize,
                Is.EqualTo(offset.ValueKind == JsonValueKind.Null ? null : offset.GetInt64()), "contiguous data offset");
        }

        JsonElement filters = expected.GetProperty("filters");
        Assert.That(dataset.Filters.Select(f => f.Id), Is.EqualTo(filters.EnumerateArray().Select(f => f.GetProperty("id").GetInt32())), "filter ids");
        int index = 0;
        foreach (JsonElement filter in filters.EnumerateArray())
        {
            Assert.That(dataset.Filters[index++].ClientData, Is.EqualTo(filter.GetProperty("cd_values").EnumerateArray().Select(e => e.GetUInt32())), "filter client data");
        }

        JsonElement fill = expected.GetProperty("fillvalue");
        if (fill.ValueKind != JsonValueKind.Null && !dataset.DataType.IsString)
        {
            object? value = dataset.ReadFillValue();
            Assert.That(Hdf5Expect.ValueEquals(fill, value), Is.True, $"fill value: expected {fill.GetRawText()}, read {Hdf5Expect.Describe(value)}");
        }

        CheckValues(dataset, expected.GetProperty("checks"));
    }

    private static void CheckValues(Hdf5Dataset dataset, JsonElement checks)
    {
        Hdf5DataType type = dataset.DataType;
        if (dataset.DataspaceKind == Hdf5DataspaceKind.Null)
        {
            Assert.That(dataset.ElementCount, Is.EqualTo(checks.GetProperty("count").GetInt64()));
            Assert.That(dataset.Read<float>(), Is.Empty);
            return;
        }

        if (type.IsString)
        {
            Hdf5Expect.StringChecks(checks, dataset.ReadStrings(), "values");
        }
        else if (type.Class == Hdf5TypeClass.Compound)
        {
            Assert.That(dataset.ElementCount, Is.EqualTo(checks.GetProperty("count").GetInt64()), "record count");
            CheckFields(dataset, type, [], checks.GetProperty("fields"));
            object? all = dataset.ReadValue();
            object? first = all;
            while (first is object?[] rows)
            {
                first = rows[0];
            }

            Assert.That(Hdf5Expect.ValueEquals(checks.GetProperty("first"), first), Is.True, $"first record: read {Hdf5Expect.Describe(first)}");
        }
        else if (type.IsVariableLengthSequence)
        {
            CheckJagged(dataset, checks);
        }
        else
        {
            Hdf5Expect.NumericChecks(checks, Hdf5Expect.ReadColumn(type, new DatasetRead(dataset)), "values");
        }
    }

    private static void CheckFields(Hdf5Dataset dataset, Hdf5DataType type, string[] prefix, JsonElement fields)
    {
        Assert.That(type.Members.Select(m => m.Name).Order(StringComparer.Ordinal),
            Is.EqualTo(fields.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)), "compound fields");
        foreach (Hdf5CompoundMember member in type.Members)
        {
            string[] path = [.. prefix, member.Name];
            JsonElement checks = fields.GetProperty(member.Name);
            string what = "field " + string.Join("/", path);
            if (member.Type.Class == Hdf5TypeClass.Compound)
            {
                CheckFields(dataset, member.Type, path, checks.GetProperty("fields"));
            }
            else if (member.Type.IsString)
            {
                Hdf5Expect.StringChecks(checks, dataset.ReadMemberStrings(path), what);
            }
            else
            {
                Hdf5Expect.NumericChecks(checks, Hdf5Expect.ReadColumn(member.Type, new MemberRead(dataset, path)), what);
            }
        }
    }

    private static void CheckJagged(Hdf5Dataset dataset, JsonElement checks)
    {
        Hdf5DataType baseType = dataset.DataType.BaseType!;
        (double[] values, long[] offsets, object?[][] rows) = (baseType.Class, baseType.Size) switch
        {
            (Hdf5TypeClass.Float, 4) => Flatten(dataset.ReadJagged<float>(), v => (double)v),
            (Hdf5TypeClass.Float, 8) => Flatten(dataset.ReadJagged<double>(), v => v),
            (Hdf5TypeClass.Integer, 4) => Flatten(dataset.ReadJagged<int>(), v => (double)v, v => (long)v),
            (Hdf5TypeClass.Integer, 8) => Flatten(dataset.ReadJagged<long>(), v => (double)v, v => v),
            _ => throw new AssertionException($"no jagged reader for {baseType}"),
        };
        int count = offsets.Length - 1;
        Assert.That(count, Is.EqualTo(checks.GetProperty("count").GetInt32()), "sequence count");
        Assert.That(Enumerable.Range(0, Math.Min(3, count)).Select(i => offsets[i + 1] - offsets[i]),
            Is.EqualTo(checks.GetProperty("lengths_first3").EnumerateArray().Select(e => e.GetInt64())), "first lengths");
        Assert.That(values.Length, Is.EqualTo(checks.GetProperty("total_len").GetInt64()), "total length");
        Assert.That(Hdf5Expect.ValueEquals(checks.GetProperty("first3"), rows.Take(3).ToArray()), Is.True, "first sequences");
        Tolerance.AssertClose(checks.GetProperty("values_sum").GetDouble(), values.Sum(), rel: 1e-9, what: "values sum");
        Assert.That(values.Min(), Is.EqualTo(checks.GetProperty("values_min").GetDouble()), "values min");
        Assert.That(values.Max(), Is.EqualTo(checks.GetProperty("values_max").GetDouble()), "values max");
    }

    private static (double[] Values, long[] Offsets, object?[][] Rows) Flatten<T>(Hdf5Jagged<T> jagged, Func<T, double> toDouble, Func<T, object>? toObject = null)
    {
        toObject ??= v => toDouble(v);
        object?[][] rows = new object?[Math.Min(3, jagged.Count)][];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = jagged[i].ToArray().Select(v => (object?)toObject(v)).ToArray();
        }

        return (jagged.Values.Select(toDouble).ToArray(), jagged.Offsets, rows);
    }

    private sealed class DatasetRead(Hdf5Dataset dataset) : Hdf5Expect.INumericRead
    {
        public T[] Read<T>()
            where T : unmanaged => dataset.Read<T>();
    }

    private sealed class MemberRead(Hdf5Dataset dataset, string[] path) : Hdf5Expect.INumericRead
    {
        public T[] Read<T>()
            where T : unmanaged => dataset.ReadMember<T>(path);
    }
}
