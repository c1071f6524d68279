#!/usr/bin/env bash
# HDF5 read throughput, HepMl vs h5py on the same chunked gzip [N,100,100] float32 file, side by side in one run.
# Usage: bash bench/peers/hdf5/run_hdf5_read.sh [DATA_DIR] [N]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
data="${1:-/tmp/peerdata}/hdf5"
n="${2:-10000}"
mkdir -p "$data"
file="$data/images_gzip4_n${n}.h5"
[ -f "$file" ] || /usr/bin/python3 "$here/make_images.py" "$file" "$n" 10 4 0 >&2
dotnet build -c Release "$here/HepMl.Hdf5ReadBench.csproj" -nodeReuse:false -v q >&2
common="$repo/../shared/peers/common.py"
busy=$(/usr/bin/python3 "$common" wait-quiet 120 0.15 || true)
echo "host busy before run: $busy" >&2
bench="$here/bin/Release/net10.0/HepMl.Hdf5ReadBench"
/usr/bin/python3 "$here/read_h5py.py" "$file" 3
"$bench" "$file" 1 3
"$bench" "$file" 2 3
/usr/bin/python3 "$here/read_h5py.py" "$file" 3
echo "host busy after run: $(/usr/bin/python3 "$common" busy 1)" >&2
