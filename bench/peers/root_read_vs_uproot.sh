#!/usr/bin/env bash
# HepMl's ROOT reader and uproot on the same big TTree files, side by side in one run.
#
#   bench/peers/root_read_vs_uproot.sh [DIR] [ENTRIES] [ROUNDS] [SMALL_DIR] [SMALL_ENTRIES]
#
# DIR (default /tmp/bigroot) holds events_{zlib1,lz4_4,zstd5}.root made by ../shared/peers/uproot/make_big_root.py;
# missing files are written with ENTRIES entries (default 20,000,000, the peer's default). SMALL_DIR (default
# /tmp/bigroot5m) gets a ZSTD file of SMALL_ENTRIES (default 5,000,000) for the streaming-memory comparison.
# Needs uproot's source (UPROOT_SRC, default /tmp/uproot5; see ../shared/peers/uproot/README.md) and Debian's python3.
#
# ROUNDS (default 3) rounds; in each, for every file and for 1 and 2 threads, the script first waits for a quiet host
# (common.py wait-quiet, up to QUIET_START seconds, default 300), then runs uproot's read_bench.py and HepMl's
# `root-read` one after the other, alternating which goes first from round to round. Each run is one warm-up read and
# one timed read (its own quiet wait of up to QUIET_WAIT s, default 60; the host's busy share by other processes is
# measured during the read; up to EXTRA_TRIES, default 1, more reads may replace a busy one): all 16 branches
# decoded into typed arrays, jagged branches as offsets + content.
# uproot with 2 threads uses its decompression and interpretation executors (two ThreadPoolExecutor(2)).
# Then HepMl's streaming mode (chunks of 1M entries, reused buffers) reads the big and the small ZSTD file and
# reports its peak working set. Everything is appended to DIR/root_read.jsonl; root_read_table.py prints medians
# over the rounds, ratios and value checks against the writer's make_big_root.json. SKIP_BUILD=1 reuses the
# benchmark binary already in DIR/hepml-bench-bin. CODECS (default "zlib1 lz4_4 zstd5") limits the timed files.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
PEERS="$(cd "$REPO/../shared/peers" && pwd)"
PEER="$PEERS/uproot"
PY=/usr/bin/python3
DIR="${1:-/tmp/bigroot}"
ENTRIES="${2:-20000000}"
ROUNDS="${3:-3}"
SMALL_DIR="${4:-/tmp/bigroot5m}"
SMALL_ENTRIES="${5:-5000000}"
QUIET_START="${QUIET_START:-300}"
QUIET_WAIT="${QUIET_WAIT:-60}"
EXTRA_TRIES="${EXTRA_TRIES:-1}"   # further reads allowed to replace one taken while the host was busy
OUT="$DIR/root_read.jsonl"
mkdir -p "$DIR" "$SMALL_DIR"

eval "$("$PEER/setup.sh" "${UPROOT_SRC:-/tmp/uproot5}")"
for c in zlib1 lz4_4 zstd5; do
    if [ ! -f "$DIR/events_$c.root" ]; then
        "$PY" "$PEER/make_big_root.py" "$DIR" --entries "$ENTRIES" --compressions "$c" >&2
    fi
done
if [ ! -f "$SMALL_DIR/events_zstd5.root" ]; then
    "$PY" "$PEER/make_big_root.py" "$SMALL_DIR" --entries "$SMALL_ENTRIES" --compressions zstd5 >&2
fi

# Built into its own folder so that a rebuild elsewhere cannot change the binary mid-run.
BIN="$DIR/hepml-bench-bin"
[ -n "${SKIP_BUILD:-}" ] || dotnet build "$REPO/bench/HepMl.Benchmarks" -c Release -nodeReuse:false -v q -o "$BIN" >&2
BENCH="$BIN/HepMl.Benchmarks"

run_id="$(date -u +%Y%m%dT%H%M%SZ)"
tag() { "$PY" "$PEERS/common.py" annotate run_id="$run_id" round="$1" reader="$2" host_busy_before="$3"; }
uproot_read() {  # round file threads busy
    "$PY" "$PEER/read_bench.py" "$2" --threads "$3" --repeat 1 --extra-tries "$EXTRA_TRIES" --quiet-wait "$QUIET_WAIT" \
        | "$PY" "$PEERS/common.py" annotate mode=full | tag "$1" uproot "$4" >> "$OUT"
}
hepml_read() {  # round file threads busy [extra options]
    local round="$1" file="$2" threads="$3" busy="$4"
    shift 4
    "$BENCH" root-read "$file" --threads "$threads" --repeat 1 --extra-tries "$EXTRA_TRIES" --quiet-wait "$QUIET_WAIT" "$@" \
        | tag "$round" hepml "$busy" >> "$OUT"
}

for round in $(seq 1 "$ROUNDS"); do
    for c in ${CODECS:-zlib1 lz4_4 zstd5}; do
        f="$DIR/events_$c.root"
        for t in 1 2; do
            busy="$("$PY" "$PEERS/common.py" wait-quiet "$QUIET_START" 0.25)"
            echo "root_read_vs_uproot: round $round $(basename "$f") threads=$t (host busy $busy)" >&2
            if [ $((round % 2)) -eq 1 ]; then
                uproot_read "$round" "$f" "$t" "$busy"
                hepml_read "$round" "$f" "$t" "$busy"
            else
                hepml_read "$round" "$f" "$t" "$busy"
                uproot_read "$round" "$f" "$t" "$busy"
            fi
        done
    done
    for f in "$DIR/events_zstd5.root" "$SMALL_DIR/events_zstd5.root"; do
        busy="$("$PY" "$PEERS/common.py" wait-quiet "$QUIET_START" 0.25)"
        echo "root_read_vs_uproot: round $round $f streaming (host busy $busy)" >&2
        hepml_read "$round" "$f" 2 "$busy" --mode stream --chunk 1000000
    done
done

"$PY" "$HERE/root_read_table.py" "$OUT" --manifest "$DIR/make_big_root.json" --manifest "$SMALL_DIR/make_big_root.json" --run "$run_id"
