using HepMl.Io.Root.Reading;
using HepMl.Io.Root.Trees;
using HepMl.Io.Root.Writing;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Io.Tests.Root;

/// <summary>
/// Score trees written as friends of an input tree (<see cref="RootDirectoryWriter.CreateFriendTree"/>): the friend
/// link is recorded in <c>fFriends</c>, values line up entry for entry, and a wrong entry count is refused.
/// (uproot reads these files in <c>bench/peers/root-write/readback_all_kinds.py</c>.)
/// </summary>
[TestFixture]
public sealed class RootFriendTreeTests
{
    private const int Entries = 2_500;
    private string _scratch = null!;
    private string _input = null!;

    [OneTimeSetUp]
    public void WriteInput()
    {
        _scratch = SharedData.CreateScratchDirectory("root-friends");
        _input = Path.Combine(_scratch, "input.root");
        using RootFileWriter file = RootFileWriter.Create(_input);
        RootTreeWriter events = file.Root.Mkdir("nominal").CreateTree("Events", "input", [RootBranchDefinition.Scalar<long>("event")]);
        events.Append(new RootTreeBlock(Entries).Add("event", Enumerable.Range(0, Entries).Select(i => 1000L + i).ToArray()));
    }

    [OneTimeTearDown]
    public void RemoveScratch() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public void FriendTree_RecordsTheInputAndKeepsEntriesAligned()
    {
        string path = Path.Combine(_scratch, "scores.root");
        float[] scores = Enumerable.Range(0, Entries).Select(i => i / (float)Entries).ToArray();
        using (RootFileWriter file = RootFileWriter.Create(path))
        {
            RootTreeWriter friend = file.Root.CreateFriendTree("Scores", "BDT scores", _input, "nominal/Events",
                [RootBranchDefinition.Scalar<float>("bdt")], new RootTreeWriterOptions { ClusterBytes = 4096 });
            for (int start = 0; start < Entries; start += 1000)
            {
                int count = Math.Min(1000, Entries - start);
                friend.Append(new RootTreeBlock(count).Add("bdt", scores.AsSpan(start, count).ToArray()));
            }
        }

        using RootFile read = RootFile.Open(path);
        TreeReader tree = read.GetTree("Scores");
        Assert.That(tree.FriendTrees, Is.EqualTo(new[] { $"nominal/Events ({_input})" }));
        Assert.That(tree.Entries, Is.EqualTo(Entries));
        Assert.That(tree.ReadColumn("bdt").Values, Is.EqualTo(scores));
        Assert.That(tree.GetBranch("bdt").BasketCount, Is.GreaterThan(1));

        // The friend it names is the input tree, entry for entry.
        using RootFile input = RootFile.Open(_input);
        Assert.That(input.GetTree("nominal/Events").Entries, Is.EqualTo(tree.Entries));
    }

    [Test]
    public void FriendTree_WithTooManyEntries_IsRefusedAtAppend()
    {
        using RootFileWriter file = RootFileWriter.Create(Path.Combine(_scratch, "too-many.root"));
        RootTreeWriter friend = file.Root.CreateFriendTree("Scores", "", _input, "nominal/Events", [RootBranchDefinition.Scalar<float>("bdt")]);
        var error = Assert.Throws<ArgumentException>(() => friend.Append(new RootTreeBlock(Entries + 1).Add("bdt", new float[Entries + 1])));
        Assert.That(error!.Message, Does.Contain($"must have {Entries} entries"));
        friend.Append(new RootTreeBlock(Entries).Add("bdt", new float[Entries]));
    }

    [Test]
    public void FriendTree_WithTooFewEntries_IsNotWritten()
    {
        string path = Path.Combine(_scratch, "too-few.root");
        RootTreeWriter friend;
        using (RootFileWriter file = RootFileWriter.Create(path))
        {
            friend = file.Root.CreateFriendTree("Scores", "", _input, "nominal/Events", [RootBranchDefinition.Scalar<float>("bdt")]);
            friend.Append(new RootTreeBlock(10).Add("bdt", new float[10]));
            var error = Assert.Throws<InvalidOperationException>(friend.Complete);
            Assert.That(error!.Message, Does.Contain($"has 10 entries but the tree it accompanies has {Entries}"));
        }

        using RootFile read = RootFile.Open(path);
        Assert.That(read.Root.Keys, Is.Empty, "the short tree is not in the file");
    }

    [Test]
    public void FriendTree_ShortWhenTheFileCloses_IsRefusedAndTheFileStaysReadable()
    {
        string path = Path.Combine(_scratch, "short-at-dispose.root");
        RootFileWriter file = RootFileWriter.Create(path);
        file.Root.WriteObjString("note", "kept");
        RootTreeWriter friend = file.Root.CreateFriendTree("Scores", "", _input, "nominal/Events", [RootBranchDefinition.Scalar<float>("bdt")]);
        friend.Append(new RootTreeBlock(5).Add("bdt", new float[5]));

        var error = Assert.Throws<InvalidOperationException>(file.Dispose);
        Assert.That(error!.Message, Does.Contain("has 5 entries"));
        using RootFile read = RootFile.Open(path);
        Assert.That(read.Root.Keys.Select(k => k.Name), Is.EqualTo(new[] { "note" }));
    }

    [Test]
    public void FriendTree_OfAMissingTree_ListsTheNearestNames()
    {
        using RootFileWriter file = RootFileWriter.Create(Path.Combine(_scratch, "missing.root"));
        var error = Assert.Throws<ObjectNotFoundException>(() =>
            file.Root.CreateFriendTree("Scores", "", _input, "nominal/Event", [RootBranchDefinition.Scalar<float>("bdt")]));
        Assert.That(error!.Message, Does.Contain("Events"));
    }
}
