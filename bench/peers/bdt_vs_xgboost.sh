#!/usr/bin/env bash
# Issue 5's performance acceptance, side by side in one run: HepMl's histogram GBDT against XGBoost hist
# (../shared/peers/xgb_bdt.py: 200 trees, depth 6, eta 0.1, max_bin 256) on higgs_1m with 2 threads.
# Usage (from anywhere): bash bench/peers/bdt_vs_xgboost.sh [/tmp/peerdata] [REPEATS=3]
# Steps: build the benchmark console (Release), wait up to 300 s for a quiet host (common.py wait-quiet), then run
# XGBoost and HepMl alternately REPEATS times each (bdt_compare.py --only gbdt; every run waits for a quiet host
# again and is measured under GNU time for the peak RSS). Prints every run's figures, the medians over clean runs
# (all runs when none is clean), the ratios HepMl/XGBoost (train time, predict rows/s, peak RSS, AUC difference)
# and the host busy fraction measured before each run and by other processes during it (host_other_busy).
# Goals: train <= 0.8x, predict >= 1.5x, peak RSS <= 1x, AUC >= XGBoost's - 0.002.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
data=${1:-/tmp/peerdata}
repeats=${2:-3}
peers=$repo/../shared/peers
py=/usr/bin/python3

[ -f "$data/higgs_1m.h5" ] || $py "$peers/gen_data.py" "$data" --only higgs
dotnet build "$repo/bench/HepMl.Benchmarks" -c Release -nodeReuse:false -v q > /dev/null
results=$data/results_bdt_vs_xgboost.jsonl
start_line=$( [ -f "$results" ] && wc -l < "$results" || echo 0 )

echo "[bdt_vs_xgboost] waiting up to 300 s for a quiet host" >&2
busy=$($py "$peers/common.py" wait-quiet 300 0.25 | tail -n 1)
echo "[bdt_vs_xgboost] host busy fraction before the run: $busy" >&2

$py "$here/bdt_compare.py" "$data" --only gbdt --repeats "$repeats" --threads 2 --results "$results" \
    --quiet-wait "${QUIET_WAIT:-120}"

echo
echo "Runs of this invocation (host_busy_before = busy fraction just before the run; host_other_busy = CPU share"
echo "other processes used while it ran; clean = host_other_busy <= 0.10):"
tail -n +"$((start_line + 1))" "$results" | $py -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    print("  %-11s try %d  train %6.2f s (cpu %6.2f s)  predict %9.3g rows/s  peak RSS %5.0f MB  AUC %.5f  busy before %.2f  other busy %.2f  %s" % (
        r["peer"], r["try"], r["train_s"], r.get("train_cpu_s", float("nan")), r["predict_rows_per_s"],
        (r.get("peak_rss_kb_time") or 0) / 1024, r["auc"], r["host_busy_before"], r.get("host_other_busy", float("nan")),
        "clean" if r["clean"] else "contended"))
'
