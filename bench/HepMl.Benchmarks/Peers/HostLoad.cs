using System.Diagnostics;
using System.Globalization;

namespace HepMl.Benchmarks.Peers;

/// <summary>
/// The share of host CPU used by other processes while a measurement ran, with the formula of
/// ../shared/peers/common.py (<c>host_other_busy</c>): (busy jiffies − own CPU jiffies) / total jiffies from /proc/stat.
/// </summary>
internal sealed class HostLoad
{
    private readonly (long Total, long Idle) _start = Read();
    private readonly TimeSpan _ownStart = Process.GetCurrentProcess().TotalProcessorTime;

    public double OtherBusy()
    {
        (long total, long idle) = Read();
        double dt = Math.Max(total - _start.Total, 1);
        double busy = dt - (idle - _start.Idle);
        // /proc/stat counts in USER_HZ (100 per second on Linux).
        double own = (Process.GetCurrentProcess().TotalProcessorTime - _ownStart).TotalSeconds * 100.0;
        return Math.Max(0.0, (busy - own) / dt);
    }

    private static (long Total, long Idle) Read()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0);
        }

        string[] parts = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long total = 0, idle = 0;
        for (int i = 1; i < parts.Length && i <= 10; i++)
        {
            long v = long.Parse(parts[i], CultureInfo.InvariantCulture);
            total += v;
            if (i == 4 || i == 5)
            {
                idle += v;
            }
        }

        return (total, idle);
    }
}
