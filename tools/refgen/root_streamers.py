#!/usr/bin/python3
"""Extracts the TStreamerInfo records HepMl's ROOT writer embeds in the files it writes (the class layouts ROOT needs
to read TTrees, histograms and TObjString), from ROOT-written reference files in ../shared/data/root, read with
uproot. Writes them as data (names, versions, checksums, every element's members) to
src/HepMl.Io/Root/Writing/Streamers/streamers.json; the writer serialises them itself.

Usage (uproot from its source tree, see ../shared/peers/uproot/README.md):
    eval "$(../shared/peers/uproot/setup.sh /tmp/uproot5)"
    /usr/bin/python3 tools/refgen/root_streamers.py ../shared/data/root src/HepMl.Io/Root/Writing/Streamers/streamers.json
"""
import glob
import json
import os
import sys

import uproot
import uproot.streamers

# Keep the type names exactly as ROOT wrote them (uproot canonicalises "Int_t" to "int" when reading).
uproot.streamers._canonical_typename = lambda name: name

WANTED = [
    ("TObject", 1), ("TNamed", 1), ("TString", 2), ("TList", 5), ("TCollection", 3), ("TSeqCollection", 0),
    ("THashList", 0), ("TObjArray", 3), ("TAttLine", 2), ("TAttFill", 2), ("TAttMarker", 2), ("TAttAxis", 4),
    ("ROOT::TIOFeatures", 1), ("TBranch", 13), ("TBranchElement", 10), ("TBranchRef", 1), ("TRefTable", 3),
    ("TTree", 20), ("TLeaf", 2), ("TLeafB", 1), ("TLeafS", 1), ("TLeafI", 1), ("TLeafL", 1), ("TLeafF", 1),
    ("TLeafD", 1), ("TLeafO", 1), ("TLeafC", 1), ("TLeafElement", 1), ("TObjString", 1), ("TArray", 1),
    ("TArrayD", 1), ("TArrayF", 1), ("TAxis", 10), ("TH1", 8), ("TH1D", 3), ("TH1F", 3), ("TH2", 5), ("TH2D", 4),
]

SKIP = {"@fUniqueID"}

# Classes no reference file describes, composed from elements of the extracted records: (name, version, title,
# [(source class, source element, new name, new title)]). Their checksum follows ROOT's rule (root_checksum), which
# is first checked against every extracted record it applies to.
COMPOSED = [
    ("TFriendElement", 2, "", [
        ("TLeaf", "TNamed", "TNamed", "The basis for a named object (name, title)"),
        ("TObjString", "fString", "fTreeName", "name of the friend TTree"),
        ("TLeaf", "fIsRange", "fOwnFile", "true if file is managed by this class"),
    ]),
]
CHECKSUM_VERIFIED = ["TObject", "TNamed", "TObjString", "TAttLine", "TAttFill", "TAttAxis", "TLeaf", "TLeafI",
                     "TBranch", "TArrayD", "TH2", "TH1D", "TObjArray"]


def plain(value):
    if hasattr(value, "tolist"):
        return value.tolist()
    return value


def describe(info, path):
    elements = []
    for element in info.elements:
        members = {k: plain(v) for k, v in element.all_members.items() if k not in SKIP}
        elements.append({"class": type(element).__name__.replace("Model_", ""),
                         "version": element.instance_version, **members})
    return {
        "name": info.name,
        "version": info.class_version,
        "checksum": int(info.member("fCheckSum")),
        "bits": int(info.member("@fBits")),
        "title": info.member("fTitle"),
        "source": os.path.basename(path),
        "elements": elements,
    }


def root_checksum(record, by_name):
    """ROOT's class checksum (TStreamerInfo::GetCheckSum, latest rule): the class name, each base's name and
    checksum, then each member's name, type name, array bounds and [counter] text, folded as id = id * 3 + c."""
    mask = 0xFFFFFFFF
    value = 0

    def fold(value, text):
        for c in text:
            value = (value * 3 + ord(c)) & mask
        return value

    value = fold(value, record["name"])
    for element in record["elements"]:
        if element["class"] == "TStreamerBase":
            value = fold(value, element["fName"])
            value = (value * 3 + by_name[element["fName"]]["checksum"]) & mask
    for element in record["elements"]:
        if element["class"] == "TStreamerBase":
            continue
        value = fold(value, element["fName"])
        value = fold(value, element["fTypeName"])
        for i in range(element["fArrayDim"]):
            value = (value * 3 + element["fMaxIndex"][i]) & mask
        title = element["fTitle"]
        if "[" in title and "]" in title[title.index("["):]:
            start = title.index("[")
            value = fold(value, title[start + 1:title.index("]", start)])
    return value


def composed(records):
    by_name = {r["name"]: r for r in records}
    for name in CHECKSUM_VERIFIED:
        if root_checksum(by_name[name], by_name) != by_name[name]["checksum"]:
            raise SystemExit(f"the checksum rule does not reproduce ROOT's checksum of {name}")
    result = []
    for name, version, title, parts in COMPOSED:
        elements = []
        for source, element_name, new_name, new_title in parts:
            element = dict(next(e for e in by_name[source]["elements"] if e["fName"] == element_name))
            element.update({"fName": new_name, "fTitle": new_title})
            elements.append(element)
        record = {"name": name, "version": version, "checksum": 0, "bits": by_name["TObjString"]["bits"],
                  "title": title, "source": "composed by tools/refgen/root_streamers.py", "elements": elements}
        record["checksum"] = root_checksum(record, by_name)
        result.append(record)
    return result


def main():
    folder, out = sys.argv[1], sys.argv[2]
    candidates = []
    for path in sorted(glob.glob(os.path.join(folder, "*.root"))):
        try:
            handle = uproot.open(path)
            candidates.append((handle.file.fVersion % 1000000, path, handle.file.streamers))
        except Exception:  # files the reader cannot open are simply not used as sources
            continue
    candidates.sort(key=lambda c: -c[0])
    records = []
    for name, version in WANTED:
        for _, path, streamers in candidates:
            if name in streamers and version in streamers[name]:
                records.append(describe(streamers[name][version], path))
                break
        else:
            raise SystemExit(f"no reference file has the streamer of {name} v{version}")
    records.extend(composed(records))
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"generator": f"tools/refgen/root_streamers.py with uproot {uproot.__version__}",
                   "streamers": records}, handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
