using System.Globalization;

namespace HepMl.Tmva.Writing;

/// <summary>Number formatting for weight files: round-trip text that TMVA's readers parse to the same values.</summary>
internal static class TmvaXmlFormat
{
    /// <summary>A double in TMVA's <c>%.16e</c> style (round-trip exact).</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        return value.ToString("E16", CultureInfo.InvariantCulture).Replace("E+", "e+", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal);
    }

    /// <summary>A float: its exact double value in <c>%.16e</c> style, which reads back as the same float.</summary>
    public static string Number(float value) => Number((double)value);

    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "1" : "0";

    public static string OptionBool(bool value) => value ? "True" : "False";
}
