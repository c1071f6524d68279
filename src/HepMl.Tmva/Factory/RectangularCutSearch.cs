namespace HepMl.Tmva.Factory;

/// <summary>
/// Rectangular cuts on the input variables: a window <c>(min, max]</c> per variable (TMVA <c>MethodCuts</c>: an event
/// passes when <c>x &gt; min &amp;&amp; x &lt;= max</c> for every variable). Searches windows by random sampling (TMVA
/// <c>FitMethod=MC</c>) or by an evolutionary refinement of the best windows found so far (<c>FitMethod=GA</c>).
/// </summary>
public sealed class RectangularCutSearch
{
    /// <summary>Bound TMVA writes for "no cut" on a side.</summary>
    public const double NoCut = 1e30;

    private readonly float[][] _columns;
    private readonly int[] _labels;
    private readonly float[] _weights;
    private readonly double _signalWeight;
    private readonly double _backgroundWeight;
    private readonly float[] _minimum;
    private readonly float[] _maximum;

    /// <summary>Creates a search over events given as columns, labels (1 signal, 0 background) and weights.</summary>
    /// <exception cref="ArgumentException">Lengths differ or a class has no positive weight.</exception>
    public RectangularCutSearch(IReadOnlyList<float[]> columns, int[] labels, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(weights);
        if (columns.Count == 0 || columns.Any(c => c.Length != labels.Length) || weights.Length != labels.Length)
        {
            throw new ArgumentException("the columns, labels and weights must have one value per event");
        }

        _columns = [.. columns];
        _labels = labels;
        _weights = weights;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] == 1)
            {
                _signalWeight += weights[i];
            }
            else
            {
                _backgroundWeight += weights[i];
            }
        }

        if (!(_signalWeight > 0) || !(_backgroundWeight > 0))
        {
            throw new ArgumentException($"the cut search needs both classes with positive weight (signal {_signalWeight}, background {_backgroundWeight})");
        }

        _minimum = _columns.Select(c => c.Min()).ToArray();
        _maximum = _columns.Select(c => c.Max()).ToArray();
    }

    /// <summary>Number of variables.</summary>
    public int VariableCount => _columns.Length;

    /// <summary>Weighted signal and background efficiencies of a window.</summary>
    public (double Signal, double Background) Efficiencies(CutWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        double s = 0, b = 0;
        int n = _labels.Length;
        for (int i = 0; i < n; i++)
        {
            if (!Passes(window, i))
            {
                continue;
            }

            if (_labels[i] == 1)
            {
                s += _weights[i];
            }
            else
            {
                b += _weights[i];
            }
        }

        return (s / _signalWeight, b / _backgroundWeight);
    }

    /// <summary>
    /// For each of <paramref name="bins"/> signal-efficiency bins, the window with the lowest background efficiency
    /// found (TMVA's <c>MethodCuts</c> training): <paramref name="samples"/> random windows, then, when
    /// <paramref name="genetic"/>, <paramref name="generations"/> rounds of mutating the table's windows.
    /// </summary>
    public CutWindow[] BestPerEfficiencyBin(int bins, int samples, bool genetic, int generations, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        var random = new Random(seed);
        var best = new CutWindow?[bins];
        var bestBackground = new double[bins];
        bestBackground.AsSpan().Fill(double.PositiveInfinity);
        void Offer(CutWindow window)
        {
            (double s, double b) = Efficiencies(window);
            int bin = Math.Clamp((int)(s * bins), 0, bins - 1);
            if (b < bestBackground[bin])
            {
                bestBackground[bin] = b;
                best[bin] = window;
            }
        }

        for (int i = 0; i < samples; i++)
        {
            Offer(RandomWindow(random));
        }

        for (int generation = 0; genetic && generation < generations; generation++)
        {
            double spread = 0.3 * Math.Pow(0.85, generation);
            foreach (CutWindow? window in best.ToArray())
            {
                if (window is not null)
                {
                    Offer(Mutate(window, random, spread));
                }
            }

            Offer(RandomWindow(random));
        }

        // Bins no sample reached take the tightest window of a higher-efficiency bin, else of a lower one.
        CutWindow fallback = best.FirstOrDefault(w => w is not null) ?? RandomWindow(random);
        var result = new CutWindow[bins];
        for (int bin = bins - 1; bin >= 0; bin--)
        {
            fallback = best[bin] ?? fallback;
            result[bin] = fallback;
        }

        return result;
    }

    /// <summary>The window maximising <paramref name="figureOfMerit"/>(S·εS, B·εB) by random sampling and, when
    /// <paramref name="genetic"/>, evolutionary refinement of the best windows.</summary>
    /// <param name="signalYield">Expected signal S before cuts.</param>
    /// <param name="backgroundYield">Expected background B before cuts.</param>
    /// <param name="figureOfMerit">The figure to maximise (e.g. S/√B, Asimov Z).</param>
    /// <param name="samples">Random windows tried.</param>
    /// <param name="genetic">Refine by mutation.</param>
    /// <param name="generations">Refinement rounds.</param>
    /// <param name="seed">Random seed.</param>
    public OptimisedCut Optimise(double signalYield, double backgroundYield, FigureOfMerit figureOfMerit, int samples, bool genetic, int generations, int seed)
    {
        ArgumentNullException.ThrowIfNull(figureOfMerit);
        var random = new Random(seed);
        var population = new List<(CutWindow Window, double Merit, double S, double B)>();
        (CutWindow, double, double, double) Score(CutWindow window)
        {
            (double s, double b) = Efficiencies(window);
            double merit = b > 0 ? figureOfMerit(signalYield * s, backgroundYield * b) : double.NegativeInfinity;
            return (window, double.IsFinite(merit) ? merit : double.NegativeInfinity, s, b);
        }

        for (int i = 0; i < samples; i++)
        {
            population.Add(Score(RandomWindow(random)));
        }

        const int Keep = 32;
        for (int generation = 0; genetic && generation < generations; generation++)
        {
            population.Sort((a, b) => b.Merit.CompareTo(a.Merit));
            population.RemoveRange(Math.Min(Keep, population.Count), Math.Max(0, population.Count - Keep));
            double spread = 0.3 * Math.Pow(0.85, generation);
            int parents = population.Count;
            for (int p = 0; p < parents; p++)
            {
                population.Add(Score(Mutate(population[p].Window, random, spread)));
                population.Add(Score(Mutate(population[random.Next(parents)].Window, random, spread)));
            }
        }

        var winner = population.MaxBy(p => p.Merit);
        return new OptimisedCut(winner.Window, winner.S, winner.B, signalYield * winner.S, backgroundYield * winner.B, winner.Merit);
    }

    private bool Passes(CutWindow window, int row)
    {
        for (int v = 0; v < _columns.Length; v++)
        {
            double x = _columns[v][row];
            if (!(x > window.Minimum[v] && x <= window.Maximum[v]))
            {
                return false;
            }
        }

        return true;
    }

    private CutWindow RandomWindow(Random random)
    {
        var min = new double[VariableCount];
        var max = new double[VariableCount];
        for (int v = 0; v < VariableCount; v++)
        {
            double lo = _minimum[v], hi = _maximum[v];
            double a = lo + (random.NextDouble() * (hi - lo));
            double b = a + (random.NextDouble() * (hi - a));

            // A side at the edge of the training range is "no cut" on that side, as TMVA writes it.
            min[v] = random.NextDouble() < 0.25 ? -NoCut : a;
            max[v] = random.NextDouble() < 0.25 ? NoCut : b;
        }

        return new CutWindow(min, max);
    }

    private CutWindow Mutate(CutWindow window, Random random, double spread)
    {
        var min = (double[])window.Minimum.Clone();
        var max = (double[])window.Maximum.Clone();
        for (int v = 0; v < VariableCount; v++)
        {
            double width = (_maximum[v] - _minimum[v]) * spread;
            if (min[v] > -NoCut)
            {
                min[v] += width * ((2 * random.NextDouble()) - 1);
            }

            if (max[v] < NoCut)
            {
                max[v] += width * ((2 * random.NextDouble()) - 1);
            }

            if (min[v] > max[v])
            {
                (min[v], max[v]) = (max[v], min[v]);
            }
        }

        return new CutWindow(min, max);
    }
}
