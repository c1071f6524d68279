#!/usr/bin/env bash
# Side-by-side anti-kt R=0.4 timing of FastJet (../shared/peers/fastjet_antikt.cpp) and HepMl on the shared
# particle files, plus the checksum check (jet counts and sum of jet pt must equal FastJet's on every full file).
# Usage (from the repository root): bash bench/peers/physics_clustering.sh [/tmp/peerdata] [REPEATS]
# Prints the JSON line of every run (annotated with run_id) and a summary table; appends the lines to
# DATA_DIR/results.jsonl like ../shared/peers/run_all.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:-/tmp/peerdata}
repeats=${2:-3}
peers=../shared/peers
py=/usr/bin/python3
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT

[ -f "$data/particles_n1000.csv" ] || $py $peers/gen_data.py "$data" --only particles
g++ -O2 -std=c++17 $(fastjet-config --cxxflags) $peers/fastjet_antikt.cpp -lfastjet -o "$build/fastjet_antikt"
dotnet build bench/HepMl.Benchmarks -c Release -nodeReuse:false -v q -o "$build/hepml" > /dev/null
run_id=physics_clustering_$(date -u +%Y%m%dT%H%M%SZ)
lines="$build/lines.jsonl"

for n in 100 500 1000; do
  for r in $(seq 1 "$repeats"); do
    busy=$($py $peers/common.py wait-quiet "${QUIET_WAIT:-30}" 0.25 | tail -n 1)
    # Alternate the order so neither side always runs first.
    if [ $((r % 2)) -eq 1 ]; then order="fastjet hepml"; else order="hepml fastjet"; fi
    for side in $order; do
      if [ "$side" = fastjet ]; then
        "$build/fastjet_antikt" "$data/particles_n$n.csv" --R 0.4 --ptmin 5 --strategy Best --passes 3
      else
        dotnet "$build/hepml/HepMl.Benchmarks.dll" peer-cluster "$data/particles_n$n.csv" --R 0.4 --ptmin 5 --strategy Best --passes 3
      fi | $py $peers/common.py annotate run_id="\"$run_id\"" try=$r host_busy_before="$busy" | tee -a "$lines"
    done
  done
done
cat "$lines" >> "$data/results.jsonl"

$py - "$lines" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
ok = True
# ms_per_event is the mean over the file (sensitive to preemption on a busy host); p50 is the per-event median.
print("\n| N | FastJet ms/event | HepMl ms/event | ratio | FastJet p50 ms | HepMl p50 ms | p50 ratio | host_other_busy (FastJet / HepMl) | checksums equal |")
print("|---|---|---|---|---|---|---|---|---|")
for ds in sorted({r["dataset"] for r in rows}, key=lambda d: int(d.split("_n")[1])):
    fj = [r for r in rows if r["dataset"] == ds and r["peer"] == "fastjet_antikt"]
    hm = [r for r in rows if r["dataset"] == ds and r["peer"] == "hepml_antikt"]
    same = all((h["njets_ptmin_total"], h["njets_pt20_total"], round(h["sum_jet_pt"], 3)) ==
               (fj[0]["njets_ptmin_total"], fj[0]["njets_pt20_total"], round(fj[0]["sum_jet_pt"], 3)) for h in hm)
    ok &= same
    f = statistics.median(r["ms_per_event"] for r in fj)
    h = statistics.median(r["ms_per_event"] for r in hm)
    fp = statistics.median(r["ms_per_event_p50"] for r in fj)
    hp = statistics.median(r["ms_per_event_p50"] for r in hm)
    fb = statistics.median(r["host_other_busy"] for r in fj)
    hb = statistics.median(r["host_other_busy"] for r in hm)
    print(f"| {ds.split('_n')[1]} | {f:.4f} | {h:.4f} | {h / f:.2f} | {fp:.4f} | {hp:.4f} | {hp / fp:.2f} | {fb:.2f} / {hb:.2f} | {same} |")
sys.exit(0 if ok else 1)
PY
