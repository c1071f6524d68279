using System.Globalization;
using HepMl.Physics.Vectors;

namespace HepMl.Physics.Events;

/// <summary>
/// Reads events from a HepMC3 ASCII file (<c>HepMC::Asciiv3</c>, as written by HepMC3's <c>WriterAscii</c>): the
/// <c>E</c> (event number, vertex and particle counts), <c>U</c> (units), <c>W</c> (weights), <c>P</c> (particle:
/// id, parent, PDG, px, py, pz, e, generated mass, status) and <c>V</c> (vertex: id, status, [incoming], optional
/// @ x y z t) lines; <c>A</c>, <c>T</c> and <c>N</c> lines (attributes, tools, weight names) are skipped, except that
/// run-level weight names are kept. Momenta are returned in GeV (MeV files are converted, and the unit is reported).
/// </summary>
/// <remarks>
/// Errors raise <see cref="HepMcFormatException"/> with the file and line: a missing or HepMC2 header, an unknown line
/// type, an unparsable or non-finite number, particle or vertex counts different from the <c>E</c> line, ids out of
/// order, and a file that ends without <c>HepMC::Asciiv3-END_EVENT_LISTING</c> (truncated). Not thread-safe.
/// </remarks>
public sealed class HepMc3AsciiReader : IDisposable
{
    private const string StartListing = "HepMC::Asciiv3-START_EVENT_LISTING";
    private const string EndListing = "HepMC::Asciiv3-END_EVENT_LISTING";

    private readonly TextReader _reader;
    private readonly string _name;
    private readonly bool _ownsReader;
    private long _lineNumber;
    private string? _pending;
    private bool _finished;

    /// <summary>Opens a file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="HepMcFormatException">The header is missing or not HepMC3 ASCII.</exception>
    public HepMc3AsciiReader(string path)
        : this(new StreamReader(path), path, ownsReader: true)
    {
    }

    /// <summary>Reads from a text reader; <paramref name="name"/> is used in error messages.</summary>
    public HepMc3AsciiReader(TextReader reader, string name)
        : this(reader, name, ownsReader: false)
    {
    }

