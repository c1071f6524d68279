#!/usr/bin/python3
"""Reads a ROOT file written by HepMl.RootWriteBench with uproot and compares every branch, value by value, with the
raw little-endian dumps the writer made (--dump DIR). Prints one JSON line; exit status 1 on any difference.

Usage: check_with_uproot.py FILE.root DUMP_DIR
"""
import json
import os
import sys

import numpy as np
import uproot

TYPES = {"pt": "f4", "eta": "f4", "phi": "f4", "mass": "f4", "weight": "f8", "sumEt": "f8", "nJet": "i4",
         "lumiBlock": "i4", "event": "i8", "passTrigger": "?", "p4": "f4", "nMuon": "i4", "Muon_pt": "f4",
         "Muon_eta": "f4", "Muon_phi": "f4", "Muon_charge": "i4"}
JAGGED = {"Muon_pt", "Muon_eta", "Muon_phi", "Muon_charge"}


def main():
    path, folder = sys.argv[1], sys.argv[2]
    tree = uproot.open(path)["Events"]
    problems, checked = [], 0
    counts = np.fromfile(os.path.join(folder, "nMuon.bin"), "<i4")
    for name, dtype in TYPES.items():
        expected = np.fromfile(os.path.join(folder, name + ".bin"), "<" + dtype if dtype != "?" else "?")
        if name in JAGGED:
            array = tree[name].array(library="np")
            lengths = np.array([len(x) for x in array])
            values = np.concatenate(list(array)) if len(array) else np.array([])
            if not np.array_equal(lengths, counts):
                problems.append(f"{name}: entry lengths differ")
        else:
            values = tree[name].array(library="np").reshape(-1)
        if values.size != expected.size or not np.array_equal(values.astype(expected.dtype), expected):
            problems.append(f"{name}: {values.size} values read, {expected.size} written; first difference at "
                            f"{int(np.argmax(values != expected)) if values.size == expected.size else 'size'}")
        checked += values.size
    print(json.dumps({"tool": "uproot", "version": uproot.__version__, "file": os.path.basename(path),
                      "entries": tree.num_entries, "values_checked": int(checked), "problems": problems}))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
