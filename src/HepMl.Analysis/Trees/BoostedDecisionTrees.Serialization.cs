using System.Buffers.Binary;
using System.Text;
using HepMl.Analysis.Checksums;
using HepMl.Analysis.Trees.Internal;
using HepMl.Io;

namespace HepMl.Analysis.Trees;

/// <summary>Saving and loading in HepMl's own versioned binary format, described in <c>docs/bdt-format.md</c>.</summary>
public sealed partial class BoostedDecisionTrees
{
    /// <summary>The format version this code writes.</summary>
    /// <remarks>Version history (bump on every layout change, with a note here):
    /// 1 — first version: header, features, base scores, trees of 60-byte node records, optional history, CRC-32.</remarks>
    public const int FormatVersion = 1;

    /// <summary>The oldest reader version able to read what this code writes.</summary>
    public const int MinimumReaderVersion = 1;

    private const int NodeRecordSize = 60;
    private static readonly byte[] s_magic = "HEPMLBDT"u8.ToArray();

    /// <summary>Writes the forest to <paramref name="path"/> (created or overwritten).</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Save(stream);
    }

    /// <summary>Writes the forest to <paramref name="stream"/>.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true);
        writer.Write(s_magic);
        writer.Write((ushort)FormatVersion);
        writer.Write((ushort)MinimumReaderVersion);
        writer.Write(0u);
        writer.Write((byte)Task);
        writer.Write((byte)Output);
        writer.Write((ushort)0);
        writer.Write(ClassCount);
        writer.Write(_featureNames.Length);
        foreach (string name in _featureNames)
        {
            WriteString(writer, name);
        }

        writer.Write(_baseScores.Length);
        foreach (double value in _baseScores)
        {
            writer.Write(value);
        }

        writer.Write(_trees.Length);
        foreach (DecisionTree tree in _trees)
        {
            writer.Write(tree.BoostWeight);
            writer.Write(tree.ClassIndex);
            writer.Write(tree.NodeCount);
            foreach (DecisionTreeNode node in tree.Nodes)
            {
                writer.Write(node.Left);
                writer.Write(node.Right);
                writer.Write(node.Feature);
                writer.Write(node.Threshold);
                writer.Write((byte)((node.CutType ? 1 : 0) | (node.MissingGoesRight ? 2 : 0)));
                writer.Write((sbyte)node.NodeType);
                writer.Write((ushort)Math.Min(node.Depth, ushort.MaxValue));
                writer.Write(node.Response);
                writer.Write(node.Purity);
                writer.Write(node.Rms);
                writer.Write(node.Gain);
                writer.Write(node.SumWeight);
                writer.Write(node.SumHessian);
                writer.Write(node.EventCount);
            }
        }

        writer.Write((byte)(History is null ? 0 : 1));
        if (History is not null)
        {
            WriteString(writer, History.MetricName);
            writer.Write(History.ValidationMetric.Count);
            foreach (double value in History.ValidationMetric)
            {
                writer.Write(value);
            }

            writer.Write(History.BestRound);
            writer.Write((byte)(History.StoppedEarly ? 1 : 0));
            writer.Write(History.ErrorFractions.Count);
            foreach (double value in History.ErrorFractions)
            {
                writer.Write(value);
            }
        }

        writer.Flush();
        uint crc = Crc32.Compute(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        writer.Write(crc);
        writer.Flush();
        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    /// <summary>Reads a forest written by <see cref="Save(string)"/>.</summary>
    /// <exception cref="HepMlFormatException">The file is not a HepMl BDT model, is truncated or corrupt (the message
    /// gives the offset).</exception>
    /// <exception cref="UnsupportedFormatException">The file needs a newer reader.</exception>
    public static BoostedDecisionTrees Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Load(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads a forest from <paramref name="stream"/> (to its end).</summary>
    public static BoostedDecisionTrees Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Load(buffer.ToArray(), null);
    }

    private static BoostedDecisionTrees Load(byte[] bytes, string? path)
    {
        var reader = new ForestFileReader(bytes, path, 0);
        if (bytes.Length < s_magic.Length || !bytes.AsSpan(0, s_magic.Length).SequenceEqual(s_magic))
        {
            throw reader.Fail(
                $"expected the magic bytes \"HEPMLBDT\" of a HepMl BDT model, found \"{Encoding.ASCII.GetString(bytes, 0, Math.Min(8, bytes.Length))}\"", 0);
        }

        reader = new ForestFileReader(bytes, path, s_magic.Length);
        int version = reader.UInt16();
        int minimumReader = reader.UInt16();
        if (minimumReader > FormatVersion)
        {
            throw new UnsupportedFormatException(
                $"the model was written in format version {version} and needs a reader of version {minimumReader}; this reader is version {FormatVersion}",
                path, s_magic.Length, null, ["HepMl BDT model"]);
        }

        if (bytes.Length < s_magic.Length + 8)
        {
            throw reader.Fail("the file ends inside the header", bytes.Length);
        }

        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4));
        uint computed = Crc32.Compute(bytes.AsSpan(0, bytes.Length - 4));
        if (stored != computed)
        {
            throw reader.Fail($"expected CRC-32 0x{stored:X8} (stored in the footer), computed 0x{computed:X8}: the file is corrupt or truncated", bytes.Length - 4);
        }

        var body = new ForestFileReader(bytes.AsSpan(0, bytes.Length - 4), path, reader.Position);
        body.UInt32();
        int taskAt = body.Position;
        var task = (LearningTask)body.Byte();
        var output = (ForestOutput)body.Byte();
        body.UInt16();
        if (!Enum.IsDefined(task) || !Enum.IsDefined(output))
        {
            throw body.Fail($"unknown task {(int)task} or output {(int)output}", taskAt);
        }

        int classCount = body.Int32();
        int featureCount = body.Count("feature", 4);
        var names = new string[featureCount];
        for (int f = 0; f < featureCount; f++)
        {
            names[f] = body.String("feature name");
        }

        int baseCount = body.Count("base score", 8);
        var baseScores = new double[baseCount];
        for (int k = 0; k < baseCount; k++)
        {
            baseScores[k] = body.Double();
        }

        int treeCount = body.Count("tree", 16);
        var trees = new DecisionTree[treeCount];
        for (int t = 0; t < treeCount; t++)
        {
            int treeAt = body.Position;
            double boostWeight = body.Double();
            int classIndex = body.Int32();
            int nodeCount = body.Count("node", NodeRecordSize);
            var nodes = new DecisionTreeNode[nodeCount];
            for (int n = 0; n < nodeCount; n++)
            {
                int nodeAt = body.Position;
                int left = body.Int32(), right = body.Int32(), feature = body.Int32();
                float threshold = body.Single();
                byte flags = body.Byte();
                sbyte type = body.SByte();
                if (flags > 3 || type < -1 || type > 1)
                {
                    throw body.Fail($"node {n} of tree {t} has flags {flags} and node type {type}; expected flags 0..3 and type -1..1", nodeAt);
                }

                int depth = body.UInt16();
                nodes[n] = new DecisionTreeNode
                {
                    Left = left,
                    Right = right,
                    Feature = feature,
                    Threshold = threshold,
                    CutType = (flags & 1) != 0,
                    MissingGoesRight = (flags & 2) != 0,
                    NodeType = (NodeType)type,
                    Depth = depth,
                    Response = body.Single(),
                    Purity = body.Single(),
                    Rms = body.Single(),
                    Gain = body.Double(),
                    SumWeight = body.Double(),
                    SumHessian = body.Double(),
                    EventCount = body.Int32(),
                };
            }

            try
            {
                trees[t] = new DecisionTree(nodes, boostWeight, classIndex);
            }
            catch (ArgumentException e)
            {
                throw new HepMlFormatException($"tree {t} is not a valid tree: {e.Message}", path, treeAt, $"tree {t}", ["HepMl BDT model"], e);
            }
        }

        TrainingHistory? history = null;
        if (body.Byte() == 1)
        {
            string metric = body.String("metric name");
            int metricCount = body.Count("validation metric", 8);
            var metrics = new double[metricCount];
            for (int i = 0; i < metricCount; i++)
            {
                metrics[i] = body.Double();
            }

            int bestRound = body.Int32();
            bool stoppedEarly = body.Byte() != 0;
            int errorCount = body.Count("error fraction", 8);
            var errors = new double[errorCount];
            for (int i = 0; i < errorCount; i++)
            {
                errors[i] = body.Double();
            }

            history = new TrainingHistory(metric, metrics, bestRound, stoppedEarly, errors);
        }

        if (body.Remaining != 0)
        {
            throw body.Fail($"expected the CRC-32 footer, found {body.Remaining} more bytes", body.Position);
        }

        try
        {
            return new BoostedDecisionTrees(names, task, classCount, output, trees, baseScores, history);
        }
        catch (ArgumentException e)
        {
            throw new HepMlFormatException($"the model does not fit together: {e.Message}", path, taskAt, null, ["HepMl BDT model"], e);
        }
    }

    private static void WriteString(BinaryWriter writer, string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }
}
