using System.Globalization;
using HepMl.Physics.Events;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Physics.Tests.Events;

/// <summary>
/// sample.hepmc3 was written by HepMC3 3.1.2's WriterAscii and read back by its ReaderAscii into
/// sample_hepmc3_particles.csv (tools/refgen/hepmc3_reference.cpp); our reader must see the same events.
/// </summary>
public class HepMc3AsciiReaderTests
{
    private static string Sample => SharedData.Fixture("physics", "sample.hepmc3");

    [Test]
    public void ReadAll_SampleWrittenByHepMC3_MatchesHepMC3ReadBack()
    {
        List<HepMcEvent> events = HepMc3AsciiReader.ReadAll(Sample);
        string[][] rows = File.ReadLines(SharedData.Fixture("physics", "sample_hepmc3_particles.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.That(events, Has.Count.EqualTo(3));
        Assert.That(events.Sum(e => e.Particles.Count), Is.EqualTo(rows.Length));
        int k = 0;
        for (int e = 0; e < events.Count; e++)
        {
            HepMcEvent evt = events[e];
            foreach (HepMcParticle particle in evt.Particles)
            {
                string[] r = rows[k++];
                double scale = r[2] == "MEV" ? 1e-3 : 1.0; // HepMl returns GeV
                Assert.That((int.Parse(r[0], CultureInfo.InvariantCulture), evt.EventNumber, evt.MomentumUnit), Is.EqualTo((e, long.Parse(r[1], CultureInfo.InvariantCulture), r[2])));
                Assert.That(evt.Weights, Is.EqualTo(new[] { D(r[3]), D(r[4]) }));
                Assert.That((particle.Id, particle.Pdg, particle.Status), Is.EqualTo((int.Parse(r[5], CultureInfo.InvariantCulture), int.Parse(r[6], CultureInfo.InvariantCulture), int.Parse(r[7], CultureInfo.InvariantCulture))));
                Tolerance.AssertClose(D(r[8]) * scale, particle.Momentum.Px, 1e-15);
                Tolerance.AssertClose(D(r[9]) * scale, particle.Momentum.Py, 1e-15);
                Tolerance.AssertClose(D(r[10]) * scale, particle.Momentum.Pz, 1e-15);
                Tolerance.AssertClose(D(r[11]) * scale, particle.Momentum.E, 1e-15);
                Tolerance.AssertClose(D(r[12]) * scale, particle.GeneratedMass, 1e-15);
                int vertex = int.Parse(r[13], CultureInfo.InvariantCulture);
                if (particle.Parent <= 0)
                {
                    Assert.That(particle.Parent, Is.EqualTo(vertex), "explicit production vertex");
                }
            }
        }

        Assert.That(events[0].Vertices[0].IncomingParticles, Is.EqualTo(new[] { 1, 2 }));
        Assert.That(events[0].Vertices[0].Position, Is.EqualTo((0.01, -0.02, 0.5, 0.0)));
        Assert.That(events[0].Particles[3].Parent, Is.EqualTo(3), "the photon's single parent is the pi0 (implicit vertex)");
        Assert.That(events[2].LengthUnit, Is.EqualTo("CM"));
        Assert.That(events[0].FinalStateMomenta(), Has.Length.EqualTo(4));
    }

    [Test]
    public void Reader_KeepsRunInfoWeightNames_AndVersion()
    {
        using var reader = new HepMc3AsciiReader(Sample);
        Assert.That(reader.Version, Is.EqualTo("3.01.02"));
        Assert.That(reader.WeightNames, Is.EqualTo(new[] { "nominal", "scale_up" }));
        Assert.That(reader.ReadEvent()!.EventNumber, Is.EqualTo(100));
    }

    private static readonly string s_good = string.Join('\n',
        "HepMC::Version 3.02.05", "HepMC::Asciiv3-START_EVENT_LISTING",
        "E 7 1 3", "U GEV MM", "P 1 0 2212 0 0 10 10 0 4", "V -1 0 [1]", "P 2 -1 211 1 0 0 1.2 0.139 1", "P 3 -1 211 -1 0 0 1.2 0.139 1",
        "HepMC::Asciiv3-END_EVENT_LISTING", "");

    [Test]
    public void Reader_MinimalEventWithoutPosition_IsRead()
    {
        using var reader = new HepMc3AsciiReader(new StringReader(s_good), "memory");
        HepMcEvent evt = reader.ReadEvent()!;
        Assert.That((evt.EventNumber, evt.Particles.Count, evt.Vertices[0].Position), Is.EqualTo((7L, 3, ((double, double, double, double)?)null)));
        Assert.That(reader.ReadEvent(), Is.Null);
        Assert.That(reader.ReadEvent(), Is.Null);
    }

    private static IEnumerable<TestCaseData> BadFiles()
    {
        string[] lines = s_good.Split('\n');
        yield return new TestCaseData("", "HepMC::Version").SetName("Reader_EmptyFile_Throws");
        yield return new TestCaseData("HepMC::IO_GenEvent-START_EVENT_LISTING\n", "HepMC::Version").SetName("Reader_HepMC2Header_Throws");
        yield return new TestCaseData("HepMC::Version 2.06\nHepMC::IO_GenEvent-START_EVENT_LISTING\n", "HepMC2").SetName("Reader_HepMC2Listing_ThrowsNamingHepMC2");
        yield return new TestCaseData(string.Join('\n', lines[..7]), "truncated").SetName("Reader_TruncatedInsideEvent_Throws");
        yield return new TestCaseData(string.Join('\n', lines[..8]), "truncated").SetName("Reader_MissingEndListing_Throws");
        yield return new TestCaseData(s_good.Replace("E 7 1 3", "E 7 1 4"), "declares 1 vertices and 4 particles; found 1").SetName("Reader_ParticleCountMismatch_Throws");
        yield return new TestCaseData(s_good.Replace("P 2 -1 211 1 0 0 1.2", "P 2 -1 211 1 0 nan 1.2"), "finite").SetName("Reader_NaNMomentum_Throws");
        yield return new TestCaseData(s_good.Replace("P 2 -1 211 1 0 0 1.2", "P 2 -1 211 1 0 x 1.2"), "expected a number").SetName("Reader_BadNumber_Throws");
        yield return new TestCaseData(s_good.Replace("U GEV MM", "Q what"), "unknown line type").SetName("Reader_UnknownLine_Throws");
        yield return new TestCaseData(s_good.Replace("U GEV MM", "U KEV MM"), "units").SetName("Reader_BadUnits_Throws");
        yield return new TestCaseData(s_good.Replace("P 3 -1", "P 4 -1"), "expected 3").SetName("Reader_ParticleIdsOutOfOrder_Throws");
    }

    [TestCaseSource(nameof(BadFiles))]
    public void Reader_BadInput_ThrowsWithFileAndLine(string text, string expected)
    {
        var ex = Assert.Throws<HepMcFormatException>(() =>
        {
            using var reader = new HepMc3AsciiReader(new StringReader(text), "bad.hepmc3");
            while (reader.ReadEvent() is not null)
            {
            }
        });
        Assert.That(ex!.Message, Does.Contain(expected).And.Contain("bad.hepmc3"));
        Assert.That(ex.FilePath, Is.EqualTo("bad.hepmc3"));
    }

    private static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
