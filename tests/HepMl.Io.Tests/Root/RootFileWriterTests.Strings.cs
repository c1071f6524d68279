using System.Buffers.Binary;
using System.Text;
using HepMl.Io.Columns;
using HepMl.Io.Compression;
using HepMl.Io.Root.Reading;
using HepMl.Io.Root.Trees;
using HepMl.Io.Root.Writing;
using NUnit.Framework;

namespace HepMl.Io.Tests.Root;

/// <summary>
/// C-string branches (<c>name/C</c>, TLeafC): read back by HepMl's reader over many baskets, with the length-byte
/// boundaries (254, 255, 256 bytes), long and empty strings and non-ASCII UTF-8; the basket bytes checked against
/// ROOT's layout; bad values rejected with the branch and entry. (uproot reads them too in
/// <c>bench/peers/root-readback</c>.)
/// </summary>
public sealed partial class RootFileWriterTests
{
    [TestCase("zlib:1")]
    [TestCase("lz4:4")]
    [TestCase("none")]
    public void CString_ManyBasketsAndEdgeLengths_ReadBackValueByValue(string compression)
    {
        string path = Path.Combine(_scratch, $"strings-{compression.Replace(':', '-')}.root");
        string[] names = Strings(entries: 4_000, seed: 11);
        float[] x = Enumerable.Range(0, names.Length).Select(i => i * 0.5f).ToArray();
        using (RootFileWriter file = RootFileWriter.Create(path, RootCompression.Parse(compression)))
        {
            RootTreeWriter tree = file.Root.CreateTree("T", "strings", [RootBranchDefinition.CString("name"), RootBranchDefinition.Scalar<float>("x")],
                new RootTreeWriterOptions { ClusterBytes = 32 << 10 });
            for (int start = 0; start < names.Length; start += 650)
            {
                int count = Math.Min(650, names.Length - start);
                tree.Append(new RootTreeBlock(count).Add("name", names[start..(start + count)]).Add("x", x[start..(start + count)]));
            }
        }

        using RootFile read = RootFile.Open(path);
        TreeReader t = read.GetTree("T");
        TreeBranch branch = t.GetBranch("name");
        Assert.That(branch.BasketCount, Is.GreaterThan(3), "many baskets");
        Assert.That(branch.Title, Is.EqualTo("name/C"));
        Assert.That(branch.Leaves.Single().ClassName, Is.EqualTo("TLeafC"));
        int longest = names.Max(Encoding.UTF8.GetByteCount);
        Assert.That(branch.Leaves[0].Length, Is.EqualTo(longest + 1), "fLen: longest string + 1 (ROOT's read buffer)");

        ColumnData column = t.ReadColumn("name");
        Assert.That(column.Type.Element, Is.EqualTo(ElementType.String));
        Assert.That(column.StringCount, Is.EqualTo(names.Length));
        for (int i = 0; i < names.Length; i++)
        {
            Assert.That(column.GetString(i), Is.EqualTo(names[i]), $"entry {i}");
        }

        Assert.That(t.ReadColumn("x").Span<float>().ToArray(), Is.EqualTo(x));

        // A range that starts and ends inside baskets.
        ColumnData middle = t.ReadColumn("name", 1_234, 2_345);
        for (int i = 0; i < middle.StringCount; i++)
        {
            Assert.That(middle.GetString(i), Is.EqualTo(names[1_234 + i]), $"entry {1_234 + i}");
        }
    }

