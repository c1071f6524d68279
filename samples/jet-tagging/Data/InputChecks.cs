using HepMl.Io;

namespace HepMl.Samples.JetTagging.Data;

/// <summary>Checks shared by the input readers.</summary>
internal static class InputChecks
{
    /// <summary>Labels as 0/1 integers.</summary>
    /// <exception cref="HepMlFormatException">A label is neither 0 nor 1 (the first one is named).</exception>
    public static int[] BinaryLabels(long[] stored, string path, string objectPath)
    {
        var labels = new int[stored.Length];
        for (int i = 0; i < stored.Length; i++)
        {
            if (stored[i] is not (0 or 1))
            {
                throw new HepMlFormatException($"expected labels 0 (QCD) or 1 (W); row {i} holds {stored[i]}", path, objectPath: objectPath);
            }

            labels[i] = (int)stored[i];
        }

        return labels;
    }
}
