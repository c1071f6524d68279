using HepMl.Io.Columns;
using HepMl.Io.Compression;
using HepMl.Io.Conversion;
using HepMl.Io.Csv;
using HepMl.Io.Hdf5;
using HepMl.Io.Root.Reading;
using HepMl.Io.Root.Trees;
using HepMl.Io.Root.Writing;
using HepMl.Io.Tests.Root;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Io.Tests.Conversion;

/// <summary>
/// <see cref="TableConverter"/> round trips: ROOT → HDF5 → ROOT and HDF5 → ROOT → HDF5 keep every value, element type and
/// branch kind; CSV converts flat columns; entry ranges and column globs select; impossible requests fail clearly.
/// </summary>
[TestFixture]
public sealed class TableConverterTests
{
    private string _scratch = null!;

    [OneTimeSetUp]
    public void CreateScratch() => _scratch = SharedData.CreateScratchDirectory("convert");

    [OneTimeTearDown]
    public void RemoveScratch() => Directory.Delete(_scratch, recursive: true);

    private string PathOf(string name) => Path.Combine(_scratch, name);

    [Test]
    public void RootToHdf5ToRoot_KeepsEveryValueTypeAndBranchKind()
    {
        TreeData data = TreeData.Create(entries: 3_000, seed: 9);
        using (RootFileWriter file = RootFileWriter.Create(PathOf("source.root")))
        {
            RootTreeWriter tree = file.Root.CreateTree("Events", "events", data.Definitions, new RootTreeWriterOptions { ClusterBytes = 32 << 10 });
            foreach (RootTreeBlock block in data.Blocks(blockSize: 800))
            {
                tree.Append(block);
            }
        }

        ConversionResult there = TableConverter.Convert(new ConversionRequest(PathOf("source.root"), null, PathOf("middle.h5")) { BlockEntries = 700 });
        ConversionResult back = TableConverter.Convert(new ConversionRequest(PathOf("middle.h5"), "/Events", PathOf("back.root")) { Compression = RootCompression.Parse("zstd:3") });

        Assert.That(there.Entries, Is.EqualTo(3_000));
        Assert.That(back.Entries, Is.EqualTo(3_000));
        Assert.That(there.Skipped, Is.Empty);
        using RootFile read = RootFile.Open(PathOf("back.root"));
        TreeReader events = read.GetTree("Events");
        data.AssertMatches(events);
        using RootFile original = RootFile.Open(PathOf("source.root"));
        foreach (TreeBranch branch in original.GetTree("Events").AllBranches)
        {
            TreeBranch copy = events.GetBranch(branch.Name);
            Assert.That(copy.Type!.Name, Is.EqualTo(branch.Type!.Name), branch.Name + " type");
            Assert.That(copy.ClassName, Is.EqualTo(branch.ClassName), branch.Name + " branch class (TBranch or TBranchElement)");
            Assert.That(copy.Leaves[0].CountLeaf?.Name, Is.EqualTo(branch.Leaves[0].CountLeaf?.Name), branch.Name + " counter");
        }
    }

