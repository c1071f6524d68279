namespace HepMl.Analysis.Expressions.Internal;

/// <summary>
/// The functions an expression may call, by lower-case name after an optional <c>TMath::</c> or <c>std::</c>
/// prefix, so C (<c>abs</c>, <c>atan2</c>) and ROOT spellings (<c>TMath::Abs</c>, <c>TMath::ATan2</c>) both work.
/// </summary>
internal static class FunctionTable
{
    private static readonly Dictionary<string, (MathFunction Function, int Arity)> s_functions = new(StringComparer.Ordinal)
    {
        ["pi"] = (MathFunction.Pi, 0),
        ["abs"] = (MathFunction.Abs, 1),
        ["fabs"] = (MathFunction.Abs, 1),
        ["sqrt"] = (MathFunction.Sqrt, 1),
        ["sq"] = (MathFunction.Square, 1),
        ["exp"] = (MathFunction.Exp, 1),
        ["log"] = (MathFunction.Log, 1),
        ["log10"] = (MathFunction.Log10, 1),
        ["log2"] = (MathFunction.Log2, 1),
        ["sin"] = (MathFunction.Sin, 1),
        ["cos"] = (MathFunction.Cos, 1),
        ["tan"] = (MathFunction.Tan, 1),
        ["asin"] = (MathFunction.Asin, 1),
        ["acos"] = (MathFunction.Acos, 1),
        ["atan"] = (MathFunction.Atan, 1),
        ["sinh"] = (MathFunction.Sinh, 1),
        ["cosh"] = (MathFunction.Cosh, 1),
        ["tanh"] = (MathFunction.Tanh, 1),
        ["floor"] = (MathFunction.Floor, 1),
        ["ceil"] = (MathFunction.Ceiling, 1),
        ["sign"] = (MathFunction.CopySign, 2),
        ["pow"] = (MathFunction.Pow, 2),
        ["power"] = (MathFunction.Pow, 2),
        ["atan2"] = (MathFunction.Atan2, 2),
        ["min"] = (MathFunction.Min, 2),
        ["max"] = (MathFunction.Max, 2),
        ["hypot"] = (MathFunction.Hypot, 2),
    };

    /// <summary>All accepted names (lower case, without prefix), for error messages and the documentation.</summary>
    public static IEnumerable<string> Names => s_functions.Keys;

    /// <summary>Looks up <paramref name="name"/>, ignoring case and a leading <c>TMath::</c> or <c>std::</c>.</summary>
    public static bool TryFind(string name, out MathFunction function, out int arity)
    {
        string key = StripPrefix(name).ToLowerInvariant();
        if (s_functions.TryGetValue(key, out var entry))
        {
            (function, arity) = entry;
            return true;
        }

        function = default;
        arity = 0;
        return false;
    }

    /// <summary>True when <paramref name="name"/> carries a namespace prefix and so can only be a function.</summary>
    public static bool HasPrefix(string name) => name.Contains("::", StringComparison.Ordinal);

    private static string StripPrefix(string name)
    {
        if (name.StartsWith("TMath::", StringComparison.Ordinal))
        {
            return name["TMath::".Length..];
        }

        return name.StartsWith("std::", StringComparison.Ordinal) ? name["std::".Length..] : name;
    }
}
