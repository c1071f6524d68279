using HepMl.Io;
using HepMl.Io.Hdf5;

namespace HepMl.Samples.JetTagging.Data;

/// <summary>Opens an HDF5 input and picks the reader by its datasets: jet images or hls4ml constituent lists.</summary>
internal static class JetInputFile
{
    /// <summary>Reads jets from <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ObjectNotFoundException">Neither <c>images</c> nor <c>jetConstituentList</c> is in the file.</exception>
    public static JetSample Read(string path, int maxJets, IProgress<int>? progress)
    {
        using Hdf5File file = Hdf5File.Open(path);
        if (file.Exists("images"))
        {
            return JetImageFile.Read(file, path, maxJets, progress);
        }

        if (file.Exists("jetConstituentList"))
        {
            return Hls4mlJetFile.Read(file, path, maxJets, progress);
        }

        throw new ObjectNotFoundException("images or jetConstituentList", path, file.Root.Names);
    }

    /// <summary>Number of jets the progress bar should expect (an upper bound for the hls4ml layout).</summary>
    public static long CountJets(string path, int maxJets)
    {
        using Hdf5File file = Hdf5File.Open(path);
        long rows = file.Exists("images") ? file.GetDataset("images").RowCount
            : file.Exists("jetConstituentList") ? file.GetDataset("jetConstituentList").RowCount : 0;
        return maxJets > 0 ? Math.Min(rows, maxJets) : rows;
    }
}
