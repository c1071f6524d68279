namespace HepMl.Analysis.Autodiff;

/// <summary>
/// Switches gradient recording on this thread. Inside <c>using (GradientMode.NoGrad())</c> operations record no
/// graph and keep no inputs alive (inference, validation). PyTorch: <c>torch.no_grad()</c>.
/// </summary>
public static class GradientMode
{
    [ThreadStatic]
    private static int t_disabledDepth;

    /// <summary>True when operations record the graph (the default).</summary>
    public static bool IsEnabled => t_disabledDepth == 0;

    /// <summary>Disables recording until the returned handle is disposed.</summary>
    public static NoGradScope NoGrad()
    {
        t_disabledDepth++;
        return new NoGradScope(true);
    }

    internal static void Restore() => t_disabledDepth--;

    /// <summary>Handle returned by <see cref="NoGrad"/>; dispose to re-enable recording.</summary>
    public readonly struct NoGradScope : IDisposable
    {
        private readonly bool _active;

        internal NoGradScope(bool active) => _active = active;

        /// <summary>Re-enables recording.</summary>
        public void Dispose()
        {
            if (_active)
            {
                Restore();
            }
        }
    }
}
