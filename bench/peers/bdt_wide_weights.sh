#!/usr/bin/env bash
# Accuracy of HepMl's gradient boosting (integer gradient histograms) against XGBoost hist when event weights span
# many orders of magnitude, as in weighted Monte Carlo: higgs_1m's weights times a log-normal factor (sigma 2,
# numpy seed 1) and 20 events times 1e4 more (largest weight / mean about 7.5e4). Same settings as
# bdt_vs_xgboost.sh (200 trees, depth 6, eta 0.1, 256 bins, 2 threads); prints each side's test AUC, unweighted and
# weighted. Timing is not the point here (no wait for a quiet host).
# Usage: bash bench/peers/bdt_wide_weights.sh [/tmp/peerdata]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
data=${1:-/tmp/peerdata}
peers=$repo/../shared/peers
py=/usr/bin/python3
work=$data/wide_weights
mkdir -p "$work"

[ -f "$data/higgs_1m.h5" ] || $py "$peers/gen_data.py" "$data" --only higgs
if [ ! -f "$work/higgs_wide.raw" ]; then
    cp "$data/higgs_1m.h5" "$work/higgs_wide.h5"
    $py - "$work/higgs_wide.h5" <<'PY'
import sys
import h5py
import numpy as np
rng = np.random.default_rng(1)
with h5py.File(sys.argv[1], "r+") as f:
    w = f["weights"][:]
    w = w * np.exp(rng.normal(0.0, 2.0, len(w))).astype(np.float32)
    w[rng.choice(len(w), 20, replace=False)] *= 1e4
    f["weights"][:] = w
    print("weights: min %.3g max %.3g mean %.3g" % (w.min(), w.max(), w.mean()), file=sys.stderr)
PY
    $py "$here/tabular_to_raw.py" "$work/higgs_wide.h5" "$work/higgs_wide.raw"
fi
dotnet build "$repo/bench/HepMl.Benchmarks" -c Release -nodeReuse:false -v q > /dev/null

summary='import json, sys; r = json.loads(sys.stdin.read()); print("%-10s AUC %.5f  weighted AUC %.5f  train %.1f s" % (r["peer"], r["auc"], r["auc_weighted"], r["train_s"]))'
$py "$peers/xgb_bdt.py" "$work/higgs_wide.h5" --threads 2 | grep '^{' | $py -c "$summary"
dotnet "$repo/bench/HepMl.Benchmarks/bin/Release/net10.0/HepMl.Benchmarks.dll" bdt-peer "$work/higgs_wide.raw" --mode gbdt --threads 2 | $py -c "$summary"
