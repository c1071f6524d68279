using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HepMl.Analysis.Checksums;
using HepMl.Analysis.Tensors;
using HepMl.Io;

namespace HepMl.Analysis.NeuralNetworks.Serialization;

/// <summary>
/// HepMl's neural-network file (<c>.hepnn</c>): magic, versions, a JSON header with the model kind, metadata and the
/// architecture of each named module, the float32 tensors in header order, and a CRC-32 of everything before it.
/// The layout is documented in <c>docs/nn-format.md</c>.
/// </summary>
public static class ModelFile
{
    /// <summary>Version written by this code.</summary>
    /// <remarks>Version 1: first format.</remarks>
    public const ushort FormatVersion = 1;

    /// <summary>Oldest reader version able to read what this code writes.</summary>
    public const ushort MinimumReaderVersion = 1;

    private static readonly byte[] s_magic = "HEPMLNN\0"u8.ToArray();

    /// <summary>Saves one module (kind "Module", module name "model").</summary>
    public static void Save(string path, Module module, JsonObject? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        Save(path, "Module", new Dictionary<string, Module> { ["model"] = module }, metadata);
    }

    /// <summary>Loads a file written by <see cref="Save(string, Module, JsonObject?)"/>.</summary>
    /// <exception cref="HepMlFormatException">The file is not a valid model file.</exception>
    public static Module LoadModule(string path) => Load(path).Modules["model"];

