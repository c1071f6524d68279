using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using HepMl.Io.Compression;
using HepMl.Io.Root.Writing;

// Writes the benchmark tree of ../shared/peers/uproot/make_big_root.py (same branches and distributions, our own
// seeded generator) with HepMl's ROOT writer and prints one JSON line. Only the writing is timed: every chunk is
// generated before the clock runs for it, as write_uproot.py does for uproot.
// With --from PEER.root the values are read from the peer's file first (not timed), so both write the same bytes.
// Usage: HepMl.RootWriteBench OUT.root ENTRIES COMPRESSION [CHUNK] [--dump DIR] [--threads N] [--from PEER.root]
string output = args[0];
long entries = long.Parse(args[1], CultureInfo.InvariantCulture);
RootCompression compression = RootCompression.Parse(args[2]);
int chunk = args.Length > 3 && !args[3].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[3], CultureInfo.InvariantCulture) : 100_000;
string? dump = Option("--dump");
string? from = Option("--from");
int threads = Option("--threads") is string t ? int.Parse(t, CultureInfo.InvariantCulture) : Environment.ProcessorCount;

RootBranchDefinition[] branches =
[
    RootBranchDefinition.Scalar<float>("pt"), RootBranchDefinition.Scalar<float>("eta"), RootBranchDefinition.Scalar<float>("phi"),
    RootBranchDefinition.Scalar<float>("mass"), RootBranchDefinition.Scalar<double>("weight"), RootBranchDefinition.Scalar<double>("sumEt"),
    RootBranchDefinition.Scalar<int>("nJet"), RootBranchDefinition.Scalar<int>("lumiBlock"), RootBranchDefinition.Scalar<long>("event"),
    RootBranchDefinition.Scalar<bool>("passTrigger"), RootBranchDefinition.FixedArray<float>("p4", 4),
    RootBranchDefinition.Counted<float>("Muon_pt", "nMuon"), RootBranchDefinition.Counted<float>("Muon_eta", "nMuon"),
    RootBranchDefinition.Counted<float>("Muon_phi", "nMuon"), RootBranchDefinition.Counted<int>("Muon_charge", "nMuon"),
];
Dictionary<string, FileStream>? dumps = dump is null ? null : [];
double seconds = 0;
var total = Stopwatch.StartNew();
var random = new Random(20240611);
var clock = new Stopwatch();
clock.Start();
RootFileWriter file = RootFileWriter.Create(output, compression);
RootTreeWriter tree = file.Root.CreateTree("Events", "HepMl benchmark", branches,
    new RootTreeWriterOptions { MaxDegreeOfParallelism = threads, ClusterBytes = RootTreeWriterOptions.Defaults.ClusterBytes });
clock.Stop();
if (from is not null)
{
    // Same values as the peer wrote: read them from its file (not timed), write them with HepMl (timed).
    using HepMl.Io.Root.Reading.RootFile source = HepMl.Io.Root.Reading.RootFile.Open(from);
    HepMl.Io.Root.Trees.TreeReader events = source.GetTree("Events");
    entries = Math.Min(entries, events.Entries);
    for (long start = 0; start < entries; start += chunk)
    {
        var range = new HepMl.Io.Root.Trees.EntryRange(start, Math.Min(entries, start + chunk));
        var block = new RootTreeBlock(range.Count);
        foreach (RootBranchDefinition branch in branches)
        {
            var column = events.ReadColumn(events.GetBranch(branch.Name), range);
            if (branch.Kind == RootBranchKind.Counted)
            {
                block.AddJagged(branch.Name, column.Values, column.Offsets[0]);
            }
            else
            {
                block.Add(branch.Name, column.Values);
            }
        }

        clock.Start();
        tree.Append(block);
        clock.Stop();
    }
}
else
{
    for (long start = 0; start < entries; start += chunk)
    {
        int n = (int)Math.Min(chunk, entries - start);
        RootTreeBlock block = MakeBlock(random, start, n, dumps, dump);
        clock.Start();
        tree.Append(block);
        clock.Stop();
    }
}

clock.Start();
file.Dispose();
clock.Stop();
seconds = clock.Elapsed.TotalSeconds;
foreach (FileStream stream in dumps?.Values ?? Enumerable.Empty<FileStream>())
{
    stream.Dispose();
}

Console.WriteLine(JsonSerializer.Serialize(new
{
    tool = "hepml",
    compression = compression.ToString(),
    entries,
    chunk,
    threads,
    bytes = new FileInfo(output).Length,
    write_seconds = seconds,
    entries_per_second = entries / seconds,
    wall_seconds_including_generation = total.Elapsed.TotalSeconds,
}));

