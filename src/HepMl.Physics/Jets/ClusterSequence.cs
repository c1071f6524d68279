using HepMl.Physics.Jets.Internal;
using HepMl.Physics.Vectors;

namespace HepMl.Physics.Jets;

/// <summary>
/// Runs a <see cref="JetDefinition"/> on a set of particles and keeps the full clustering history, from which
/// inclusive jets, exclusive jets, constituents and subjets are read. FastJet: <c>ClusterSequence</c>; the
/// merging sequence, and hence every jet, equals FastJet's (same distances in the same floating-point order,
/// same tie-breaking as the FastJet strategy of the same name).
/// </summary>
/// <remarks>
/// <para>Input particles become <see cref="Jets"/>[0..N) and history entries [0..N); each merging appends a history
/// entry (and a jet, unless it is a beam merging), so a finished sequence has 2N history entries.</para>
/// <para>Particles must have finite components; E &lt; |p| (spacelike) is accepted and clustered as FastJet does
/// (its rapidity is taken as if massless). An empty event gives an empty sequence with no jets.</para>
/// <para>Instances are immutable after <see cref="Run(ReadOnlySpan{LorentzVector}, JetDefinition)"/> and safe to read
/// from several threads; <c>Run</c> itself may be called concurrently (each thread has its own scratch memory).</para>
/// </remarks>
public sealed class ClusterSequence
{
    private PseudoJet[] _jets;
    private int _jetCount;
    private ClusterHistoryEntry[] _history;
    private int _historyCount;

    private ClusterSequence(JetDefinition definition, int particleCount)
    {
        Definition = definition;
        InitialParticleCount = particleCount;
        _jets = new PseudoJet[Math.Max(2 * particleCount, 1)];
        _history = new ClusterHistoryEntry[Math.Max(2 * particleCount, 1)];
    }

    /// <summary>The definition that was run.</summary>
    public JetDefinition Definition { get; }

    /// <summary>The strategy actually used (resolves <see cref="ClusteringStrategy.Best"/>).</summary>
    public ClusteringStrategy StrategyUsed { get; private set; }

    /// <summary>Number of input particles.</summary>
    public int InitialParticleCount { get; }

    /// <summary>Sum of the input energies (FastJet: <c>Q()</c>).</summary>
    public double TotalEnergy { get; private set; }

    /// <summary>All pseudojets: the inputs, then one per pairwise merging, in the order made (FastJet: <c>jets()</c>).</summary>
    public ReadOnlySpan<PseudoJet> Jets => _jets.AsSpan(0, _jetCount);

    /// <summary>The history (FastJet: <c>history()</c>).</summary>
    public ReadOnlySpan<ClusterHistoryEntry> History => _history.AsSpan(0, _historyCount);

    /// <summary>Clusters <paramref name="particles"/>; particle i gets user index i.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentException">A particle has a NaN or infinite component (the message names it).</exception>
    public static ClusterSequence Run(ReadOnlySpan<LorentzVector> particles, JetDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var sequence = new ClusterSequence(definition, particles.Length);
        for (int i = 0; i < particles.Length; i++)
        {
            sequence.AddInitial(particles[i], i);
        }

        sequence.Cluster();
        return sequence;
    }

    /// <summary>Clusters <paramref name="particles"/>, keeping their user indices.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentException">A particle has a NaN or infinite component.</exception>
    public static ClusterSequence Run(ReadOnlySpan<PseudoJet> particles, JetDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var sequence = new ClusterSequence(definition, particles.Length);
        for (int i = 0; i < particles.Length; i++)
        {
            sequence.AddInitial(particles[i].Momentum, particles[i].UserIndex);
        }

        sequence.Cluster();
        return sequence;
    }

    /// <summary>Clusters particles given as columns (GeV); particle i gets user index i.</summary>
    /// <exception cref="ArgumentException">Column lengths differ, or a component is NaN or infinite.</exception>
    public static ClusterSequence Run(ReadOnlySpan<double> px, ReadOnlySpan<double> py, ReadOnlySpan<double> pz, ReadOnlySpan<double> e, JetDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (py.Length != px.Length || pz.Length != px.Length || e.Length != px.Length)
        {
            throw new ArgumentException($"the momentum columns must have equal lengths; got px {px.Length}, py {py.Length}, pz {pz.Length}, E {e.Length}");
        }

        var sequence = new ClusterSequence(definition, px.Length);
        for (int i = 0; i < px.Length; i++)
        {
            sequence.AddInitial(new LorentzVector(px[i], py[i], pz[i], e[i]), i);
        }

        sequence.Cluster();
        return sequence;
    }

