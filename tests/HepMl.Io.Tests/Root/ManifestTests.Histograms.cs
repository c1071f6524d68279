using System.Text.Json;
using HepMl.Io.Root.Histograms;
using HepMl.TestData;
using NUnit.Framework;

namespace HepMl.Io.Tests.Root;

public partial class ManifestTests
{
    [TestCaseSource(typeof(ReferenceManifest), nameof(ReferenceManifest.HistogramCases))]
    public void Histogram_AxesBinsAndSums_MatchManifest(string file, string path)
    {
        JsonElement expected = ReferenceManifest.File(file).GetProperty("histograms").GetProperty(path);
        RootHistogram histogram = OpenFiles.Get(file).GetHistogram(path);
        Assert.That(histogram.ClassName, Is.EqualTo(expected.GetProperty("class").GetString()));
        Assert.That(histogram.Title, Is.EqualTo(expected.GetProperty("title").GetString()));
        Assert.That(histogram.Dimension, Is.EqualTo(expected.GetProperty("dim").GetInt32()));
        int axisIndex = 0;
        foreach (JsonElement axis in expected.GetProperty("axes").EnumerateArray())
        {
            RootAxis actual = histogram.Axes[axisIndex++];
            Assert.That(actual.Bins, Is.EqualTo(axis.GetProperty("nbins").GetInt32()), "nbins");
            Assert.That(actual.Low, Is.EqualTo(axis.GetProperty("low").GetDouble()), "low");
            Assert.That(actual.High, Is.EqualTo(axis.GetProperty("high").GetDouble()), "high");
            if (axis.TryGetProperty("variable_edges", out JsonElement edges))
            {
                ExpectedValues.AssertMatches(edges, actual.Edges?.ToList(), "edges");
            }
            else
            {
                Assert.That(actual.Edges, Is.Null, "edges");
            }

            if (axis.TryGetProperty("labels", out JsonElement labels))
            {
                ExpectedValues.AssertMatches(labels, actual.Labels?.ToList(), "labels");
            }
        }

        JsonElement contents = expected.GetProperty("contents");
        Assert.That(histogram.Contents, Has.Count.EqualTo(contents.GetProperty("length").GetInt32()), "cells");
        Tolerance.AssertClose(contents.GetProperty("sum_with_flow").GetDouble(), Sum(histogram.Contents), ExpectedValues.SumTolerance, 1e-300, "sum with flow");
        if (contents.TryGetProperty("sum_without_flow", out JsonElement inner))
        {
            Tolerance.AssertClose(inner.GetDouble(), SumWithoutFlow(histogram), ExpectedValues.SumTolerance, 1e-300, "sum without flow");
        }

        if (histogram.Contents.Count > 0)
        {
            Assert.That(histogram.Contents.Min(), Is.EqualTo(contents.GetProperty("min").GetDouble()), "min");
            Assert.That(histogram.Contents.Max(), Is.EqualTo(contents.GetProperty("max").GetDouble()), "max");
        }

        Assert.That(histogram.Entries, Is.EqualTo(expected.GetProperty("entries").GetDouble()), "entries");
        Tolerance.AssertClose(expected.GetProperty("fTsumw").GetDouble(), histogram.SumOfWeights, 1e-15, 0, "fTsumw");
        Tolerance.AssertClose(expected.GetProperty("fTsumw2").GetDouble(), histogram.SumOfSquaredWeights, 1e-15, 0, "fTsumw2");
        Tolerance.AssertClose(expected.GetProperty("fTsumwx").GetDouble(), histogram.SumOfWeightedX, 1e-15, 0, "fTsumwx");
        Tolerance.AssertClose(expected.GetProperty("fTsumwx2").GetDouble(), histogram.SumOfWeightedXSquared, 1e-15, 0, "fTsumwx2");
        if (expected.TryGetProperty("sumw2_length", out JsonElement sumw2Length))
        {
            Assert.That(histogram.SumW2, Has.Count.EqualTo(sumw2Length.GetInt32()), "sumw2 length");
            if (expected.TryGetProperty("sumw2_sum", out JsonElement sumw2Sum))
            {
                Tolerance.AssertClose(sumw2Sum.GetDouble(), Sum(histogram.SumW2), ExpectedValues.SumTolerance, 1e-300, "sumw2 sum");
            }
        }

        if (expected.TryGetProperty("bin_entries_length", out JsonElement binEntriesLength))
        {
            Assert.That(histogram.BinEntries, Has.Count.EqualTo(binEntriesLength.GetInt32()), "bin entries length");
            Tolerance.AssertClose(expected.GetProperty("bin_entries_sum").GetDouble(), Sum(histogram.BinEntries), ExpectedValues.SumTolerance, 1e-300, "bin entries sum");
        }
    }

    private static double Sum(IReadOnlyList<double> values)
    {
        var statistics = new HepMl.Io.Inspection.ColumnStatistics();
        statistics.AddDoubles(values.ToArray());
        return statistics.Sum;
    }

    private static double SumWithoutFlow(RootHistogram histogram)
    {
        int nx = histogram.Axes[0].Bins + 2;
        int ny = histogram.Dimension >= 2 ? histogram.Axes[1].Bins + 2 : 1;
        int nz = histogram.Dimension >= 3 ? histogram.Axes[2].Bins + 2 : 1;
        var inner = new List<double>();
        for (int z = 0; z < nz; z++)
        {
            for (int y = 0; y < ny; y++)
            {
                for (int x = 1; x < nx - 1; x++)
                {
                    bool yInner = histogram.Dimension < 2 || (y >= 1 && y < ny - 1);
                    bool zInner = histogram.Dimension < 3 || (z >= 1 && z < nz - 1);
                    if (yInner && zInner)
                    {
                        inner.Add(histogram.Contents[x + (nx * (y + (ny * z)))]);
                    }
                }
            }
        }

        return Sum(inner);
    }
}
