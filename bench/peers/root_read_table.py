#!/usr/bin/python3
"""Side-by-side table of uproot and HepMl read times from root_read_vs_uproot.sh's JSON lines.

    /usr/bin/python3 bench/peers/root_read_table.py DIR/root_read.jsonl --manifest DIR/make_big_root.json [--run RUN_ID]

"values" is "ok" when every branch's count and bits equal the writer's and its sum agrees to 1e-9 (relative).
"""
import argparse
import json


def check(sums, expected):
    if expected is None:
        return "n/a"
    bad = [b for b, s in sums.items() if "bits" in s and (
        b not in expected or s["count"] != expected[b]["count"] or int(s["bits"]) != int(expected[b]["bits"])
        or abs(s["sum"] - expected[b]["sum"]) > 1e-9 * max(1.0, abs(expected[b]["sum"])))]
    return "ok" if not bad else "MISMATCH " + ",".join(bad)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("jsonl")
    ap.add_argument("--manifest")
    ap.add_argument("--run")
    a = ap.parse_args()
    expected = {}
    if a.manifest:
        with open(a.manifest) as fh:
            expected = json.load(fh).get("files", {})
    rows = [json.loads(l) for l in open(a.jsonl) if l.startswith("{")]
    if a.run:
        rows = [r for r in rows if r.get("run_id") == a.run]
    by_key = {}
    for r in rows:
        by_key[(r["file"], r["threads"], r.get("reader", "uproot"), r.get("mode", "full"))] = r

    def fmt(r):
        busy = max(r["other_busy"]) if r.get("other_busy") else float("nan")
        return "%.3f" % r["seconds"], "%.2f" % (r["entries_per_s"] / 1e6), "%.0f" % r["MB_per_s"], \
            "%d/%d" % (r["clean_runs"], len(r["all_seconds"])), "%.0f%%" % (100 * busy)

    print("| file | entries | threads | uproot s | HepMl s | HepMl / uproot speed | HepMl vs uproot 1 thread | "
          "uproot Mentries/s | HepMl Mentries/s | HepMl MB/s | clean runs (uproot, HepMl) | max other busy (uproot, HepMl) | values (uproot, HepMl) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|")
    for (file, threads, reader, mode), r in sorted(by_key.items()):
        if reader != "hepml" or mode != "full":
            continue
        u = by_key.get((file, threads, "uproot", "full"))
        u1 = by_key.get((file, 1, "uproot", "full"))
        if u is None:
            continue
        exp = expected.get(file, {}).get("expected")
        hs, hm, hmb, hc, hb = fmt(r)
        us, um, _, uc, ub = fmt(u)
        print("| %s | %d | %d | %s | %s | %.2fx | %s | %s | %s | %s | %s, %s | %s, %s | %s, %s |" % (
            file, r["entries"], threads, us, hs, u["seconds"] / r["seconds"],
            "%.2fx" % (u1["seconds"] / r["seconds"]) if u1 else "-", um, hm, hmb, uc, hc, ub, hb,
            check(u["sums"], exp), check(r["sums"], exp)))
    print()
    print("| file | entries | mode | threads | best s | peak working set MB | values |")
    print("|---|---:|---|---:|---:|---:|---|")
    for (file, threads, reader, mode), r in sorted(by_key.items()):
        if reader == "hepml":
            print("| %s | %d | %s | %d | %.3f | %.0f | %s |" % (
                file, r["entries"], mode, threads, r["seconds"], r.get("peak_working_set_mb", float("nan")),
                check(r["sums"], expected.get(file, {}).get("expected"))))


if __name__ == "__main__":
    main()
