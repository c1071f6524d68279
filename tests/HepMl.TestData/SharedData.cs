namespace HepMl.TestData;

/// <summary>
/// Locates the shared reference material (<c>../shared</c> beside the repository: ROOT, HDF5 and TMVA files with
/// manifests written by independent tools) and the repository's own fixtures (<c>tests/HepMl.TestData/data</c>).
/// </summary>
/// <remarks>
/// The shared folder is found by walking up from the test assembly to the directory holding <c>HepMl.sln</c> and
/// taking its sibling <c>shared</c>; the environment variable <c>HEPML_SHARED</c> overrides it. A missing folder
/// fails the test (it is never skipped): CI always has it.
/// </remarks>
public static class SharedData
{
    private static readonly Lazy<string> s_repositoryRoot = new(FindRepositoryRoot);

    /// <summary>The repository root (the folder holding <c>HepMl.sln</c>).</summary>
    public static string RepositoryRoot => s_repositoryRoot.Value;

    /// <summary>The shared reference folder.</summary>
    public static string SharedRoot
    {
        get
        {
            string? overridden = Environment.GetEnvironmentVariable("HEPML_SHARED");
            string path = string.IsNullOrEmpty(overridden)
                ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"))
                : overridden;
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException(
                    $"the shared reference folder {path} does not exist (set HEPML_SHARED to override)");
            }

            return path;
        }
    }

    /// <summary>A path below the shared folder, for example <c>Shared("data", "root", "manifest.json")</c>.</summary>
    public static string Shared(params string[] parts) => Path.Combine([SharedRoot, .. parts]);

    /// <summary>A fixture committed under <c>tests/HepMl.TestData/data</c>.</summary>
    public static string Fixture(params string[] parts) =>
        Path.Combine([RepositoryRoot, "tests", "HepMl.TestData", "data", .. parts]);

    /// <summary>A scratch directory unique to the calling test, removed at the end of the test run by the OS temp cleaner.</summary>
    public static string CreateScratchDirectory(string prefix)
    {
        string path = Path.Combine(Path.GetTempPath(), "hepml-tests", prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HepMl.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no HepMl.sln above {AppContext.BaseDirectory}");
    }
}
