#!/usr/bin/env bash
# CSV read throughput, HepMl vs pandas (C engine, round-trip float parsing) on the peers' CSV, side by side.
# Usage: bash bench/peers/csv/run_csv_read.sh [FILE.csv]   (default /tmp/peerdata/higgs_1m.csv, from gen_data.py)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
file="${1:-/tmp/peerdata/higgs_1m.csv}"
dotnet build -c Release "$here/HepMl.CsvReadBench.csproj" -nodeReuse:false -v q >&2
common="$repo/../shared/peers/common.py"
echo "host busy before run: $(/usr/bin/python3 "$common" wait-quiet 120 0.15 || true)" >&2
bench="$here/bin/Release/net10.0/HepMl.CsvReadBench"
/usr/bin/python3 "$here/read_pandas.py" "$file" 3
"$bench" "$file" 1 3
"$bench" "$file" 2 3
echo "host busy after run: $(/usr/bin/python3 "$common" busy 1)" >&2
