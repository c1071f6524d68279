using HepMl.Physics.Jets;
using HepMl.Physics.Vectors;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Physics.Tests.Jets;

/// <summary>
/// Acceptance: the clustering equals FastJet 3.4.0 (tools/refgen/fastjet_reference.cpp) on the first three events
/// of the shared particle files (N = 100, 500, 1000) for kt, C/A and anti-kt at R = 0.4 and 1.0: same number of
/// jets, same history (digest of every parent pair), and every jet's four-momentum, pt, rapidity, phi and mass
/// within 1e-9 relative.
/// </summary>
public partial class ClusterSequenceTests
{
    private const double JetTolerance = 1e-9;

    private static readonly Dictionary<string, FastJetReference> s_references = new();

    private static IEnumerable<TestCaseData> SharedEventCases()
    {
        foreach (int n in new[] { 100, 500, 1000 })
        {
            foreach (JetAlgorithm algorithm in new[] { JetAlgorithm.Kt, JetAlgorithm.CambridgeAachen, JetAlgorithm.AntiKt })
            {
                foreach (double radius in new[] { 0.4, 1.0 })
                {
                    foreach (ClusteringStrategy strategy in new[] { ClusteringStrategy.Best, ClusteringStrategy.N2Plain, ClusteringStrategy.N2Tiled, ClusteringStrategy.N2MinHeapTiled })
                    {
                        yield return new TestCaseData(n, algorithm, radius, strategy).SetName($"Run_SharedEventsN{n}_{algorithm}_R{radius}_{strategy}_MatchesFastJet");
                    }
                }
            }
        }
    }

    [TestCaseSource(nameof(SharedEventCases))]
    public void Run_SharedEvents_MatchesFastJet(int n, JetAlgorithm algorithm, double radius, ClusteringStrategy strategy)
    {
        FastJetReference reference = Reference($"fastjet_n{n}_first3.csv");
        var definition = new JetDefinition(algorithm, radius, RecombinationScheme.E, strategy);
        foreach ((long evt, LorentzVector[] particles) in FastJetReference.LoadParticles($"particles_n{n}_first3.csv"))
        {
            Assert.That(particles, Has.Length.EqualTo(n));
            ClusterSequence sequence = ClusterSequence.Run(particles, definition);
            string best = FastJetReference.Key(evt, algorithm.ToString(), radius, "Best");
            string fastJetBest = reference.Summaries[best].StrategyUsed;
            if (strategy == ClusteringStrategy.Best && Enum.TryParse(fastJetBest, out ClusteringStrategy same))
            {
                Assert.That(sequence.StrategyUsed, Is.EqualTo(same), $"{best}: Best should resolve as in FastJet");
            }

            // kt and anti-kt have no exact distance ties here, so every strategy must give FastJet's Best history.
            // C/A ends with beam mergings all at d_iB = 1 (exact ties), whose order is the strategy's tie-breaking:
            // compare with the FastJet run of the same strategy.
            string key = algorithm == JetAlgorithm.CambridgeAachen
                ? FastJetReference.Key(evt, algorithm.ToString(), radius, sequence.StrategyUsed.ToString())
                : best;
            CompareEvent(reference, key, best, sequence);
        }
    }

    private static IEnumerable<TestCaseData> SpecialEventCases()
    {
        foreach (JetAlgorithm algorithm in new[] { JetAlgorithm.Kt, JetAlgorithm.CambridgeAachen, JetAlgorithm.AntiKt })
        {
            foreach (double radius in new[] { 0.4, 1.0 })
            {
                foreach (ClusteringStrategy strategy in new[] { ClusteringStrategy.N2Plain, ClusteringStrategy.N2Tiled, ClusteringStrategy.N2MinHeapTiled })
                {
                    yield return new TestCaseData(algorithm, radius, strategy).SetName($"Run_TiesAndEdgeCases_{algorithm}_R{radius}_{strategy}_SameHistoryAsFastJet");
                }
            }
        }
    }

    /// <summary>
    /// Exact ties (copies of one momentum, a symmetric grid) and edge cases (pt = 0 along the beam, at rest, a zero
    /// vector, a spacelike vector, one and two particles): each strategy must merge in exactly the order of the
    /// FastJet strategy of the same name (full history compared where FastJet wrote it, the digest elsewhere).
    /// </summary>
    [TestCaseSource(nameof(SpecialEventCases))]
    public void Run_TiesAndEdgeCases_SameHistoryAsFastJet(JetAlgorithm algorithm, double radius, ClusteringStrategy strategy)
    {
        FastJetReference reference = Reference("fastjet_special_events.csv");
        var definition = new JetDefinition(algorithm, radius, RecombinationScheme.E, strategy);
        foreach ((long evt, LorentzVector[] particles) in FastJetReference.LoadParticles("special_events.csv"))
        {
            string key = FastJetReference.Key(evt, algorithm.ToString(), radius, strategy.ToString());
            ClusterSequence sequence = ClusterSequence.Run(particles, definition);
            Assert.That(sequence.StrategyUsed.ToString(), Is.EqualTo(reference.Summaries[key].StrategyUsed), key);
            if (reference.Histories.TryGetValue(key, out List<FastJetReference.Step>? steps))
            {
                ReadOnlySpan<ClusterHistoryEntry> history = sequence.History;
                Assert.That(history.Length, Is.EqualTo(steps.Count), key);
                for (int i = 0; i < steps.Count; i++)
                {
                    Assert.That((history[i].Parent1, history[i].Parent2), Is.EqualTo((steps[i].Parent1, steps[i].Parent2)), $"{key} step {i}");
                    Tolerance.AssertClose(steps[i].Dij, history[i].Dij, 1e-12, 0, $"{key} step {i} dij");
                }
            }

            CompareEvent(reference, key, key, sequence);
        }
    }

