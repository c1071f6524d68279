#!/usr/bin/python3
"""Times uproot writing the benchmark tree of ../shared/peers/uproot/make_big_root.py (its branches and its chunk
generator, imported from there) and prints one JSON line. Only tree.extend() and closing the file are timed: each
chunk is generated before the clock runs for it, as HepMl.RootWriteBench does.

Usage (PYTHONPATH from ../shared/peers/uproot/setup.sh, plus that folder):
    write_uproot.py OUT.root ENTRIES COMPRESSION [CHUNK]      COMPRESSION: zlib1, lz4_4, zstd5, none
"""
import json
import math
import os
import sys
import time

import make_big_root as big  # installs its writer-side awkward stand-in before importing uproot
import uproot


def main():
    out, entries, key = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    chunk = int(sys.argv[4]) if len(sys.argv) > 4 else 100_000
    factory, _ = big.COMPRESSIONS[key]
    nchunks = math.ceil(entries / chunk)
    timed = 0.0
    start = time.perf_counter()
    f = uproot.recreate(out, compression=factory())
    tree = f.mktree("Events", big.branch_types(True), title="HepMl benchmark", initial_basket_capacity=nchunks + 2)
    timed += time.perf_counter() - start
    for i in range(nchunks):
        n = min(chunk, entries - i * chunk)
        data = big.make_chunk(20240611, i, i * chunk, n, True)
        t0 = time.perf_counter()
        tree.extend(data)
        timed += time.perf_counter() - t0
    t0 = time.perf_counter()
    f.close()
    timed += time.perf_counter() - t0
    print(json.dumps({"tool": "uproot", "version": uproot.__version__, "compression": key, "entries": entries,
                      "chunk": chunk, "bytes": os.path.getsize(out), "write_seconds": timed,
                      "entries_per_second": entries / timed}))


if __name__ == "__main__":
    main()
