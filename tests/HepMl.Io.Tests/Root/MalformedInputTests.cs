using System.Buffers.Binary;
using HepMl.Io.Root.Reading;
using HepMl.Io.Root.Trees;
using HepMl.Io.Sources;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Io.Tests.Root;

/// <summary>
/// Bad input never yields numbers, a crash, a hang or a huge allocation: truncated files, garbage, flipped bytes in
/// compressed baskets, unknown compression tags, classes without a layout, absurd lengths all raise a
/// <see cref="HepMlFormatException"/> that names the file, the object and the byte offset (or the class).
/// </summary>
public class MalformedInputTests
{
    private static byte[] Bytes(string name) => File.ReadAllBytes(ReferenceManifest.PathOf(name));

    private static RootFile OpenBytes(byte[] bytes, string name) => RootFile.Open(new MemoryByteSource(bytes, name));

    [TestCase(10)]
    [TestCase(100)]
    [TestCase(5000)]
    [TestCase(100_000)]
    [TestCase(217_000)]
    public void Truncated_File_RaisesFormatExceptionNamingFileAndOffset(int length)
    {
        byte[] bytes = Bytes("uproot-HZZ.root")[..length];

        HepMlFormatException error = Assert.Throws<HepMlFormatException>(() => ReadEverything(OpenBytes(bytes, "truncated.root")))!;

        Assert.That(error.FilePath, Is.EqualTo("truncated.root"));
        Assert.That(error.Offset, Is.InRange(0, 217_945));
        Assert.That(error.Message, Does.Contain("truncated.root"));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void RandomGarbage_IsNotARootFile(int seed)
    {
        var random = new Random(seed);
        byte[] bytes = new byte[4096];
        random.NextBytes(bytes);

        HepMlFormatException error = Assert.Throws<HepMlFormatException>(() => OpenBytes(bytes, "garbage.bin"))!;

        Assert.That(error.Message, Does.StartWith("not a ROOT file"));
        Assert.That(error.Offset, Is.Zero);
    }

    [TestCase(11)]
    [TestCase(12)]
    public void GarbageAfterTheMagicBytes_RaisesFormatException(int seed)
    {
        var random = new Random(seed);
        byte[] bytes = new byte[65536];
        random.NextBytes(bytes);
        "root"u8.CopyTo(bytes);

        Assert.Throws(Is.InstanceOf<HepMlFormatException>(), () => ReadEverything(OpenBytes(bytes, "garbage.root")));
    }

    [TestCase("uproot-HZZ-zlib.root", "Muon_Px")]
    [TestCase("uproot-HZZ-lz4.root", "Muon_Px")]
    [TestCase("uproot-Zmumu-zlib.root", "px1")]
    public void FlippedByteInCompressedBasket_RaisesFormatExceptionNamingBranchAndOffset(string name, string branchName)
    {
        byte[] bytes = Bytes(name);
        (long seek, int keyLength, int index) = FirstCompressedBasket(bytes, name, branchName);

        // Past the 9-byte block header (and LZ4's 8-byte checksum), inside the compressed stream.
        int position = (int)seek + keyLength + 9 + 8 + 40;
        bytes[position] ^= 0x5A;
        using RootFile file = OpenBytes(bytes, name);

        HepMlFormatException error = Assert.Throws<HepMlFormatException>(() => file.GetTree("events").ReadColumn(branchName))!;

        Assert.That(error.ObjectPath, Does.Contain($"{branchName} basket {index}"));
        Assert.That(error.Offset, Is.EqualTo(seek + keyLength), "offset of the compressed block");
        Assert.That(error.FilePath, Is.EqualTo(name));
    }

    [Test]
    public void UnknownCompressionTag_RaisesUnsupportedFormatNamingTheTag()
    {
        byte[] bytes = Bytes("uproot-HZZ-zlib.root");
        (long seek, int keyLength, int index) = FirstCompressedBasket(bytes, "HZZ.root", "Jet_Px");
        Assert.That(bytes.AsSpan((int)seek + keyLength, 2).ToArray(), Is.EqualTo("ZL"u8.ToArray()));
        bytes[seek + keyLength] = (byte)'Q';
        bytes[seek + keyLength + 1] = (byte)'Q';
        using RootFile file = OpenBytes(bytes, "HZZ.root");

        UnsupportedFormatException error = Assert.Throws<UnsupportedFormatException>(() => file.GetTree("events").ReadColumn("Jet_Px"))!;

        Assert.That(error.Message, Does.Contain("unknown compression tag 'QQ'"));
        Assert.That(error.Offset, Is.EqualTo(seek + keyLength));
        Assert.That(error.ObjectPath, Does.Contain($"Jet_Px basket {index}"));
    }

    [Test]
    public void ClassWithoutLayout_RaisesUnsupportedFormatNamingTheClass()
    {
        // Rename the class of the histogram keys (TH1F -> TH1Q, same length): the file describes no TH1Q.
        byte[] bytes = Bytes("uproot-histograms.root");
        int renamed = 0;
        for (int i = bytes.AsSpan().IndexOf("\u0004TH1F"u8); i >= 0; i = bytes.AsSpan().IndexOf("\u0004TH1F"u8))
        {
            bytes[i + 4] = (byte)'Q';
            renamed++;
        }

        Assert.That(renamed, Is.Positive);
        using RootFile file = OpenBytes(bytes, "histograms.root");
        string name = file.Keys[0].Name;

        UnsupportedFormatException error = Assert.Throws<UnsupportedFormatException>(() => file.ReadObject(name))!;

        Assert.That(error.Message, Does.Contain("class TH1Q"));
        Assert.That(error.ObjectPath, Does.Contain(name));
    }

    [Test]
    public void AbsurdObjectLength_FailsBeforeAllocating()
    {
        // Claim a 2 GB tree record in the key list: the block headers disagree, so nothing big is allocated.
        byte[] bytes = Bytes("uproot-HZZ.root");
        RootKey key;
        using (RootFile original = OpenBytes(bytes, "HZZ.root"))
        {
            key = original.GetKey("events");
        }

        int found = 0;
        for (int i = 0; i + 4 <= bytes.Length; i++)
        {
            if (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(i)) == key.TotalBytes
                && BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(i + 6)) == key.ObjectLength)
            {
                BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(i + 6), int.MaxValue);
                found++;
            }
        }

        Assert.That(found, Is.Positive);
        using RootFile file = OpenBytes(bytes, "HZZ.root");
        long before = GC.GetAllocatedBytesForCurrentThread();

        HepMlFormatException error = Assert.Throws<HepMlFormatException>(() => file.GetTree("events"))!;

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(16 << 20));
        Assert.That(error.Message, Does.Contain("declare"));
    }

    [TestCase("uproot-HZZ.root", 101)]
    [TestCase("uproot-sample-6.20.04-lz4.root", 102)]
    [TestCase("uproot-small-evnt-tree-fullsplit.root", 103)]
    [TestCase("uproot-hepdata-example.root", 104)]
    [TestCase("uproot-stl_containers.root", 105)]
    [TestCase("uproot-HZZ-zstd.root", 106)]
    public void FlippedBytesAnywhere_EitherReadOrRaiseFormatException(string name, int seed)
    {
        byte[] original = Bytes(name);
        var random = new Random(seed);
        for (int trial = 0; trial < 60; trial++)
        {
            byte[] bytes = (byte[])original.Clone();
            int flips = 1 + random.Next(3);
            for (int f = 0; f < flips; f++)
            {
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            }

            try
            {
                ReadEverything(OpenBytes(bytes, name));
            }
            catch (HepMlFormatException)
            {
                // Typed failure: what we want for corrupt data.
            }
            catch (ObjectNotFoundException)
            {
                // A corrupted name: also typed.
            }
        }
    }

    /// <summary>Opens every key and reads every branch of every tree in full.</summary>
    internal static void ReadEverything(RootFile file)
    {
        using (file)
        {
            foreach ((string path, RootKey key) in file.Root.Walk())
            {
                if (key.IsDirectory)
                {
                    continue;
                }

                if (key.ClassName is "TTree" or "TNtuple")
                {
                    TreeReader tree = file.GetTree($"{path};{key.Cycle}");
                    foreach (TreeBranch branch in tree.AllBranches)
                    {
                        if (branch.HasData)
                        {
                            tree.ReadColumn(branch, new EntryRange(0, branch.Entries));
                        }
                    }
                }
                else
                {
                    file.ReadObject(key, path);
                }
            }
        }
    }

    /// <summary>The first basket of a branch whose payload is compressed (its key length is at byte 14 of the key).</summary>
    private static (long Seek, int KeyLength, int Index) FirstCompressedBasket(byte[] bytes, string name, string branchName)
    {
        using RootFile file = OpenBytes(bytes, name);
        TreeBranch branch = file.GetTree("events").GetBranch(branchName);
        long[] seeks = (long[])branch.Model["fBasketSeek"]!;
        for (int i = 0; i < branch.BasketCount; i++)
        {
            int keyLength = BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan((int)seeks[i] + 14, 2));
            int totalBytes = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan((int)seeks[i], 4));
            int objectLength = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan((int)seeks[i] + 6, 4));
            if (totalBytes - keyLength != objectLength)
            {
                return (seeks[i], keyLength, i);
            }
        }

        throw new InvalidOperationException($"{branchName} has no compressed basket");
    }
}
