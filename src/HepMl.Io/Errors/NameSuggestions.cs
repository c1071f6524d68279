namespace HepMl.Io;

/// <summary>Ranks candidate names by case-insensitive Levenshtein distance, for "did you mean" messages.</summary>
internal static class NameSuggestions
{
    public static IReadOnlyList<string> Rank(string name, IEnumerable<string> candidates, int count)
    {
        var scored = new List<(int Distance, string Name)>();
        foreach (string candidate in candidates)
        {
            scored.Add((Distance(name, candidate), candidate));
        }

        scored.Sort((a, b) => a.Distance != b.Distance
            ? a.Distance.CompareTo(b.Distance)
            : string.CompareOrdinal(a.Name, b.Name));
        var result = new List<string>(Math.Min(count, scored.Count));
        for (int i = 0; i < scored.Count && i < count; i++)
        {
            result.Add(scored[i].Name);
        }

        return result;
    }

    /// <summary>Levenshtein distance, ignoring case.</summary>
    public static int Distance(string a, string b)
    {
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            char ca = char.ToLowerInvariant(a[i - 1]);
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (ca == char.ToLowerInvariant(b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
