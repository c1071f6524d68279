using System.Reflection;
using NUnit.Framework;

namespace HepMl.Cli.Tests;

/// <summary>STYLE.md B1: Io and Physics are leaves; Analysis may use Io only; Tmva uses Analysis and Io.</summary>
public class DependencyDirectionTests
{
    [TestCase("HepMl.Io", new string[0])]
    [TestCase("HepMl.Physics", new string[0])]
    [TestCase("HepMl.Analysis", new[] { "HepMl.Io" })]
    [TestCase("HepMl.Tmva", new[] { "HepMl.Analysis", "HepMl.Io" })]
    public void Assembly_ReferencesOnlyAllowedHepMlAssemblies(string assemblyName, string[] allowed)
    {
        Assembly assembly = Assembly.Load(assemblyName);

        string[] ours = assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name.StartsWith("HepMl", StringComparison.Ordinal))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();

        Assert.That(ours, Is.SubsetOf(allowed), $"{assemblyName} references {string.Join(", ", ours)}");
    }
}
