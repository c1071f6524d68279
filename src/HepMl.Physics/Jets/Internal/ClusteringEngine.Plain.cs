namespace HepMl.Physics.Jets.Internal;

internal sealed partial class ClusteringEngine
{
    /// <summary>FastJet's <c>_simple_N2_cluster</c> (strategy N2Plain): a compact array, all pairs.</summary>
    private void RunPlain()
    {
        BriefJet[] brief = _brief;
        double[] dij = _dij;
        int n = _sequence.InitialParticleCount;
        for (int i = 0; i < n; i++)
        {
            SetJetInfo(ref brief[i], i);
        }

        // Initial nearest neighbours (FastJet: _bj_set_NN_crosscheck of each jet against the earlier ones).
        for (int a = 1; a < n; a++)
        {
            ref BriefJet jetA = ref brief[a];
            double nearestDistance = _r2;
            int nearest = -1;
            for (int b = 0; b < a; b++)
            {
                ref BriefJet jetB = ref brief[b];
                double dist = Distance(ref jetA, ref jetB);
                if (dist < nearestDistance)
                {
                    nearestDistance = dist;
                    nearest = b;
                }

                if (dist < jetB.NearestDistance)
                {
                    jetB.NearestDistance = dist;
                    jetB.Nearest = a;
                }
            }

            jetA.Nearest = nearest;
            jetA.NearestDistance = nearestDistance;
        }

        for (int i = 0; i < n; i++)
        {
            dij[i] = Dij(ref brief[i]);
        }

        while (n > 0)
        {
            double dijMin = dij[0];
            int best = 0;
            for (int i = 1; i < n; i++)
            {
                if (dij[i] < dijMin)
                {
                    best = i;
                    dijMin = dij[i];
                }
            }

            int a = best;
            int b = brief[a].Nearest;
            dijMin *= _invR2;
            if (b >= 0)
            {
                if (a < b)
                {
                    (a, b) = (b, a);
                }

                int merged = _sequence.RecombinePair(brief[a].JetIndex, brief[b].JetIndex, dijMin);
                SetJetInfo(ref brief[b], merged);
            }
            else
            {
                _sequence.RecombineWithBeam(brief[a].JetIndex, dijMin);
            }

            n--;
            int tail = n;
            brief[a] = brief[tail];
            dij[a] = dij[tail];

            for (int i = 0; i < n; i++)
            {
                ref BriefJet jetI = ref brief[i];
                // A jet without a neighbour keeps none after a beam merging, so FastJet's recomputation for
                // Nearest == null (when b is null) changes nothing and is skipped.
                if (jetI.Nearest == a || (b >= 0 && jetI.Nearest == b))
                {
                    SetNearestNoCross(i, n);
                    dij[i] = Dij(ref jetI);
                }

                if (b >= 0)
                {
                    ref BriefJet jetB = ref brief[b];
                    double dist = Distance(ref jetI, ref jetB);
                    if (dist < jetI.NearestDistance && i != b)
                    {
                        jetI.NearestDistance = dist;
                        jetI.Nearest = b;
                        dij[i] = Dij(ref jetI);
                    }

                    if (dist < jetB.NearestDistance && i != b)
                    {
                        jetB.NearestDistance = dist;
                        jetB.Nearest = i;
                    }
                }

                if (jetI.Nearest == tail)
                {
                    jetI.Nearest = a;
                }
            }

            if (b >= 0)
            {
                dij[b] = Dij(ref brief[b]);
            }
        }
    }

    /// <summary>FastJet's <c>_bj_set_NN_nocross</c> over the live range [0, count).</summary>
    private void SetNearestNoCross(int index, int count)
    {
        BriefJet[] brief = _brief;
        ref BriefJet jet = ref brief[index];
        double nearestDistance = _r2;
        int nearest = -1;
        for (int b = 0; b < count; b++)
        {
            if (b == index)
            {
                continue;
            }

            double dist = Distance(ref jet, ref brief[b]);
            if (dist < nearestDistance)
            {
                nearestDistance = dist;
                nearest = b;
            }
        }

        jet.Nearest = nearest;
        jet.NearestDistance = nearestDistance;
    }
}
