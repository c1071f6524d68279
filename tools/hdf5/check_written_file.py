#!/usr/bin/python3
"""Read an HDF5 file written by HepMl with h5py (libhdf5) and compare it, value by value, with what HepMl meant
to write (a JSON description produced by the test that wrote the file).

Usage: check_written_file.py FILE.h5 EXPECTED.json
Exit status 0 when everything matches; 1 with one line per mismatch otherwise.

EXPECTED.json: {"objects": {PATH: {"kind": "group"|"dataset", "attrs": {NAME: VALUE}, and for datasets
"dtype": numpy dtype.str, "shape": [...], "maxshape": [... null = unlimited], "chunks": [...] | null,
"compression": "gzip" | null, "compression_opts": level | null, "shuffle": bool, "values": flat list}}}.
Floats are compared exactly (NaN equals NaN; NaN and infinities travel as the strings "NaN", "Infinity",
"-Infinity"); strings as decoded text.
"""
import json
import math
import sys

import h5py
import numpy as np


def same_value(expected, actual):
    if isinstance(actual, bytes):
        actual = actual.decode("utf-8")
    if isinstance(actual, np.ndarray):
        actual = actual.tolist()
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return False
        return all(same_value(e, a) for e, a in zip(expected, actual))
    if isinstance(expected, str) and isinstance(actual, (float, np.floating)):
        # JSON has no NaN or infinities; the test writes them as Python's json module does.
        special = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
        return expected in special and same_value(special[expected], actual)
    if isinstance(expected, str):
        return isinstance(actual, str) and actual == expected
    if isinstance(expected, bool) or isinstance(actual, (bool, np.bool_)):
        return bool(expected) == bool(actual)
    if isinstance(expected, float) or isinstance(actual, (float, np.floating)):
        if isinstance(expected, str):
            return False
        e, a = float(expected), float(actual)
        return (math.isnan(e) and math.isnan(a)) or e == a
    return int(expected) == int(actual)


def flat(value):
    array = np.asarray(value)
    if array.dtype.kind == "O":
        return [v.decode("utf-8") if isinstance(v, bytes) else v.tolist() if isinstance(v, np.ndarray) else v for v in array.ravel().tolist()]
    if array.dtype.kind == "S":
        return [v.decode("utf-8") for v in array.ravel().tolist()]
    if array.dtype.kind == "f":
        return [float(v) for v in array.ravel()]
    return array.ravel().tolist()


def main():
    path, expected_path = sys.argv[1], sys.argv[2]
    with open(expected_path, encoding="utf-8") as handle:
        expected = json.load(handle)["objects"]
    problems = []
    with h5py.File(path, "r") as f:
        found = {"/"}
        f.visit(lambda name: found.add("/" + name))
        if found != set(expected):
            problems.append(f"objects differ: only in file {sorted(found - set(expected))}, only expected {sorted(set(expected) - found)}")
        for name, spec in expected.items():
            if name not in f:
                continue
            obj = f[name]
            kind = "group" if isinstance(obj, h5py.Group) else "dataset"
            if kind != spec["kind"]:
                problems.append(f"{name}: is a {kind}, expected a {spec['kind']}")
                continue
            attrs = dict(obj.attrs)
            if set(attrs) != set(spec["attrs"]):
                problems.append(f"{name}: attributes {sorted(attrs)} != expected {sorted(spec['attrs'])}")
            for key, value in spec["attrs"].items():
                if key in attrs and not same_value(value, attrs[key] if not isinstance(attrs[key], np.ndarray) else flat(attrs[key])):
                    problems.append(f"{name}@{key}: {attrs[key]!r} != expected {value!r}")
            if kind == "group":
                continue
            if obj.dtype.str != spec["dtype"]:
                problems.append(f"{name}: dtype {obj.dtype.str} != {spec['dtype']}")
            if list(obj.shape) != spec["shape"]:
                problems.append(f"{name}: shape {obj.shape} != {spec['shape']}")
            if list(obj.maxshape or []) != spec["maxshape"]:
                problems.append(f"{name}: maxshape {obj.maxshape} != {spec['maxshape']}")
            if (list(obj.chunks) if obj.chunks else None) != spec["chunks"]:
                problems.append(f"{name}: chunks {obj.chunks} != {spec['chunks']}")
            if obj.compression != spec["compression"] or obj.compression_opts != spec["compression_opts"]:
                problems.append(f"{name}: compression {obj.compression}/{obj.compression_opts} != {spec['compression']}/{spec['compression_opts']}")
            if obj.shuffle != spec["shuffle"]:
                problems.append(f"{name}: shuffle {obj.shuffle} != {spec['shuffle']}")
            values = flat(obj[()])
            if len(values) != len(spec["values"]):
                problems.append(f"{name}: {len(values)} values != expected {len(spec['values'])}")
                continue
            bad = [i for i, (e, a) in enumerate(zip(spec["values"], values)) if not same_value(e, a)]
            if bad:
                i = bad[0]
                problems.append(f"{name}: {len(bad)} values differ, first at {i}: {values[i]!r} != expected {spec['values'][i]!r}")
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"h5py {h5py.__version__} (libhdf5 {h5py.version.hdf5_version}) read {len(expected)} objects of {path}: all values match")
    return 0


if __name__ == "__main__":
    sys.exit(main())
