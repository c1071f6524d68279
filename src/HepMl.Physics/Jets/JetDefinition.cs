using System.Globalization;

namespace HepMl.Physics.Jets;

/// <summary>
/// What to cluster with: algorithm, radius R, recombination scheme and strategy. A value apart from the clustering
/// itself (<see cref="ClusterSequence"/>), like FastJet's <c>JetDefinition</c>; <see cref="Describe"/> prints it for provenance.
/// </summary>
public sealed class JetDefinition : IEquatable<JetDefinition>
{
    /// <summary>The largest radius accepted (FastJet: <c>max_allowable_R</c>).</summary>
    public const double MaxRadius = 1000.0;

    /// <summary>Creates a definition for kt, Cambridge/Aachen or anti-kt.</summary>
    /// <exception cref="ArgumentOutOfRangeException">R not in (0, <see cref="MaxRadius"/>], or <see cref="JetAlgorithm.GeneralisedKt"/> (use <see cref="GeneralisedKt"/>).</exception>
    public JetDefinition(JetAlgorithm algorithm, double radius, RecombinationScheme scheme = RecombinationScheme.E, ClusteringStrategy strategy = ClusteringStrategy.Best)
        : this(algorithm, radius, double.NaN, scheme, strategy)
    {
        if (algorithm == JetAlgorithm.GeneralisedKt)
        {
            throw new ArgumentOutOfRangeException(nameof(algorithm), "the generalised-kt algorithm needs its power p: use JetDefinition.GeneralisedKt(radius, p)");
        }
    }

    private JetDefinition(JetAlgorithm algorithm, double radius, double extraParameter, RecombinationScheme scheme, ClusteringStrategy strategy)
    {
        if (!(radius > 0) || radius > MaxRadius)
        {
            throw new ArgumentOutOfRangeException(nameof(radius), radius, $"R must be in (0, {MaxRadius}]");
        }

        if (!Enum.IsDefined(algorithm))
        {
            throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown jet algorithm");
        }

        if (!Enum.IsDefined(scheme))
        {
            throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "unknown recombination scheme");
        }

        if (!Enum.IsDefined(strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "unknown clustering strategy");
        }

        Algorithm = algorithm;
        Radius = radius;
        ExtraParameter = extraParameter;
        Scheme = scheme;
        Strategy = strategy;
    }

    /// <summary>The generalised-kt algorithm with power <paramref name="p"/> (1 = kt, 0 = C/A, −1 = anti-kt).</summary>
    /// <exception cref="ArgumentOutOfRangeException">R out of range or p not finite.</exception>
    public static JetDefinition GeneralisedKt(double radius, double p, RecombinationScheme scheme = RecombinationScheme.E, ClusteringStrategy strategy = ClusteringStrategy.Best)
    {
        if (!double.IsFinite(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "the generalised-kt power must be finite");
        }

        return new JetDefinition(JetAlgorithm.GeneralisedKt, radius, p, scheme, strategy);
    }

    /// <summary>The algorithm.</summary>
    public JetAlgorithm Algorithm { get; }

    /// <summary>The radius parameter R.</summary>
    public double Radius { get; }

    /// <summary>The power p of <see cref="JetAlgorithm.GeneralisedKt"/>; NaN for the other algorithms.</summary>
    public double ExtraParameter { get; }

    /// <summary>The recombination scheme.</summary>
    public RecombinationScheme Scheme { get; }

    /// <summary>The requested strategy.</summary>
    public ClusteringStrategy Strategy { get; }

    /// <summary>The same definition with another strategy.</summary>
    public JetDefinition WithStrategy(ClusteringStrategy strategy) => new(Algorithm, Radius, ExtraParameter, Scheme, strategy);

    /// <summary>A sentence describing the definition (FastJet: <c>description()</c>).</summary>
    public string Describe()
    {
        string algorithm = Algorithm switch
        {
            JetAlgorithm.Kt => "kt algorithm",
            JetAlgorithm.CambridgeAachen => "Cambridge/Aachen algorithm",
            JetAlgorithm.AntiKt => "anti-kt algorithm",
            _ => string.Create(CultureInfo.InvariantCulture, $"generalised kt algorithm with p = {ExtraParameter:G}"),
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"Longitudinally invariant {algorithm} with R = {Radius:G} and {Scheme} scheme recombination (strategy {Strategy})");
    }

    /// <inheritdoc />
    public override string ToString() => Describe();

    /// <inheritdoc />
    public bool Equals(JetDefinition? other) =>
        other is not null && Algorithm == other.Algorithm && Radius.Equals(other.Radius) && ExtraParameter.Equals(other.ExtraParameter)
        && Scheme == other.Scheme && Strategy == other.Strategy;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as JetDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Algorithm, Radius, ExtraParameter, Scheme, Strategy);
}
