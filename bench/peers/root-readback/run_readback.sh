#!/usr/bin/env bash
# HepMl writes ROOT files with every object and branch kind (five compressions, plus a friend tree); uproot reads
# them back and compares value by value. Exit status 1 on any difference.
# Usage: UPROOT_SRC=/tmp/uproot5 bash bench/peers/root-readback/run_readback.sh [OUT_DIR] [ENTRIES]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
peers="$here/../../../../shared/peers"
out="${1:-/tmp/peerdata/root-readback}"
entries="${2:-20000}"
eval "$("$peers/uproot/setup.sh" "${UPROOT_SRC:-/tmp/uproot5}" 2>/dev/null)"
export PYTHONPATH="$PYTHONPATH:$peers/uproot"
dotnet build -c Release "$here/HepMl.RootReadbackBench.csproj" -nodeReuse:false -v q >&2
rm -rf "$out"
"$here/bin/Release/net10.0/HepMl.RootReadbackBench" "$out" "$entries"
/usr/bin/python3 "$here/readback_all_kinds.py" "$out"
