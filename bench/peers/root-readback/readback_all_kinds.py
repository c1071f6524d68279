#!/usr/bin/python3
"""Reads the ROOT files HepMl.RootReadbackBench wrote with uproot and compares everything with what was written
(manifest.json and the raw little-endian dumps beside the files): directories and TObjString, TH1D/TH1F/TH2D
(contents and sums of squared weights with under/overflow, edges, entries, titles), every tree branch value by value
(bit for bit, NaN included) with its dtype and shape, C-string branches (TLeafC, "name/C") string by string, the number
of baskets, and the friend tree's fFriends entry.
Prints one JSON line per file and a summary; exit status 1 on any difference.

Usage (PYTHONPATH from ../shared/peers/uproot/setup.sh): readback_all_kinds.py DIR
"""
import json
import os
import sys

import numpy as np
import uproot


def read_dump(folder, name, dtype):
    return np.fromfile(os.path.join(folder, name + ".bin"), dtype="?" if dtype == "?" else "<" + dtype)


def same_bits(actual, expected):
    """Equal values of equal dtype kind and size; floats compared bit for bit (NaN, -0.0, infinities)."""
    actual = np.asarray(actual)
    if actual.dtype.kind != expected.dtype.kind or actual.dtype.itemsize != expected.dtype.itemsize:
        return f"dtype {actual.dtype} read, {expected.dtype} written"
    if actual.shape != expected.shape:
        return f"shape {actual.shape} read, {expected.shape} written"
    a = actual.astype(expected.dtype.newbyteorder("<"), copy=False)
    if expected.dtype.kind == "f":
        view = {4: "<u4", 8: "<u8"}[expected.dtype.itemsize]
        equal = a.view(view) == expected.view(view)
    else:
        equal = a == expected
    if not np.all(equal):
        return f"{int(np.size(equal) - np.count_nonzero(equal))} values differ, first at flat index {int(np.argmin(equal.reshape(-1)))}"
    return None


def check_file(folder, manifest, name):
    problems, checked, strings = [], 0, 0
    f = uproot.open(os.path.join(folder, name))
    for path, text in manifest["strings"].items():
        value = f[path]
        if str(value) != text:
            problems.append(f"{path}: TObjString {str(value)!r}, expected {text!r}")
    for h in manifest["histograms"]:
        hist = f[h["path"]]
        if hist.classname != h["class"]:
            problems.append(f"{h['path']}: class {hist.classname}, expected {h['class']}")
        if hist.member("fTitle") != h["title"]:
            problems.append(f"{h['path']}: title {hist.member('fTitle')!r}")
        values = hist.values(flow=True)
        contents = np.array(h["contents"], dtype=np.float64)
        if "yedges" in h:
            nx, ny = len(h["edges"]) + 1, len(h["yedges"]) + 1
            contents = contents.reshape(ny, nx).T  # ROOT's order is x fastest; uproot indexes [x, y]
        if not np.array_equal(values.astype(np.float64), contents):
            problems.append(f"{h['path']}: contents differ")
        if h["sumw2"] is not None and not np.array_equal(hist.variances(flow=True), np.array(h["sumw2"])):
            problems.append(f"{h['path']}: sum of squared weights differ")
        if not np.allclose(hist.axis(0).edges(), h["edges"], rtol=0, atol=1e-12):
            problems.append(f"{h['path']}: x edges {hist.axis(0).edges()}")
        if "yedges" in h and not np.allclose(hist.axis(1).edges(), h["yedges"], rtol=0, atol=1e-12):
            problems.append(f"{h['path']}: y edges differ")
        if hist.member("fEntries") != h["entries"]:
            problems.append(f"{h['path']}: fEntries {hist.member('fEntries')}, expected {h['entries']}")
        checked += contents.size
    tree = f[manifest["tree"]]
    if tree.num_entries != manifest["entries"]:
        problems.append(f"tree has {tree.num_entries} entries, expected {manifest['entries']}")
    baskets = min(tree[b["name"]].num_baskets for b in manifest["branches"])
    if baskets < 2:
        problems.append(f"only {baskets} basket per branch: the many-basket path is not exercised")
    for b in manifest["branches"]:
        branch = tree[b["name"]]
        if b["kind"] == "string":
            problems.extend(check_strings(folder, branch, b["name"]))
            checked += manifest["entries"]
            strings += manifest["entries"]
            continue
        expected = read_dump(folder, b["name"], b["dtype"])
        array = branch.array(library="np")
        if b["kind"] in ("counted", "vector"):
            offsets = np.fromfile(os.path.join(folder, b["offsets"] + ".bin"), "<i4")
            lengths = np.array([len(x) for x in array])
            if not np.array_equal(lengths, np.diff(offsets)):
                problems.append(f"{b['name']}: entry lengths differ")
                continue
            flat = np.concatenate(list(array)) if len(array) else np.array([], dtype=expected.dtype)
            problem = same_bits(flat, expected)
        else:
            expected = expected.reshape([manifest["entries"]] + b["shape"])
            problem = same_bits(array, expected)
        if problem:
            problems.append(f"{b['name']} ({b['kind']}, {branch.typename}): {problem}")
        checked += expected.size
    counts = read_dump(folder, "nJet", "i4")
    problem = same_bits(tree["nJet"].array(library="np"), counts)
    if problem:
        problems.append(f"nJet (counter): {problem}")
    return {"file": name, "compression": f.file.compression.__class__.__name__ + f":{getattr(f.file.compression, 'level', '')}"
            if f.file.compression else "none", "keys": len(f.keys()), "branches": len(tree.keys()),
            "baskets_per_branch_min": int(baskets), "values_checked": int(checked), "strings_checked": strings, "problems": problems}


