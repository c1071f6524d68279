using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using HepMl.Io.Compression;
using HepMl.Io.Root.Writing;

// Writes ROOT files with every kind of object and branch HepMl's writer supports, one file per compression, and dumps
// what was written (raw little-endian values, entry offsets, a manifest.json) for readback_all_kinds.py, which reads
// the files with uproot and compares value by value.
// Per file: TObjString at the top and three directories down; TH1D (fixed bins, sum of squared weights), TH1F
// (variable bins), TH2D in a subdirectory; a tree in events/selected with scalars of all 11 primitive types, fixed
// arrays (1-D and 2-D), counter-leaf arrays of several types sharing a counter, std::vector<T> of all 11 types, over
// many baskets; a C-string branch (name/C, TLeafC) with empty, 254/255/256-byte, long and non-ASCII strings. Plus one
// file with a friend tree of scores next to the first file's tree.
// Usage: HepMl.RootReadbackBench OUT_DIR [ENTRIES]
string output = args[0];
int entries = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
Directory.CreateDirectory(output);
var random = new Random(20240611);
var manifest = new Dictionary<string, object>();
var branches = new List<object>();
var columns = new Dictionary<string, (Array Values, int[]? Offsets)>();
var definitions = new List<RootBranchDefinition>();

int[] jetOffsets = Offsets(random, entries, 0, 6);
int[] muonOffsets = Offsets(random, entries, 0, 4);
Dump("nJet", Counts(jetOffsets));
Dump("nJet.offsets", jetOffsets);
Dump("vec.offsets", muonOffsets);
foreach ((string suffix, Type type) in Types())
{
    Array scalar = Values(random, type, entries);
    Add(RootBranchDefinition.Create("s_" + suffix, type, RootBranchKind.Scalar), scalar, null, "scalar", []);
    Array vector = Values(random, type, muonOffsets[^1]);
    Add(RootBranchDefinition.Create("v_" + suffix, type, RootBranchKind.Vector), vector, muonOffsets, "vector", []);
}

Add(RootBranchDefinition.FixedArray<float>("p4", 4), Values(random, typeof(float), entries * 4), null, "fixed", [4]);
Add(RootBranchDefinition.FixedArray<int>("m23", 2, 3), Values(random, typeof(int), entries * 6), null, "fixed", [2, 3]);
Add(RootBranchDefinition.FixedArray<bool>("flags2", 2), Values(random, typeof(bool), entries * 2), null, "fixed", [2]);
Add(RootBranchDefinition.FixedArray<ulong>("ids3", 3), Values(random, typeof(ulong), entries * 3), null, "fixed", [3]);
foreach ((string name, Type type) in new[] { ("jet_pt", typeof(float)), ("jet_e", typeof(double)), ("jet_flav", typeof(short)), ("jet_tag", typeof(byte)), ("jet_id", typeof(long)) })
{
    Add(RootBranchDefinition.Create(name, type, RootBranchKind.Counted, counterName: "nJet"), Values(random, type, jetOffsets[^1]), jetOffsets, "counted", []);
}

// C strings: the length-byte boundaries, one 70 000-byte string, empty strings, TMVA's class names, non-ASCII UTF-8, random text.
string[] special =
[
    string.Empty, "Signal", "Background", new('a', 254), new('b', 255), new('c', 256), new string('é', 127) + "e",
    "ünïcödé ✓ 日本語 🚀", "x",
];
string[] labels = Enumerable.Range(0, entries).Select(i => i % 3 == 0 ? special[(i / 3) % special.Length]
    : new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => (char)random.Next(32, 127)).ToArray())).ToArray();
labels[entries / 2] = new string('L', 70_000); // one long string (4-byte length beyond 16 bits)
definitions.Add(RootBranchDefinition.CString("label"));
columns["label"] = (labels, null);
File.WriteAllText(Path.Combine(output, "label.json"), JsonSerializer.Serialize(labels));
branches.Add(new { name = "label", dtype = "str", kind = "string", shape = Array.Empty<int>(), offsets = (string?)null });

// Histograms: contents include under- and overflow.
double[] h1 = Enumerable.Range(0, 12).Select(i => Math.Round(random.NextDouble() * 100, 3)).ToArray();
double[] h1w2 = h1.Select(v => v * 1.5).ToArray();
double[] edges = [0, 1, 4, 9, 16, 25];
double[] h1f = Enumerable.Range(0, 7).Select(i => (double)(float)(random.NextDouble() * 10)).ToArray();
double[] h2 = Enumerable.Range(0, 6 * 5).Select(i => Math.Round(random.NextDouble() * 20, 2)).ToArray();
manifest["histograms"] = new object[]
{
    new { path = "hists/h1d", @class = "TH1D", title = "pt [GeV]", contents = h1, sumw2 = h1w2, edges = Edges(10, -5, 5), entries = 123.0 },
    new { path = "hists/float/h1f", @class = "TH1F", title = "variable", contents = h1f, sumw2 = (double[]?)null, edges, entries = h1f.Sum() },
    new { path = "hists/h2d", @class = "TH2D", title = "eta vs phi", contents = h2, sumw2 = (double[]?)null, edges = Edges(4, 0, 4), yedges = Edges(3, -1, 2), entries = h2.Sum() },
};
manifest["strings"] = new Dictionary<string, string> { ["note"] = "written by HepMl", ["a/b/c/deep"] = "three levels down: ünïcödé" };
manifest["tree"] = "events/selected/Events";
manifest["entries"] = entries;
manifest["branches"] = branches;