    private HepMc3AsciiReader(TextReader reader, string name, bool ownsReader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _name = name;
        _ownsReader = ownsReader;
        try
        {
            ReadHeader();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The HepMC version written in the header.</summary>
    public string Version { get; private set; } = "";

    /// <summary>Weight names from the run information, if the file has them.</summary>
    public IReadOnlyList<string> WeightNames { get; private set; } = [];

    /// <summary>Reads all events of a file.</summary>
    public static List<HepMcEvent> ReadAll(string path)
    {
        using var reader = new HepMc3AsciiReader(path);
        var events = new List<HepMcEvent>();
        while (reader.ReadEvent() is { } e)
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>The next event, or null after the last one.</summary>
    public HepMcEvent? ReadEvent()
    {
        if (_finished)
        {
            return null;
        }

        string? line = NextContentLine();
        while (line is not null && line[0] is 'A' or 'T' or 'N' or 'W' && !line.StartsWith("E ", StringComparison.Ordinal))
        {
            // Run-level lines between events (HepMC3 may write run info late).
            line = NextContentLine();
        }

        if (line is null)
        {
            throw Error($"the file ends without {EndListing} (truncated?)", null, 0);
        }

        if (line.StartsWith(EndListing, StringComparison.Ordinal))
        {
            _finished = true;
            return null;
        }

        if (!line.StartsWith("E ", StringComparison.Ordinal))
        {
            throw Error("expected an event line (E ...)", line);
        }

        long eventLine = _lineNumber;
        string[] e = Split(line);
        if (e.Length < 4)
        {
            throw Error("an event line needs: E number vertices particles", line);
        }

        long number = ParseLong(e[1], line);
        int vertexCount = ParseInt(e[2], line);
        int particleCount = ParseInt(e[3], line);
        string momentumUnit = "GEV", lengthUnit = "MM";
        double weightsScale = 1.0;
        double[] weights = [];
        var particles = new List<HepMcParticle>(Math.Max(0, particleCount));
        var vertices = new List<HepMcVertex>(Math.Max(0, vertexCount));
        while (true)
        {
            string? next = NextContentLine();
            if (next is null)
            {
                throw Error($"the file ends inside event {number} (started at line {eventLine}) without {EndListing} (truncated?)", null, 0);
            }

            char kind = next[0];
            if (kind == 'E' || next.StartsWith(EndListing, StringComparison.Ordinal))
            {
                _pending = next;
                break;
            }

            string[] f = Split(next);
            switch (kind)
            {
                case 'U':
                    if (f.Length < 3 || f[1] is not ("GEV" or "MEV") || f[2] is not ("MM" or "CM"))
                    {
                        throw Error("a units line must be U GEV|MEV MM|CM", next);
                    }

                    momentumUnit = f[1];
                    lengthUnit = f[2];
                    weightsScale = momentumUnit == "MEV" ? 1e-3 : 1.0;
                    break;
                case 'W':
                    weights = new double[f.Length - 1];
                    for (int i = 1; i < f.Length; i++)
                    {
                        weights[i - 1] = ParseDouble(f[i], next);
                    }

                    break;
                case 'P':
                    particles.Add(ParseParticle(f, next, particles.Count + 1, weightsScale));
                    break;
                case 'V':
                    vertices.Add(ParseVertex(next, -(vertices.Count + 1)));
                    break;
                case 'A':
                case 'T':
                case 'N':
                    break;
                default:
                    throw Error($"unknown line type '{kind}' (expected U, W, A, P, V, T or N inside an event)", next);
            }
        }

        // The vertex count includes the implicit vertices of single-parent decays (P lines naming a parent particle).
        var implicitVertices = new HashSet<int>();
        foreach (HepMcParticle particle in particles)
        {
            if (particle.Parent > 0)
            {
                implicitVertices.Add(particle.Parent);
            }
        }

        int foundVertices = vertices.Count + implicitVertices.Count;
        if (particles.Count != particleCount || foundVertices != vertexCount)
        {
            throw Error($"event {number} declares {vertexCount} vertices and {particleCount} particles; found {foundVertices} (explicit and implicit) and {particles.Count}", null, eventLine);
        }

        return new HepMcEvent(number, momentumUnit, lengthUnit, weights, particles.ToArray(), vertices.ToArray());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsReader)
        {
            _reader.Dispose();
        }
    }

    private void ReadHeader()
    {
        string? first = NextContentLine();
        if (first is null || !first.StartsWith("HepMC::Version", StringComparison.Ordinal))
        {
            throw Error("expected the header line \"HepMC::Version x.y.z\"", first, first is null ? 0 : _lineNumber);
        }

        Version = first["HepMC::Version".Length..].Trim();
        string? second = NextContentLine();
        if (second is null || second.Trim() != StartListing)
        {
            string hint = second is not null && second.Contains("IO_GenEvent", StringComparison.Ordinal) ? " (this is a HepMC2 file, which is not supported)" : "";
            throw Error($"expected \"{StartListing}\"{hint}", second, second is null ? 0 : _lineNumber);
        }

        // Run information (weight names, tools) before the first event.
        while (NextContentLine() is { } line)
        {
            if (line.StartsWith("W ", StringComparison.Ordinal))
            {
                string names = line[2..].Trim();
                WeightNames = names.Contains('|', StringComparison.Ordinal) ? names.Split("\\|") : names.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                continue;
            }

            if (line[0] is 'T' or 'A' or 'N')
            {
                continue;
            }

            _pending = line;
            break;
        }
    }

    private HepMcParticle ParseParticle(string[] f, string line, int expectedId, double scale)
    {
        if (f.Length < 10)
        {
            throw Error("a particle line needs: P id parent pdg px py pz e m status", line);
        }

        int id = ParseInt(f[1], line);
        if (id != expectedId)
        {
            throw Error($"particle ids must run 1, 2, ...: expected {expectedId}, found {id}", line);
        }

        int parent = ParseInt(f[2], line);
        int pdg = ParseInt(f[3], line);
        var momentum = new LorentzVector(ParseDouble(f[4], line) * scale, ParseDouble(f[5], line) * scale, ParseDouble(f[6], line) * scale, ParseDouble(f[7], line) * scale);
        double mass = ParseDouble(f[8], line) * scale;
        int status = ParseInt(f[9], line);
        return new HepMcParticle(id, pdg, momentum, mass, status, parent);
    }

    private HepMcVertex ParseVertex(string line, int expectedId)
    {
        // V id status [in1,in2,...] [@ x y z t]
        int open = line.IndexOf('[', StringComparison.Ordinal), close = line.IndexOf(']', StringComparison.Ordinal);
        if (open < 0 || close < open)
        {
            throw Error("a vertex line needs: V id status [incoming ids] [@ x y z t]", line);
        }

        string[] head = Split(line[..open]);
        if (head.Length < 3)
        {
            throw Error("a vertex line needs: V id status [incoming ids]", line);
        }

        int id = ParseInt(head[1], line);
        if (id != expectedId)
        {
            throw Error($"vertex ids must run -1, -2, ...: expected {expectedId}, found {id}", line);
        }

        int status = ParseInt(head[2], line);
        string inner = line[(open + 1)..close];
        int[] incoming = inner.Length == 0 ? [] : inner.Split(',').Select(s => ParseInt(s.Trim(), line)).ToArray();
        (double, double, double, double)? position = null;
        string rest = line[(close + 1)..].Trim();
        if (rest.StartsWith('@'))
        {
            string[] p = Split(rest[1..]);
            if (p.Length < 4)
            {
                throw Error("a vertex position needs @ x y z t", line);
            }

            position = (ParseDouble(p[0], line), ParseDouble(p[1], line), ParseDouble(p[2], line), ParseDouble(p[3], line));
        }

        return new HepMcVertex(id, status, incoming, position);
    }

    private string? NextContentLine()
    {
        if (_pending is not null)
        {
            string pending = _pending;
            _pending = null;
            return pending;
        }

        while (_reader.ReadLine() is { } line)
        {
            _lineNumber++;
            if (line.Length > 0 && !string.IsNullOrWhiteSpace(line))
            {
                return line;
            }
        }

        return null;
    }

    private static string[] Split(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private int ParseInt(string s, string line) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : throw Error($"expected an integer, found \"{s}\"", line);

    private long ParseLong(string s, string line) =>
        long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : throw Error($"expected an integer, found \"{s}\"", line);

    private double ParseDouble(string s, string line)
    {
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
        {
            throw Error($"expected a number, found \"{s}\"", line);
        }

        if (!double.IsFinite(v))
        {
            throw Error($"expected a finite number, found \"{s}\"", line);
        }

        return v;
    }

    private HepMcFormatException Error(string message, string? line, long? lineNumber = null) =>
        new(message, _name, lineNumber ?? _lineNumber, line);
}