    [Test]
    public void CString_BasketBytes_FollowRootsLayout()
    {
        // Uncompressed, so the basket is in the file as written. ROOT's TBufferFile::WriteFastArrayString: length byte
        // (3 for "abc", 0 for ""), or 255 then the length as a big-endian Int32 (300 = 0x0000012C), then the bytes.
        string path = Path.Combine(_scratch, "strings-layout.root");
        string longText = new('x', 300);
        using (RootFileWriter file = RootFileWriter.Create(path, RootCompression.Parse("none")))
        {
            RootTreeWriter tree = file.Root.CreateTree("T", "layout", [RootBranchDefinition.CString("s")]);
            tree.Append(new RootTreeBlock(4).Add("s", new[] { "abc", string.Empty, longText, "é" }));
        }

        byte[] expected = [3, (byte)'a', (byte)'b', (byte)'c', 0, 255, 0, 0, 0x01, 0x2C, .. Encoding.ASCII.GetBytes(longText), 2, 0xC3, 0xA9];
        byte[] bytes = File.ReadAllBytes(path);
        int at = bytes.AsSpan().IndexOf(expected);
        Assert.That(at, Is.GreaterThan(0), "the basket holds the entries in ROOT's layout");

        // Then the number of entry offsets (4 entries + 1) and the offsets counted from the basket's key start (ROOT's
        // fEntryOffset): the data starts at the key length, then 4 ("abc"), 1 (""), 305 (300 x's) and 3 ("é") bytes later.
        using RootFile read = RootFile.Open(path);
        long keyStart = read.GetTree("T").GetBranch("s").Baskets.Single().Seek;
        int keyLength = (int)(at - keyStart);
        Span<byte> tail = bytes.AsSpan(at + expected.Length);
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(tail), Is.EqualTo(5), "entry offset count");
        int[] offsets = Enumerable.Range(0, 5).Select(i => BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at + expected.Length + 4 + (4 * i))) - keyLength).ToArray();
        Assert.That(offsets, Is.EqualTo(new[] { 0, 4, 5, 310, 313 }));
    }

    [Test]
    public void CString_NullString_ThrowsNamingBranchAndEntry_AndLeavesTreeConsistent()
    {
        string path = Path.Combine(_scratch, "strings-null.root");
        using (RootFileWriter file = RootFileWriter.Create(path))
        {
            RootTreeWriter tree = file.Root.CreateTree("T", "bad", [RootBranchDefinition.Scalar<int>("i"), RootBranchDefinition.CString("label")]);
            tree.Append(new RootTreeBlock(3).Add("i", new[] { 1, 2, 3 }).Add("label", new[] { "a", "b", "c" }));
            string?[] labels = ["d", null, "f"];
            var error = Assert.Throws<InvalidBranchValueException>(() =>
                tree.Append(new RootTreeBlock(3).Add("i", new[] { 4, 5, 6 }).Add("label", labels)))!;
            Assert.That(error.Branch, Is.EqualTo("label"));
            Assert.That(error.Entry, Is.EqualTo(4));
            Assert.That(error.Message, Does.Contain("'label'").And.Contain("entry 4").And.Contain("null"));
            Assert.That(tree.Entries, Is.EqualTo(3));
        }

        // No branch took the bad block, so the file holds the first three entries in every branch.
        using RootFile read = RootFile.Open(path);
        TreeReader t = read.GetTree("T");
        Assert.That(t.Entries, Is.EqualTo(3));
        Assert.That(t.ReadColumn("i").Span<int>().ToArray(), Is.EqualTo(new[] { 1, 2, 3 }));
        ColumnData label = t.ReadColumn("label");
        Assert.That(Enumerable.Range(0, 3).Select(label.GetString), Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public void CString_NulCharacter_ThrowsNamingBranchAndEntry()
    {
        using RootFileWriter file = RootFileWriter.Create(Path.Combine(_scratch, "strings-nul.root"));
        RootTreeWriter tree = file.Root.CreateTree("T", "bad", [RootBranchDefinition.CString("label")]);
        var error = Assert.Throws<InvalidBranchValueException>(() => tree.Append(new RootTreeBlock(2).Add("label", new[] { "ok", "b\0c" })))!;
        Assert.That((error.Branch, error.Entry), Is.EqualTo(("label", 1L)));
        Assert.That(error.Message, Does.Contain("NUL character at index 1"));
    }

    [Test]
    public void CString_TooLong_ThrowsNamingBranchAndEntry()
    {
        using RootFileWriter file = RootFileWriter.Create(Path.Combine(_scratch, "strings-long.root"));
        RootTreeWriter tree = file.Root.CreateTree("T", "bad", [RootBranchDefinition.CString("label")], new RootTreeWriterOptions { MaxStringBytes = 300 });
        tree.Append(new RootTreeBlock(1).Add("label", new[] { new string('a', 300) }));

        // 299 ASCII characters and one 2-byte 'é': 301 UTF-8 bytes.
        var error = Assert.Throws<InvalidBranchValueException>(() => tree.Append(new RootTreeBlock(1).Add("label", new[] { new string('a', 299) + "é" })))!;
        Assert.That((error.Branch, error.Entry), Is.EqualTo(("label", 1L)));
        Assert.That(error.Message, Does.Contain("301 bytes long in UTF-8").And.Contain("at most 300"));
    }

    [Test]
    public void CString_WrongValuesOrKind_Throws()
    {
        using RootFileWriter file = RootFileWriter.Create(Path.Combine(_scratch, "strings-wrong.root"));
        RootTreeWriter tree = file.Root.CreateTree("T", "bad", [RootBranchDefinition.CString("label")]);
        Assert.Throws<ArgumentException>(() => tree.Append(new RootTreeBlock(2).Add("label", new[] { 1, 2 })));
        Assert.Throws<ArgumentException>(() => tree.Append(new RootTreeBlock(2).Add("label", new[] { "one" })));
        Assert.Throws<ArgumentException>(() => tree.Append(new RootTreeBlock(1).AddJagged("label", new[] { "a" }, [0, 1])));
        Assert.Throws<ArgumentException>(() => RootBranchDefinition.Create("v", typeof(string), RootBranchKind.Vector));
        Assert.Throws<ArgumentException>(() => RootBranchDefinition.Create("f", typeof(string), RootBranchKind.FixedArray, [2]));
    }

    /// <summary>
    /// Strings for every entry: the length-byte boundaries (254, 255, 256 bytes; 255 as 127 two-byte characters plus
    /// one), one 70 000-byte string, empty strings, TMVA's class names, non-ASCII UTF-8 and random printable text.
    /// </summary>
    private static string[] Strings(int entries, int seed)
    {
        string[] special =
        [
            string.Empty, "Signal", "Background", new('a', 254), new('b', 255), new('c', 256), new string('é', 127) + "e",
            "ünïcödé ✓ 日本語 🚀", string.Empty, "x",
        ];
        var random = new Random(seed);
        var result = new string[entries];
        for (int i = 0; i < entries; i++)
        {
            result[i] = i % 3 == 0 ? special[(i / 3) % special.Length]
                : new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => (char)random.Next(32, 127)).ToArray());
        }

        result[entries / 2] = new string('L', 70_000);
        return result;
    }
}
