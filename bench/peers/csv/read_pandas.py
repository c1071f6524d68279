#!/usr/bin/python3
"""Times pandas.read_csv (C engine) reading a whole CSV event table (median of REPEATS); prints one JSON line.

Usage: read_pandas.py FILE.csv [REPEATS] [float32]
"""
import json
import math
import os
import statistics
import sys
import time

import pandas as pd


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    single = len(sys.argv) > 3 and sys.argv[3] == "float32"
    times = []
    frame = None
    for _ in range(repeats):
        start = time.perf_counter()
        frame = pd.read_csv(path, engine="c", float_precision="round_trip", dtype=("float32" if single else None))
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    checksum = math.fsum(float(v) for v in frame.select_dtypes("number").to_numpy(dtype=float).ravel() if math.isfinite(v))
    print(json.dumps({"tool": "pandas", "version": pd.__version__, "rows": len(frame), "columns": frame.shape[1],
                      "seconds": median, "all_seconds": times,
                      "mb_per_s": os.path.getsize(path) / median / 1e6, "checksum": checksum}))


if __name__ == "__main__":
    main()
