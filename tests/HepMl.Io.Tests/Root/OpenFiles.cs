using System.Collections.Concurrent;
using HepMl.Io.Root.Reading;
using HepMl.Io.Root.Trees;

namespace HepMl.Io.Tests.Root;

/// <summary>Keeps each reference file and tree open across the many manifest cases that read them.</summary>
internal static class OpenFiles
{
    private static readonly ConcurrentDictionary<string, RootFile> s_files = new();
    private static readonly ConcurrentDictionary<(string File, string Tree), TreeReader> s_trees = new();

    public static RootFile Get(string name) => s_files.GetOrAdd(name, n => RootFile.Open(ReferenceManifest.PathOf(n)));

    public static TreeReader Tree(string file, string tree) => s_trees.GetOrAdd((file, tree), key => Get(key.File).GetTree(key.Tree));
}
