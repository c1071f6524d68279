#!/usr/bin/python3
"""Prints HepMl / PyTorch ratios for one run of run_neural_peers.sh (medians over repeats).

Usage: /usr/bin/python3 neural_ratios.py RESULTS.jsonl RUN_ID
"""
import json
import statistics
import sys

PAIRS = [
    ("MLP training samples/s", "torch_mlp", "hepml_mlp", "samples_per_s"),
    ("MLP inference rows/s", "torch_mlp", "hepml_mlp", "predict_rows_per_s"),
    ("CNN training images/s", "torch_cnn", "hepml_cnn", "images_per_s"),
    ("CNN inference images/s", "torch_cnn", "hepml_cnn", "predict_images_per_s"),
    ("VAE training samples/s", "torch_vae", "hepml_vae", "samples_per_s"),
    ("VAE scoring rows/s", "torch_vae", "hepml_vae", "score_rows_per_s"),
]
QUALITY = [("MLP AUC", "auc", "torch_mlp", "hepml_mlp"), ("CNN AUC", "auc", "torch_cnn", "hepml_cnn"),
           ("VAE AUC (ELBO)", "auc_elbo", "torch_vae", "hepml_vae")]


def main():
    path, run_id = sys.argv[1], sys.argv[2]
    rows = [json.loads(l) for l in open(path) if l.strip().startswith("{")]
    rows = [r for r in rows if r.get("run_id") == run_id]
    by = {}
    for r in rows:
        by.setdefault(r["peer"], []).append(r)

    def med(peer, key):
        vals = [r[key] for r in by.get(peer, []) if key in r]
        return statistics.median(vals) if vals else None

    def busy(peer):
        vals = [r.get("host_other_busy", float("nan")) for r in by.get(peer, [])]
        return max(vals) if vals else float("nan")

    print("| figure | PyTorch | HepMl | HepMl / PyTorch | host_other_busy (torch, hepml) |")
    print("|---|---|---|---|---|")
    for label, torch_peer, ours, key in PAIRS:
        t, h = med(torch_peer, key), med(ours, key)
        if t is None or h is None:
            continue
        print("| %s | %.4g | %.4g | **%.2f** | %.2f, %.2f |" % (label, t, h, h / t, busy(torch_peer), busy(ours)))
    for label, key, torch_peer, ours in QUALITY:
        t, h = med(torch_peer, key), med(ours, key)
        if t is not None and h is not None:
            print("| %s | %.4f | %.4f | | |" % (label, t, h))
    for r in by.get("hepml_gemm", []):
        print("\nGEMM (clock %.2f GHz, %d cores, %d-wide FMA): peak %.0f GFLOP/s with one FMA pipe per core, %.0f with two"
              % (r["clock_ghz"], r["cores"], r["fma_lanes"], r["peak_gflops_one_fma_pipe"], r["peak_gflops_two_fma_pipes"]))
        for g in r["results"]:
            print("  %5d x %5d x %5d  threads %d: %6.1f GFLOP/s  (%.0f%% of the 1-pipe peak of the threads used, %.0f%% of 2-pipe)"
                  % (g["m"], g["n"], g["k"], g["threads"], g["gflops"],
                     100 * g["gflops"] / (r["peak_gflops_one_fma_pipe"] / r["cores"] * g["threads"]),
                     100 * g["gflops"] / (r["peak_gflops_two_fma_pipes"] / r["cores"] * g["threads"])))
        print("  host_other_busy %.2f" % r.get("host_other_busy", float("nan")))


if __name__ == "__main__":
    main()
