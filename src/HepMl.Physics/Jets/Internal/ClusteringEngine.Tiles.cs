using HepMl.Physics.Vectors;

namespace HepMl.Physics.Jets.Internal;

internal sealed partial class ClusteringEngine
{
    private const int MaxNeighbours = 9;

    private int[] _tileHead = [];
    private bool[] _tileTagged = [];
    private int[] _neighbours = [];
    private byte[] _rightHandStart = [];
    private byte[] _neighbourCount = [];
    private int _tileCount;
    private int _tilesEtaCount = -1;
    private int _tilesPhiCount = -1;
    private double _tileSizeEta;
    private double _tileSizePhi;
    private double _tilesEtaMin;
    private double _tilesEtaMax;
    private int _tilesIetaMin;
    private int _tilesIetaMax;
    private readonly int[] _tileUnion = new int[3 * MaxNeighbours];

    /// <summary>
    /// Sets the info of the N input jets (rapidity computed once, used by the tiling extent too), builds the tiles
    /// and inserts the jets in input order, as FastJet's initialisation does.
    /// </summary>
    private void InitialiseTiledJets(int n)
    {
        for (int i = 0; i < n; i++)
        {
            SetJetInfo(ref _brief[i], i);
        }

        InitialiseTiles();
        for (int i = 0; i < n; i++)
        {
            InsertIntoTile(i);
        }
    }

    /// <summary>FastJet's <c>_initialise_tiles</c>: tiles of at least R in y and φ over the extent of <see cref="TilingExtent"/>.</summary>
    private void InitialiseTiles()
    {
        double radius = _sequence.Definition.Radius;
        double defaultSize = Math.Max(0.1, radius);
        _tileSizeEta = defaultSize;
        int phiCount = Math.Max(3, (int)Math.Floor(Angles.TwoPi / defaultSize));
        _tileSizePhi = Angles.TwoPi / phiCount;

        (double minRapidity, double maxRapidity) = TilingExtent.Determine(_sequence, _brief, _sequence.InitialParticleCount);
        _tilesIetaMin = (int)Math.Floor(minRapidity / _tileSizeEta);
        _tilesIetaMax = (int)Math.Floor(maxRapidity / _tileSizeEta);
        _tilesEtaMin = _tilesIetaMin * _tileSizeEta;
        _tilesEtaMax = _tilesIetaMax * _tileSizeEta;
        int etaCount = _tilesIetaMax - _tilesIetaMin + 1;
        _tileCount = etaCount * phiCount;

        if (_tileHead.Length < _tileCount)
        {
            int capacity = Math.Max(_tileCount, 2 * _tileHead.Length);
            _tileHead = new int[capacity];
            _tileTagged = new bool[capacity];
            _neighbours = new int[capacity * MaxNeighbours];
            _rightHandStart = new byte[capacity];
            _neighbourCount = new byte[capacity];
            _tilesEtaCount = -1;
        }

        Array.Fill(_tileHead, -1, 0, _tileCount);
        Array.Clear(_tileTagged, 0, _tileCount);

        // The neighbour tables depend only on the tile counts; rebuild them when those change.
        if (etaCount == _tilesEtaCount && phiCount == _tilesPhiCount)
        {
            return;
        }

        _tilesEtaCount = etaCount;
        _tilesPhiCount = phiCount;
        for (int ieta = 0; ieta < etaCount; ieta++)
        {
            for (int iphi = 0; iphi < phiCount; iphi++)
            {
                int tile = ieta * phiCount + iphi;
                int k = tile * MaxNeighbours;
                int start = k;
                _neighbours[k++] = tile;
                if (ieta > 0)
                {
                    for (int dphi = -1; dphi <= 1; dphi++)
                    {
                        _neighbours[k++] = TileIndex(ieta - 1, iphi + dphi, phiCount);
                    }
                }

                _neighbours[k++] = TileIndex(ieta, iphi - 1, phiCount);
                _rightHandStart[tile] = (byte)(k - start);
                _neighbours[k++] = TileIndex(ieta, iphi + 1, phiCount);
                if (ieta < etaCount - 1)
                {
                    for (int dphi = -1; dphi <= 1; dphi++)
                    {
                        _neighbours[k++] = TileIndex(ieta + 1, iphi + dphi, phiCount);
                    }
                }

                _neighbourCount[tile] = (byte)(k - start);
            }
        }
    }

    private static int TileIndex(int ietaRelative, int iphi, int phiCount) =>
        ietaRelative * phiCount + (iphi + phiCount) % phiCount;

    /// <summary>FastJet's <c>_tile_index(eta, phi)</c>, including its clamping at the edges.</summary>
    private int TileIndex(double eta, double phi)
    {
        int ieta;
        if (eta <= _tilesEtaMin)
        {
            ieta = 0;
        }
        else if (eta >= _tilesEtaMax)
        {
            ieta = _tilesIetaMax - _tilesIetaMin;
        }
        else
        {
            ieta = (int)((eta - _tilesEtaMin) / _tileSizeEta);
            if (ieta > _tilesIetaMax - _tilesIetaMin)
            {
                ieta = _tilesIetaMax - _tilesIetaMin;
            }
        }

        int iphi = (int)((phi + Angles.TwoPi) / _tileSizePhi) % _tilesPhiCount;
        return iphi + ieta * _tilesPhiCount;
    }