    [Test]
    public void Hdf5ToRootToHdf5_KeepsEveryValueAndType()
    {
        var random = new Random(4);
        int n = 1_500;
        float[] images = Enumerable.Range(0, n * 6).Select(_ => (float)random.NextDouble()).ToArray();
        long[] ids = Enumerable.Range(0, n).Select(i => (long)i * 1_000_003).ToArray();
        bool[] flags = Enumerable.Range(0, n).Select(i => i % 3 == 0).ToArray();
        byte[] small = Enumerable.Range(0, n).Select(i => (byte)i).ToArray();
        int[] offsets = [0, .. Enumerable.Range(0, n).Select(i => i % 4)];
        for (int i = 1; i < offsets.Length; i++)
        {
            offsets[i] += offsets[i - 1];
        }

        double[] jagged = Enumerable.Range(0, offsets[^1]).Select(i => i * 0.5).ToArray();
        using (Hdf5FileWriter file = Hdf5FileWriter.Create(PathOf("source.h5")))
        {
            Hdf5GroupWriter jets = file.Root.CreateGroup("jets");
            jets.WriteDataset<float>("image", images, [n, 2, 3], Hdf5DatasetOptions.Compressed(4));
            jets.WriteDataset<long>("id", ids);
            jets.WriteDataset<bool>("flag", flags);
            jets.WriteDataset<byte>("small", small);
            Hdf5DatasetWriter constituents = jets.CreateJaggedDataset<double>("pt");
            constituents.AppendJagged<double>(jagged, offsets);
        }

        TableConverter.Convert(new ConversionRequest(PathOf("source.h5"), "jets", PathOf("middle.root")) { Compression = RootCompression.Parse("lz4:4") });
        TableConverter.Convert(new ConversionRequest(PathOf("middle.root"), "jets", PathOf("back.h5")));

        using Hdf5File back = Hdf5File.Open(PathOf("back.h5"));
        Hdf5Group group = back.GetGroup("/jets");
        Assert.That(group.GetDataset("image").Shape, Is.EqualTo(new long[] { n, 2, 3 }));
        Assert.That(group.GetDataset("image").Read<float>(), Is.EqualTo(images));
        Assert.That(group.GetDataset("id").Read<long>(), Is.EqualTo(ids));
        Assert.That(group.GetDataset("flag").DataType.IsBoolean, Is.True);
        Assert.That(group.GetDataset("flag").Read<bool>(), Is.EqualTo(flags));
        Assert.That(group.GetDataset("small").DataType.Name, Is.EqualTo("uint8"));
        Assert.That(group.GetDataset("small").Read<byte>(), Is.EqualTo(small));
        Hdf5Jagged<double> pt = group.GetDataset("pt").ReadJagged<double>();
        Assert.That(pt.Values, Is.EqualTo(jagged));
        Assert.That(pt.Offsets, Is.EqualTo(offsets.Select(o => (long)o)));
    }

