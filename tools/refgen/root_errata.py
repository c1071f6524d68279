#!/usr/bin/env python3
"""Independent expected values for the branches of shared/data/root whose manifest values are wrong.

uproot 5.7.5 reads ROOT::Math::DisplacementVector3D<Cartesian3D<float>> members of uproot-issue-513.root as
"strided objects" and does not skip the 4-byte class checksum ROOT writes after a version-0 header (classes
without ClassDef; ROOT: TBufferFile::ReadVersion), so the manifest holds garbage for them (fY ~ 1e16 mm).
Here the same baskets are read through uproot's basket API and decoded with an explicit NumPy dtype that
includes both headers and checksums; the script asserts the layout (byte counts, version 0) before using it.

Run:  eval "$(shared/peers/uproot/setup.sh /tmp/uproot5)"   # uproot from source on Debian's python3
      /usr/bin/python3 tools/refgen/root_errata.py shared/data/root tests/HepMl.TestData/data/root/manifest-errata.json
"""
import json
import math
import sys

import numpy
import uproot

DISPLACEMENT = "ROOT::Math::DisplacementVector3D<ROOT::Math::Cartesian3D<float>,ROOT::Math::DefaultCoordinateSystemTag>"
CARTESIAN = "ROOT::Math::Cartesian3D<float>"
LAYOUT = numpy.dtype([
    ("outer_count", ">u4"), ("outer_version", ">u2"), ("outer_checksum", ">u4"),
    ("inner_count", ">u4"), ("inner_version", ">u2"), ("inner_checksum", ">u4"),
    ("fX", ">f4"), ("fY", ">f4"), ("fZ", ">f4"),
])


def vectors(branch):
    parts = []
    for number in range(branch.num_baskets):
        basket = branch.basket(number)
        data = numpy.asarray(basket.data)
        assert len(data) == basket.num_entries * LAYOUT.itemsize, (branch.name, len(data))
        records = data.view(LAYOUT)
        assert (records["outer_count"] == (0x40000000 | 28)).all(), "outer byte count"
        assert (records["inner_count"] == (0x40000000 | 18)).all(), "inner byte count"
        assert (records["outer_version"] == 0).all() and (records["inner_version"] == 0).all(), "version 0 + checksum"
        parts.append(records)
    return numpy.concatenate(parts) if parts else numpy.empty(0, LAYOUT)


def check(records):
    values = numpy.stack([records["fX"], records["fY"], records["fZ"]], axis=1).astype(numpy.float64).ravel()
    finite = values[numpy.isfinite(values)]
    out = {
        "kind": "object",
        "entries": int(len(records)),
        "digest": {
            "numeric_leaves": int(values.size),
            "nonfinite_leaves": int(values.size - finite.size),
            "numeric_sum": math.fsum(finite.tolist()),
            "string_leaves": 0,
            "string_utf8_bytes": 0,
        },
    }
    if len(records):
        first = records[0]
        out["first"] = {"@class": DISPLACEMENT, "fCoordinates": {
            "@class": CARTESIAN, "fX": float(first["fX"]), "fY": float(first["fY"]), "fZ": float(first["fZ"])}}
    return out


def main(folder, output):
    errata = {}
    name = "uproot-issue-513.root"
    with uproot.open(f"{folder}/{name}") as file:
        for tree_name in ("TrkAnaNeg/trkana;1", "TrkAnaPos/trkana;1"):
            tree = file[tree_name]
            for branch in tree.branches:
                for sub in [branch, *branch.branches]:
                    if sub.member("fClassName", none_if_missing=True) is None:
                        continue
                    streamer = sub.streamer
                    if streamer is not None and getattr(streamer, "typename", "").replace(" ", "") == DISPLACEMENT.replace(" ", ""):
                        path = "/".join([branch.name, sub.name]) if sub is not branch else branch.name
                        errata.setdefault(name, {}).setdefault(tree_name, {})[path] = {
                            "reason": "uproot 5.7.5 ignores the class checksum after a version-0 header",
                            "check": check(vectors(sub)),
                        }
    with open(output, "w") as out:
        json.dump({"generator": {"tool": "tools/refgen/root_errata.py", "uproot_version": uproot.__version__,
                                 "numpy_version": numpy.__version__}, "files": errata}, out, indent=1, sort_keys=True)
        out.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
