#!/usr/bin/env bash
# Evaluating a 1000-tree depth-3 BDT read from a TMVA weight file (HepMl's TmvaReader) against XGBoost's
# inplace_predict on the same forest and the same 1M events, side by side in one run.
#
#   bench/peers/tmva_eval_vs_xgboost.sh [DATA_DIR] [REPEATS]
#
# DATA_DIR (default /tmp/peerdata) holds higgs_100k.h5 and higgs_1m.h5 from ../shared/peers/gen_data.py (made if
# missing). Steps: XGBoost trains 1000 trees of depth 3 on higgs_100k (cached in DATA_DIR/tmva_eval/); `hepml tmva
# convert` turns the model into a TMVA weight file, so both sides evaluate the same forest; then, after
# `common.py wait-quiet 300`, for 1 and 2 threads XGBoost and HepMl each evaluate all 1M rows (median of REPEATS,
# default 3) and print one JSON line; the last lines give the agreement of the two sides' probabilities
# (HepMl's TMVA response r is 2p - 1) and the ratios, with the host's busy fraction.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
PEERS="$(cd "$REPO/../shared/peers" && pwd)"
PY=/usr/bin/python3
DATA="${1:-/tmp/peerdata}"
REPEATS="${2:-3}"
WORK="$DATA/tmva_eval"
mkdir -p "$WORK"

[ -f "$DATA/higgs_1m.h5" ] || "$PY" "$PEERS/gen_data.py" "$DATA" --only higgs >&2
[ -f "$WORK/xgb_1000x3.json" ] || "$PY" "$HERE/tmva_eval_xgb.py" train "$DATA/higgs_100k.h5" "$WORK/xgb_1000x3.json"
[ -f "$WORK/higgs_1m.raw" ] || "$PY" "$HERE/tabular_to_raw.py" "$DATA/higgs_1m.h5" "$WORK/higgs_1m.raw"

dotnet build "$REPO/src/HepMl.Cli" -c Release -nodeReuse:false -v q >&2
dotnet build "$REPO/bench/HepMl.Benchmarks" -c Release -nodeReuse:false -v q >&2
dotnet "$REPO/src/HepMl.Cli/bin/Release/net10.0/hepml.dll" tmva convert "$WORK/xgb_1000x3.json" \
    --output "$WORK/xgb_1000x3.weights.xml" --title BDTG >&2
BENCH="$REPO/bench/HepMl.Benchmarks/bin/Release/net10.0/HepMl.Benchmarks"

OUT="$WORK/results.jsonl"
run_id="$(date -u +%Y%m%dT%H%M%SZ)"
busy="$("$PY" "$PEERS/common.py" wait-quiet 300)"
echo "tmva_eval_vs_xgboost: host busy before measuring: $busy" >&2
for t in 1 2; do
    "$PY" "$HERE/tmva_eval_xgb.py" predict "$DATA/higgs_1m.h5" "$WORK/xgb_1000x3.json" "$t" "$WORK/xgb_scores.f32" "$REPEATS" \
        | "$PY" "$PEERS/common.py" annotate run_id="\"$run_id\"" host_busy_before="$busy" | tee -a "$OUT"
    "$BENCH" tmva-eval "$WORK/xgb_1000x3.weights.xml" "$WORK/higgs_1m.raw" --threads "$t" --repeats "$REPEATS" --scores "$WORK/hepml_scores.f32" \
        | "$PY" "$PEERS/common.py" annotate run_id="\"$run_id\"" host_busy_before="$busy" | tee -a "$OUT"
done

"$PY" - "$OUT" "$run_id" "$WORK/xgb_scores.f32" "$WORK/hepml_scores.f32" <<'PYEOF'
import json, sys
import numpy as np
out, run_id, xgb_path, hepml_path = sys.argv[1:5]
rows = [json.loads(l) for l in open(out) if l.strip()]
rows = [r for r in rows if r.get("run_id") == run_id]
p = np.fromfile(xgb_path, dtype="<f4").astype(np.float64)
r = np.fromfile(hepml_path, dtype="<f4").astype(np.float64)
print(f"agreement: max |p_xgboost - (r_hepml + 1)/2| = {np.max(np.abs(p - (r + 1) / 2)):.3g} over {len(p)} events")
by = {(x["peer"], x["threads"]): x for x in rows}
x1 = by[("xgboost", 1)]["seconds"]
for t in (1, 2):
    h, x = by[("hepml", t)], by[("xgboost", t)]
    print(f"threads={t}: hepml {h['seconds']:.3f} s ({h['rows_per_s']:.3g} rows/s, other busy {h['host_other_busy']:.2f}), "
          f"xgboost {x['seconds']:.3f} s ({x['rows_per_s']:.3g} rows/s, other busy {x['host_other_busy']:.2f}); "
          f"hepml speed / xgboost same threads = {x['seconds'] / h['seconds']:.2f}x, / xgboost 1 thread = {x1 / h['seconds']:.2f}x")
PYEOF
