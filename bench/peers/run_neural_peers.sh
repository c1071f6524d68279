#!/usr/bin/env bash
# Runs HepMl's neural-network benchmarks and the PyTorch peers (../shared/peers) side by side on the same data,
# architectures and settings, then prints HepMl/PyTorch ratios. Every run appends one JSON line to $RESULTS.
#
#   bash bench/peers/run_neural_peers.sh                  # gemm mlp cnn vae
#   ONLY="mlp cnn" REPEATS=3 bash bench/peers/run_neural_peers.sh
#
# Knobs: DATA (peer data, default /tmp/peerdata, made by gen_data.py if missing), WORK (raw copies, OpenBLAS,
# results; default /tmp/hepml-neural), ONLY, REPEATS (default 1), CNN_EPOCHS (default 5), TORCH_BLAS
# ("openblas", the fair baseline, or "reference"), QUIET_WAIT / QUIET_BUSY (wait for a quiet host before each run).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PEERS="${PEERS:-$ROOT/../shared/peers}"
DATA="${DATA:-/tmp/peerdata}"
WORK="${WORK:-/tmp/hepml-neural}"
PY="${PYTHON:-/usr/bin/python3}"
ONLY="${ONLY:-gemm mlp cnn vae}"
REPEATS="${REPEATS:-1}"
CNN_EPOCHS="${CNN_EPOCHS:-5}"
TORCH_BLAS="${TORCH_BLAS:-openblas}"
QUIET_WAIT="${QUIET_WAIT:-60}"
QUIET_BUSY="${QUIET_BUSY:-0.25}"
RESULTS="${RESULTS:-$WORK/results.jsonl}"
RUN_ID="neural$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$WORK"

[ -f "$DATA/MANIFEST.json" ] || "$PY" "$PEERS/gen_data.py" "$DATA" >&2
for name in higgs_100k jetimages dijet_train dijet_test; do
  "$PY" "$HERE/h5_to_raw.py" "$DATA/$name.h5" "$WORK/$name"
done

# OpenBLAS for torch, as peers/run_all.sh does (unpacked, not installed; shared/ is read-only, so under $WORK).
OPENBLAS_DIR="$WORK/openblas/usr/lib/x86_64-linux-gnu/openblas-pthread"
TORCH_ENV=()
if [[ "$TORCH_BLAS" == openblas ]]; then
  if [ ! -f "$OPENBLAS_DIR/libblas.so.3" ]; then
    mkdir -p "$WORK/debs"
    (cd "$WORK/debs" && apt-get download libopenblas0-pthread >&2) || { echo "could not fetch libopenblas0-pthread" >&2; exit 1; }
    dpkg -x "$(ls "$WORK"/debs/libopenblas0-pthread_*.deb | tail -1)" "$WORK/openblas"
  fi
  TORCH_ENV=(env "LD_LIBRARY_PATH=$OPENBLAS_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}")
fi

dotnet build "$ROOT/bench/HepMl.Benchmarks" -c Release -nodeReuse:false -v quiet >&2
BENCH=(dotnet "$ROOT/bench/HepMl.Benchmarks/bin/Release/net10.0/HepMl.Benchmarks.dll")

run() { # label cmd...
  local busy
  busy=$("$PY" "$PEERS/common.py" wait-quiet "$QUIET_WAIT" "$QUIET_BUSY")
  echo "[neural] $1 (host busy before: $busy)" >&2
  shift
  "$@" | "$PY" "$PEERS/common.py" annotate run_id="$RUN_ID" host_busy_before="$busy" torch_blas="$TORCH_BLAS" | tee -a "$RESULTS"
}

for ((r = 0; r < REPEATS; r++)); do
  for what in $ONLY; do
    case "$what" in
      gemm) run "hepml gemm" "${BENCH[@]}" neural-gemm ;;
      mlp)
        run "torch mlp" "${TORCH_ENV[@]}" "$PY" "$PEERS/torch_mlp.py" "$DATA/higgs_100k.h5"
        run "hepml mlp" "${BENCH[@]}" neural-mlp "$WORK/higgs_100k" ;;
      cnn)
        run "torch cnn" "${TORCH_ENV[@]}" "$PY" "$PEERS/torch_cnn.py" "$DATA/jetimages.h5" --epochs "$CNN_EPOCHS"
        run "hepml cnn" "${BENCH[@]}" neural-cnn "$WORK/jetimages" --epochs "$CNN_EPOCHS" ;;
      vae)
        run "torch vae" "${TORCH_ENV[@]}" "$PY" "$PEERS/torch_vae.py" "$DATA"
        run "hepml vae" "${BENCH[@]}" neural-vae "$WORK/dijet_train" "$WORK/dijet_test" ;;
      *) echo "unknown benchmark $what" >&2; exit 2 ;;
    esac
  done
done

"$PY" "$HERE/neural_ratios.py" "$RESULTS" "$RUN_ID"
