using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HepMl.Io.Csv;

// Times HepMl reading a whole CSV event table with THREADS parser threads (median of REPEATS) and prints one JSON
// line, like read_pandas.py beside it. Usage: HepMl.CsvReadBench FILE.csv THREADS [REPEATS] [float32]
string path = args[0];
int threads = int.Parse(args[1], CultureInfo.InvariantCulture);
int repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
bool single = args.Length > 3 && args[3] == "float32";
var options = new CsvReadOptions { MaxDegreeOfParallelism = threads, FloatsAsSingle = single };
var times = new List<double>();
CsvTable table = CsvFile.Read(path, options);
for (int r = 0; r < repeats; r++)
{
    var watch = Stopwatch.StartNew();
    table = CsvFile.Read(path, options);
    times.Add(watch.Elapsed.TotalSeconds);
}

times.Sort();
double median = times[times.Count / 2];
double checksum = table.Columns.Where(c => c.ElementType != typeof(string)).Sum(c => c.ToDoubles().Where(double.IsFinite).Sum());
Console.WriteLine(JsonSerializer.Serialize(new
{
    tool = "hepml",
    threads,
    rows = table.RowCount,
    columns = table.Columns.Count,
    seconds = median,
    all_seconds = times,
    mb_per_s = new FileInfo(path).Length / median / 1e6,
    checksum,
}));
