using System.Diagnostics;

namespace HepMl.Benchmarks.Trees;

/// <summary>
/// The share of host CPU time used by other processes while this one ran: host busy jiffies from /proc/stat minus our
/// own CPU time, over all CPUs' jiffies (the formula of the peers' <c>common.host_other_busy</c>).
/// </summary>
internal sealed class HostLoad
{
    private const double JiffiesPerSecond = 100.0;
    private readonly (long Total, long Idle) _start;
    private readonly TimeSpan _ownStart;

    public HostLoad()
    {
        _start = ReadCpu();
        _ownStart = Process.GetCurrentProcess().TotalProcessorTime;
    }

    public double OtherBusy()
    {
        (long total, long idle) = ReadCpu();
        double own = (Process.GetCurrentProcess().TotalProcessorTime - _ownStart).TotalSeconds * JiffiesPerSecond;
        double dt = Math.Max(total - _start.Total, 1);
        double busy = dt - (idle - _start.Idle) - own;
        return Math.Max(0.0, busy / dt);
    }

    public static long PeakResidentKilobytes()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }

    private static (long Total, long Idle) ReadCpu()
    {
        string[] parts = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long total = 0;
        for (int i = 1; i < parts.Length; i++)
        {
            total += long.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture);
        }

        long idle = long.Parse(parts[4], System.Globalization.CultureInfo.InvariantCulture)
            + (parts.Length > 5 ? long.Parse(parts[5], System.Globalization.CultureInfo.InvariantCulture) : 0);
        return (total, idle);
    }
}
