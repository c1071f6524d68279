#!/usr/bin/env python3
"""Reference vectors for HepMl's managed LZ4 block decoder and xxHash64 (seed 0).

Inputs are deterministic (seeded NumPy-free generator): random bytes, highly repetitive runs (overlapping
matches, offset 1..16), long literal runs (> 270 bytes, multi-byte lengths), text-like data and the empty input.
Each case stores the input (base64), xxhash64 of it (python3-xxhash), and the LZ4 block of it made by
python3-lz4 (liblz4) in fast mode and in HC mode level 9.

Run: /usr/bin/python3 tools/refgen/codec_vectors.py tests/HepMl.TestData/data/root/codec-vectors.json
"""
import base64
import json
import random
import sys

import lz4
import lz4.block
import xxhash


def cases():
    rng = random.Random(20240611)
    yield "empty", b""
    yield "one byte", b"x"
    yield "random 1000", bytes(rng.getrandbits(8) for _ in range(1000))
    yield "zeros 5000", bytes(5000)
    for period in (1, 2, 3, 7, 16, 17):
        unit = bytes(rng.getrandbits(8) for _ in range(period))
        yield f"period {period}", (unit * (4000 // period + 1))[:4000]
    literals = bytes(rng.getrandbits(8) for _ in range(300))
    yield "long literals then repeat", literals + literals * 5 + bytes(rng.getrandbits(8) for _ in range(700))
    words = [b"muon", b"electron", b"jet", b"pt", b"eta", b"phi", b"mass", b"Events", b"nMuon"]
    yield "text", b" ".join(rng.choice(words) for _ in range(2000))
    floats = b"".join(int(rng.gauss(2**30, 2**20)).to_bytes(4, "big") for _ in range(2000))
    yield "float-like", floats
    yield "xxhash lengths 31", bytes(range(31))
    yield "xxhash lengths 32", bytes(range(32))
    yield "xxhash lengths 33", bytes(range(33))


def main(output):
    out = []
    for name, data in cases():
        out.append({
            "name": name,
            "input": base64.b64encode(data).decode(),
            "xxhash64": str(xxhash.xxh64(data, seed=0).intdigest()),
            "lz4_fast": base64.b64encode(lz4.block.compress(data, mode="default", store_size=False)).decode(),
            "lz4_hc9": base64.b64encode(lz4.block.compress(data, mode="high_compression", compression=9, store_size=False)).decode(),
        })
    with open(output, "w") as fh:
        json.dump({"generator": {"tool": "tools/refgen/codec_vectors.py", "lz4": lz4.VERSION,
                                 "xxhash": xxhash.VERSION}, "cases": out}, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