    [Test]
    public void Hdf5ToRootToHdf5_EveryPrimitiveTypeFixedAndJagged_KeepsValuesAndTypes()
    {
        var random = new Random(11);
        const int n = 1_200;
        int[] offsets = [0, .. Enumerable.Range(0, n).Select(_ => random.Next(0, 5))];
        for (int i = 1; i < offsets.Length; i++)
        {
            offsets[i] += offsets[i - 1];
        }

        // name, values, and the type name (numpy's, as h5py reports it) the ROOT branch and the HDF5 dataset must both keep.
        var columns = new (string Name, Array Values, string TypeName)[]
        {
            ("b", Enumerable.Range(0, n).Select(_ => random.Next(2) == 1).ToArray(), "bool"),
            ("i1", Enumerable.Range(0, n).Select(_ => (sbyte)random.Next(-128, 128)).ToArray(), "int8"),
            ("u1", Enumerable.Range(0, n).Select(_ => (byte)random.Next(256)).ToArray(), "uint8"),
            ("i2", Enumerable.Range(0, n).Select(_ => (short)random.Next(short.MinValue, short.MaxValue + 1)).ToArray(), "int16"),
            ("u2", Enumerable.Range(0, n).Select(_ => (ushort)random.Next(ushort.MaxValue + 1)).ToArray(), "uint16"),
            ("i4", Enumerable.Range(0, n).Select(_ => random.Next(int.MinValue, int.MaxValue)).ToArray(), "int32"),
            ("u4", Enumerable.Range(0, n).Select(_ => (uint)random.NextInt64(uint.MaxValue + 1L)).ToArray(), "uint32"),
            ("i8", Enumerable.Range(0, n).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).ToArray(), "int64"),
            ("u8", Enumerable.Range(0, n).Select(_ => ulong.MaxValue - (ulong)random.NextInt64()).ToArray(), "uint64"),
            ("f4", Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() - 0.5) * 1e30f).ToArray(), "float32"),
            ("f8", Enumerable.Range(0, n).Select(_ => (random.NextDouble() - 0.5) * 1e-300).ToArray(), "float64"),
        };
        short[] matrix = Enumerable.Range(0, n * 6).Select(_ => (short)random.Next(-1000, 1000)).ToArray();
        uint[] jaggedValues = Enumerable.Range(0, offsets[^1]).Select(_ => (uint)random.NextInt64(uint.MaxValue + 1L)).ToArray();
        using (Hdf5FileWriter file = Hdf5FileWriter.Create(PathOf("types.h5")))
        {
            Hdf5GroupWriter group = file.Root.CreateGroup("t");
            foreach ((string name, Array values, _) in columns)
            {
                WriteAny(group, name, values);
            }

            group.WriteDataset<short>("matrix", matrix, [n, 2, 3], Hdf5DatasetOptions.Compressed(1));
            group.CreateJaggedDataset<uint>("jag").AppendJagged<uint>(jaggedValues, offsets);
            group.WriteDataset<Half>("half", Enumerable.Range(0, n).Select(i => (Half)(i * 0.25)).ToArray());
            group.WriteStrings("label", Enumerable.Range(0, n).Select(i => $"row {i}").ToArray());
        }

        ConversionResult there = TableConverter.Convert(new ConversionRequest(PathOf("types.h5"), "t", PathOf("types.root")));
        ConversionResult again = TableConverter.Convert(new ConversionRequest(PathOf("types.root"), "t", PathOf("types-back.h5")));

        Assert.That(again.Skipped, Is.Empty);
        // Strings have no ROOT column here: left out and reported. float16 widens exactly to float32 (documented).
        Assert.That(there.Skipped.Select(s => s.Name), Is.EqualTo(new[] { "label" }));
        using RootFile root = RootFile.Open(PathOf("types.root"));
        TreeReader tree = root.GetTree("t");
        using Hdf5File back = Hdf5File.Open(PathOf("types-back.h5"));
        Hdf5Group result = back.GetGroup("/t");
        foreach ((string name, Array values, string typeName) in columns)
        {
            Assert.That(tree.GetBranch(name).Type!.Name, Is.EqualTo(typeName), name + " ROOT type");
            Assert.That(tree.ReadColumn(name).Values, Is.EqualTo(values), name + " ROOT values");
            Assert.That(result.GetDataset(name).DataType.Name, Is.EqualTo(typeName), name + " HDF5 type");
            Assert.That(ReadAny(result.GetDataset(name), values.GetType().GetElementType()!), Is.EqualTo(values), name + " HDF5 values");
        }

        Assert.That(result.GetDataset("matrix").Shape, Is.EqualTo(new long[] { n, 2, 3 }));
        Assert.That(result.GetDataset("matrix").DataType.Name, Is.EqualTo("int16"));
        Assert.That(result.GetDataset("matrix").Read<short>(), Is.EqualTo(matrix));
        Hdf5Jagged<uint> jag = result.GetDataset("jag").ReadJagged<uint>();
        Assert.That(jag.Values, Is.EqualTo(jaggedValues));
        Assert.That(jag.Offsets, Is.EqualTo(offsets.Select(o => (long)o)));
        Assert.That(result.GetDataset("half").DataType.Name, Is.EqualTo("float32"));
        Assert.That(result.GetDataset("half").Read<float>(), Is.EqualTo(Enumerable.Range(0, n).Select(i => i * 0.25f)));
    }

    private static void WriteAny(Hdf5GroupWriter group, string name, Array values)
    {
        // By exact type: the runtime's array variance lets a byte[] match an sbyte[] pattern (and the reverse).
        Type type = values.GetType().GetElementType()!;
        if (type == typeof(bool)) { group.WriteDataset<bool>(name, (bool[])values); }
        else if (type == typeof(sbyte)) { group.WriteDataset<sbyte>(name, (sbyte[])values); }
        else if (type == typeof(byte)) { group.WriteDataset<byte>(name, (byte[])values); }
        else if (type == typeof(short)) { group.WriteDataset<short>(name, (short[])values); }
        else if (type == typeof(ushort)) { group.WriteDataset<ushort>(name, (ushort[])values); }
        else if (type == typeof(int)) { group.WriteDataset<int>(name, (int[])values); }
        else if (type == typeof(uint)) { group.WriteDataset<uint>(name, (uint[])values); }
        else if (type == typeof(long)) { group.WriteDataset<long>(name, (long[])values); }
        else if (type == typeof(ulong)) { group.WriteDataset<ulong>(name, (ulong[])values); }
        else if (type == typeof(float)) { group.WriteDataset<float>(name, (float[])values); }
        else { group.WriteDataset<double>(name, (double[])values); }
    }

    private static Array ReadAny(Hdf5Dataset dataset, Type type) =>
        type == typeof(bool) ? dataset.Read<bool>()
        : type == typeof(sbyte) ? dataset.Read<sbyte>()
        : type == typeof(byte) ? dataset.Read<byte>()
        : type == typeof(short) ? dataset.Read<short>()
        : type == typeof(ushort) ? dataset.Read<ushort>()
        : type == typeof(int) ? dataset.Read<int>()
        : type == typeof(uint) ? dataset.Read<uint>()
        : type == typeof(long) ? dataset.Read<long>()
        : type == typeof(ulong) ? dataset.Read<ulong>()
        : type == typeof(float) ? dataset.Read<float>()
        : dataset.Read<double>();

    [Test]
    public void Csv_ToRootAndBack_WithEntryRangeAndGlob()
    {
        string csv = PathOf("table.csv");
        double[] x = Enumerable.Range(0, 1000).Select(i => i * 0.25).ToArray();
        long[] label = Enumerable.Range(0, 1000).Select(i => (long)(i % 2)).ToArray();
        CsvFile.Write(csv, new CsvTable([new("x", x), new("label", label), new("note", Enumerable.Repeat("text", 1000).ToArray())]));

        ConversionResult result = TableConverter.Convert(new ConversionRequest(csv, null, PathOf("table.root")) { EntryStart = 100, EntryStop = 250 });
        Assert.That(result.Entries, Is.EqualTo(150));
        Assert.That(result.Skipped.Select(s => s.Name), Is.EqualTo(new[] { "note" }), "strings are left out, and said so");
        TableConverter.Convert(new ConversionRequest(PathOf("table.root"), null, PathOf("back.csv")) { ColumnGlob = "x" });

        CsvTable back = CsvFile.Read(PathOf("back.csv"));
        Assert.That(back.Columns.Select(c => c.Name), Is.EqualTo(new[] { "x" }));
        Assert.That(back["x"].As<double>(), Is.EqualTo(x[100..250]));
        using RootFile root = RootFile.Open(PathOf("table.root"));
        Assert.That(root.GetTree("table").ReadColumn("label").Values, Is.EqualTo(label[100..250]));
    }

    [Test]
    public void JaggedToCsv_IsRefusedAndLeavesNoFile()
    {
        using (RootFileWriter file = RootFileWriter.Create(PathOf("jagged.root")))
        {
            RootTreeWriter tree = file.Root.CreateTree("t", "t", [RootBranchDefinition.Vector<float>("pt")]);
            tree.Append(new RootTreeBlock(2).AddJagged("pt", new float[] { 1, 2, 3 }, [0, 1, 3]));
        }

        var error = Assert.Throws<ArgumentException>(() => TableConverter.Convert(new ConversionRequest(PathOf("jagged.root"), null, PathOf("jagged.csv"))));
        Assert.That(error!.Message, Does.Contain("'pt'").And.Contain("jagged"));
        Assert.That(File.Exists(PathOf("jagged.csv")), Is.False);
    }

    [Test]
    public void Hdf5GroupWithDifferentLengths_IsRefusedClearly()
    {
        using (Hdf5FileWriter file = Hdf5FileWriter.Create(PathOf("ragged.h5")))
        {
            file.Root.WriteDataset<int>("a", new int[10]);
            file.Root.WriteDataset<int>("b", new int[12]);
        }

        var error = Assert.Throws<ArgumentException>(() => TableConverter.Convert(new ConversionRequest(PathOf("ragged.h5"), null, PathOf("ragged.root"))));
        Assert.That(error!.Message, Does.Contain("different lengths").And.Contain("a: 10").And.Contain("b: 12"));
    }

    [Test]
    public void Hdf5OutputWithARootOnlyCodec_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => TableConverter.Convert(
            new ConversionRequest(SharedData.Shared("data", "hdf5", "calogan_sb3.h5"), null, PathOf("x.h5")) { Compression = RootCompression.Parse("zstd:5") }));
        Assert.That(error!.Message, Does.Contain("deflate"));
    }
}
