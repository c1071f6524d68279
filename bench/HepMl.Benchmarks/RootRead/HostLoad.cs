using System.Diagnostics;
using System.Globalization;

namespace HepMl.Benchmarks.RootRead;

/// <summary>
/// The share of the host's CPU used by other processes while an action runs, from <c>/proc/stat</c> (as the peer
/// scripts' <c>host_other_busy</c>): (host busy jiffies - this process's CPU) / host total jiffies.
/// </summary>
internal static class HostLoad
{
    private const double TicksPerSecond = 100.0;

    public static (T Result, double Seconds, double OtherBusy, double UserSeconds, double SystemSeconds) Measure<T>(Func<T> action)
    {
        (long busy0, long total0) = HostTicks();
        using Process self = Process.GetCurrentProcess();
        TimeSpan user0 = self.UserProcessorTime;
        TimeSpan system0 = self.PrivilegedProcessorTime;
        var watch = Stopwatch.StartNew();
        T result = action();
        watch.Stop();
        self.Refresh();
        TimeSpan user = self.UserProcessorTime - user0;
        TimeSpan system = self.PrivilegedProcessorTime - system0;
        (long busy1, long total1) = HostTicks();
        double selfTicks = (user + system).TotalSeconds * TicksPerSecond;
        double other = total1 > total0 ? Math.Max(0, (busy1 - busy0 - selfTicks) / (total1 - total0)) : 0;
        return (result, watch.Elapsed.TotalSeconds, other, user.TotalSeconds, system.TotalSeconds);
    }

    /// <summary>Waits up to <paramref name="maxSeconds"/> for the host to be at most <paramref name="busyLimit"/> busy; returns the seconds waited.</summary>
    public static double WaitForQuiet(double maxSeconds, double busyLimit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < maxSeconds)
        {
            (long busy0, long total0) = HostTicks();
            Thread.Sleep(1000);
            (long busy1, long total1) = HostTicks();
            if (total1 > total0 && (double)(busy1 - busy0) / (total1 - total0) <= busyLimit)
            {
                break;
            }
        }

        return watch.Elapsed.TotalSeconds;
    }

    private static (long Busy, long Total) HostTicks()
    {
        string line = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        long[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        long idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
        long total = fields.Take(8).Sum();
        return (total - idle, total);
    }
}
