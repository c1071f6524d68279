#!/usr/bin/python3
"""Writes the HDF5 read benchmark file with h5py: a chunked, gzip-compressed [N, 100, 100] float32 dataset of
jet-image-like values (mostly zero, a few hundred lit pixels per image, exponential pT), like the hls4ml jet
dataset's jetImage. Deterministic (seeded).

Usage: make_images.py OUT.h5 [N] [CHUNK_ROWS] [LEVEL] [SHUFFLE 0/1]
"""
import sys

import h5py
import numpy as np


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    chunk_rows = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    level = int(sys.argv[4]) if len(sys.argv) > 4 else 4
    shuffle = bool(int(sys.argv[5])) if len(sys.argv) > 5 else False
    rng = np.random.default_rng(20240611)
    with h5py.File(out, "w") as f:
        d = f.create_dataset("images", shape=(n, 100, 100), dtype="<f4", chunks=(chunk_rows, 100, 100),
                             compression="gzip", compression_opts=level, shuffle=shuffle)
        block = 500
        for start in range(0, n, block):
            rows = min(block, n - start)
            images = np.zeros((rows, 100, 100), dtype=np.float32)
            for i in range(rows):
                lit = rng.integers(150, 400)
                eta = np.clip(rng.normal(50, 12, lit).astype(int), 0, 99)
                phi = np.clip(rng.normal(50, 12, lit).astype(int), 0, 99)
                images[i, eta, phi] += rng.exponential(5.0, lit).astype(np.float32)
            d[start:start + rows] = images
    print(out)


if __name__ == "__main__":
    main()