var files = new List<object>();
foreach (string codec in new[] { "zlib:1", "zlib:9", "lz4:4", "zstd:5", "none" })
{
    string path = Path.Combine(output, $"all_kinds_{codec.Replace(':', '_')}.root");
    using (RootFileWriter file = RootFileWriter.Create(path, RootCompression.Parse(codec), "HepMl read-back check"))
    {
        file.Root.WriteObjString("note", "written by HepMl");
        file.Root.Mkdir("a/b/c").WriteObjString("deep", "three levels down: ünïcödé");
        RootDirectoryWriter hists = file.Root.Mkdir("hists");
        hists.WriteHistogram(RootHistogramData.TH1D("h1d", "pt [GeV]", new RootAxisData(10, -5, 5, Title: "x [GeV]"), h1, h1w2, entries: 123));
        hists.Mkdir("float").WriteHistogram(RootHistogramData.TH1F("h1f", "variable", RootAxisData.Variable(edges), h1f));
        hists.WriteHistogram(RootHistogramData.TH2D("h2d", "eta vs phi", new RootAxisData(4, 0, 4), new RootAxisData(3, -1, 2), h2));
        RootTreeWriter tree = file.Root.Mkdir("events/selected").CreateTree("Events", "every branch kind", definitions,
            new RootTreeWriterOptions { ClusterBytes = 256 << 10 });
        foreach (RootTreeBlock part in Split(columns, definitions, entries, 3_000))
        {
            tree.Append(part);
        }
    }

    files.Add(new { path = Path.GetFileName(path), compression = codec });
}

// A friend tree of scores next to the zlib file's tree.
float[] scores = (float[])Values(random, typeof(float), entries);
string friendPath = Path.Combine(output, "scores_friend.root");
string inputPath = Path.Combine(output, "all_kinds_zlib_1.root");
using (RootFileWriter file = RootFileWriter.Create(friendPath))
{
    RootTreeWriter friend = file.Root.CreateFriendTree("Scores", "BDT scores", inputPath, "events/selected/Events",
        [RootBranchDefinition.Scalar<float>("bdt")], new RootTreeWriterOptions { ClusterBytes = 32 << 10 });
    friend.Append(new RootTreeBlock(entries).Add("bdt", scores));
}

