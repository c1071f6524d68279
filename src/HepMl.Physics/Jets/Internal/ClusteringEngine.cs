using HepMl.Physics.Vectors;

namespace HepMl.Physics.Jets.Internal;

/// <summary>
/// The N² clustering algorithms of FastJet (<c>src/ClusterSequence_TiledN2.cc</c>,
/// <c>include/fastjet/internal/ClusterSequence_N2.icc</c>) re-expressed with index arrays. Each method reproduces
/// the data-structure evolution of its FastJet namesake (compaction order, tile lists, heap updates), so even exact
/// ties in the distances are broken the same way. One engine per thread holds the scratch arrays.
/// </summary>
internal sealed partial class ClusteringEngine
{
    [ThreadStatic]
    private static ClusteringEngine? s_threadEngine;

    private BriefJet[] _brief = [];
    private double[] _dij = [];
    private int[] _dijJet = [];
    private int[] _updateStack = [];
    private readonly MinHeap _heap = new();

    private ClusterSequence _sequence = null!;
    private JetAlgorithm _algorithm;
    private double _power;
    private double _r2;
    private double _invR2;

    public static void Run(ClusterSequence sequence, ClusteringStrategy strategy)
    {
        ClusteringEngine engine = s_threadEngine ??= new ClusteringEngine();
        engine.Start(sequence);
        try
        {
            switch (strategy)
            {
                case ClusteringStrategy.N2Plain:
                    engine.RunPlain();
                    break;
                case ClusteringStrategy.N2Tiled:
                    engine.RunTiled();
                    break;
                default:
                    engine.RunMinHeapTiled();
                    break;
            }
        }
        finally
        {
            engine._sequence = null!;
        }
    }

    private void Start(ClusterSequence sequence)
    {
        _sequence = sequence;
        JetDefinition definition = sequence.Definition;
        _algorithm = definition.Algorithm;
        _power = definition.ExtraParameter;
        _r2 = definition.Radius * definition.Radius;
        _invR2 = 1.0 / _r2;
        int n = sequence.InitialParticleCount;
        if (_brief.Length < n)
        {
            int capacity = Math.Max(n, 2 * _brief.Length);
            _brief = new BriefJet[capacity];
            _dij = new double[capacity];
            _dijJet = new int[capacity];
            _updateStack = new int[capacity];
        }
    }

    /// <summary>FastJet's <c>jet_scale_for_algorithm</c>.</summary>
    private double MomentumFactor(double kt2)
    {
        switch (_algorithm)
        {
            case JetAlgorithm.AntiKt:
                return kt2 > 1e-300 ? 1.0 / kt2 : 1e300;
            case JetAlgorithm.Kt:
                return kt2;
            case JetAlgorithm.CambridgeAachen:
                return 1.0;
            default:
                if (_power <= 0 && kt2 < 1e-300)
                {
                    kt2 = 1e-300;
                }

                return Math.Pow(kt2, _power);
        }
    }

    /// <summary>FastJet's <c>_bj_set_jetinfo</c>: rapidity, azimuth in [0, 2π), momentum factor; no neighbour yet.</summary>
    private void SetJetInfo(ref BriefJet jet, int jetIndex)
    {
        LorentzVector p = _sequence.JetAt(jetIndex).Momentum;
        double kt2 = p.Px * p.Px + p.Py * p.Py;
        double phi = kt2 == 0.0 ? 0.0 : Math.Atan2(p.Py, p.Px);
        if (phi < 0.0)
        {
            phi += Angles.TwoPi;
        }

        if (phi >= Angles.TwoPi)
        {
            phi -= Angles.TwoPi;
        }

        jet.Rapidity = LorentzVector.RapidityOf(p.Px, p.Py, p.Pz, p.E);
        jet.Phi = phi;
        jet.MomentumFactor = MomentumFactor(kt2);
        jet.JetIndex = jetIndex;
        jet.NearestDistance = _r2;
        jet.Nearest = -1;
    }

    /// <summary>FastJet's <c>_bj_dist</c>: Δy² + Δφ² with Δφ folded into [0, π].</summary>
    private static double Distance(ref BriefJet a, ref BriefJet b)
    {
        double dphi = Math.Abs(a.Phi - b.Phi);
        double deta = a.Rapidity - b.Rapidity;
        if (dphi > Math.PI)
        {
            dphi = Angles.TwoPi - dphi;
        }

        return dphi * dphi + deta * deta;
    }

    /// <summary>FastJet's <c>_bj_diJ</c>: the distance to the nearest neighbour times R² (or the beam distance times R²).</summary>
    private double Dij(ref BriefJet jet)
    {
        double kt2 = jet.MomentumFactor;
        if (jet.Nearest >= 0)
        {
            double other = _brief[jet.Nearest].MomentumFactor;
            if (other < kt2)
            {
                kt2 = other;
            }
        }

        return jet.NearestDistance * kt2;
    }
}