    /// <summary>
    /// The jets that merged with the beam with Pt ≥ <paramref name="ptMin"/>, in FastJet's order (latest beam
    /// merging first); sort them with <see cref="PseudoJetSorting.SortedByPt"/>. FastJet: <c>inclusive_jets(ptmin)</c>.
    /// </summary>
    public List<PseudoJet> InclusiveJets(double ptMin = 0.0)
    {
        double dcut = ptMin * ptMin;
        var jets = new List<PseudoJet>();
        int i = _historyCount - 1;
        switch (Definition.Algorithm)
        {
            case JetAlgorithm.Kt:
                // For kt, d_iB = Pt², so the history can be cut where the running maximum falls below ptMin².
                for (; i >= 0; i--)
                {
                    ref readonly ClusterHistoryEntry h = ref _history[i];
                    if (h.MaxDijSoFar < dcut)
                    {
                        break;
                    }

                    if (h.Parent2 == ClusterHistoryEntry.BeamJet && h.Dij >= dcut)
                    {
                        jets.Add(_jets[_history[h.Parent1].JetIndex]);
                    }
                }

                break;
            case JetAlgorithm.CambridgeAachen:
                // For C/A every beam merging comes after all pairwise ones.
                for (; i >= 0; i--)
                {
                    ref readonly ClusterHistoryEntry h = ref _history[i];
                    if (h.Parent2 != ClusterHistoryEntry.BeamJet)
                    {
                        break;
                    }

                    PseudoJet jet = _jets[_history[h.Parent1].JetIndex];
                    if (jet.PtSquared >= dcut)
                    {
                        jets.Add(jet);
                    }
                }

                break;
            default:
                for (; i >= 0; i--)
                {
                    ref readonly ClusterHistoryEntry h = ref _history[i];
                    if (h.Parent2 == ClusterHistoryEntry.BeamJet)
                    {
                        PseudoJet jet = _jets[_history[h.Parent1].JetIndex];
                        if (jet.PtSquared >= dcut)
                        {
                            jets.Add(jet);
                        }
                    }
                }

                break;
        }

        return jets;
    }

    /// <summary>The number of exclusive jets at distance cut <paramref name="dcut"/> (FastJet: <c>n_exclusive_jets</c>).</summary>
    public int NumberOfExclusiveJets(double dcut)
    {
        int i = _historyCount - 1;
        while (i >= 0 && !(_history[i].MaxDijSoFar <= dcut))
        {
            i--;
        }

        int stopPoint = i + 1;
        return 2 * InitialParticleCount - stopPoint;
    }

    /// <summary>The jets left when the clustering is stopped at distance <paramref name="dcut"/> (FastJet: <c>exclusive_jets(dcut)</c>).</summary>
    /// <remarks>Meaningful for kt, C/A and generalised kt with p ≥ 0; for anti-kt the numbers are valid but rarely useful.</remarks>
    public List<PseudoJet> ExclusiveJets(double dcut) => ExclusiveJets(NumberOfExclusiveJets(dcut));

