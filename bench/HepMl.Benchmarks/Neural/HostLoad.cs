using System.Diagnostics;

namespace HepMl.Benchmarks.Neural;

/// <summary>
/// The share of host CPU time used by other processes while a benchmark ran, computed like the peers'
/// <c>common.host_other_busy</c>: busy jiffies of the host from /proc/stat minus this process's CPU time, over all
/// jiffies. 0.5 on a 2-core host means another process held one core throughout.
/// </summary>
internal sealed class HostLoad
{
    private const double TicksPerSecond = 100.0;
    private readonly (long Total, long Idle) _start = Read();
    private readonly TimeSpan _ownStart = Process.GetCurrentProcess().TotalProcessorTime;

    public double OtherBusy()
    {
        (long total, long idle) = Read();
        double own = (Process.GetCurrentProcess().TotalProcessorTime - _ownStart).TotalSeconds * TicksPerSecond;
        double dt = Math.Max(total - _start.Total, 1);
        double busy = dt - (idle - _start.Idle) - own;
        return Math.Max(0, busy / dt);
    }

    private static (long Total, long Idle) Read()
    {
        string? line = File.Exists("/proc/stat") ? File.ReadLines("/proc/stat").First() : null;
        if (line is null)
        {
            return (0, 0);
        }

        long[] values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        long idle = values[3] + (values.Length > 4 ? values[4] : 0);
        return (values.Sum(), idle);
    }
}
