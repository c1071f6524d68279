#!/usr/bin/python3
"""Converts a peer tabular file (gen_data.py's .h5 or .csv) into HepMl's temporary raw benchmark format.

Usage: /usr/bin/python3 tabular_to_raw.py DATA.h5|DATA.csv OUT.raw

Layout (little-endian): magic b"HMLRAW01", int32 rows, int32 features, then the features column-major
(float32 [features][rows]), labels (int32 [rows]), weights (float32 [rows]).  Used by the BDT peer comparison until
HepMl's HDF5 reader is on main; the values are the HDF5 values byte for byte.
"""
import os
import sys

sys.path.insert(0, "/work/shared/peers")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "peers"))
import numpy as np  # noqa: E402
import common  # noqa: E402


def main():
    src, dst = sys.argv[1], sys.argv[2]
    X, y, w = common.load_tabular(src)
    n, f = X.shape
    with open(dst + ".tmp", "wb") as fh:
        fh.write(b"HMLRAW01")
        fh.write(np.array([n, f], dtype="<i4").tobytes())
        fh.write(np.ascontiguousarray(X.T, dtype="<f4").tobytes())
        fh.write(np.asarray(y, dtype="<i4").tobytes())
        fh.write(np.asarray(w, dtype="<f4").tobytes())
    os.replace(dst + ".tmp", dst)


if __name__ == "__main__":
    main()
