namespace HepMl.Analysis.Providers;

/// <summary>
/// Chooses the <see cref="ILinearAlgebraProvider"/> used by every tensor operation. The managed provider is the
/// default and always available; <c>HEPML_LINEAR_ALGEBRA_PROVIDER=managed</c> pins it explicitly. Math.NET:
/// <c>LinearAlgebraControl</c>.
/// </summary>
public static class LinearAlgebraControl
{
    private static ILinearAlgebraProvider s_provider = Resolve(Environment.GetEnvironmentVariable("HEPML_LINEAR_ALGEBRA_PROVIDER"));

    /// <summary>The provider in use.</summary>
    public static ILinearAlgebraProvider Provider
    {
        get => s_provider;
        set => s_provider = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Installs the managed provider.</summary>
    public static void UseManaged() => s_provider = ManagedLinearAlgebraProvider.Instance;

    private static ILinearAlgebraProvider Resolve(string? name) => name switch
    {
        null or "" or "managed" => ManagedLinearAlgebraProvider.Instance,
        _ => throw new InvalidOperationException(
            $"HEPML_LINEAR_ALGEBRA_PROVIDER is '{name}'; the providers available are: managed"),
    };
}
