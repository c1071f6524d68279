#!/usr/bin/env bash
# HepMl's ROOT reader and uproot on the same big TTree files, side by side in one run.
#
#   bench/peers/root_read_vs_uproot.sh [DIR] [ENTRIES] [REPEAT]
#
# DIR (default /tmp/bigroot) holds events_{zlib1,lz4_4,zstd5}.root made by ../shared/peers/uproot/make_big_root.py;
# missing files are written with ENTRIES entries (default 5,000,000; the peer's default is 20M). Needs uproot's
# source (set UPROOT_SRC, default /tmp/uproot5; see ../shared/peers/uproot/README.md) and Debian's python3.
# For each file and 1 and 2 threads, uproot's read_bench.py and HepMl's `root-read` (both: one warm-up, best of
# REPEAT clean reads, all 16 branches decoded into typed arrays, jagged as offsets + content) run one after the
# other and append JSON lines to DIR/root_read.jsonl; HepMl's streaming mode (chunks of 1M entries, reused buffers)
# adds its peak working set. The table is printed by root_read_table.py, values checked against the writer's
# make_big_root.json. QUIET_WAIT (default 60) bounds how long each timed read waits for a quiet host.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
PEER="$(cd "$REPO/../shared/peers/uproot" && pwd)"
PY=/usr/bin/python3
DIR="${1:-/tmp/bigroot}"
ENTRIES="${2:-5000000}"
REPEAT="${3:-3}"
QUIET_WAIT="${QUIET_WAIT:-60}"   # seconds each timed read may wait for a quiet host (both readers)
OUT="$DIR/root_read.jsonl"
mkdir -p "$DIR"

eval "$("$PEER/setup.sh" "${UPROOT_SRC:-/tmp/uproot5}")"
for c in zlib1 lz4_4 zstd5; do
    if [ ! -f "$DIR/events_$c.root" ]; then
        "$PY" "$PEER/make_big_root.py" "$DIR" --entries "$ENTRIES" --compressions "$c" >&2
    fi
done

dotnet build "$REPO/bench/HepMl.Benchmarks" -c Release -nodeReuse:false -v q >&2
BENCH="$REPO/bench/HepMl.Benchmarks/bin/Release/net10.0/HepMl.Benchmarks"

run_id="$(date -u +%Y%m%dT%H%M%SZ)"
for c in zlib1 lz4_4 zstd5; do
    f="$DIR/events_$c.root"
    for t in 1 2; do
        echo "root_read_vs_uproot: $(basename "$f") threads=$t uproot" >&2
        "$PY" "$PEER/read_bench.py" "$f" --threads "$t" --repeat "$REPEAT" --quiet-wait "$QUIET_WAIT" \
            | "$PY" -c 'import json,sys; r=json.loads(sys.stdin.read()); r.update(reader="uproot", mode="full", run_id=sys.argv[1]); print(json.dumps(r))' "$run_id" >> "$OUT"
        echo "root_read_vs_uproot: $(basename "$f") threads=$t hepml" >&2
        "$BENCH" root-read "$f" --threads "$t" --repeat "$REPEAT" --quiet-wait "$QUIET_WAIT" \
            | "$PY" -c 'import json,sys; r=json.loads(sys.stdin.read()); r.update(run_id=sys.argv[1]); print(json.dumps(r))' "$run_id" >> "$OUT"
    done
    echo "root_read_vs_uproot: $(basename "$f") threads=2 hepml streaming" >&2
    "$BENCH" root-read "$f" --threads 2 --repeat "$REPEAT" --quiet-wait "$QUIET_WAIT" --mode stream --chunk 1000000 \
        | "$PY" -c 'import json,sys; r=json.loads(sys.stdin.read()); r.update(run_id=sys.argv[1]); print(json.dumps(r))' "$run_id" >> "$OUT"
done

"$PY" "$HERE/root_read_table.py" "$OUT" --manifest "$DIR/make_big_root.json" --run "$run_id"