    /// <summary>The jets left when the clustering is stopped at <paramref name="count"/> jets (FastJet: <c>exclusive_jets(n)</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or larger than the particle count.</exception>
    public List<PseudoJet> ExclusiveJets(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > InitialParticleCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"requested {count} exclusive jets, but there were only {InitialParticleCount} particles");
        }

        return ExclusiveJetsUpTo(count);
    }

    /// <summary>Like <see cref="ExclusiveJets(int)"/>, but returns all particles when there are fewer than <paramref name="count"/> (FastJet: <c>exclusive_jets_up_to</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public List<PseudoJet> ExclusiveJetsUpTo(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int n = InitialParticleCount;
        int stopPoint = Math.Max(2 * n - count, n);
        var jets = new List<PseudoJet>(Math.Min(n, count));
        for (int i = stopPoint; i < _historyCount; i++)
        {
            int parent1 = _history[i].Parent1;
            if (parent1 < stopPoint)
            {
                jets.Add(_jets[_history[parent1].JetIndex]);
            }

            int parent2 = _history[i].Parent2;
            if (parent2 < stopPoint && parent2 > 0)
            {
                jets.Add(_jets[_history[parent2].JetIndex]);
            }
        }

        return jets;
    }

    /// <summary>The distance of the merging that went from <paramref name="count"/> + 1 to <paramref name="count"/> jets; 0 if <paramref name="count"/> ≥ N (FastJet: <c>exclusive_dmerge</c>).</summary>
    public double ExclusiveDmerge(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count >= InitialParticleCount ? 0.0 : _history[2 * InitialParticleCount - count - 1].Dij;
    }

    /// <summary>The largest distance up to the merging to <paramref name="count"/> jets (FastJet: <c>exclusive_dmerge_max</c>).</summary>
    public double ExclusiveDmergeMax(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count >= InitialParticleCount ? 0.0 : _history[2 * InitialParticleCount - count - 1].MaxDijSoFar;
    }

    /// <summary>The input particles of <paramref name="jet"/>, in FastJet's order (first parent's subtree first).</summary>
    /// <exception cref="ArgumentException">The jet does not belong to this sequence.</exception>
    public List<PseudoJet> Constituents(PseudoJet jet)
    {
        var constituents = new List<PseudoJet>();
        AddConstituents(CheckOwn(jet), constituents);
        return constituents;
    }

    /// <summary>Writes the user indices of the constituents of <paramref name="jet"/> into <paramref name="destination"/> (cleared first).</summary>
    /// <exception cref="ArgumentException">The jet does not belong to this sequence.</exception>
    public void ConstituentIndices(PseudoJet jet, List<int> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Clear();
        var stack = new Stack<int>();
        stack.Push(CheckOwn(jet));
        while (stack.Count > 0)
        {
            int h = stack.Pop();
            ref readonly ClusterHistoryEntry entry = ref _history[h];
            if (entry.Parent1 == ClusterHistoryEntry.InexistentParent)
            {
                destination.Add(_jets[entry.JetIndex].UserIndex);
                continue;
            }

            stack.Push(entry.Parent2);
            stack.Push(entry.Parent1);
        }
    }

    /// <summary>The two pseudojets that merged into <paramref name="jet"/>, lower history index first (FastJet: <c>has_parents</c>).</summary>
    /// <returns>False for an input particle.</returns>
    public bool TryGetParents(PseudoJet jet, out PseudoJet parent1, out PseudoJet parent2)
    {
        ref readonly ClusterHistoryEntry entry = ref _history[CheckOwn(jet)];
        if (entry.Parent1 < 0 || entry.Parent2 < 0)
        {
            parent1 = default;
            parent2 = default;
            return false;
        }

        parent1 = _jets[_history[entry.Parent1].JetIndex];
        parent2 = _jets[_history[entry.Parent2].JetIndex];
        return true;
    }

    /// <summary>The pseudojet that <paramref name="jet"/> merged into (FastJet: <c>has_child</c>).</summary>
    /// <returns>False if it merged with the beam or is final.</returns>
    public bool TryGetChild(PseudoJet jet, out PseudoJet child)
    {
        int c = _history[CheckOwn(jet)].Child;
        if (c >= 0 && _history[c].JetIndex >= 0)
        {
            child = _jets[_history[c].JetIndex];
            return true;
        }

        child = default;
        return false;
    }

    /// <summary>
    /// The subjets of <paramref name="jet"/> obtained by undoing its last mergings until there are
    /// <paramref name="count"/> (or all its constituents, if fewer), in history order (FastJet: <c>exclusive_subjets_up_to</c>).
    /// </summary>
    public List<PseudoJet> ExclusiveSubjetsUpTo(PseudoJet jet, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var set = new SortedSet<int> { CheckOwn(jet) };
        while (set.Count < count)
        {
            int top = set.Max;
            ref readonly ClusterHistoryEntry entry = ref _history[top];
            if (entry.Parent1 < 0)
            {
                break;
            }

            set.Remove(top);
            set.Add(entry.Parent1);
            set.Add(entry.Parent2);
        }

        var subjets = new List<PseudoJet>(set.Count);
        foreach (int h in set)
        {
            subjets.Add(_jets[_history[h].JetIndex]);
        }

        return subjets;
    }

    internal ref readonly PseudoJet JetAt(int index) => ref _jets[index];

    internal int RecombinePair(int jetIndexI, int jetIndexJ, double dij)
    {
        ref readonly PseudoJet a = ref _jets[jetIndexI];
        ref readonly PseudoJet b = ref _jets[jetIndexJ];
        int newJet = _jetCount++;
        int step = _historyCount;
        _jets[newJet] = new PseudoJet(a.Momentum + b.Momentum, -1, step);
        int hi = a.HistoryIndex, hj = b.HistoryIndex;
        AddStep(Math.Min(hi, hj), Math.Max(hi, hj), newJet, dij);
        return newJet;
    }

    internal void RecombineWithBeam(int jetIndex, double diB) =>
        AddStep(_jets[jetIndex].HistoryIndex, ClusterHistoryEntry.BeamJet, ClusterHistoryEntry.Invalid, diB);

    private void AddStep(int parent1, int parent2, int jetIndex, double dij)
    {
        int step = _historyCount++;
        double max = Math.Max(dij, _history[step - 1].MaxDijSoFar);
        _history[step] = new ClusterHistoryEntry(parent1, parent2, ClusterHistoryEntry.Invalid, jetIndex, dij, max);
        _history[parent1] = _history[parent1] with { Child = step };
        if (parent2 >= 0)
        {
            _history[parent2] = _history[parent2] with { Child = step };
        }
    }

    private void AddInitial(LorentzVector momentum, int userIndex)
    {
        if (!momentum.IsFinite)
        {
            throw new ArgumentException($"particle {_jetCount} (user index {userIndex}) has a non-finite momentum {momentum}; clustering needs finite components", "particles");
        }

        int i = _jetCount++;
        _jets[i] = new PseudoJet(momentum, userIndex, i);
        _history[i] = new ClusterHistoryEntry(ClusterHistoryEntry.InexistentParent, ClusterHistoryEntry.InexistentParent,
            ClusterHistoryEntry.Invalid, i, 0.0, 0.0);
        _historyCount++;
        TotalEnergy += momentum.E;
    }

    private void Cluster()
    {
        StrategyUsed = ChooseStrategy(Definition, InitialParticleCount);
        if (InitialParticleCount == 0)
        {
            return;
        }

        ClusteringEngine.Run(this, StrategyUsed);
    }

    /// <summary>
    /// The strategy <see cref="ClusteringStrategy.Best"/> resolves to: FastJet 3.4's choice (<c>_best_strategy</c>,
    /// fits of c·(a R² + b R + 1)) where that is one of ours; where FastJet would move on to its lazy tilings or
    /// O(N ln N) methods (N ≳ 1600 at R = 0.4, N ≳ 400 at R = 1), N2MinHeapTiled.
    /// </summary>
    internal static ClusteringStrategy ChooseStrategy(JetDefinition definition, int particleCount)
    {
        if (definition.Strategy != ClusteringStrategy.Best)
        {
            return definition.Strategy;
        }

        double r = Math.Max(definition.Radius, 0.1);
        int n = particleCount;
        if (n <= 30 || n <= 39.0 / (r + 0.6))
        {
            return ClusteringStrategy.N2Plain;
        }

        if (r < 0.65)
        {
            double tiledToMinHeap = 44.6283 * (-45.4947 * r * r + 54.3528 * r + 1);
            return n < tiledToMinHeap ? ClusteringStrategy.N2Tiled : ClusteringStrategy.N2MinHeapTiled;
        }

        if (r < 0.5 * Math.PI)
        {
            return Math.Log(n) < -1.31304 * r + 7.29621 ? ClusteringStrategy.N2Tiled : ClusteringStrategy.N2MinHeapTiled;
        }

        return n < 75 ? ClusteringStrategy.N2Plain : ClusteringStrategy.N2MinHeapTiled;
    }

    private int CheckOwn(PseudoJet jet)
    {
        int h = jet.HistoryIndex;
        if (h < 0 || h >= _historyCount || _history[h].JetIndex < 0 || _jets[_history[h].JetIndex].Momentum != jet.Momentum)
        {
            throw new ArgumentException($"{jet} does not belong to this cluster sequence", nameof(jet));
        }

        return h;
    }

    private void AddConstituents(int historyIndex, List<PseudoJet> destination)
    {
        ref readonly ClusterHistoryEntry entry = ref _history[historyIndex];
        if (entry.Parent1 == ClusterHistoryEntry.InexistentParent)
        {
            destination.Add(_jets[entry.JetIndex]);
            return;
        }

        AddConstituents(entry.Parent1, destination);
        AddConstituents(entry.Parent2, destination);
    }
}
