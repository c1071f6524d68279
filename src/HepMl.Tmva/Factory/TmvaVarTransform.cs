using HepMl.Analysis.Transformations;

namespace HepMl.Tmva.Factory;

/// <summary>
/// Parses TMVA's <c>VarTransform</c> option: transformations separated by <c>,</c> or <c>+</c>, applied in order, each
/// <c>NAME[_CLASS][(var1,var2,...)]</c> with NAME one of N/Norm/Normalize, D/Deco/Decorrelate, P/PCA, G/Gauss,
/// U/Uniform, I/None, CLASS one of Signal, Background, AllClasses, and the variables by expression (or <c>_V_</c>
/// for all).
/// </summary>
public static class TmvaVarTransform
{
    /// <summary>The requests, in order (an empty list for <c>None</c>/<c>I</c>).</summary>
    /// <param name="specification">The option value.</param>
    /// <param name="variables">The variable expressions, for resolving selections.</param>
    /// <param name="context">For error messages.</param>
    /// <exception cref="TmvaOptionException">An unknown transformation, class or variable.</exception>
    public static IReadOnlyList<TransformationRequest> Parse(string specification, IReadOnlyList<string> variables, string context)
    {
        var requests = new List<TransformationRequest>();
        foreach (string raw in SplitTop(specification))
        {
            string item = raw.Trim();
            if (item.Length == 0)
            {
                continue;
            }

            IReadOnlyList<int>? selected = null;
            int open = item.IndexOf('(', StringComparison.Ordinal);
            if (open >= 0)
            {
                if (!item.EndsWith(')'))
                {
                    throw new TmvaOptionException(context, "VarTransform", $"has an unclosed variable list in '{item}'");
                }

                string[] names = item[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (!names.Contains("_V_"))
                {
                    selected = names.Select(n =>
                    {
                        int index = variables.ToList().IndexOf(n);
                        return index >= 0 ? index : throw new TmvaOptionException(context, "VarTransform", $"selects unknown variable '{n}'");
                    }).ToArray();
                }

                item = item[..open];
            }

            string name = item, cls = "AllClasses";
            int underscore = item.IndexOf('_', StringComparison.Ordinal);
            if (underscore > 0)
            {
                name = item[..underscore];
                cls = item[(underscore + 1)..];
            }

            int referenceClass = cls.ToUpperInvariant() switch
            {
                "ALLCLASSES" or "" => VariableTransformation.AllClasses,
                "SIGNAL" => 1,
                "BACKGROUND" => 0,
                _ => throw new TmvaOptionException(context, "VarTransform", $"names unknown class '{cls}' (Signal, Background or AllClasses)"),
            };

            TransformationKind? kind = name.ToUpperInvariant() switch
            {
                "N" or "NORM" or "NORMALIZE" or "NORMALISE" => TransformationKind.Normalise,
                "D" or "DECO" or "DECORRELATE" or "DECORRELATION" => TransformationKind.Decorrelate,
                "P" or "PCA" => TransformationKind.PrincipalComponents,
                "G" or "GAUSS" or "GAUSSIANISE" or "GAUSSIANIZE" => TransformationKind.Gaussianise,
                "U" or "UNIFORM" => TransformationKind.Uniformise,
                "I" or "NONE" or "IDENTITY" => null,
                _ => throw new TmvaOptionException(context, "VarTransform",
                    $"names unknown transformation '{name}' (N, D, P, G, U or I)"),
            };

            if (kind is TransformationKind k)
            {
                requests.Add(new TransformationRequest(k, selected, referenceClass));
            }
        }

        return requests;
    }

    private static IEnumerable<string> SplitTop(string text)
    {
        int depth = 0, start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && (c == ',' || c == '+'))
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }
}
