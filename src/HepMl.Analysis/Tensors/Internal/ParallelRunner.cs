using System.Runtime.ExceptionServices;

namespace HepMl.Analysis.Tensors.Internal;

/// <summary>
/// A tiny fork-join pool for the kernels: persistent worker threads wait on an event, the calling thread does part 0
/// itself, and the parts are joined with a spin-then-yield wait. One parallel region at a time; a call made while
/// another region runs (a nested call, or a prefetch thread) runs serially instead of queueing.
/// </summary>
internal static class ParallelRunner
{
    private static readonly object s_gate = new();
    private static readonly Worker[] s_workers = CreateWorkers();
    private static ParallelWork? s_work;
    private static int s_parts;
    private static int s_pending;
    private static Exception? s_error;

    /// <summary>Threads used by parallel regions (the calling thread plus the workers).</summary>
    public static int ThreadCount => s_workers.Length + 1;

    /// <summary>Runs <paramref name="work"/> in <paramref name="parts"/> parts (at most <see cref="ThreadCount"/>).</summary>
    public static void Run(ParallelWork work, int parts)
    {
        parts = Math.Min(parts, ThreadCount);
        if (parts <= 1 || !Monitor.TryEnter(s_gate))
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
            Volatile.Write(ref s_pending, parts - 1);
            for (int w = 0; w < parts - 1; w++)
            {
                s_workers[w].Start();
            }

            work.Execute(0, parts);
            var spin = default(SpinWait);
            while (Volatile.Read(ref s_pending) != 0)
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
        private readonly int _part;
        private readonly ManualResetEventSlim _go = new(false, spinCount: 2000);

        public Worker(int part)
        {
            _part = part;
            var thread = new Thread(Loop) { IsBackground = true, Name = $"HepMl kernel worker {part}" };
            thread.Start();
        }

        public void Start() => _go.Set();

        private void Loop()
        {
            while (true)
            {
                _go.Wait();
                _go.Reset();
                try
                {
                    s_work!.Execute(_part, s_parts);
                }
                catch (Exception e)
                {
                    s_error = e;
                }
                finally
                {
                    Interlocked.Decrement(ref s_pending);
                }
            }
        }
    }
}
