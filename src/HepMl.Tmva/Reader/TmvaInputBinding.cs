using HepMl.Tmva.WeightFiles;

namespace HepMl.Tmva.Reader;

/// <summary>Matches the reader's variable names to a weight file's variables (by expression, then label).</summary>
internal static class TmvaInputBinding
{
    /// <summary>For each file variable, the index of the reader value that feeds it.</summary>
    /// <exception cref="TmvaVariableMismatchException">A file variable has no reader counterpart, or the reader has
    /// variables the file does not use.</exception>
    public static int[] Bind(TmvaWeightFile file, IReadOnlyList<string> readerVariables)
    {
        int n = file.Variables.Count;
        if (readerVariables.Count == 0)
        {
            return Enumerable.Range(0, n).ToArray();
        }

        var order = new int[n];
        var used = new bool[readerVariables.Count];
        var missing = new List<string>();
        for (int i = 0; i < n; i++)
        {
            TmvaVariableInfo variable = file.Variables[i];
            int found = Find(readerVariables, variable.Expression, used);
            if (found < 0)
            {
                found = Find(readerVariables, variable.Label, used);
            }

            if (found < 0)
            {
                missing.Add(variable.Expression);
                continue;
            }

            used[found] = true;
            order[i] = found;
        }

        var extra = readerVariables.Where((_, j) => !used[j]).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new TmvaVariableMismatchException(file, readerVariables, missing, extra);
        }

        return order;
    }

    private static int Find(IReadOnlyList<string> names, string wanted, bool[] used)
    {
        string key = Normalise(wanted);
        for (int j = 0; j < names.Count; j++)
        {
            if (!used[j] && Normalise(names[j]) == key)
            {
                return j;
            }
        }

        return -1;
    }

    private static string Normalise(string expression) => string.Concat(expression.Where(c => !char.IsWhiteSpace(c)));
}
