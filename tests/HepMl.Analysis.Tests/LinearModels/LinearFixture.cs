using System.Text.Json;
using HepMl.Analysis.Data;

namespace HepMl.Analysis.Tests.LinearModels;

internal static class LinearFixture
{
    public static readonly JsonElement Root = ClassicFixture.Load("linear_methods.json");

    public static Dataset Data(bool weighted)
    {
        float[][] columns = Root.GetProperty("features").Columns();
        string[] names = Enumerable.Range(0, columns.Length).Select(j => $"x{j}").ToArray();
        return new Dataset(names, columns, Root.GetProperty("labels").Ints(), weighted ? Root.GetProperty("weights").Floats() : null);
    }
}
