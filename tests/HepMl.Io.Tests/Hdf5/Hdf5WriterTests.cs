using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using HepMl.Io.Hdf5;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Io.Tests.Hdf5;

/// <summary>
/// Files written by <see cref="Hdf5FileWriter"/> read back value by value by HepMl's reader, by h5py (libhdf5,
/// through <c>tools/hdf5/check_written_file.py</c>) and by <c>h5dump</c>. The peers are required: without them the
/// test fails (CI installs them with <c>.ci/install-peers</c>).
/// </summary>
[TestFixture]
public sealed class Hdf5WriterTests
{
    private const string Python = "/usr/bin/python3";

    private string _directory = null!;
    private string _file = null!;
    private string _expected = null!;
    private JsonObject _objects = null!;

    [OneTimeSetUp]
    public void WriteReferenceFile()
    {
        _directory = SharedData.CreateScratchDirectory("hdf5-writer");
        _file = Path.Combine(_directory, "written.h5");
        _expected = Path.Combine(_directory, "expected.json");
        _objects = [];
        var random = new Random(20240611);
        using (Hdf5FileWriter writer = Hdf5FileWriter.Create(_file))
        {
            Hdf5GroupWriter root = writer.Root;
            Group("/", root, ("title", "written by HepMl"), ("version", 3), ("scale", 0.125), ("flags", new[] { true, false, true }),
                ("names", new[] { "a", "bb", "ccc ✓" }), ("limits", new[] { -1.5, 2.25 }));

            Hdf5GroupWriter numbers = root.CreateGroup("numbers");
            Group("/numbers", numbers);
            Numeric(numbers, "i1", Enumerable.Range(0, 50).Select(i => (sbyte)(i - 25)).ToArray(), "|i1");
            Numeric(numbers, "u1", Enumerable.Range(0, 50).Select(i => (byte)(i * 5)).ToArray(), "|u1");
            Numeric(numbers, "i2", Enumerable.Range(0, 50).Select(i => (short)(i * 1000 - 25000)).ToArray(), "<i2");
            Numeric(numbers, "u2", Enumerable.Range(0, 50).Select(i => (ushort)(i * 1300)).ToArray(), "<u2");
            Numeric(numbers, "i4", Enumerable.Range(0, 50).Select(i => int.MinValue + (i * 87654321)).ToArray(), "<i4");
            Numeric(numbers, "u4", Enumerable.Range(0, 50).Select(i => uint.MaxValue - (uint)i).ToArray(), "<u4");
            Numeric(numbers, "i8", Enumerable.Range(0, 50).Select(i => long.MaxValue - i).ToArray(), "<i8");
            Numeric(numbers, "u8", Enumerable.Range(0, 50).Select(i => ulong.MaxValue - (ulong)i).ToArray(), "<u8");
            Numeric(numbers, "f2", Enumerable.Range(0, 50).Select(i => (Half)(i * 0.25 - 3)).ToArray(), "<f2");
            Numeric(numbers, "f4", Enumerable.Range(0, 50).Select(i => (float)random.NextDouble() * 100 - 50).ToArray(), "<f4");
            Numeric(numbers, "f8", [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.Epsilon, double.MaxValue, 1e-300, .. Enumerable.Range(0, 43).Select(i => random.NextDouble())], "<f8");
            Numeric(numbers, "bool", Enumerable.Range(0, 50).Select(i => i % 3 == 0).ToArray(), "|b1");
            Numeric(numbers, "matrix", Enumerable.Range(0, 12).Select(i => i * 1.5).ToArray(), "<f8", [3, 4]);
            Numeric(numbers, "scalar", [42.5f], "<f4", []);
            Numeric(numbers, "empty", Array.Empty<int>(), "<i4", [0, 3]);

            Hdf5GroupWriter images = root.CreateGroup("images");
            Group("/images", images, ("pixels", 10));
            float[] pixels = Enumerable.Range(0, 300 * 10 * 10).Select(i => i % 7 == 0 ? (float)random.NextDouble() : 0f).ToArray();
            Numeric(images, "gzip", pixels, "<f4", [300, 10, 10], Hdf5DatasetOptions.Compressed(4) with { ChunkShape = [16, 10, 10] });
            Numeric(images, "gzip_only", pixels, "<f4", [300, 10, 10], new Hdf5DatasetOptions { Chunked = true, CompressionLevel = 9, ChunkShape = [4, 10, 10] });
            Numeric(images, "chunked_raw", pixels, "<f4", [300, 10, 10], new Hdf5DatasetOptions { Chunked = true, ChunkShape = [1, 10, 10] });

            Hdf5GroupWriter nested = images.CreateGroup("nested").CreateGroup("deeper");
            Group("/images/nested");
            Group("/images/nested/deeper", nested, ("note", "three levels"));

            Hdf5DatasetWriter stream = root.CreateDataset<long>("stream", [2], Hdf5DatasetOptions.Compressed(1) with { ChunkShape = [7, 2] });
            long[] streamed = Enumerable.Range(0, 2 * 1000).Select(i => (long)i * i).ToArray();
            for (int start = 0; start < 1000; start += 97)
            {
                int rows = Math.Min(97, 1000 - start);
                stream.AppendRows<long>(streamed.AsSpan(start * 2, rows * 2));
            }

            stream.SetAttribute("unit", "GeV");
            Dataset("/stream", "<i8", [1000, 2], [null, 2], [7, 2], "gzip", 1, true, streamed.Select(v => (JsonNode)v).ToArray(), ("unit", "GeV"));

            Hdf5GroupWriter jagged = root.CreateGroup("jagged");
            Group("/jagged", jagged);
            float[][] sequences = Enumerable.Range(0, 300).Select(i => Enumerable.Range(0, i % 5).Select(k => (float)(i + (k * 0.25))).ToArray()).ToArray();
            Hdf5DatasetWriter pt = jagged.CreateJaggedDataset<float>("pt", Hdf5DatasetOptions.Compressed(4) with { ChunkShape = [64] });
            for (int start = 0; start < sequences.Length; start += 120)
            {
                float[][] part = sequences.Skip(start).Take(120).ToArray();
                int[] offsets = [0, .. part.Select(r => r.Length)];
                for (int i = 1; i < offsets.Length; i++)
                {
                    offsets[i] += offsets[i - 1];
                }

                pt.AppendJagged<float>(part.SelectMany(r => r).ToArray(), offsets);
            }

            _objects["/jagged/pt"] = new JsonObject
            {
                ["kind"] = "dataset",
                ["attrs"] = new JsonObject(),
                ["dtype"] = "|O",
                ["shape"] = new JsonArray((JsonNode)300L),
                ["maxshape"] = new JsonArray((JsonNode?)null),
                ["chunks"] = new JsonArray((JsonNode)64L),
                ["compression"] = "gzip",
                ["compression_opts"] = 4,
                ["shuffle"] = true,
                ["values"] = new JsonArray(sequences.Select(r => (JsonNode)new JsonArray(r.Select(v => (JsonNode)(double)v).ToArray())).ToArray()),
            };

            Hdf5GroupWriter text = root.CreateGroup("text");
            Group("/text", text);
            string[] words = ["alpha", "", "γάμμα", "a much longer string that spans more than sixteen bytes", "x"];
            text.WriteStrings("vlen", words);
            Dataset("/text/vlen", "|O", [5], [5], null, null, null, false, words.Select(w => (JsonNode)w).ToArray());
            text.WriteFixedLengthStrings("fixed", ["px", "py", "pz", "E"]);
            Dataset("/text/fixed", "|S2", [4], [4], null, null, null, false, new[] { "px", "py", "pz", "E" }.Select(w => (JsonNode)w).ToArray());
        }

        File.WriteAllText(_expected, new JsonObject { ["objects"] = _objects }.ToJsonString());
    }

