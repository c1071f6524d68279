using System.Diagnostics;
using HepMl.Analysis.Data;
using HepMl.Analysis.LinearModels;
using HepMl.Io.Csv;
using HepMl.Samples.JetTagging.Data;

namespace HepMl.Samples.JetTagging.Taggers;

/// <summary>
/// Fisher's linear discriminant on the image pixels (in GeV), the linear baseline of the jet-image papers (Cogan et al.,
/// JHEP 02 (2015) 118; de Oliveira et al., JHEP 07 (2016) 069). Pixels that are non-empty in fewer than
/// <c>minimumOccupancy</c> of the training jets are left out: they carry no information and make the within-class
/// covariance singular. The coefficient image is written as CSV (row, column, coefficient; 0 for pixels left out).
/// </summary>
internal static class FisherImageTagger
{
    /// <summary>Trains, writes the coefficients and scores the test jets.</summary>
    public static TaggerResult Run(JetSample train, JetSample test, double minimumOccupancy, string coefficientsPath)
    {
        var clock = Stopwatch.StartNew();
        int[] pixels = OccupiedPixels(train, minimumOccupancy);
        FisherDiscriminant fisher = FisherDiscriminant.Train(ToDataset(train, pixels));
        double seconds = clock.Elapsed.TotalSeconds;
        WriteCoefficients(fisher, pixels, train.ImagePixels, coefficientsPath);
        return TaggerResult.FromScores("fisher", $"{pixels.Length} image pixels", fisher.Score(ToDataset(test, pixels)), test.Labels, seconds, coefficientsPath);
    }

    /// <summary>Pixels non-empty in at least <paramref name="minimumOccupancy"/> of the jets, in row-major order.</summary>
    public static int[] OccupiedPixels(JetSample jets, double minimumOccupancy)
    {
        int perImage = jets.ValuesPerImage;
        var filled = new int[perImage];
        for (int i = 0; i < jets.Count; i++)
        {
            ReadOnlySpan<float> image = jets.Images.AsSpan(i * perImage, perImage);
            for (int p = 0; p < perImage; p++)
            {
                if (image[p] != 0)
                {
                    filled[p]++;
                }
            }
        }

        double needed = minimumOccupancy * jets.Count;
        return Enumerable.Range(0, perImage).Where(p => filled[p] > 0 && filled[p] >= needed).ToArray();
    }

    private static Dataset ToDataset(JetSample jets, int[] pixels)
    {
        int perImage = jets.ValuesPerImage;
        var columns = new float[pixels.Length][];
        for (int j = 0; j < pixels.Length; j++)
        {
            var column = new float[jets.Count];
            for (int i = 0; i < jets.Count; i++)
            {
                column[i] = jets.Images[(i * perImage) + pixels[j]];
            }

            columns[j] = column;
        }

        return new Dataset(pixels.Select(p => PixelName(p, jets.ImagePixels)).ToArray(), columns, jets.Labels);
    }

    private static string PixelName(int pixel, int side) => $"pixel_{pixel / side}_{pixel % side}";

    private static void WriteCoefficients(FisherDiscriminant fisher, int[] pixels, int side, string path)
    {
        int count = side * side;
        var rows = new int[count];
        var columns = new int[count];
        var coefficients = new double[count];
        for (int p = 0; p < count; p++)
        {
            rows[p] = p / side;
            columns[p] = p % side;
        }

        for (int j = 0; j < pixels.Length; j++)
        {
            coefficients[pixels[j]] = fisher.Coefficients[j];
        }

        CsvFile.Write(path, new CsvTable([new CsvColumn("row", rows), new CsvColumn("column", columns), new CsvColumn("coefficient", coefficients)]));
    }
}
