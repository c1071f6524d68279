using HepMl.Io.Columns;
using HepMl.Io.Root.Trees;
using HepMl.Io.Root.Writing;
using NUnit.Framework;

namespace HepMl.Io.Tests.Root;

/// <summary>Seeded values for every branch kind and primitive type, to write and compare after reading back.</summary>
internal sealed class TreeData
{
    private readonly Dictionary<string, (Array Values, int[]? Offsets)> _columns = [];

    private TreeData(long entries) => Entries = entries;

    public long Entries { get; }

    public List<RootBranchDefinition> Definitions { get; } = [];

    public static TreeData Create(int entries, int seed)
    {
        var random = new Random(seed);
        var data = new TreeData(entries);
        data.Scalar("b", Enumerable.Range(0, entries).Select(_ => random.Next(2) == 1).ToArray());
        data.Scalar("i1", Enumerable.Range(0, entries).Select(_ => (sbyte)random.Next(-128, 128)).ToArray());
        data.Scalar("u1", Enumerable.Range(0, entries).Select(_ => (byte)random.Next(256)).ToArray());
        data.Scalar("i2", Enumerable.Range(0, entries).Select(_ => (short)random.Next(short.MinValue, short.MaxValue)).ToArray());
        data.Scalar("u2", Enumerable.Range(0, entries).Select(_ => (ushort)random.Next(ushort.MaxValue)).ToArray());
        data.Scalar("i4", Enumerable.Range(0, entries).Select(_ => random.Next(int.MinValue, int.MaxValue)).ToArray());
        data.Scalar("u4", Enumerable.Range(0, entries).Select(_ => (uint)random.NextInt64(uint.MaxValue)).ToArray());
        data.Scalar("i8", Enumerable.Range(0, entries).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).ToArray());
        data.Scalar("u8", Enumerable.Range(0, entries).Select(_ => (ulong)random.NextInt64() * 2).ToArray());
        data.Scalar("f4", Enumerable.Range(0, entries).Select(_ => (float)(random.NextDouble() * 100)).ToArray());
        data.Scalar("f8", Enumerable.Range(0, entries).Select(_ => random.NextDouble() - 0.5).ToArray());
        data.Fixed("p4", Enumerable.Range(0, entries * 4).Select(_ => (float)random.NextDouble()).ToArray(), 4);
        data.Fixed("m23", Enumerable.Range(0, entries * 6).Select(_ => random.Next()).ToArray(), 2, 3);
        int[] counts = Enumerable.Range(0, entries).Select(_ => random.Next(0, 7)).ToArray();
        int[] offsets = Offsets(counts);
        data.Counted("jet_pt", Enumerable.Range(0, offsets[^1]).Select(_ => (float)random.NextDouble() * 50).ToArray(), offsets, "nJet");
        data.Counted("jet_flav", Enumerable.Range(0, offsets[^1]).Select(_ => (short)random.Next(-5, 6)).ToArray(), offsets, "nJet");
        int[] muonOffsets = Offsets(Enumerable.Range(0, entries).Select(_ => random.Next(0, 4)).ToArray());
        data.Vector("muon_pt", Enumerable.Range(0, muonOffsets[^1]).Select(_ => random.NextDouble() * 20).ToArray(), muonOffsets);
        data.Vector("muon_q", Enumerable.Range(0, muonOffsets[^1]).Select(_ => random.Next(2) == 0 ? -1 : 1).ToArray(), muonOffsets);
        data.Vector("muon_iso", Enumerable.Range(0, muonOffsets[^1]).Select(_ => random.Next(2) == 1).ToArray(), muonOffsets);
        // vector<unsigned int>, vector<unsigned short>, vector<unsigned char>: class names with a space inside.
        data.Vector("muon_id", Enumerable.Range(0, muonOffsets[^1]).Select(_ => (uint)random.NextInt64(uint.MaxValue + 1L)).ToArray(), muonOffsets);
        data.Vector("muon_hits", Enumerable.Range(0, muonOffsets[^1]).Select(_ => (ushort)random.Next(ushort.MaxValue + 1)).ToArray(), muonOffsets);
        data.Vector("muon_flags", Enumerable.Range(0, muonOffsets[^1]).Select(_ => (byte)random.Next(256)).ToArray(), muonOffsets);
        return data;
    }

    public IEnumerable<RootTreeBlock> Blocks(int blockSize)
    {
        for (int start = 0; start < Entries; start += blockSize)
        {
            int count = (int)Math.Min(blockSize, Entries - start);
            var block = new RootTreeBlock(count);
            foreach (RootBranchDefinition definition in Definitions)
            {
                (Array values, int[]? offsets) = _columns[definition.Name];
                if (offsets is null)
                {
                    int item = definition.ItemSize;
                    Array slice = Array.CreateInstance(values.GetType().GetElementType()!, count * item);
                    Array.Copy(values, start * item, slice, 0, count * item);
                    block.Add(definition.Name, slice);
                }
                else
                {
                    int first = offsets[start];
                    int last = offsets[start + count];
                    Array slice = Array.CreateInstance(values.GetType().GetElementType()!, last - first);
                    Array.Copy(values, first, slice, 0, last - first);
                    block.AddJagged(definition.Name, slice, offsets.Skip(start).Take(count + 1).Select(o => o - first).ToArray());
                }
            }

            yield return block;
        }
    }

    public void AssertMatches(TreeReader tree)
    {
        foreach (RootBranchDefinition definition in Definitions)
        {
            (Array values, int[]? offsets) = _columns[definition.Name];
            ColumnData column = tree.ReadColumn(definition.Name);
            Assert.That(column.Values, Is.EqualTo(values), definition.Name + " values");
            if (offsets is not null)
            {
                Assert.That(column.Offsets[0], Is.EqualTo(offsets), definition.Name + " offsets");
            }
        }

        ColumnData counter = tree.ReadColumn("nJet");
        int[] jetOffsets = _columns["jet_pt"].Offsets!;
        Assert.That(counter.Values, Is.EqualTo(Enumerable.Range(0, (int)Entries).Select(e => jetOffsets[e + 1] - jetOffsets[e]).ToArray()), "counter branch");
    }

    private static int[] Offsets(int[] counts)
    {
        int[] offsets = new int[counts.Length + 1];
        for (int i = 0; i < counts.Length; i++)
        {
            offsets[i + 1] = offsets[i] + counts[i];
        }

        return offsets;
    }

    private void Scalar<T>(string name, T[] values)
        where T : unmanaged
    {
        Definitions.Add(RootBranchDefinition.Scalar<T>(name));
        _columns[name] = (values, null);
    }

    private void Fixed<T>(string name, T[] values, params int[] shape)
        where T : unmanaged
    {
        Definitions.Add(RootBranchDefinition.FixedArray<T>(name, shape));
        _columns[name] = (values, null);
    }

    private void Counted<T>(string name, T[] values, int[] offsets, string counter)
        where T : unmanaged
    {
        Definitions.Add(RootBranchDefinition.Counted<T>(name, counter));
        _columns[name] = (values, offsets);
    }

    private void Vector<T>(string name, T[] values, int[] offsets)
        where T : unmanaged
    {
        Definitions.Add(RootBranchDefinition.Vector<T>(name));
        _columns[name] = (values, offsets);
    }
}
