namespace HepMl.Physics.Jets;

/// <summary>Orderings of pseudojet lists (FastJet: <c>sorted_by_pt</c>, <c>sorted_by_E</c>, <c>sorted_by_rapidity</c>).</summary>
public static class PseudoJetSorting
{
    /// <summary>A new list in decreasing Pt; equal Pt keep their order (stable).</summary>
    public static List<PseudoJet> SortedByPt(this IReadOnlyList<PseudoJet> jets)
    {
        ArgumentNullException.ThrowIfNull(jets);
        var keys = new double[jets.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = -jets[i].PtSquared;
        }

        return StableSorted(jets, keys);
    }

    /// <summary>A new list in decreasing energy (stable).</summary>
    public static List<PseudoJet> SortedByE(this IReadOnlyList<PseudoJet> jets)
    {
        ArgumentNullException.ThrowIfNull(jets);
        var keys = new double[jets.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = -jets[i].E;
        }

        return StableSorted(jets, keys);
    }

    /// <summary>A new list in increasing rapidity (stable).</summary>
    public static List<PseudoJet> SortedByRapidity(this IReadOnlyList<PseudoJet> jets)
    {
        ArgumentNullException.ThrowIfNull(jets);
        var keys = new double[jets.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = jets[i].Rapidity;
        }

        return StableSorted(jets, keys);
    }

    private static List<PseudoJet> StableSorted(IReadOnlyList<PseudoJet> jets, double[] keys)
    {
        int n = keys.Length;
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        if (n <= 32)
        {
            // Insertion sort: stable and fastest for the few jets of a typical event.
            for (int i = 1; i < n; i++)
            {
                int current = order[i];
                double key = keys[current];
                int j = i - 1;
                while (j >= 0 && keys[order[j]] > key)
                {
                    order[j + 1] = order[j];
                    j--;
                }

                order[j + 1] = current;
            }
        }
        else
        {
            Array.Sort(order, (a, b) =>
            {
                int c = keys[a].CompareTo(keys[b]);
                return c != 0 ? c : a.CompareTo(b);
            });
        }

        var sorted = new List<PseudoJet>(n);
        for (int i = 0; i < n; i++)
        {
            sorted.Add(jets[order[i]]);
        }

        return sorted;
    }
}
