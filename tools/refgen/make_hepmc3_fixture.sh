#!/usr/bin/env bash
# Regenerates tests/HepMl.TestData/data/physics/sample.hepmc3 and sample_hepmc3_particles.csv with HepMC3 itself.
# Needs Debian's libhepmc3-dev (3.1.2) and g++. Usage (from the repository root): bash tools/refgen/make_hepmc3_fixture.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
build=$(mktemp -d)
g++ -O2 -std=c++17 tools/refgen/hepmc3_reference.cpp -lHepMC3 -o "$build/hepmc3_reference"
"$build/hepmc3_reference" tests/HepMl.TestData/data/physics/sample.hepmc3 tests/HepMl.TestData/data/physics/sample_hepmc3_particles.csv
rm -rf "$build"
