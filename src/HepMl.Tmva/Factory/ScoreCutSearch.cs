namespace HepMl.Tmva.Factory;

/// <summary>
/// The cut on a classifier response that maximises a figure of merit: events with response ≥ t pass, and t runs over
/// every distinct response, so the optimum found is exact for the sample (no binning).
/// </summary>
public static class ScoreCutSearch
{
    /// <summary>
    /// Scans every threshold t (each distinct response) and returns the one maximising
    /// <paramref name="figureOfMerit"/>(S·εS(t), B·εB(t)), where εS and εB are the weighted fractions of signal and
    /// background with response ≥ t. Thresholds that keep no background are skipped (the figure would be infinite or
    /// rest on no background estimate).
    /// </summary>
    /// <param name="scores">Responses.</param>
    /// <param name="labels">1 signal, 0 background.</param>
    /// <param name="weights">Event weights.</param>
    /// <param name="figureOfMerit">The figure to maximise.</param>
    /// <param name="signalYield">Expected signal S before the cut.</param>
    /// <param name="backgroundYield">Expected background B before the cut.</param>
    /// <returns>The best cut, or null when no threshold keeps background with a finite figure.</returns>
    /// <exception cref="ArgumentException">Lengths differ, a class has no positive weight, or a response is NaN.</exception>
    public static ScoreCut? Optimise(
        ReadOnlySpan<float> scores, ReadOnlySpan<int> labels, ReadOnlySpan<float> weights, FigureOfMerit figureOfMerit, double signalYield, double backgroundYield)
    {
        ArgumentNullException.ThrowIfNull(figureOfMerit);
        if (labels.Length != scores.Length || weights.Length != scores.Length)
        {
            throw new ArgumentException($"scores, labels and weights must have equal lengths; got {scores.Length}, {labels.Length}, {weights.Length}");
        }

        double totalS = 0, totalB = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (float.IsNaN(scores[i]))
            {
                throw new ArgumentException($"response {i} is NaN", nameof(scores));
            }

            if (labels[i] == 1)
            {
                totalS += weights[i];
            }
            else
            {
                totalB += weights[i];
            }
        }

        if (!(totalS > 0) || !(totalB > 0))
        {
            throw new ArgumentException($"the cut search needs both classes with positive weight (signal {totalS}, background {totalB})");
        }

        int[] order = new int[scores.Length];
        float[] keys = new float[scores.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = -scores[i];
        }

        Array.Sort(keys, order);
        double s = 0, b = 0;
        ScoreCut? best = null;
        for (int k = 0; k < order.Length; k++)
        {
            int i = order[k];
            if (labels[i] == 1)
            {
                s += weights[i];
            }
            else
            {
                b += weights[i];
            }

            // Events with equal responses pass or fail together: evaluate only after the last of a tie.
            if (k + 1 < order.Length && scores[order[k + 1]] == scores[i])
            {
                continue;
            }

            double es = s / totalS, eb = b / totalB;
            if (!(eb > 0))
            {
                continue;
            }

            double merit = figureOfMerit(signalYield * es, backgroundYield * eb);
            if (double.IsFinite(merit) && (best is null || merit > best.FigureOfMerit))
            {
                best = new ScoreCut(scores[i], es, eb, signalYield * es, backgroundYield * eb, merit);
            }
        }

        return best;
    }
}