    private static FastJetReference Reference(string file)
    {
        lock (s_references)
        {
            if (!s_references.TryGetValue(file, out FastJetReference? reference))
            {
                s_references[file] = reference = FastJetReference.Load(file);
            }

            return reference;
        }
    }

    /// <summary>Compares counts, history digest, exclusive quantities (from <paramref name="key"/>) and inclusive jets (from <paramref name="inclusiveKey"/>).</summary>
    private static void CompareEvent(FastJetReference reference, string key, string inclusiveKey, ClusterSequence sequence)
    {
        FastJetReference.Summary summary = reference.Summaries[key];
        Assert.That(sequence.InitialParticleCount, Is.EqualTo(summary.ParticleCount), key);
        List<PseudoJet> all = sequence.InclusiveJets(0.0);
        Assert.That(all, Has.Count.EqualTo(summary.InclusiveCount), $"{key}: number of inclusive jets");
        Tolerance.AssertClose(summary.SumPt, all.Sum(j => j.Pt), 1e-12, 0, $"{key}: sum of jet pt");
        Assert.That(sequence.History.Length, Is.EqualTo(summary.HistorySize), key);
        Assert.That(FastJetReference.HistoryDigest(sequence.History), Is.EqualTo(summary.HistoryDigest), $"{key}: history digest");

        CompareJets(inclusiveKey, "incl5", reference.Jets.GetValueOrDefault(inclusiveKey) ?? new(), sequence.InclusiveJets(5.0).SortedByPt());
        List<FastJetReference.ReferenceJet> expected = reference.Jets.GetValueOrDefault(key) ?? new();
        if (sequence.Definition.Algorithm != JetAlgorithm.AntiKt)
        {
            for (int count = 2; count <= 3; count++)
            {
                if (sequence.InitialParticleCount >= count)
                {
                    CompareJets(key, $"excl{count}", expected, sequence.ExclusiveJets(count).SortedByPt());
                }
            }

            foreach (FastJetReference.Dmerge d in reference.Dmerges[key])
            {
                Tolerance.AssertClose(d.Value, sequence.ExclusiveDmerge(d.Count), 1e-12, 0, $"{key}: dmerge({d.Count})");
                Tolerance.AssertClose(d.Max, sequence.ExclusiveDmergeMax(d.Count), 1e-12, 0, $"{key}: dmerge_max({d.Count})");
                Assert.That(sequence.NumberOfExclusiveJets(d.Value), Is.EqualTo(d.CountAtDcut), $"{key}: n_exclusive_jets(dmerge({d.Count}))");
            }
        }
    }

    private static void CompareJets(string key, string kind, List<FastJetReference.ReferenceJet> reference, List<PseudoJet> actual)
    {
        // Both lists are in decreasing pt; jets of exactly equal pt (symmetric events) are put in a canonical order,
        // because FastJet's sorted_by_pt (std::sort) does not keep their order.
        List<FastJetReference.ReferenceJet> expected = reference.Where(j => j.Kind == kind)
            .OrderBy(j => j.Rank).OrderByDescending(j => j.Pt).ThenBy(j => j.Momentum.Px).ThenBy(j => j.Momentum.Py).ToList();
        actual = actual.OrderByDescending(j => j.Pt).ThenBy(j => j.Px).ThenBy(j => j.Py).ToList();
        Assert.That(actual, Has.Count.EqualTo(expected.Count), $"{key}: number of {kind} jets");
        for (int k = 0; k < expected.Count; k++)
        {
            string what = $"{key} {kind} jet {k}";
            FastJetReference.ReferenceJet e = expected[k];
            PseudoJet a = actual[k];
            Tolerance.AssertClose(e.Momentum.Px, a.Px, JetTolerance, 0, what + " px");
            Tolerance.AssertClose(e.Momentum.Py, a.Py, JetTolerance, 0, what + " py");
            Tolerance.AssertClose(e.Momentum.Pz, a.Pz, JetTolerance, 0, what + " pz");
            Tolerance.AssertClose(e.Momentum.E, a.E, JetTolerance, 0, what + " E");
            Tolerance.AssertClose(e.Pt, a.Pt, JetTolerance, 0, what + " pt");
            Tolerance.AssertClose(e.Rapidity, a.Rapidity, JetTolerance, 0, what + " rapidity");
            // FastJet folds an azimuth of -2e-16 to 0 via [0, 2pi); an absolute floor covers that.
            Tolerance.AssertClose(e.Phi, a.Phi, JetTolerance, 1e-15, what + " phi");
            Tolerance.AssertClose(e.Mass, a.Mass, JetTolerance, 0, what + " mass");
        }
    }
}
