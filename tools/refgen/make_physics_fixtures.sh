#!/usr/bin/env bash
# Regenerates the clustering fixtures of HepMl.Physics.Tests (tests/HepMl.TestData/data/physics/) with FastJet.
# Needs Debian's libfastjet-dev and g++, /usr/bin/python3, and the shared particle files made by
#   /usr/bin/python3 ../shared/peers/gen_data.py /tmp/peerdata
# Usage (from the repository root): bash tools/refgen/make_physics_fixtures.sh [/tmp/peerdata]
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:-/tmp/peerdata}
out=tests/HepMl.TestData/data/physics
build=$(mktemp -d)
mkdir -p "$out"

# The command that builds the reference program (same flags as ../shared/peers/fastjet_antikt.cpp).
g++ -O2 -std=c++17 $(fastjet-config --cxxflags) tools/refgen/fastjet_reference.cpp -lfastjet -o "$build/fastjet_reference"

# 1. The first three events of each shared particle file, byte for byte (rows are grouped by event).
for n in 100 500 1000; do
  head -n $((1 + 3 * n)) "$data/particles_n$n.csv" > "$out/particles_n${n}_first3.csv"
  "$build/fastjet_reference" "$out/particles_n${n}_first3.csv" "$out/fastjet_n${n}_first3.csv"
done

# 2. Hand-made events with exact ties and edge cases, clustered with each strategy, with the full history.
/usr/bin/python3 tools/refgen/special_events.py "$out/special_events.csv"
"$build/fastjet_reference" "$out/special_events.csv" "$out/fastjet_special_events.csv" --strategies all --full-history

rm -rf "$build"
echo "fixtures written to $out"
