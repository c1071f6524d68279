using HepMl.Io;
using NUnit.Framework;

namespace HepMl.Io.Tests.Errors;

public class ErrorMessageTests
{
    [Test]
    public void FormatException_WithLocation_NamesFileOffsetObjectAndTrail()
    {
        var error = new HepMlFormatException(
            "basket 3 decompressed to 31912 bytes; its block header declares 32000",
            "/data/ttbar.root",
            0x1F3A0,
            "Events/Muon_pt",
            ["TBasket v3", "TBranch v13 \"Muon_pt\"", "TTree v20 \"Events\""]);

        Assert.That(error.Message, Does.StartWith("basket 3 decompressed to 31912 bytes"));
        Assert.That(error.Message, Does.Contain("in file ttbar.root at offset 0x0001F3A0 (127904), object Events/Muon_pt"));
        Assert.That(error.Message, Does.Contain("TBasket v3 <- TBranch v13 \"Muon_pt\" <- TTree v20 \"Events\""));
        Assert.That(error, Is.InstanceOf<IOException>());
        Assert.That(error.Offset, Is.EqualTo(0x1F3A0));
    }

    [Test]
    public void ObjectNotFound_ListsNearestNamesFirst()
    {
        var error = new ObjectNotFoundException("Muon_Pt", "tree Events", ["Jet_pt", "Muon_pt", "Muon_eta", "nMuon"]);

        Assert.That(error.NearestNames[0], Is.EqualTo("Muon_pt"));
        Assert.That(error.Message, Does.Contain("'Muon_Pt' does not exist in tree Events"));
        Assert.That(error, Is.InstanceOf<KeyNotFoundException>());
    }

    [TestCase("kitten", "sitting", 3)]
    [TestCase("", "abc", 3)]
    [TestCase("flaw", "lawn", 2)]
    [TestCase("Same", "same", 0)]
    public void Distance_MatchesHandComputedLevenshtein(string a, string b, int expected)
    {
        Assert.That(NameSuggestions.Distance(a, b), Is.EqualTo(expected));
    }
}
