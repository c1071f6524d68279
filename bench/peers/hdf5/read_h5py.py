#!/usr/bin/python3
"""Times h5py reading the whole [N,100,100] dataset (median of REPEATS full reads after one warm-up read); prints one
JSON line.

Usage: read_h5py.py FILE.h5 [REPEATS]
"""
import json
import statistics
import sys
import time

import h5py
import numpy as np


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    times = []
    checksum = None
    with h5py.File(path, "r") as f:
        d = f["images"]
        out = np.empty(d.shape, dtype=d.dtype)
        d.read_direct(out)  # warm-up (page cache), as the HepMl bench does
        for _ in range(repeats):
            start = time.perf_counter()
            d.read_direct(out)
            times.append(time.perf_counter() - start)
            checksum = float(out.sum(dtype=np.float64))
        nbytes = out.nbytes
        shape = list(d.shape)
    median = statistics.median(times)
    print(json.dumps({"tool": "h5py", "version": h5py.__version__, "libhdf5": h5py.version.hdf5_version,
                      "shape": shape, "seconds": median, "all_seconds": times,
                      "mb_per_s": nbytes / median / 1e6, "checksum": checksum}))


if __name__ == "__main__":
    main()
