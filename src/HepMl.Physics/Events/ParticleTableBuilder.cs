using HepMl.Physics.Vectors;

namespace HepMl.Physics.Events;

/// <summary>Appends entries one at a time and builds a <see cref="ParticleTable"/>.</summary>
public sealed class ParticleTableBuilder
{
    private readonly List<LorentzVector> _momenta = new();
    private readonly List<int> _charges = new();
    private readonly List<int> _offsets = new() { 0 };
    private readonly bool _withCharges;

    /// <summary>Creates a builder; with <paramref name="withCharges"/> every entry must come with charges.</summary>
    public ParticleTableBuilder(bool withCharges = false) => _withCharges = withCharges;

    /// <summary>Number of entries so far.</summary>
    public int EntryCount => _offsets.Count - 1;

    /// <summary>Appends one entry.</summary>
    /// <exception cref="ArgumentException">Charges missing or of the wrong length.</exception>
    public void Add(ReadOnlySpan<LorentzVector> momenta, ReadOnlySpan<int> charges = default)
    {
        if (_withCharges && charges.Length != momenta.Length)
        {
            throw new ArgumentException($"{charges.Length} charges for {momenta.Length} particles", nameof(charges));
        }

        foreach (LorentzVector p in momenta)
        {
            _momenta.Add(p);
        }

        if (_withCharges)
        {
            foreach (int q in charges)
            {
                _charges.Add(q);
            }
        }

        _offsets.Add(_momenta.Count);
    }

    /// <summary>Builds the table.</summary>
    public ParticleTable Build() => ParticleTable.FromFlat(_momenta.ToArray(), _offsets.ToArray(), _withCharges ? _charges.ToArray() : null);
}