    /// <summary>FastJet's <c>_tj_set_jetinfo</c>: jet info plus insertion at the head of its tile's list.</summary>
    private void SetTiledJetInfo(int index, int jetIndex)
    {
        SetJetInfo(ref _brief[index], jetIndex);
        InsertIntoTile(index);
    }

    /// <summary>Puts a jet whose info is set at the head of its tile's list.</summary>
    private void InsertIntoTile(int index)
    {
        ref BriefJet jet = ref _brief[index];
        int tile = TileIndex(jet.Rapidity, jet.Phi);
        jet.TileIndex = tile;
        jet.Previous = -1;
        jet.Next = _tileHead[tile];
        if (jet.Next >= 0)
        {
            _brief[jet.Next].Previous = index;
        }

        _tileHead[tile] = index;
    }

    /// <summary>FastJet's <c>_bj_remove_from_tiles</c>.</summary>
    private void RemoveFromTiles(int index)
    {
        ref BriefJet jet = ref _brief[index];
        if (jet.Previous < 0)
        {
            _tileHead[jet.TileIndex] = jet.Next;
        }
        else
        {
            _brief[jet.Previous].Next = jet.Next;
        }

        if (jet.Next >= 0)
        {
            _brief[jet.Next].Previous = jet.Previous;
        }
    }

    /// <summary>FastJet's <c>_add_untagged_neighbours_to_tile_union</c>.</summary>
    private void AddUntaggedNeighbours(int tile, ref int count)
    {
        int start = tile * MaxNeighbours;
        int end = start + _neighbourCount[tile];
        for (int k = start; k < end; k++)
        {
            int near = _neighbours[k];
            if (!_tileTagged[near])
            {
                _tileTagged[near] = true;
                _tileUnion[count++] = near;
            }
        }
    }

    /// <summary>The initial nearest neighbours: pairs within each tile, then with its right-hand tiles.</summary>
    private void FindInitialNeighboursInTiles()
    {
        BriefJet[] brief = _brief;
        for (int tile = 0; tile < _tileCount; tile++)
        {
            for (int a = _tileHead[tile]; a >= 0; a = brief[a].Next)
            {
                ref BriefJet jetA = ref brief[a];
                for (int b = _tileHead[tile]; b != a; b = brief[b].Next)
                {
                    ref BriefJet jetB = ref brief[b];
                    double dist = Distance(ref jetA, ref jetB);
                    if (dist < jetA.NearestDistance)
                    {
                        jetA.NearestDistance = dist;
                        jetA.Nearest = b;
                    }

                    if (dist < jetB.NearestDistance)
                    {
                        jetB.NearestDistance = dist;
                        jetB.Nearest = a;
                    }
                }
            }

            int start = tile * MaxNeighbours;
            int end = start + _neighbourCount[tile];
            for (int k = start + _rightHandStart[tile]; k < end; k++)
            {
                int rightTile = _neighbours[k];
                for (int a = _tileHead[tile]; a >= 0; a = brief[a].Next)
                {
                    ref BriefJet jetA = ref brief[a];
                    for (int b = _tileHead[rightTile]; b >= 0; b = brief[b].Next)
                    {
                        ref BriefJet jetB = ref brief[b];
                        double dist = Distance(ref jetA, ref jetB);
                        if (dist < jetA.NearestDistance)
                        {
                            jetA.NearestDistance = dist;
                            jetA.Nearest = b;
                        }

                        if (dist < jetB.NearestDistance)
                        {
                            jetB.NearestDistance = dist;
                            jetB.Nearest = a;
                        }
                    }
                }
            }
        }
    }

    /// <summary>Recomputes the nearest neighbour of jet <paramref name="i"/> (in <paramref name="tile"/>) over the tile's neighbourhood.</summary>
    private void FindNearestInNeighbourhood(int i, int tile)
    {
        BriefJet[] brief = _brief;
        ref BriefJet jetI = ref brief[i];
        jetI.NearestDistance = _r2;
        jetI.Nearest = -1;
        int start = tile * MaxNeighbours;
        int end = start + _neighbourCount[tile];
        for (int k = start; k < end; k++)
        {
            for (int j = _tileHead[_neighbours[k]]; j >= 0; j = brief[j].Next)
            {
                double dist = Distance(ref jetI, ref brief[j]);
                if (dist < jetI.NearestDistance && j != i)
                {
                    jetI.NearestDistance = dist;
                    jetI.Nearest = j;
                }
            }
        }
    }

    /// <summary>The tiles whose jets may need new neighbours after a merging of a (into b) or a beam merging of a.</summary>
    private int CollectTileUnion(int a, int b, int oldTileOfB)
    {
        int count = 0;
        int tileA = _brief[a].TileIndex;
        AddUntaggedNeighbours(tileA, ref count);
        if (b >= 0)
        {
            int tileB = _brief[b].TileIndex;
            if (tileB != tileA)
            {
                AddUntaggedNeighbours(tileB, ref count);
            }

            if (oldTileOfB != tileA && oldTileOfB != tileB)
            {
                AddUntaggedNeighbours(oldTileOfB, ref count);
            }
        }

        return count;
    }
}
