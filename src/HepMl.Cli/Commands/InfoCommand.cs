using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;

namespace HepMl.Cli.Commands;

/// <summary><c>hepml info</c>: versions of HepMl and the runtime, and the SIMD width this machine offers.</summary>
internal static class InfoCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("info", "Print HepMl's version, the .NET runtime, cores and SIMD support.");
        command.SetAction(_ =>
        {
            string version = typeof(InfoCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            environment.Output.WriteLine($"hepml {version}");
            environment.Output.WriteLine($"runtime {RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription}");
            environment.Output.WriteLine($"cores {Environment.ProcessorCount}");
            environment.Output.WriteLine(
                $"simd Vector256={System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated} "
                + $"Vector512={System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated} "
                + $"Fma={System.Runtime.Intrinsics.X86.Fma.IsSupported}");
            return 0;
        });
        return command;
    }
}