    [OneTimeTearDown]
    public void RemoveScratch() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void WrittenFile_ReadsBackValueByValue_WithHepMl()
    {
        using Hdf5File file = Hdf5File.Open(_file);
        Assert.That(file.SuperblockVersion, Is.EqualTo(2));
        var paths = file.EnumerateObjects().Select(o => o.Path).ToHashSet();
        Assert.That(paths, Is.EquivalentTo(_objects.Select(p => p.Key)));
        foreach ((string path, JsonNode? node) in _objects)
        {
            JsonObject spec = node!.AsObject();
            Hdf5Object item = file.Get(path);
            foreach ((string name, JsonNode? value) in spec["attrs"]!.AsObject())
            {
                object? read = item.GetAttribute(name).ReadValue();
                Assert.That(Hdf5Expect.ValueEquals(JsonDocument.Parse(value!.ToJsonString()).RootElement, read is object?[] array ? array : read), Is.True,
                    $"{path}@{name}: read {Hdf5Expect.Describe(read)}");
            }

            if (item is not Hdf5Dataset dataset)
            {
                continue;
            }

            Assert.That(Hdf5Expect.NumpyDtype(dataset.DataType), Is.EqualTo((string)spec["dtype"]!), path);
            Assert.That(dataset.Shape, Is.EqualTo(spec["shape"]!.AsArray().Select(n => (long)n!)), path);
            object? values = dataset.ElementCount == 0 ? Array.Empty<object?>()
                : dataset.DataType.IsVariableLengthSequence ? (object?[])dataset.ReadValue()! : Flatten(dataset.ReadValue());
            Assert.That(Hdf5Expect.ValueEquals(JsonDocument.Parse(spec["values"]!.ToJsonString()).RootElement, values), Is.True, $"{path} values");
        }
    }

