namespace HepMl.Analysis.NeuralNetworks.Data;

/// <summary>Reads numeric column arrays of any primitive element type as float (for the ROOT sources).</summary>
internal static class NumericColumns
{
    public static float At(Array values, int index, string name) => values switch
    {
        float[] v => v[index],
        double[] v => (float)v[index],
        int[] v => v[index],
        long[] v => v[index],
        short[] v => v[index],
        ushort[] v => v[index],
        uint[] v => v[index],
        ulong[] v => v[index],
        byte[] v => v[index],
        sbyte[] v => v[index],
        bool[] v => v[index] ? 1f : 0f,
        Half[] v => (float)v[index],
        _ => throw new ArgumentException($"branch '{name}' holds {values.GetType().GetElementType()?.Name} values; training needs numbers"),
    };

    public static void CopyTo(Array values, Span<float> destination, string name)
    {
        if (values is float[] floats)
        {
            floats.AsSpan(0, destination.Length).CopyTo(destination);
            return;
        }

        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = At(values, i, name);
        }
    }
}
