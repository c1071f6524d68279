using System.Text.Json;
using HepMl.Io.Root.Reading;
using HepMl.Io.Root.Trees;
using NUnit.Framework;

namespace HepMl.Io.Tests.Root;

/// <summary>
/// Every file of <c>../shared/data/root</c> against the expected values in its manifest (written by uproot): keys
/// and directories, trees and every branch, histograms, parameters. One case per object, none skipped.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public partial class ManifestTests
{
    [TestCaseSource(typeof(ReferenceManifest), nameof(ReferenceManifest.FileCases))]
    public void File_HeaderAndDirectories_MatchManifest(string name)
    {
        JsonElement expected = ReferenceManifest.File(name);
        RootFile file = OpenFiles.Get(name);
        Assert.That(file.RootVersion + (file.IsLargeFile ? 1000000 : 0), Is.EqualTo(expected.GetProperty("root_version").GetInt32()));
        Assert.That(file.IsLargeFile, Is.EqualTo(expected.GetProperty("big_file_format").GetBoolean()));
        Assert.That(file.CompressionSetting, Is.EqualTo(expected.GetProperty("compression").GetProperty("fCompress").GetInt32()));
        var classes = new HashSet<string>(file.Streamers.ClassNames);
        foreach (JsonElement className in expected.GetProperty("streamer_classes").EnumerateArray())
        {
            static string Bare(string name) => name.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("std::", string.Empty, StringComparison.Ordinal);
            Assert.That(classes.Select(Bare), Does.Contain(Bare(className.GetString()!)), $"streamer for {className.GetString()}");
        }

        foreach (JsonProperty directory in expected.GetProperty("directories").EnumerateObject())
        {
            RootDirectory actual = file.GetDirectory(directory.Name);
            var keys = directory.Value.EnumerateArray().ToList();
            Assert.That(actual.Keys, Has.Count.EqualTo(keys.Count), $"keys in '{directory.Name}'");
            for (int i = 0; i < keys.Count; i++)
            {
                RootKey key = actual.Keys[i];
                string where = $"key {i} of '{directory.Name}'";
                Assert.That(key.Name, Is.EqualTo(keys[i].GetProperty("name").GetString()), where);
                Assert.That(key.ClassName, Is.EqualTo(keys[i].GetProperty("class").GetString()), where);
                Assert.That(key.Cycle, Is.EqualTo(keys[i].GetProperty("cycle").GetInt32()), where);
                Assert.That(key.Title, Is.EqualTo(keys[i].GetProperty("title").GetString()), where);
                Assert.That(key.ObjectLength, Is.EqualTo(keys[i].GetProperty("obj_bytes").GetInt32()), where);
                Assert.That(key.TotalBytes, Is.EqualTo(keys[i].GetProperty("key_bytes").GetInt32()), where);
            }
        }
    }

    [TestCaseSource(typeof(ReferenceManifest), nameof(ReferenceManifest.TreeCases))]
    public void Tree_EntriesAndBranchNames_MatchManifest(string file, string tree)
    {
        JsonElement expected = ReferenceManifest.File(file).GetProperty("trees").GetProperty(tree);
        TreeReader reader = OpenFiles.Tree(file, tree);
        Assert.That(reader.ClassName, Is.EqualTo(expected.GetProperty("class").GetString()));
        Assert.That(reader.Title, Is.EqualTo(expected.GetProperty("title").GetString()));
        Assert.That(reader.Entries, Is.EqualTo(expected.GetProperty("entries").GetInt64()));
        var expectedNames = expected.GetProperty("branches").EnumerateObject().Select(p => p.Name).ToList();
        var actualNames = reader.AllBranches.Select(b => b.Path).ToList();
        Assert.That(actualNames, Is.EquivalentTo(expectedNames));
    }

    [TestCaseSource(typeof(ReferenceManifest), nameof(ReferenceManifest.ObjectCases))]
    public void Object_ValueMatchesManifest(string file, string path)
    {
        JsonElement expected = ReferenceManifest.File(file).GetProperty("objects").GetProperty(path);
        object? value = OpenFiles.Get(file).ReadObject(path);
        var obj = (HepMl.Io.Root.Objects.RootObject)value!;
        Assert.That(obj.ClassName, Is.EqualTo(expected.GetProperty("class").GetString()));
        if (expected.TryGetProperty("value", out JsonElement parameter))
        {
            ExpectedValues.AssertMatches(parameter, obj["fVal"], "fVal");
        }

        if (expected.TryGetProperty("title", out JsonElement title))
        {
            Assert.That(obj.GetString("fTitle"), Is.EqualTo(title.GetString()));
        }

        if (expected.TryGetProperty("string", out JsonElement text))
        {
            Assert.That(obj.GetString("fString"), Is.EqualTo(text.GetString()));
        }
    }
}
