using HepMl.Io;
using HepMl.Io.Hdf5;
using HepMl.Physics.Events;

namespace HepMl.Samples.JetTagging.Data;

/// <summary>
/// Reads the hls4ml LHC jet data set layout (Duarte et al., JINST 13 (2018) P07027; Zenodo 3602260):
/// <c>jetConstituentList</c> float32 [N, slots, F] with <c>particleFeatureNames</c> (j1_px, j1_py, j1_pz, j1_e, …;
/// all-zero slots are padding) and <c>jets</c> [N, J] with <c>jetFeatureNames</c>, whose one-hot columns
/// j_g, j_q, j_w, j_z, j_t give the truth. W jets (j_w = 1) are the signal, gluon and light-quark jets (j_g or j_q = 1)
/// the background; Z and top jets are left out. The constituents are re-clustered with anti-kt R = 1.0.
/// </summary>
internal static class Hls4mlJetFile
{
    /// <summary>Reads the first <paramref name="maxJets"/> W or QCD jets (all when 0).</summary>
    /// <exception cref="ObjectNotFoundException">A dataset or a feature name is missing (nearest names listed).</exception>
    public static JetSample Read(Hdf5File file, string path, int maxJets, IProgress<int>? progress)
    {
        Hdf5Dataset constituentSet = file.GetDataset("jetConstituentList");
        Hdf5Dataset jetSet = file.GetDataset("jets");
        string[] particleNames = file.GetDataset("particleFeatureNames").ReadStrings();
        string[] jetNames = file.GetDataset("jetFeatureNames").ReadStrings();
        if (constituentSet.Rank != 3 || jetSet.Rank != 2 || jetSet.RowCount != constituentSet.RowCount
            || constituentSet.Shape[2] != particleNames.Length || jetSet.Shape[1] != jetNames.Length)
        {
            throw new HepMlFormatException(
                $"expected jetConstituentList [N, slots, {particleNames.Length}] and jets [N, {jetNames.Length}]; found "
                + $"[{string.Join(", ", constituentSet.Shape)}] and [{string.Join(", ", jetSet.Shape)}]", path, objectPath: constituentSet.Path);
        }

        int rows = (int)constituentSet.RowCount;
        int slots = (int)constituentSet.Shape[1];
        int features = particleNames.Length;
        int jetFeatures = jetNames.Length;
        float[] truth = jetSet.ReadRows<float>(0, rows);
        int gluon = Column(jetNames, "j_g", path, jetSet.Path);
        int quark = Column(jetNames, "j_q", path, jetSet.Path);
        int w = Column(jetNames, "j_w", path, jetSet.Path);

        var labels = new int[rows];
        var entries = new List<int>();
        for (int i = 0; i < rows && (maxJets <= 0 || entries.Count < maxJets); i++)
        {
            ReadOnlySpan<float> row = truth.AsSpan(i * jetFeatures, jetFeatures);
            if (row[w] == 1 || row[gluon] == 1 || row[quark] == 1)
            {
                labels[i] = row[w] == 1 ? 1 : 0;
                entries.Add(i);
            }
        }

        int lastRow = entries.Count > 0 ? entries[^1] + 1 : 0;
        float[] values = constituentSet.ReadRows<float>(0, lastRow);
        ParticleTable particles = ParticleTable.FromPadded(values, lastRow, slots, features,
            Column(particleNames, "j1_px", path, constituentSet.Path), Column(particleNames, "j1_py", path, constituentSet.Path),
            Column(particleNames, "j1_pz", path, constituentSet.Path), Column(particleNames, "j1_e", path, constituentSet.Path));
        return JetSampleBuilder.Build(particles, labels, [.. entries],
            $"{entries.Count} W/QCD jets of the hls4ml layout in {path} (re-clustered anti-kt R = 1.0)", progress);
    }

    private static int Column(string[] names, string name, string path, string container)
    {
        int index = Array.IndexOf(names, name);
        return index >= 0 ? index : throw new ObjectNotFoundException(name, $"{path}:{container} feature names", names);
    }
}
