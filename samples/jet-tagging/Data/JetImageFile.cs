using HepMl.Io;
using HepMl.Io.Hdf5;
using HepMl.Physics.Vectors;

namespace HepMl.Samples.JetTagging.Data;

/// <summary>
/// Reads preprocessed jet images in the layout of the peers' <c>jetimages.h5</c> (<c>../shared/peers/gen_data.py</c>):
/// <c>images</c> float32 [N, P, P] in GeV (row = φ′, column = η′, centre pixel P/2, 0.1 × 0.1 cells), <c>labels</c>
/// (1 = W-like), and optionally <c>jet_mass</c>. τ21 and D2 are computed from the pixels
/// (<see cref="PixelConstituents"/>); the mass is <c>jet_mass</c> when present, else the pixels' mass.
/// </summary>
internal static class JetImageFile
{
    /// <summary>The cell size of the peers' images.</summary>
    public const double PixelSize = 0.1;

    /// <summary>Reads the first <paramref name="maxJets"/> jets (all when 0).</summary>
    /// <exception cref="HepMlFormatException">The images are not square, or datasets disagree in length.</exception>
    public static JetSample Read(Hdf5File file, string path, int maxJets, IProgress<int>? progress)
    {
        Hdf5Dataset imageSet = file.GetDataset("images");
        Hdf5Dataset labelSet = file.Exists("labels")
            ? file.GetDataset("labels")
            : throw new ObjectNotFoundException("labels", path, file.Root.Names);
        if (imageSet.Rank != 3 || imageSet.Shape[1] != imageSet.Shape[2])
        {
            throw new HepMlFormatException(
                $"expected square images [N, P, P]; found shape [{string.Join(", ", imageSet.Shape)}]", path, objectPath: imageSet.Path);
        }

        if (labelSet.RowCount != imageSet.RowCount)
        {
            throw new HepMlFormatException(
                $"expected one label per image ({imageSet.RowCount}); found {labelSet.RowCount}", path, objectPath: labelSet.Path);
        }

        int pixels = (int)imageSet.Shape[1];
        int count = (int)(maxJets > 0 ? Math.Min(maxJets, imageSet.RowCount) : imageSet.RowCount);
        float[] images = imageSet.ReadRows<float>(0, count);
        int[] labels = InputChecks.BinaryLabels(labelSet.ReadRows<long>(0, count), path, labelSet.Path);
        double[]? storedMass = file.Exists("jet_mass") ? file.GetDataset("jet_mass").ReadRows<double>(0, count) : null;

        var mass = new float[count];
        var tau21 = new float[count];
        var d2 = new float[count];
        int perImage = pixels * pixels;
        const int ReportEvery = 256;
        Parallel.For(0, (count + ReportEvery - 1) / ReportEvery, block =>
        {
            int end = Math.Min(count, (block + 1) * ReportEvery);
            for (int i = block * ReportEvery; i < end; i++)
            {
                LorentzVector[] particles = PixelConstituents.FromImage(images.AsSpan(i * perImage, perImage), pixels, PixelSize);
                (mass[i], tau21[i], d2[i]) = JetSubstructure.Compute(particles);
                if (storedMass is not null)
                {
                    mass[i] = (float)storedMass[i];
                }
            }

            progress?.Report(end - (block * ReportEvery));
        });

        return new JetSample($"{count} jet images from {path} (τ21, D2 from pixels)", pixels, images, labels, mass, tau21, d2);
    }
}