Dump("bdt", scores);
manifest["files"] = files;
manifest["friend"] = new { path = Path.GetFileName(friendPath), tree = "Scores", branch = "bdt", friend_tree = "events/selected/Events", friend_file = inputPath };
File.WriteAllText(Path.Combine(output, "manifest.json"), JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine(JsonSerializer.Serialize(new { written = files.Count + 1, entries, branches = branches.Count, folder = output }));

void Add(RootBranchDefinition definition, Array values, int[]? offsets, string kind, int[] shape)
{
    definitions.Add(definition);
    columns[definition.Name] = (values, offsets);

    Dump(definition.Name, values);
    branches.Add(new { name = definition.Name, dtype = Dtype(definition.ElementType), kind, shape, offsets = kind == "counted" ? "nJet.offsets" : kind == "vector" ? "vec.offsets" : null });
}

void Dump(string name, Array values)
{
    using var stream = new FileStream(Path.Combine(output, name + ".bin"), FileMode.Create);
    stream.Write(Bytes(values));
}

static ReadOnlySpan<byte> Bytes(Array values) => values switch
{
    _ when values.GetType() == typeof(bool[]) => MemoryMarshal.AsBytes(((bool[])values).AsSpan()),
    _ when values.GetType() == typeof(sbyte[]) => MemoryMarshal.AsBytes(((sbyte[])values).AsSpan()),
    _ when values.GetType() == typeof(byte[]) => (byte[])values,
    _ when values.GetType() == typeof(short[]) => MemoryMarshal.AsBytes(((short[])values).AsSpan()),
    _ when values.GetType() == typeof(ushort[]) => MemoryMarshal.AsBytes(((ushort[])values).AsSpan()),
    _ when values.GetType() == typeof(int[]) => MemoryMarshal.AsBytes(((int[])values).AsSpan()),
    _ when values.GetType() == typeof(uint[]) => MemoryMarshal.AsBytes(((uint[])values).AsSpan()),
    _ when values.GetType() == typeof(long[]) => MemoryMarshal.AsBytes(((long[])values).AsSpan()),
    _ when values.GetType() == typeof(ulong[]) => MemoryMarshal.AsBytes(((ulong[])values).AsSpan()),
    _ when values.GetType() == typeof(float[]) => MemoryMarshal.AsBytes(((float[])values).AsSpan()),
    _ => MemoryMarshal.AsBytes(((double[])values).AsSpan()),
};

static string Dtype(Type type) =>
    type == typeof(bool) ? "?" : type == typeof(sbyte) ? "i1" : type == typeof(byte) ? "u1" : type == typeof(short) ? "i2"
    : type == typeof(ushort) ? "u2" : type == typeof(int) ? "i4" : type == typeof(uint) ? "u4" : type == typeof(long) ? "i8"
    : type == typeof(ulong) ? "u8" : type == typeof(float) ? "f4" : "f8";

static (string, Type)[] Types() =>
[
    ("bool", typeof(bool)), ("i1", typeof(sbyte)), ("u1", typeof(byte)), ("i2", typeof(short)), ("u2", typeof(ushort)),
    ("i4", typeof(int)), ("u4", typeof(uint)), ("i8", typeof(long)), ("u8", typeof(ulong)), ("f4", typeof(float)), ("f8", typeof(double)),
];

// Full ranges for integers, awkward values (extremes, subnormals, infinities, NaN) mixed into floats.
static Array Values(Random random, Type type, int count)
{
    if (type == typeof(bool)) { return Enumerable.Range(0, count).Select(_ => random.Next(2) == 1).ToArray(); }
    if (type == typeof(sbyte)) { return Enumerable.Range(0, count).Select(_ => (sbyte)random.Next(sbyte.MinValue, sbyte.MaxValue + 1)).ToArray(); }
    if (type == typeof(byte)) { return Enumerable.Range(0, count).Select(_ => (byte)random.Next(256)).ToArray(); }
    if (type == typeof(short)) { return Enumerable.Range(0, count).Select(_ => (short)random.Next(short.MinValue, short.MaxValue + 1)).ToArray(); }
    if (type == typeof(ushort)) { return Enumerable.Range(0, count).Select(_ => (ushort)random.Next(ushort.MaxValue + 1)).ToArray(); }
    if (type == typeof(int)) { return Enumerable.Range(0, count).Select(i => i == 0 ? int.MinValue : i == 1 ? int.MaxValue : random.Next(int.MinValue, int.MaxValue)).ToArray(); }
    if (type == typeof(uint)) { return Enumerable.Range(0, count).Select(i => i == 0 ? uint.MaxValue : (uint)random.NextInt64(uint.MaxValue + 1L)).ToArray(); }
    if (type == typeof(long)) { return Enumerable.Range(0, count).Select(i => i == 0 ? long.MinValue : i == 1 ? long.MaxValue : random.NextInt64(long.MinValue, long.MaxValue)).ToArray(); }
    if (type == typeof(ulong)) { return Enumerable.Range(0, count).Select(i => i == 0 ? ulong.MaxValue : ((ulong)random.NextInt64() << 1) + (ulong)random.Next(2)).ToArray(); }
    float[] special = [float.MaxValue, float.Epsilon, float.PositiveInfinity, float.NegativeInfinity, float.NaN, -0f];
    if (type == typeof(float)) { return Enumerable.Range(0, count).Select(i => i < special.Length ? special[i] : (float)((random.NextDouble() - 0.5) * 200)).ToArray(); }
    double[] specialDouble = [double.MaxValue, double.Epsilon, double.PositiveInfinity, double.NegativeInfinity, double.NaN, -0.0];
    return Enumerable.Range(0, count).Select(i => i < specialDouble.Length ? specialDouble[i] : (random.NextDouble() - 0.5) * 1e6).ToArray();
}

static int[] Offsets(Random random, int entries, int min, int max)
{
    int[] offsets = new int[entries + 1];
    for (int i = 0; i < entries; i++)
    {
        offsets[i + 1] = offsets[i] + random.Next(min, max + 1);
    }

    return offsets;
}

static int[] Counts(int[] offsets) => Enumerable.Range(0, offsets.Length - 1).Select(i => offsets[i + 1] - offsets[i]).ToArray();

static double[] Edges(int bins, double low, double high) => Enumerable.Range(0, bins + 1).Select(i => low + ((high - low) * i / bins)).ToArray();

// The whole block cut into consecutive blocks of `size` entries.
static IEnumerable<RootTreeBlock> Split(Dictionary<string, (Array Values, int[]? Offsets)> whole, List<RootBranchDefinition> definitions, int entries, int size)
{
    for (int start = 0; start < entries; start += size)
    {
        int count = Math.Min(size, entries - start);
        var part = new RootTreeBlock(count);
        foreach (RootBranchDefinition definition in definitions)
        {
            (Array values, int[]? offsets) = whole[definition.Name];
            if (offsets is null)
            {
                int item = definition.ItemSize;
                Array slice = Array.CreateInstance(definition.ElementType, count * item);
                Array.Copy(values, start * item, slice, 0, count * item);
                part.Add(definition.Name, slice);
            }
            else
            {
                int first = offsets[start];
                Array slice = Array.CreateInstance(definition.ElementType, offsets[start + count] - first);
                Array.Copy(values, first, slice, 0, slice.Length);
                part.AddJagged(definition.Name, slice, offsets.Skip(start).Take(count + 1).Select(o => o - first).ToArray());
            }
        }

        yield return part;
    }
}
