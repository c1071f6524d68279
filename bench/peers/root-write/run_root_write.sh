#!/usr/bin/env bash
# ROOT writing: HepMl vs uproot on the same tree layout (make_big_root.py's branches), side by side in one run, then
# uproot reads a HepMl-written file back value by value.
# Usage: UPROOT_SRC=/tmp/uproot5 bash bench/peers/root-write/run_root_write.sh [ENTRIES] [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
peers="$repo/../shared/peers"
entries="${1:-10000000}"
out="${2:-/tmp/peerdata/root-write}"
mkdir -p "$out"
eval "$("$peers/uproot/setup.sh" "${UPROOT_SRC:-/tmp/uproot5}" 2>/dev/null)"
export PYTHONPATH="$PYTHONPATH:$peers/uproot"
dotnet build -c Release "$here/HepMl.RootWriteBench.csproj" -nodeReuse:false -v q >&2
bench="$here/bin/Release/net10.0/HepMl.RootWriteBench"
echo "host busy before run: $(/usr/bin/python3 "$peers/common.py" wait-quiet 120 0.15 || true)" >&2
for codec in zlib:1 lz4:4 zstd:5; do
  key=$(echo "$codec" | sed 's/zlib:1/zlib1/; s/lz4:4/lz4_4/; s/zstd:5/zstd5/')
  /usr/bin/python3 "$here/write_uproot.py" "$out/uproot_$key.root" "$entries" "$key"
  "$bench" "$out/hepml_$key.root" "$entries" "$codec" --threads 1 --from "$out/uproot_$key.root"
  "$bench" "$out/hepml_$key.root" "$entries" "$codec" --threads 2 --from "$out/uproot_$key.root"
done
echo "host busy after run: $(/usr/bin/python3 "$peers/common.py" busy 1)" >&2
# Value-by-value check of a HepMl-written file by uproot.
"$bench" "$out/hepml_check.root" 1000000 zlib:1 --dump "$out/check-dump" > /dev/null
/usr/bin/python3 "$here/check_with_uproot.py" "$out/hepml_check.root" "$out/check-dump"
