using System.Globalization;
using HepMl.Physics.Vectors;
using HepMl.TestData;

namespace HepMl.Physics.Tests.Jets;

/// <summary>
/// Reads the clustering fixtures written by <c>tools/refgen/fastjet_reference.cpp</c> (FastJet 3.4.0) and the
/// particle files they were made from (tests/HepMl.TestData/data/physics; see its .readme).
/// </summary>
internal sealed class FastJetReference
{
    private FastJetReference()
    {
    }

    public Dictionary<string, Summary> Summaries { get; } = new();

    public Dictionary<string, List<ReferenceJet>> Jets { get; } = new();

    public Dictionary<string, List<Dmerge>> Dmerges { get; } = new();

    public Dictionary<string, List<Step>> Histories { get; } = new();

    public static string Key(long evt, string algorithm, double radius, string strategy) =>
        string.Create(CultureInfo.InvariantCulture, $"{evt},{algorithm},{radius:G},{strategy}");

    public static FastJetReference Load(string fileName)
    {
        var reference = new FastJetReference();
        foreach (string line in File.ReadLines(SharedData.Fixture("physics", fileName)))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] f = line.Split(',');
            string key = $"{f[1]},{f[2]},{f[3]},{f[4]}";
            switch (f[0])
            {
                case "S":
                    reference.Summaries[key] = new Summary(f[5], int.Parse(f[6], CultureInfo.InvariantCulture), int.Parse(f[7], CultureInfo.InvariantCulture),
                        D(f[8]), ulong.Parse(f[9], CultureInfo.InvariantCulture), int.Parse(f[10], CultureInfo.InvariantCulture));
                    break;
                case "J":
                    Add(reference.Jets, key, new ReferenceJet(f[5], int.Parse(f[6], CultureInfo.InvariantCulture),
                        new LorentzVector(D(f[7]), D(f[8]), D(f[9]), D(f[10])), D(f[11]), D(f[12]), D(f[13]), D(f[14])));
                    break;
                case "D":
                    Add(reference.Dmerges, key, new Dmerge(int.Parse(f[5], CultureInfo.InvariantCulture), D(f[6]), D(f[7]), int.Parse(f[8], CultureInfo.InvariantCulture)));
                    break;
                case "P":
                    Add(reference.Histories, key, new Step(int.Parse(f[6], CultureInfo.InvariantCulture), int.Parse(f[7], CultureInfo.InvariantCulture), D(f[8])));
                    break;
                default:
                    throw new InvalidDataException($"unknown row kind {f[0]} in {fileName}");
            }
        }

        return reference;
    }

    /// <summary>Events of a particle CSV (event,px,py,pz,E), in file order.</summary>
    public static List<(long Event, LorentzVector[] Particles)> LoadParticles(string fileName)
    {
        var events = new List<(long, List<LorentzVector>)>();
        foreach (string line in File.ReadLines(SharedData.Fixture("physics", fileName)).Skip(1))
        {
            string[] f = line.Split(',');
            long evt = long.Parse(f[0], CultureInfo.InvariantCulture);
            if (events.Count == 0 || events[^1].Item1 != evt)
            {
                events.Add((evt, new List<LorentzVector>()));
            }

            events[^1].Item2.Add(new LorentzVector(D(f[1]), D(f[2]), D(f[3]), D(f[4])));
        }

        return events.Select(e => (e.Item1, e.Item2.ToArray())).ToList();
    }

    /// <summary>FastJet's history digest (see fastjet_reference.cpp).</summary>
    public static ulong HistoryDigest(ReadOnlySpan<HepMl.Physics.Jets.ClusterHistoryEntry> history)
    {
        const ulong mod = 1UL << 61;
        ulong digest = 0;
        for (int i = 0; i < history.Length; i++)
        {
            ulong term = (ulong)(i + 1) * ((ulong)(history[i].Parent1 + 3) * 1009UL + (ulong)(history[i].Parent2 + 3)) % mod;
            digest = (digest + term) % mod;
        }

        return digest;
    }

    private static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out List<T>? list))
        {
            map[key] = list = new List<T>();
        }

        list.Add(value);
    }

    public sealed record Summary(string StrategyUsed, int ParticleCount, int InclusiveCount, double SumPt, ulong HistoryDigest, int HistorySize);

    public sealed record ReferenceJet(string Kind, int Rank, LorentzVector Momentum, double Pt, double Rapidity, double Phi, double Mass);

    public sealed record Dmerge(int Count, double Value, double Max, int CountAtDcut);

    public sealed record Step(int Parent1, int Parent2, double Dij);
}
