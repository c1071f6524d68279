namespace HepMl.Physics.Jets.Internal;

internal sealed partial class ClusteringEngine
{
    /// <summary>FastJet's <c>_faster_tiled_N2_cluster</c> (strategy N2Tiled): tiles plus a compact distance table scanned linearly.</summary>
    private void RunTiled()
    {
        BriefJet[] brief = _brief;
        double[] dij = _dij;
        int[] dijJet = _dijJet;
        int n = _sequence.InitialParticleCount;
        InitialiseTiledJets(n);

        FindInitialNeighboursInTiles();
        for (int i = 0; i < n; i++)
        {
            dij[i] = Dij(ref brief[i]);
            dijJet[i] = i;
            brief[i].DijPosition = i;
        }

        while (n > 0)
        {
            int best = 0;
            double dijMin = dij[0];
            for (int k = 1; k < n; k++)
            {
                if (dij[k] < dijMin)
                {
                    best = k;
                    dijMin = dij[k];
                }
            }

            int a = dijJet[best];
            int b = brief[a].Nearest;
            dijMin *= _invR2;
            int oldTileOfB = 0;
            if (b >= 0)
            {
                if (a < b)
                {
                    (a, b) = (b, a);
                }

                int merged = _sequence.RecombinePair(brief[a].JetIndex, brief[b].JetIndex, dijMin);
                RemoveFromTiles(a);
                oldTileOfB = brief[b].TileIndex;
                RemoveFromTiles(b);
                SetTiledJetInfo(b, merged);
            }
            else
            {
                _sequence.RecombineWithBeam(brief[a].JetIndex, dijMin);
                RemoveFromTiles(a);
            }

            int tiles = CollectTileUnion(a, b, oldTileOfB);

            // Compact the distance table: the last entry takes a's place.
            n--;
            int posA = brief[a].DijPosition;
            brief[dijJet[n]].DijPosition = posA;
            dij[posA] = dij[n];
            dijJet[posA] = dijJet[n];

            for (int t = 0; t < tiles; t++)
            {
                int tile = _tileUnion[t];
                _tileTagged[tile] = false;
                for (int i = _tileHead[tile]; i >= 0; i = brief[i].Next)
                {
                    ref BriefJet jetI = ref brief[i];
                    if (jetI.Nearest == a || (b >= 0 && jetI.Nearest == b))
                    {
                        FindNearestInNeighbourhood(i, tile);
                        dij[jetI.DijPosition] = Dij(ref jetI);
                    }

                    if (b >= 0)
                    {
                        ref BriefJet jetB = ref brief[b];
                        double dist = Distance(ref jetI, ref jetB);
                        if (dist < jetI.NearestDistance && i != b)
                        {
                            jetI.NearestDistance = dist;
                            jetI.Nearest = b;
                            dij[jetI.DijPosition] = Dij(ref jetI);
                        }

                        if (dist < jetB.NearestDistance && i != b)
                        {
                            jetB.NearestDistance = dist;
                            jetB.Nearest = i;
                        }
                    }
                }
            }

            if (b >= 0)
            {
                dij[brief[b].DijPosition] = Dij(ref brief[b]);
            }
        }
    }

    /// <summary>FastJet's <c>_minheap_faster_tiled_N2_cluster</c> (strategy N2MinHeapTiled): tiles plus a min-heap of distances.</summary>
    private void RunMinHeapTiled()
    {
        BriefJet[] brief = _brief;
        double[] dij = _dij;
        int[] pending = _updateStack;
        int n = _sequence.InitialParticleCount;
        InitialiseTiledJets(n);

        FindInitialNeighboursInTiles();
        for (int i = 0; i < n; i++)
        {
            dij[i] = Dij(ref brief[i]);
            brief[i].DijPosition = 0; // here: 1 = heap update pending
        }

        _heap.Initialise(dij.AsSpan(0, n));
        while (n > 0)
        {
            double dijMin = _heap.MinValue * _invR2;
            int a = _heap.MinLocation;
            int b = brief[a].Nearest;
            int oldTileOfB = 0;
            int pendingCount = 0;
            if (b >= 0)
            {
                if (a < b)
                {
                    (a, b) = (b, a);
                }

                int merged = _sequence.RecombinePair(brief[a].JetIndex, brief[b].JetIndex, dijMin);
                RemoveFromTiles(a);
                oldTileOfB = brief[b].TileIndex;
                RemoveFromTiles(b);
                SetTiledJetInfo(b, merged);
            }
            else
            {
                _sequence.RecombineWithBeam(brief[a].JetIndex, dijMin);
                RemoveFromTiles(a);
            }

            _heap.Remove(a);
            int tiles = CollectTileUnion(a, b, oldTileOfB);
            if (b >= 0)
            {
                brief[b].DijPosition = 1;
                pending[pendingCount++] = b;
            }

            for (int t = 0; t < tiles; t++)
            {
                int tile = _tileUnion[t];
                _tileTagged[tile] = false;
                for (int i = _tileHead[tile]; i >= 0; i = brief[i].Next)
                {
                    ref BriefJet jetI = ref brief[i];
                    if (jetI.Nearest == a || (b >= 0 && jetI.Nearest == b))
                    {
                        if (jetI.DijPosition == 0)
                        {
                            jetI.DijPosition = 1;
                            pending[pendingCount++] = i;
                        }

                        FindNearestInNeighbourhood(i, tile);
                    }

                    if (b >= 0)
                    {
                        ref BriefJet jetB = ref brief[b];
                        double dist = Distance(ref jetI, ref jetB);
                        if (dist < jetI.NearestDistance && i != b)
                        {
                            jetI.NearestDistance = dist;
                            jetI.Nearest = b;
                            if (jetI.DijPosition == 0)
                            {
                                jetI.DijPosition = 1;
                                pending[pendingCount++] = i;
                            }
                        }

                        if (dist < jetB.NearestDistance && i != b)
                        {
                            jetB.NearestDistance = dist;
                            jetB.Nearest = i;
                        }
                    }
                }
            }

            // FastJet pops its update list from the back.
            while (pendingCount > 0)
            {
                int i = pending[--pendingCount];
                _heap.Update(i, Dij(ref brief[i]));
                brief[i].DijPosition = 0;
            }

            n--;
        }
    }
}
