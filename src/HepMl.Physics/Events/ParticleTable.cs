using HepMl.Physics.Vectors;

namespace HepMl.Physics.Events;

/// <summary>
/// A jagged table of particles: entries (events or jets) of varying length, stored flat with offsets (entry i is
/// particles [Offsets[i], Offsets[i+1])), with optional integer charges. This is how particle-level data reach
/// HepMl.Physics from ROOT/HDF5 tables read elsewhere: the caller passes plain spans (see <see cref="FromPadded"/> for the
/// hls4ml <c>jetConstituentList</c> layout and <see cref="FromRows"/> for one-row-per-particle tables).
/// </summary>
public sealed class ParticleTable
{
    private readonly LorentzVector[] _momenta;
    private readonly int[]? _charges;
    private readonly int[] _offsets;

    private ParticleTable(LorentzVector[] momenta, int[] offsets, int[]? charges)
    {
        _momenta = momenta;
        _offsets = offsets;
        _charges = charges;
    }

    /// <summary>Number of entries.</summary>
    public int EntryCount => _offsets.Length - 1;

    /// <summary>Total number of particles.</summary>
    public int ParticleCount => _momenta.Length;

    /// <summary>True if charges are stored.</summary>
    public bool HasCharges => _charges is not null;

    /// <summary>Entry boundaries (length EntryCount + 1, starting at 0).</summary>
    public ReadOnlySpan<int> Offsets => _offsets;

    /// <summary>All momenta, flat.</summary>
    public ReadOnlySpan<LorentzVector> AllMomenta => _momenta;

    /// <summary>All charges, flat (empty if none).</summary>
    public ReadOnlySpan<int> AllCharges => _charges;

    /// <summary>The momenta of entry <paramref name="entry"/>.</summary>
    public ReadOnlySpan<LorentzVector> Momenta(int entry) => _momenta.AsSpan(_offsets[entry], _offsets[entry + 1] - _offsets[entry]);

    /// <summary>The charges of entry <paramref name="entry"/> (empty if none are stored).</summary>
    public ReadOnlySpan<int> Charges(int entry) =>
        _charges is null ? ReadOnlySpan<int>.Empty : _charges.AsSpan(_offsets[entry], _offsets[entry + 1] - _offsets[entry]);

    /// <summary>Wraps flat arrays (not copied).</summary>
    /// <exception cref="ArgumentException">Offsets do not start at 0, decrease, or do not end at the particle count; charges of the wrong length; a non-finite momentum.</exception>
    public static ParticleTable FromFlat(LorentzVector[] momenta, int[] offsets, int[]? charges = null)
    {
        ArgumentNullException.ThrowIfNull(momenta);
        ArgumentNullException.ThrowIfNull(offsets);
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != momenta.Length)
        {
            throw new ArgumentException($"offsets must start at 0 and end at the particle count {momenta.Length}; got {offsets.Length} offsets" +
                (offsets.Length > 0 ? $" from {offsets[0]} to {offsets[^1]}" : ""), nameof(offsets));
        }

        for (int i = 1; i < offsets.Length; i++)
        {
            if (offsets[i] < offsets[i - 1])
            {
                throw new ArgumentException($"offsets must not decrease; offsets[{i}] = {offsets[i]} < offsets[{i - 1}] = {offsets[i - 1]}", nameof(offsets));
            }
        }

        if (charges is not null && charges.Length != momenta.Length)
        {
            throw new ArgumentException($"{charges.Length} charges for {momenta.Length} particles", nameof(charges));
        }

        for (int i = 0; i < momenta.Length; i++)
        {
            if (!momenta[i].IsFinite)
            {
                throw new ArgumentException($"particle {i} has a non-finite momentum {momenta[i]}", nameof(momenta));
            }
        }

