#!/usr/bin/python3
"""Side-by-side table of uproot and HepMl read figures from root_read_vs_uproot.sh's JSON lines.

    /usr/bin/python3 bench/peers/root_read_table.py DIR/root_read.jsonl --manifest DIR/make_big_root.json
        [--manifest OTHER/make_big_root.json] [--run RUN_ID]

Each (file, entries, reader, mode, threads) has one timed read per round; the tables give medians over the rounds
(seconds, Mentries/s, MB/s of decoded values), the ratio of the medians, the host's busy share by other processes
during the reads (median and max) and the process CPU time. "values" is "ok" when every branch's count and bits equal
the writer's and its sum agrees to 1e-9 (relative) in every round.
"""
import argparse
import json
import statistics


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
    ap.add_argument("--manifest", action="append", default=[])
    ap.add_argument("--run")
    a = ap.parse_args()
    expected = {}
    for path in a.manifest:
        with open(path) as fh:
            for name, record in json.load(fh).get("files", {}).items():
                expected[(name, record["entries"])] = record.get("expected")
    rows = [json.loads(l) for l in open(a.jsonl) if l.startswith("{")]
    if a.run:
        rows = [r for r in rows if r.get("run_id") == a.run]
    groups = {}
    for r in rows:
        key = (r["file"], r["entries"], r.get("reader", "uproot"), r.get("mode", "full"), r["threads"])
        groups.setdefault(key, []).append(r)

    def summary(runs):
        med = statistics.median
        busy = [b for r in runs for b in r.get("other_busy", [])]
        checks = {check(r["sums"], expected.get((r["file"], r["entries"]))) for r in runs}
        return {
            "n": len(runs),
            "seconds": med(r["seconds"] for r in runs),
            "meps": med(r["entries_per_s"] for r in runs) / 1e6,
            "mbps": med(r["MB_per_s"] for r in runs),
            "cpu": med(r["best_user_s"] + r["best_system_s"] for r in runs),
            "busy_med": med(busy) if busy else float("nan"),
            "busy_max": max(busy) if busy else float("nan"),
            "clean": sum(r["clean_runs"] for r in runs),
            "values": "ok" if checks == {"ok"} else ";".join(sorted(checks)),
            "rss": max(r.get("peak_working_set_mb", float("nan")) for r in runs),
        }

    print("| file | entries | threads | rounds | uproot s | HepMl s | uproot Mentries/s | HepMl Mentries/s | uproot MB/s | "
          "HepMl MB/s | HepMl / uproot | HepMl vs uproot 1 thread | CPU s (uproot, HepMl) | other busy median/max % "
          "(uproot, HepMl) | clean reads (uproot, HepMl) | values (uproot, HepMl) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|")
    for (file, entries, reader, mode, threads), runs in sorted(groups.items()):
        if reader != "hepml" or mode != "full" or (file, entries, "uproot", "full", threads) not in groups:
            continue
        h = summary(runs)
        u = summary(groups[(file, entries, "uproot", "full", threads)])
        u1 = groups.get((file, entries, "uproot", "full", 1))
        vs1 = "%.2fx" % (summary(u1)["seconds"] / h["seconds"]) if u1 else "-"
        print("| %s | %d | %d | %d/%d | %.3f | %.3f | %.2f | %.2f | %.0f | %.0f | %.2fx | %s | %.1f, %.1f | %.0f/%.0f, %.0f/%.0f | %d, %d | %s, %s |" % (
            file, entries, threads, u["n"], h["n"], u["seconds"], h["seconds"], u["meps"], h["meps"], u["mbps"], h["mbps"],
            u["seconds"] / h["seconds"], vs1, u["cpu"], h["cpu"], 100 * u["busy_med"], 100 * u["busy_max"],
            100 * h["busy_med"], 100 * h["busy_max"], u["clean"], h["clean"], u["values"], h["values"]))
    print()
    print("| HepMl | file | entries | mode | threads | rounds | median s | Mentries/s | MB/s | peak working set MB (max) | "
          "other busy median/max % | values |")
    print("|---|---|---:|---|---:|---:|---:|---:|---:|---:|---|---|")
    for (file, entries, reader, mode, threads), runs in sorted(groups.items(), key=lambda kv: (kv[0][3], kv[0][0], kv[0][1], kv[0][4])):
        if reader != "hepml":
            continue
        h = summary(runs)
        print("| | %s | %d | %s | %d | %d | %.3f | %.2f | %.0f | %.0f | %.0f/%.0f | %s |" % (
            file, entries, mode, threads, h["n"], h["seconds"], h["meps"], h["mbps"], h["rss"],
            100 * h["busy_med"], 100 * h["busy_max"], h["values"]))


if __name__ == "__main__":
    main()
