using System.Runtime.ExceptionServices;

namespace HepMl.Analysis.Tensors.Internal;

/// <summary>
/// A tiny fork-join pool for the kernels. A region is split into parts that the calling thread and the persistent
/// workers claim one at a time from a shared counter, so a worker that the operating system is slow to schedule
/// (a busy shared host) only means the calling thread does more parts itself; nobody waits for a part that has not
/// started. One region at a time; a call made while another region runs (nested, or from a prefetch thread) runs
/// serially instead of queueing.
/// </summary>
internal static class ParallelRunner
{
    private static readonly object s_gate = new();
    private static readonly Worker[] s_workers = CreateWorkers();
    private static ParallelWork? s_work;
    private static int s_parts;
    private static int s_done;
    private static long s_state;
    private static Exception? s_error;

    /// <summary>Threads used by parallel regions (the calling thread plus the workers).</summary>
    public static int ThreadCount => s_workers.Length + 1;

    /// <summary>Runs <paramref name="work"/> in <paramref name="parts"/> parts on up to <see cref="ThreadCount"/> threads.</summary>
    public static void Run(ParallelWork work, int parts)
    {
        if (parts <= 1 || ThreadCount == 1 || !Monitor.TryEnter(s_gate))
        {
            for (int p = 0; p < parts; p++)
            {
                work.Execute(p, parts);
            }

            return;
        }

        try
        {
            s_work = work;
            s_parts = parts;
            s_error = null;
            Volatile.Write(ref s_done, 0);
            long generation = (Volatile.Read(ref s_state) >> 32) + 1;
            Volatile.Write(ref s_state, generation << 32);
            int wake = Math.Min(s_workers.Length, parts - 1);
            for (int w = 0; w < wake; w++)
            {
                s_workers[w].Start();
            }

            Drain(generation, work, parts);
            var spin = default(SpinWait);
            while (Volatile.Read(ref s_done) != parts)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }

            s_work = null;
            if (s_error is not null)
            {
                ExceptionDispatchInfo.Capture(s_error).Throw();
            }
        }
        finally
        {
            Monitor.Exit(s_gate);
        }
    }

    /// <summary>Claims and runs parts of region <paramref name="generation"/> until none is left.</summary>
    private static void Drain(long generation, ParallelWork work, int parts)
    {
        while (true)
        {
            long state = Volatile.Read(ref s_state);
            int part = (int)(state & 0xFFFFFFFF);
            if (state >> 32 != generation || part >= parts)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref s_state, state + 1, state) != state)
            {
                continue;
            }

            try
            {
                work.Execute(part, parts);
            }
            catch (Exception e)
            {
                s_error = e;
            }
            finally
            {
                Interlocked.Increment(ref s_done);
            }
        }
    }

    private static Worker[] CreateWorkers()
    {
        int threads = Environment.ProcessorCount;
        string? configured = Environment.GetEnvironmentVariable("HEPML_NUM_THREADS");
        if (int.TryParse(configured, out int requested) && requested > 0)
        {
            threads = requested;
        }

        var workers = new Worker[Math.Max(0, threads - 1)];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = new Worker(i + 1);
        }

        return workers;
    }

    private sealed class Worker
    {
        private readonly ManualResetEventSlim _go = new(false, spinCount: 1000);

        public Worker(int index)
        {
            var thread = new Thread(Loop) { IsBackground = true, Name = $"HepMl kernel worker {index}" };
            thread.Start();
        }

        public void Start() => _go.Set();

        private void Loop()
        {
            while (true)
            {
                _go.Wait();
                _go.Reset();
                long state = Volatile.Read(ref s_state);
                ParallelWork? work = s_work;
                int parts = s_parts;
                if (work is not null)
                {
                    Drain(state >> 32, work, parts);
                }
            }
        }
    }
}
