using HepMl.Io.Inspection;
using NUnit.Framework;

namespace HepMl.Io.Tests.Inspection;

public class GlobTests
{
    [TestCase("Muon_*", "Muon_pt", true)]
    [TestCase("Muon_*", "nMuon", false)]
    [TestCase("*pt", "Jet_pt", true)]
    [TestCase("Jet_?t", "Jet_pt", true)]
    [TestCase("Jet_?t", "Jet_phi", false)]
    [TestCase("[JM]*_pt", "Muon_pt", true)]
    [TestCase("[!JM]*_pt", "Muon_pt", false)]
    [TestCase("evt/P3/*", "evt/P3/P3.Px", true)]
    [TestCase("a.b", "axb", false)]
    [TestCase("*", "", true)]
    public void IsMatch_ShellWildcards(string pattern, string text, bool expected)
    {
        Assert.That(new Glob(pattern).IsMatch(text), Is.EqualTo(expected));
    }
}
