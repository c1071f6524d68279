#!/usr/bin/env bash
# Issue 3 performance in one run: HDF5 read (HepMl vs h5py) and 10M-entry ROOT write (HepMl vs uproot).
# Usage: UPROOT_SRC=/tmp/uproot5 bash bench/peers/run_issue3_perf.sh [issue3_perf.py options]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
peers="$here/../../../shared/peers"
eval "$("$peers/uproot/setup.sh" "${UPROOT_SRC:-/tmp/uproot5}" 2>/dev/null)"
export PYTHONPATH
dotnet build -c Release "$here/hdf5/HepMl.Hdf5ReadBench.csproj" -nodeReuse:false -v q >&2
dotnet build -c Release "$here/root-write/HepMl.RootWriteBench.csproj" -nodeReuse:false -v q >&2
dotnet build-server shutdown >/dev/null 2>&1 || true
/usr/bin/python3 "$here/issue3_perf.py" "$@"