        return new ParticleTable(momenta, offsets, charges);
    }

    /// <summary>
    /// Reads a zero-padded [entries, slots, features] float table (row-major), such as the hls4ml jet data set's
    /// <c>jetConstituentList</c> (features j1_px, j1_py, j1_pz, j1_e, ...). Slots whose energy and momentum are all
    /// zero are padding and skipped.
    /// </summary>
    /// <exception cref="ArgumentException">The span length is not entries × slots × features, a feature index is out of range, or a value is NaN/infinite (the message names entry and slot).</exception>
    public static ParticleTable FromPadded(ReadOnlySpan<float> values, int entries, int slots, int features,
        int pxFeature, int pyFeature, int pzFeature, int energyFeature, int chargeFeature = -1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entries);
        ArgumentOutOfRangeException.ThrowIfNegative(slots);
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        if ((long)entries * slots * features != values.Length)
        {
            throw new ArgumentException($"a [{entries}, {slots}, {features}] table needs {(long)entries * slots * features} values; got {values.Length}", nameof(values));
        }

        foreach ((int index, string name) in new[] { (pxFeature, nameof(pxFeature)), (pyFeature, nameof(pyFeature)), (pzFeature, nameof(pzFeature)), (energyFeature, nameof(energyFeature)) })
        {
            if (index < 0 || index >= features)
            {
                throw new ArgumentOutOfRangeException(name, index, $"feature index must be in [0, {features})");
            }
        }

        if (chargeFeature >= features)
        {
            throw new ArgumentOutOfRangeException(nameof(chargeFeature), chargeFeature, $"feature index must be in [0, {features}) or -1");
        }

        var momenta = new List<LorentzVector>();
        List<int>? charges = chargeFeature >= 0 ? new List<int>() : null;
        var offsets = new int[entries + 1];
        for (int entry = 0; entry < entries; entry++)
        {
            for (int slot = 0; slot < slots; slot++)
            {
                ReadOnlySpan<float> row = values.Slice((entry * slots + slot) * features, features);
                double px = row[pxFeature], py = row[pyFeature], pz = row[pzFeature], e = row[energyFeature];
                if (!double.IsFinite(px) || !double.IsFinite(py) || !double.IsFinite(pz) || !double.IsFinite(e))
                {
                    throw new ArgumentException($"entry {entry}, slot {slot}: non-finite momentum ({px}, {py}, {pz}, {e})", nameof(values));
                }

                if (px == 0 && py == 0 && pz == 0 && e == 0)
                {
                    continue;
                }

                momenta.Add(new LorentzVector(px, py, pz, e));
                charges?.Add((int)Math.Round(row[chargeFeature]));
            }

            offsets[entry + 1] = momenta.Count;
        }

        return new ParticleTable(momenta.ToArray(), offsets, charges?.ToArray());
    }

    /// <summary>
    /// Groups one-row-per-particle columns (like the shared <c>particles_nN.csv</c>: event, px, py, pz, E) into entries;
    /// consecutive rows with the same event id form one entry.
    /// </summary>
    /// <exception cref="ArgumentException">Column lengths differ or a value is not finite.</exception>
    public static ParticleTable FromRows(ReadOnlySpan<long> eventIds, ReadOnlySpan<double> px, ReadOnlySpan<double> py, ReadOnlySpan<double> pz, ReadOnlySpan<double> e)
    {
        int n = eventIds.Length;
        if (px.Length != n || py.Length != n || pz.Length != n || e.Length != n)
        {
            throw new ArgumentException($"columns must have equal lengths; got event {n}, px {px.Length}, py {py.Length}, pz {pz.Length}, E {e.Length}");
        }

        var momenta = new LorentzVector[n];
        var offsets = new List<int> { 0 };
        for (int i = 0; i < n; i++)
        {
            if (i > 0 && eventIds[i] != eventIds[i - 1])
            {
                offsets.Add(i);
            }

            momenta[i] = new LorentzVector(px[i], py[i], pz[i], e[i]);
        }

        if (n > 0)
        {
            offsets.Add(n);
        }

        return FromFlat(momenta, offsets.ToArray());
    }
}