def check_strings(folder, branch, name):
    """A C-string branch: TLeafC leaf titled like the branch, branch title NAME/C, read as AsStrings, every string equal."""
    problems = []
    with open(os.path.join(folder, name + ".json"), encoding="utf-8") as handle:
        expected = json.load(handle)
    leaves = branch.member("fLeaves")
    if [leaf.classname for leaf in leaves] != ["TLeafC"] or branch.member("fTitle") != name + "/C":
        problems.append(f"{name}: leaves {[leaf.classname for leaf in leaves]}, title {branch.member('fTitle')!r}")
    longest = max(len(text.encode("utf-8")) for text in expected)
    if leaves[0].member("fLen") != longest + 1 or leaves[0].member("fMaximum") != longest + 1:
        problems.append(f"{name}: fLen {leaves[0].member('fLen')}, fMaximum {leaves[0].member('fMaximum')}, expected {longest + 1}")
    if not isinstance(branch.interpretation, uproot.interpretation.strings.AsStrings):
        problems.append(f"{name}: interpretation {branch.interpretation!r}")
        return problems
    if branch.num_baskets < 2:
        problems.append(f"{name}: only {branch.num_baskets} basket")
    actual = list(branch.array(library="np"))
    if len(actual) != len(expected):
        problems.append(f"{name}: {len(actual)} strings read, {len(expected)} written")
    else:
        differ = [i for i, (a, e) in enumerate(zip(actual, expected)) if a != e]
        if differ:
            problems.append(f"{name}: {len(differ)} strings differ, first at entry {differ[0]}: {actual[differ[0]]!r:.80}")
    return problems


def check_friend(folder, manifest):
    fr = manifest["friend"]
    problems = []
    f = uproot.open(os.path.join(folder, fr["path"]), minimal_ttree_metadata=False)  # read fFriends too
    tree = f[fr["tree"]]
    friends = tree.member("fFriends")
    elements = list(friends) if friends is not None else []
    if len(elements) != 1:
        problems.append(f"fFriends has {len(elements)} elements, expected 1")
    else:
        element = elements[0]
        if element.member("fTreeName") != fr["friend_tree"] or element.member("fTitle") != fr["friend_file"]:
            problems.append(f"friend element names {element.member('fTreeName')!r} in {element.member('fTitle')!r}")
    problem = same_bits(tree[fr["branch"]].array(library="np"), read_dump(folder, fr["branch"], "f4"))
    if problem:
        problems.append(f"{fr['branch']}: {problem}")
    friend_tree = uproot.open(fr["friend_file"])[fr["friend_tree"]]
    if friend_tree.num_entries != tree.num_entries:
        problems.append(f"friend has {friend_tree.num_entries} entries, scores {tree.num_entries}")
    return {"file": fr["path"], "friend": f"{fr['friend_tree']} in {os.path.basename(fr['friend_file'])}",
            "entries": tree.num_entries, "problems": problems}


def main():
    folder = sys.argv[1]
    with open(os.path.join(folder, "manifest.json")) as handle:
        manifest = json.load(handle)
    results = [check_file(folder, manifest, entry["path"]) for entry in manifest["files"]]
    results.append(check_friend(folder, manifest))
    for result in results:
        print(json.dumps(result))
    bad = sum(len(r["problems"]) for r in results)
    total = sum(r.get("values_checked", 0) for r in results)
    strings = sum(r.get("strings_checked", 0) for r in results)
    print(f"uproot {uproot.__version__}: {len(results)} files, {len(manifest['branches'])} branches + counter per tree, "
          f"{total} values compared (of them {strings} strings), {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