string? Option(string name)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static RootTreeBlock MakeBlock(Random random, long start, int n, Dictionary<string, FileStream>? dumps, string? folder)
{
    float[] pt = new float[n], eta = new float[n], phi = new float[n], mass = new float[n], p4 = new float[4 * n];
    double[] weight = new double[n], sumEt = new double[n];
    int[] nJet = new int[n], lumi = new int[n], nMuon = new int[n];
    long[] eventNumber = new long[n];
    bool[] trigger = new bool[n];
    for (int i = 0; i < n; i++)
    {
        pt[i] = (float)(5 - (20 * Math.Log(1 - random.NextDouble())));
        eta[i] = (float)Math.Clamp(1.5 * Normal(random), -5, 5);
        phi[i] = (float)((random.NextDouble() * 2 * Math.PI) - Math.PI);
        mass[i] = (float)Math.Clamp(91.1876 + (0.5 * 2.4952 * Math.Tan(Math.PI * (random.NextDouble() - 0.5))), 50, 150);
        weight[i] = 1 + (0.2 * Normal(random));
        sumEt[i] = -500 * Math.Log(1 - random.NextDouble());
        nJet[i] = Poisson(random, 3);
        long entry = start + i;
        lumi[i] = (int)(1 + (entry / 1000));
        eventNumber[i] = entry + 1;
        trigger[i] = random.NextDouble() < 0.3;
        double px = pt[i] * Math.Cos(phi[i]), py = pt[i] * Math.Sin(phi[i]), pz = pt[i] * Math.Sinh(eta[i]);
        p4[4 * i] = (float)px;
        p4[(4 * i) + 1] = (float)py;
        p4[(4 * i) + 2] = (float)pz;
        p4[(4 * i) + 3] = (float)Math.Sqrt((px * px) + (py * py) + (pz * pz) + (mass[i] * (double)mass[i]));
        nMuon[i] = Math.Min(Poisson(random, 1.5), 8);
    }

    int[] offsets = new int[n + 1];
    for (int i = 0; i < n; i++)
    {
        offsets[i + 1] = offsets[i] + nMuon[i];
    }

    int muons = offsets[n];
    float[] muonPt = new float[muons], muonEta = new float[muons], muonPhi = new float[muons];
    int[] charge = new int[muons];
    for (int k = 0; k < muons; k++)
    {
        muonPt[k] = (float)(3 - (15 * Math.Log(1 - random.NextDouble())));
        muonEta[k] = (float)((random.NextDouble() * 4.8) - 2.4);
        muonPhi[k] = (float)((random.NextDouble() * 2 * Math.PI) - Math.PI);
        charge[k] = random.NextDouble() < 0.5 ? -1 : 1;
    }

    var block = new RootTreeBlock(n)
        .Add("pt", pt).Add("eta", eta).Add("phi", phi).Add("mass", mass).Add("weight", weight).Add("sumEt", sumEt)
        .Add("nJet", nJet).Add("lumiBlock", lumi).Add("event", eventNumber).Add("passTrigger", trigger).Add("p4", p4)
        .AddJagged("Muon_pt", muonPt, offsets).AddJagged("Muon_eta", muonEta, offsets).AddJagged("Muon_phi", muonPhi, offsets)
        .AddJagged("Muon_charge", charge, offsets);
    if (dumps is not null)
    {
        Dump(dumps, folder!, "pt", pt);
        Dump(dumps, folder!, "eta", eta);
        Dump(dumps, folder!, "phi", phi);
        Dump(dumps, folder!, "mass", mass);
        Dump(dumps, folder!, "weight", weight);
        Dump(dumps, folder!, "sumEt", sumEt);
        Dump(dumps, folder!, "nJet", nJet);
        Dump(dumps, folder!, "lumiBlock", lumi);
        Dump(dumps, folder!, "event", eventNumber);
        Dump(dumps, folder!, "passTrigger", trigger);
        Dump(dumps, folder!, "p4", p4);
        Dump(dumps, folder!, "nMuon", nMuon);
        Dump(dumps, folder!, "Muon_pt", muonPt);
        Dump(dumps, folder!, "Muon_eta", muonEta);
        Dump(dumps, folder!, "Muon_phi", muonPhi);
        Dump(dumps, folder!, "Muon_charge", charge);
    }

    return block;
}

static void Dump<T>(Dictionary<string, FileStream> dumps, string folder, string name, T[] values)
    where T : unmanaged
{
    if (!dumps.TryGetValue(name, out FileStream? stream))
    {
        Directory.CreateDirectory(folder);
        stream = new FileStream(Path.Combine(folder, name + ".bin"), FileMode.Create);
        dumps[name] = stream;
    }

    stream.Write(MemoryMarshal.AsBytes(values.AsSpan()));
}

static double Normal(Random random) =>
    Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

static int Poisson(Random random, double mean)
{
    double limit = Math.Exp(-mean), product = random.NextDouble();
    int count = 0;
    while (product > limit)
    {
        product *= random.NextDouble();
        count++;
    }

    return count;
}
