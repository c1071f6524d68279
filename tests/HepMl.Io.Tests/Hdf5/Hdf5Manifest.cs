using System.Collections.Concurrent;
using System.Text.Json;
using HepMl.Io.Hdf5;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Io.Tests.Hdf5;

/// <summary>
/// The HDF5 reference set in <c>../shared/data/hdf5</c>: files written by libhdf5 1.10.8 through h5py 3.7.0, with
/// <c>manifest.json</c> holding what libhdf5 itself reads back (types, shapes, sums, first values, attributes).
/// Open files are cached for the test run.
/// </summary>
internal static class Hdf5Manifest
{
    private static readonly Lazy<JsonDocument> s_document = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(SharedData.Shared("data", "hdf5", "manifest.json"))));

    private static readonly ConcurrentDictionary<string, Hdf5File> s_files = new();

    public static JsonElement Files => s_document.Value.RootElement.GetProperty("files");

    public static string PathOf(string file) => SharedData.Shared("data", "hdf5", file);

    public static Hdf5File Open(string file) => s_files.GetOrAdd(file, name => Hdf5File.Open(PathOf(name)));

    public static JsonElement Entry(string file, string objectPath) =>
        Files.GetProperty(file).GetProperty("objects").GetProperty(objectPath);

    /// <summary>One case per object of every file in the manifest.</summary>
    public static IEnumerable<TestCaseData> ObjectCases()
    {
        foreach (JsonProperty file in Files.EnumerateObject())
        {
            foreach (JsonProperty entry in file.Value.GetProperty("objects").EnumerateObject())
            {
                yield return new TestCaseData(file.Name, entry.Name).SetName($"{file.Name}:{entry.Name}");
            }
        }
    }

    public static IEnumerable<TestCaseData> FileCases()
    {
        foreach (JsonProperty file in Files.EnumerateObject())
        {
            yield return new TestCaseData(file.Name).SetName(file.Name);
        }
    }

    public static void CloseAll()
    {
        foreach (Hdf5File file in s_files.Values)
        {
            file.Dispose();
        }

        s_files.Clear();
    }
}