    [Test]
    public void WrittenFile_ReadsBackValueByValue_WithH5py()
    {
        Assert.That(File.Exists(Python), Is.True, $"{Python} is missing: run .ci/install-peers (Debian python3-h5py)");
        (int exit, string output) = Run(Python, Path.Combine(SharedData.RepositoryRoot, "tools", "hdf5", "check_written_file.py"), _file, _expected);
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("all values match"));
    }

    [Test]
    public void WrittenFile_DumpsWithoutError_WithH5dump()
    {
        string h5dump = "/usr/bin/h5dump";
        Assert.That(File.Exists(h5dump), Is.True, "h5dump is missing: run .ci/install-peers (Debian hdf5-tools)");
        (int exit, string output) = Run(h5dump, "-A", _file);
        Assert.That(exit, Is.EqualTo(0), output);
        (exit, output) = Run(h5dump, "-d", "/images/gzip", "-s", "299,0,0", "-c", "1,1,10", _file);
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("DATASPACE  SIMPLE { ( 300, 10, 10 ) / ( 300, 10, 10 ) }"));
    }

    private static object?[] Flatten(object? value)
    {
        var result = new List<object?>();
        void Walk(object? node)
        {
            if (node is object?[] array)
            {
                foreach (object? item in array)
                {
                    Walk(item);
                }
            }
            else
            {
                result.Add(node);
            }
        }

        Walk(value);
        return [.. result];
    }

    private void Group(string path, Hdf5ObjectWriter? writer = null, params (string Name, object Value)[] attributes)
    {
        var attrs = new JsonObject();
        foreach ((string name, object value) in attributes)
        {
            switch (value)
            {
                case string s: writer!.SetAttribute(name, s); attrs[name] = s; break;
                case int i: writer!.SetAttribute(name, i); attrs[name] = i; break;
                case double d: writer!.SetAttribute(name, d); attrs[name] = d; break;
                case bool[] b: writer!.SetAttribute<bool>(name, b); attrs[name] = new JsonArray(b.Select(x => (JsonNode)x).ToArray()); break;
                case string[] s: writer!.SetAttribute(name, s); attrs[name] = new JsonArray(s.Select(x => (JsonNode)x).ToArray()); break;
                case double[] d: writer!.SetAttribute<double>(name, d); attrs[name] = new JsonArray(d.Select(x => (JsonNode)x).ToArray()); break;
                default: throw new ArgumentException(value.GetType().Name);
            }
        }

        _objects[path] = new JsonObject { ["kind"] = "group", ["attrs"] = attrs };
    }

    private void Numeric<T>(Hdf5GroupWriter group, string name, T[] values, string dtype, long[]? shape = null, Hdf5DatasetOptions? options = null)
        where T : unmanaged
    {
        group.WriteDataset<T>(name, values, shape, options);
        long[] dims = shape ?? [values.Length];
        JsonNode[] json = values.Select(v => v switch
        {
            bool b => (JsonNode)b,
            Half h => Finite((double)h),
            float f => Finite(f),
            double d => Finite(d),
            ulong u => JsonValue.Create(u),
            _ => JsonValue.Create(Convert.ToInt64(v)),
        }).ToArray()!;
        bool chunked = options?.Chunked ?? false;
        Dataset(Hdf5Group.Combine(group.Path, name), dtype, dims, dims.Select(d => (long?)d).ToArray(),
            chunked ? options!.ChunkShape!.Select(c => (long)c).ToArray() : null,
            options?.CompressionLevel > 0 ? "gzip" : null, options?.CompressionLevel > 0 ? options.CompressionLevel : null, options?.Shuffle ?? false, json);
    }

    /// <summary>JSON has no NaN or infinities: they travel as the strings Python's json module writes for them.</summary>
    private static JsonNode Finite(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "Infinity" : double.IsNegativeInfinity(value) ? "-Infinity" : JsonValue.Create(value);

    private void Dataset(string path, string dtype, long[] shape, long?[] maxShape, long[]? chunks, string? compression, int? level, bool shuffle, JsonNode[] values,
        params (string Name, string Value)[] attributes)
    {
        var attrs = new JsonObject();
        foreach ((string name, string value) in attributes)
        {
            attrs[name] = value;
        }

        _objects[path] = new JsonObject
        {
            ["kind"] = "dataset",
            ["attrs"] = attrs,
            ["dtype"] = dtype,
            ["shape"] = new JsonArray(shape.Select(d => (JsonNode)d).ToArray()),
            ["maxshape"] = new JsonArray(maxShape.Select(d => d is null ? null : (JsonNode)d.Value).ToArray()),
            ["chunks"] = chunks is null ? null : new JsonArray(chunks.Select(c => (JsonNode)c).ToArray()),
            ["compression"] = compression,
            ["compression_opts"] = level,
            ["shuffle"] = shuffle,
            ["values"] = new JsonArray(values),
        };
    }

    private static (int Exit, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish within 120 s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
