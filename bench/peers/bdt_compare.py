#!/usr/bin/python3
"""Side-by-side BDT comparison: HepMl against XGBoost (hist) and scikit-learn, on the same data in one run.

Usage:
    /usr/bin/python3 bench/peers/bdt_compare.py [DATA_DIR] [--repeats 3] [--only gbdt,adaboost] [--threads 2]
                                               [--results FILE] [--quiet-wait 60]

Benchmarks (pairs alternate HepMl and peer, each run preceded by common.py's wait for a quiet host):
  gbdt      higgs_1m: HepMl GradientBoostingTrainer (200 trees, depth 6, eta 0.1, 255+1 bins, 2 threads) against
            ../shared/peers/xgb_bdt.py (XGBoost hist, same settings).  Acceptance: AUC no more than 0.002 below
            XGBoost; train_s <= 0.8 x XGBoost; predict_rows_per_s >= 1.5 x XGBoost; peak RSS <= XGBoost's.
  adaboost  higgs_100k: HepMl TmvaBdtTrainer with TMVAClassification.C's BDT booking (850 trees, depth 3,
            MinNodeSize 2.5%, nCuts 20, AdaBoostBeta 0.5, bagged boost 0.5) against sk_adaboost.py (same settings,
            exact trees) and ../shared/peers/sk_gb.py.  Acceptance: AUC within 0.005 of scikit-learn.

Every child's peak resident memory is measured by GNU time (%M, maximum resident set size).  A run is "clean" when other processes used at
most 10% of the host CPU while it ran (host_other_busy, the peers' formula).  Results are appended as JSON lines to
DATA_DIR/results_bdt.jsonl (or --results) and summarised as medians over clean runs (all runs when none is clean).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
SHARED_PEERS = os.path.abspath(os.path.join(REPO, "..", "shared", "peers"))
sys.path.insert(0, SHARED_PEERS)
import common  # noqa: E402

PY = "/usr/bin/python3"
BENCH_DLL = os.path.join(REPO, "bench", "HepMl.Benchmarks", "bin", "Release", "net10.0", "HepMl.Benchmarks.dll")


def run_measured(cmd):
    """Runs cmd under GNU time; returns its JSON line with the child's peak resident set size (peak_rss_kb_time)."""
    timed = ["/usr/bin/time", "-f", "PEAK_RSS_KB=%M"] + cmd
    proc = subprocess.run(timed, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError("%s failed (%d):\n%s" % (" ".join(cmd), proc.returncode, proc.stderr[-3000:]))
    line = next((l for l in proc.stdout.splitlines() if l.startswith("{")), None)
    if line is None:
        raise RuntimeError("no JSON from %s:\n%s" % (" ".join(cmd), proc.stderr[-2000:]))
    rec = json.loads(line)
    peak = [l for l in proc.stderr.splitlines() if l.startswith("PEAK_RSS_KB=")]
    rec["peak_rss_kb_time"] = int(peak[-1].split("=", 1)[1]) if peak else None
    return rec


def ensure_raw(data_dir, name):
    raw = os.path.join(data_dir, name + ".raw")
    if not os.path.exists(raw):
        subprocess.check_call([PY, os.path.join(HERE, "tabular_to_raw.py"), os.path.join(data_dir, name + ".h5"), raw])
    return raw


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data_dir", nargs="?", default=os.environ.get("PEERDATA", "/tmp/peerdata"))
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--only", default="gbdt,adaboost")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--results", default=None)
    ap.add_argument("--quiet-wait", type=float, default=60.0)
    ap.add_argument("--quiet-busy", type=float, default=0.25)
    a = ap.parse_args()
    if not os.path.exists(BENCH_DLL):
        sys.exit("build first: dotnet build bench/HepMl.Benchmarks -c Release")
    results_path = a.results or os.path.join(a.data_dir, "results_bdt.jsonl")
    run_id = "bdt" + time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    only = set(a.only.split(","))
    plan = []
    if "gbdt" in only:
        h5 = os.path.join(a.data_dir, "higgs_1m.h5")
        raw = ensure_raw(a.data_dir, "higgs_1m")
        plan.append(("gbdt", [
            ("xgb_bdt", [PY, os.path.join(SHARED_PEERS, "xgb_bdt.py"), h5, "--threads", str(a.threads)]),
            ("hepml_gbdt", ["dotnet", BENCH_DLL, "bdt-peer", raw, "--mode", "gbdt", "--threads", str(a.threads)]),
        ]))
    if "adaboost" in only:
        h5 = os.path.join(a.data_dir, "higgs_100k.h5")
        raw = ensure_raw(a.data_dir, "higgs_100k")
        plan.append(("adaboost", [
            ("sk_adaboost", [PY, os.path.join(HERE, "sk_adaboost.py"), h5]),
            ("hepml_adaboost", ["dotnet", BENCH_DLL, "bdt-peer", raw, "--mode", "adaboost", "--threads", str(a.threads)]),
        ]))
        plan[-1][1].append(("sk_gb", [PY, os.path.join(SHARED_PEERS, "sk_gb.py"), h5]))

    records = []
    with open(results_path, "a") as out:
        for bench, runners in plan:
            for repeat in range(a.repeats if bench == "gbdt" else 1):
                for name, cmd in runners:
                    busy_before = common.wait_quiet(a.quiet_wait, a.quiet_busy)
                    print("[bdt_compare] %s repeat %d: %s (host busy %.2f)" % (bench, repeat, name, busy_before), file=sys.stderr)
                    rec = run_measured(cmd)
                    rec.update({"run_id": run_id, "benchmark": bench, "try": repeat, "host_busy_before": round(busy_before, 3),
                                "clean": rec.get("host_other_busy", 1.0) <= 0.10})
                    out.write(json.dumps(rec) + "\n")
                    out.flush()
                    records.append(rec)
    summarise(records)


def summarise(records):
    def med(name, field):
        rows = [r for r in records if r["peer"] == name]
        clean = [r for r in rows if r["clean"]]
        use = clean or rows
        vals = [r[field] for r in use if r.get(field) is not None]
        return (statistics.median(vals) if vals else float("nan")), len(clean), len(rows), \
            (statistics.median([r["host_other_busy"] for r in use]) if use else float("nan"))

    print("| peer | runs (clean/all) | host other busy | train s | AUC | AUC weighted | predict rows/s | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    for name in dict.fromkeys(r["peer"] for r in records):
        t, c, n, busy = med(name, "train_s")
        auc = med(name, "auc")[0]
        aucw = med(name, "auc_weighted")[0]
        rate = med(name, "predict_rows_per_s")[0]
        rss = med(name, "peak_rss_kb_time")[0]
        print("| %s | %d/%d | %.2f | %.2f | %.4f | %.4f | %.3g | %.0f |" % (name, c, n, busy, t, auc, aucw, rate, rss / 1024))
    pairs = [("hepml_gbdt", "xgb_bdt"), ("hepml_adaboost", "sk_adaboost"), ("hepml_adaboost", "sk_gb")]
    for ours, peer in pairs:
        if any(r["peer"] == ours for r in records) and any(r["peer"] == peer for r in records):
            print("%s / %s: train %.2fx, predict %.2fx, peak RSS %.2fx, AUC %+.4f" % (
                ours, peer,
                med(ours, "train_s")[0] / med(peer, "train_s")[0],
                med(ours, "predict_rows_per_s")[0] / med(peer, "predict_rows_per_s")[0],
                med(ours, "peak_rss_kb_time")[0] / med(peer, "peak_rss_kb_time")[0],
                med(ours, "auc")[0] - med(peer, "auc")[0]))


if __name__ == "__main__":
    main()
