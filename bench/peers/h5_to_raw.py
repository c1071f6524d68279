#!/usr/bin/python3
"""Converts a peer dataset (.h5 from shared/peers/gen_data.py) into raw little-endian files that the HepMl neural
benchmarks read before HepMl's own HDF5 reader is used for this:

    OUT.features.f32   float32 [N, ...]  (features / images / showers)
    OUT.labels.i32     int32   [N]       (zeros when absent)
    OUT.weights.f32    float32 [N]       (ones when absent)
    OUT.json           {"rows": N, "shape": [...], "source": path}

Usage: /usr/bin/python3 h5_to_raw.py DATA.h5 OUT_PREFIX   (skips the work when OUT.json is newer than DATA.h5)
"""
import json
import os
import sys

import h5py
import numpy as np


def main():
    src, out = sys.argv[1], sys.argv[2]
    meta = out + ".json"
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    if os.path.exists(meta) and os.path.getmtime(meta) >= os.path.getmtime(src):
        return
    with h5py.File(src, "r") as f:
        for key in ("features", "images", "showers"):
            if key in f:
                x = f[key][:].astype("<f4")
                break
        else:
            sys.exit("no features/images/showers dataset in " + src)
        n = x.shape[0]
        y = f["labels"][:].astype("<i4") if "labels" in f else np.zeros(n, "<i4")
        w = f["weights"][:].astype("<f4") if "weights" in f else np.ones(n, "<f4")
    x.tofile(out + ".features.f32")
    y.tofile(out + ".labels.i32")
    w.tofile(out + ".weights.f32")
    with open(meta, "w") as fh:
        json.dump({"rows": int(n), "shape": list(x.shape[1:]), "source": os.path.abspath(src)}, fh)


if __name__ == "__main__":
    main()