    /// <summary>Saves several named modules of a model of kind <paramref name="kind"/> with its metadata.</summary>
    public static void Save(string path, string kind, IReadOnlyDictionary<string, Module> modules, JsonObject? metadata)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(modules);
        using var stream = new MemoryStream();
        Write(stream, kind, modules, metadata);
        File.WriteAllBytes(path, stream.ToArray());
    }

    /// <summary>Writes the model into a stream.</summary>
    public static void Write(Stream stream, string kind, IReadOnlyDictionary<string, Module> modules, JsonObject? metadata)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(modules);
        var architecture = new JsonObject();
        var tensors = new JsonArray();
        var payload = new List<Tensor>();
        foreach ((string name, Module module) in modules)
        {
            architecture[name] = module.ToSpecification();
            foreach ((string path, Tensor value) in module.NamedState())
            {
                var shape = new JsonArray();
                foreach (int d in value.Shape.Dimensions)
                {
                    shape.Add(d);
                }

                tensors.Add(new JsonObject { ["module"] = name, ["path"] = path, ["shape"] = shape });
                payload.Add(value);
            }
        }

        var header = new JsonObject
        {
            ["kind"] = kind,
            ["metadata"] = metadata?.DeepClone() ?? new JsonObject(),
            ["architecture"] = architecture,
            ["tensors"] = tensors,
        };
        byte[] json = Encoding.UTF8.GetBytes(header.ToJsonString());
        using var body = new MemoryStream();
        body.Write(s_magic);
        Span<byte> fixedPart = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(fixedPart, FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(fixedPart[2..], MinimumReaderVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(fixedPart[4..], (uint)json.Length);
        body.Write(fixedPart);
        body.Write(json);
        foreach (Tensor t in payload)
        {
            byte[] bytes = new byte[t.Length * 4];
            ReadOnlySpan<float> values = t.Span;
            for (int i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
            }

            body.Write(bytes);
        }

        byte[] content = body.ToArray();
        stream.Write(content);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(crc, Crc32.Compute(content));
        stream.Write(crc);
    }

    /// <summary>Reads a model file: kind, metadata and the rebuilt modules with their weights.</summary>
    /// <exception cref="HepMlFormatException">Bad magic, truncated data, checksum mismatch, or a header that does not fit the data.</exception>
    /// <exception cref="UnsupportedFormatException">The file needs a newer reader.</exception>
    public static ModelFileContents Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Read(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads a model from bytes (see <see cref="Load"/>).</summary>
    public static ModelFileContents Read(ReadOnlySpan<byte> bytes, string? filePath = null)
    {
        if (bytes.Length < 20 || !bytes[..8].SequenceEqual(s_magic))
        {
            throw new HepMlFormatException("expected the magic 'HEPMLNN\\0' of a HepMl neural-network file; found other bytes or a file shorter than 20 bytes", filePath, 0);
        }

        ushort written = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
        ushort minimumReader = BinaryPrimitives.ReadUInt16LittleEndian(bytes[10..]);
        if (minimumReader > FormatVersion)
        {
            throw new UnsupportedFormatException(
                $"the file was written with format version {written} and needs a reader of version {minimumReader}; this reader is version {FormatVersion}", filePath, 8);
        }

        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes[^4..]);
        uint computed = Crc32.Compute(bytes[..^4]);
        if (stored != computed)
        {
            throw new HepMlFormatException($"CRC-32 mismatch: the file declares 0x{stored:X8}, its content gives 0x{computed:X8} (corrupt or truncated)", filePath, bytes.Length - 4);
        }

        uint headerLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes[12..]);
        if (16L + headerLength > bytes.Length - 4)
        {
            throw new HepMlFormatException($"the header declares {headerLength} bytes; only {bytes.Length - 20} follow", filePath, 12);
        }

        JsonObject header;
        try
        {
            header = JsonNode.Parse(bytes.Slice(16, (int)headerLength)) as JsonObject
                ?? throw new HepMlFormatException("the header is not a JSON object", filePath, 16);
        }
        catch (JsonException e)
        {
            throw new HepMlFormatException($"the header is not valid JSON: {e.Message}", filePath, 16, innerException: e);
        }

        string kind = header["kind"]?.GetValue<string>() ?? throw new HepMlFormatException("the header has no 'kind'", filePath, 16);
        var modules = new Dictionary<string, Module>(StringComparer.Ordinal);
        if (header["architecture"] is not JsonObject architecture)
        {
            throw new HepMlFormatException("the header has no 'architecture' object", filePath, 16);
        }

        foreach ((string name, JsonNode? spec) in architecture)
        {
            modules[name] = ModuleFactory.Create(spec as JsonObject ?? throw new HepMlFormatException($"module '{name}' is not an object", filePath, 16), filePath);
        }

        long offset = 16 + headerLength;
        JsonArray tensors = header["tensors"] as JsonArray ?? throw new HepMlFormatException("the header has no 'tensors' array", filePath, 16);
        var expected = new Dictionary<(string, string), Tensor>();
        foreach ((string name, Module module) in modules)
        {
            foreach ((string tensorPath, Tensor value) in module.NamedState())
            {
                expected[(name, tensorPath)] = value;
            }
        }

        if (expected.Count != tensors.Count)
        {
            throw new HepMlFormatException($"the architecture has {expected.Count} tensors; the file lists {tensors.Count}", filePath, 16);
        }

        foreach (JsonNode? entry in tensors)
        {
            string module = entry?["module"]?.GetValue<string>() ?? string.Empty;
            string tensorPath = entry?["path"]?.GetValue<string>() ?? string.Empty;
            if (!expected.TryGetValue((module, tensorPath), out Tensor? target))
            {
                throw new HepMlFormatException($"tensor '{module}/{tensorPath}' is not part of the architecture", filePath, offset, $"{module}/{tensorPath}");
            }

            JsonArray? shape = entry?["shape"] as JsonArray;
            int[] dims = shape?.Select(d => d!.GetValue<int>()).ToArray() ?? [];
            if (!target.Shape.Dimensions.SequenceEqual(dims))
            {
                throw new HepMlFormatException(
                    $"tensor '{module}/{tensorPath}' has shape {TensorShape.Format(dims)} in the file; the architecture needs {target.Shape}", filePath, offset, $"{module}/{tensorPath}");
            }

            long byteCount = (long)target.Length * 4;
            if (offset + byteCount > bytes.Length - 4)
            {
                throw new HepMlFormatException($"tensor '{module}/{tensorPath}' needs {byteCount} bytes; the file ends first", filePath, offset, $"{module}/{tensorPath}");
            }

            ReadOnlySpan<byte> data = bytes.Slice((int)offset, (int)byteCount);
            Span<float> values = target.Span;
            if (BitConverter.IsLittleEndian)
            {
                MemoryMarshal.Cast<byte, float>(data).CopyTo(values);
            }
            else
            {
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(i * 4)..]);
                }
            }

            offset += byteCount;
        }

        if (offset != bytes.Length - 4)
        {
            throw new HepMlFormatException($"{bytes.Length - 4 - offset} bytes follow the last tensor; expected none", filePath, offset);
        }

        foreach (Module module in modules.Values)
        {
            module.Eval();
        }

        return new ModelFileContents(kind, header["metadata"] as JsonObject ?? new JsonObject(), modules, written);
    }
}
