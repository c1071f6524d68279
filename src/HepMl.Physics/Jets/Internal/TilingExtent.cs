namespace HepMl.Physics.Jets.Internal;

/// <summary>
/// The rapidity range worth tiling (FastJet: <c>TilingExtent</c>): particle counts in unit rapidity bins from −20 to
/// 20 (edge bins collect the overflow); the range is trimmed from each side while the accumulated edge count stays
/// below max(¼ of the busiest bin, 4). Reads the rapidities already stored in the brief jets.
/// </summary>
internal static class TilingExtent
{
    private const int RapidityBinsPerSide = 20;

    public static (double Min, double Max) Determine(ClusterSequence sequence, BriefJet[] brief, int count)
    {
        const int bins = 2 * RapidityBinsPerSide;
        Span<double> counts = stackalloc double[bins];
        counts.Clear();
        double minRapidity = double.MaxValue;
        double maxRapidity = -double.MaxValue;
        int used = 0;
        for (int i = 0; i < count; i++)
        {
            var p = sequence.JetAt(i).Momentum;
            // FastJet skips particles with infinite rapidity (E == |pz|).
            if (p.E == Math.Abs(p.Pz))
            {
                continue;
            }

            double rapidity = brief[i].Rapidity;
            if (rapidity < minRapidity)
            {
                minRapidity = rapidity;
            }

            if (rapidity > maxRapidity)
            {
                maxRapidity = rapidity;
            }

            int bin = (int)(rapidity + RapidityBinsPerSide);
            bin = Math.Clamp(bin, 0, bins - 1);
            counts[bin]++;
            used++;
        }

        if (used == 0)
        {
            return (0.0, 0.0);
        }

        double maxInBin = 0;
        for (int bin = 0; bin < bins; bin++)
        {
            maxInBin = Math.Max(maxInBin, counts[bin]);
        }

        const double allowedMaxFraction = 0.25;
        const double minMultiplicity = 4;
        double allowedMaxCumulative = Math.Floor(Math.Max(maxInBin * allowedMaxFraction, minMultiplicity));
        if (allowedMaxCumulative > maxInBin)
        {
            allowedMaxCumulative = maxInBin;
        }

        double cumulative = 0;
        for (int bin = 0; bin < bins; bin++)
        {
            cumulative += counts[bin];
            if (cumulative >= allowedMaxCumulative)
            {
                double y = bin - RapidityBinsPerSide;
                if (y > minRapidity)
                {
                    minRapidity = y;
                }

                break;
            }
        }

        cumulative = 0;
        for (int bin = bins - 1; bin >= 0; bin--)
        {
            cumulative += counts[bin];
            if (cumulative >= allowedMaxCumulative)
            {
                double y = bin - RapidityBinsPerSide + 1;
                if (y < maxRapidity)
                {
                    maxRapidity = y;
                }

                break;
            }
        }

        return (minRapidity, maxRapidity);
    }
}
