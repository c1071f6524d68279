#!/usr/bin/python3
"""Writes the CSV reader fixture tests/HepMl.TestData/data/csv/events.csv and, from pandas.read_csv of that file,
the expected figures events.expected.json (dtypes, row count, per-column sums over non-NaN values, NaN/inf counts,
first and last three values). Deterministic (seeded).

Usage: /usr/bin/python3 tools/refgen/csv_events.py tests/HepMl.TestData/data/csv
"""
import json
import math
import os
import sys

import numpy as np
import pandas as pd


def main():
    out = sys.argv[1]
    rng = np.random.default_rng(7)
    n = 2500
    lines = ["label,weight,pt,eta,n_jets,comment"]
    for i in range(n):
        label = int(rng.integers(0, 2))
        weight = "%.9g" % rng.lognormal(0, 0.3)
        pt = "%.9g" % float(np.float32(rng.exponential(40)))
        eta = "%.9g" % rng.normal(0, 1.5)
        if i == 17:
            eta = "nan"
        if i == 18:
            eta = ""          # missing value
        if i == 19:
            pt = "inf"
        if i == 20:
            pt = "-inf"
        n_jets = str(int(rng.integers(0, 9)))
        comment = rng.choice(["plain", "with, comma", 'with "quotes"', "two\nlines", "ünïcode ✓"])
        if any(ch in comment for ch in ',"\n'):
            comment = '"' + comment.replace('"', '""') + '"'
        lines.append(",".join([str(label), weight, pt, eta, n_jets, comment]))
    path = os.path.join(out, "events.csv")
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines) + "\n")

    frame = pd.read_csv(path, keep_default_na=True)
    expected = {"rows": len(frame), "columns": {}}
    for name in frame.columns:
        column = frame[name]
        spec = {"dtype": str(column.dtype)}
        values = column.tolist()
        if column.dtype.kind in "if":
            finite = [float(v) for v in values if not (isinstance(v, float) and (math.isnan(v) or math.isinf(v)))]
            spec["sum"] = math.fsum(finite)
            spec["nan_count"] = int(column.isna().sum())
            spec["posinf_count"] = int(np.isposinf(column.to_numpy(dtype=float)).sum())
            spec["neginf_count"] = int(np.isneginf(column.to_numpy(dtype=float)).sum())
            conv = (lambda v: None if math.isnan(v) else ("inf" if v == math.inf else "-inf" if v == -math.inf else v)) if column.dtype.kind == "f" else int
            spec["first3"] = [conv(v) for v in values[:3]]
            spec["last3"] = [conv(v) for v in values[-3:]]
            spec["rows_17_to_21"] = [conv(v) for v in values[17:22]]
        else:
            spec["first3"] = values[:3]
            spec["last3"] = values[-3:]
            spec["distinct"] = sorted(set(values))
        expected["columns"][name] = spec
    with open(os.path.join(out, "events.expected.json"), "w", encoding="utf-8") as handle:
        json.dump(expected, handle, indent=1, ensure_ascii=False)
        handle.write("\n")


if __name__ == "__main__":
    main()
