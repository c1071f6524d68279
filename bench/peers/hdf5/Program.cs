using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HepMl.Io.Hdf5;

// Times HepMl reading the whole [N,100,100] dataset of FILE with THREADS decoding threads (median of REPEATS
// full reads into one preallocated array) and prints one JSON line, like the h5py script beside it.
// Usage: dotnet run -c Release --project bench/peers/hdf5 -- FILE.h5 THREADS [REPEATS]
string path = args[0];
int threads = int.Parse(args[1], CultureInfo.InvariantCulture);
int repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
using Hdf5File file = Hdf5File.Open(path);
file.MaxDegreeOfParallelism = threads;
Hdf5Dataset images = file.GetDataset("images");
float[] values = new float[images.ElementCount];
var times = new List<double>();
double checksum = 0;
images.Read<float>(values); // warm-up (JIT, page cache)
for (int r = 0; r < repeats; r++)
{
    var watch = Stopwatch.StartNew();
    images.Read<float>(values);
    times.Add(watch.Elapsed.TotalSeconds);
    checksum = 0;
    foreach (float v in values)
    {
        checksum += v;
    }
}

times.Sort();
double median = times[times.Count / 2];
Console.WriteLine(JsonSerializer.Serialize(new
{
    tool = "hepml",
    threads,
    shape = images.Shape,
    seconds = median,
    all_seconds = times,
    mb_per_s = values.LongLength * 4 / median / 1e6,
    checksum,
}));
