#!/usr/bin/python3
"""HepMl classic toolbox vs scikit-learn, side by side in one run (issue 6 performance acceptance).

    /usr/bin/python3 bench/peers/classic_peer.py [--data /tmp/peerdata/classic] [--only auc,knn,kmeans,dbscan]
                                                 [--repeats 3] [--no-build] [--results FILE]

Generates the data once (deterministic numpy seeds, raw little-endian arrays plus a JSON shape file per set), then
for every benchmark waits for a quiet host, times scikit-learn in this process and HepMl in a child process
(bench/HepMl.Benchmarks `classic-peer`), both limited to 2 threads, and prints one JSON line per peer and a markdown
table with the ratio HepMl/sklearn speed. `host_other_busy` (../shared/peers/common.py) is the share of the host
used by other processes while the pair ran; compare runs with a low value.

Benchmarks (each a fair, identical computation on both sides):
  auc       roc_auc_score vs AreaUnderRocCurve.Compute on 10M float32 scores (unweighted and weighted)
  knn       KNeighborsClassifier(kd_tree, n_jobs=2).predict_proba vs KNearestNeighbours.Score: queries/s, k = 10
  kmeans    KMeans(lloyd, given init, n_init=1, tol=0, max_iter=20) vs KMeans.Fit (same init): s per iteration
  dbscan    DBSCAN(eps, min_samples, n_jobs=2) vs Dbscan.Fit: seconds; the labels are checked to agree
"""
import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(os.path.dirname(REPO), "shared", "peers"))
import common  # noqa: E402  (../shared/peers/common.py: host_other_busy, wait_quiet, threads_env)

common.threads_env(2)
import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.cluster import DBSCAN, KMeans  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402
from sklearn.neighbors import KNeighborsClassifier  # noqa: E402

SETS = {
    "auc_10m": dict(task="auc", n=10_000_000),
    "knn_2d": dict(task="knn", n=1_000_000, d=2, queries=100_000, k=10),
    "knn_10d": dict(task="knn", n=1_000_000, d=10, queries=20_000, k=10),
    "kmeans_2d": dict(task="kmeans", n=1_000_000, d=2, k=8, max_iter=20),
    "kmeans_10d": dict(task="kmeans", n=1_000_000, d=10, k=8, max_iter=20),
    "dbscan_2d": dict(task="dbscan", n=1_000_000, d=2, eps=0.003, min_samples=10),
    "dbscan_10d": dict(task="dbscan", n=1_000_000, d=10, eps=0.008, min_samples=10),
}


def blobs(rng, n, d, centres=12, noise=0.05):
    c = rng.uniform(-5, 5, (centres, d))
    which = rng.integers(0, centres, n)
    x = c[which] + rng.normal(0, 1.0, (n, d)) * rng.uniform(0.3, 1.0, centres)[which, None]
    m = int(noise * n)
    x[:m] = rng.uniform(-8, 8, (m, d))
    rng.shuffle(x)
    return x.astype(np.float32), which


def generate(data_dir):
    os.makedirs(data_dir, exist_ok=True)
    for name, spec in SETS.items():
        meta_path = os.path.join(data_dir, name + ".json")
        if os.path.exists(meta_path):
            continue
        rng = np.random.default_rng(abs(hash(name)) % (2**32) if False else 60000 + sum(map(ord, name)))
        meta = dict(spec)
        if spec["task"] == "auc":
            y = (rng.random(spec["n"]) < 0.4).astype(np.int32)
            s = (rng.normal(0, 1, spec["n"]) + 0.8 * y).astype(np.float32)
            s[::10] = np.round(s[::10], 2)  # ties
            w = rng.lognormal(0, 0.3, spec["n"]).astype(np.float32)
            s.tofile(os.path.join(data_dir, name + "_scores.f32"))
            y.tofile(os.path.join(data_dir, name + "_labels.i32"))
            w.tofile(os.path.join(data_dir, name + "_weights.f32"))
        elif spec["task"] == "knn":
            x, which = blobs(rng, spec["n"] + spec["queries"], spec["d"])
            y = ((x[:, 0] + 0.3 * rng.normal(0, 1, len(x))) > 0).astype(np.int32)
            x[: spec["n"]].tofile(os.path.join(data_dir, name + "_train.f32"))
            y[: spec["n"]].tofile(os.path.join(data_dir, name + "_labels.i32"))
            x[spec["n"]:].tofile(os.path.join(data_dir, name + "_queries.f32"))
        elif spec["task"] == "kmeans":
            x, _ = blobs(rng, spec["n"], spec["d"])
            x.tofile(os.path.join(data_dir, name + "_points.f32"))
            x[rng.choice(spec["n"], spec["k"], replace=False)].tofile(os.path.join(data_dir, name + "_init.f32"))
        else:
            if spec["d"] == 2:
                x, _ = blobs(rng, spec["n"], 2, centres=40)
                x = (x * 0.1).astype(np.float32)  # dense clusters on a ~1x1 area
            else:
                # Ten features that really live near a 2-D sheet (as correlated physics features do): 2-D blobs
                # embedded by a random orthonormal map plus small noise in every direction, so neighbourhood sizes
                # stay bounded (isotropic 10-D blobs give ~1000 neighbours per core event at any useful eps).
                latent, _ = blobs(rng, spec["n"], 2, centres=40)
                basis, _ = np.linalg.qr(rng.normal(0, 1, (spec["d"], 2)))
                x = (0.1 * latent.astype(np.float64) @ basis.T + rng.normal(0, 0.002, (spec["n"], spec["d"]))).astype(np.float32)
            x.tofile(os.path.join(data_dir, name + "_points.f32"))
        meta["dimensions"] = spec.get("d", 1)
        with open(meta_path, "w") as f:
            json.dump(meta, f)
        print(f"generated {name}", file=sys.stderr)


def load(data_dir, name, suffix, dtype, d=None):
    a = np.fromfile(os.path.join(data_dir, f"{name}_{suffix}"), dtype=dtype)
    return a.reshape(-1, d) if d else a


def median_time(fn, repeats):
    times, out = [], None
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return sorted(times)[len(times) // 2], out


def sklearn_run(data_dir, name, spec, repeats):
    d = spec.get("d")
    if spec["task"] == "auc":
        s, y, w = load(data_dir, name, "scores.f32", np.float32), load(data_dir, name, "labels.i32", np.int32), load(data_dir, name, "weights.f32", np.float32)
        sec, auc = median_time(lambda: roc_auc_score(y, s), repeats)
        wsec, wauc = median_time(lambda: roc_auc_score(y, s, sample_weight=w), repeats)
        return dict(n=len(s), seconds=sec, scores_per_s=len(s) / sec, weighted_seconds=wsec, auc=float(auc), auc_weighted=float(wauc))
    if spec["task"] == "knn":
        x, y, q = load(data_dir, name, "train.f32", np.float32, d), load(data_dir, name, "labels.i32", np.int32), load(data_dir, name, "queries.f32", np.float32, d)
        model = None

        def fit():
            return KNeighborsClassifier(n_neighbors=spec["k"], algorithm="kd_tree", leaf_size=30, n_jobs=2).fit(x, y)
        build, model = median_time(fit, repeats)
        sec, p = median_time(lambda: model.predict_proba(q)[:, 1], repeats)
        return dict(n_train=len(x), n_queries=len(q), k=spec["k"], build_seconds=build, seconds=sec, queries_per_s=len(q) / sec, mean_probability=float(p.mean()))
    if spec["task"] == "kmeans":
        x, init = load(data_dir, name, "points.f32", np.float32, d), load(data_dir, name, "init.f32", np.float32, d)
        sec, km = median_time(lambda: KMeans(n_clusters=spec["k"], init=init, n_init=1, max_iter=spec["max_iter"], tol=0.0, algorithm="lloyd").fit(x), repeats)
        return dict(n=len(x), k=spec["k"], seconds=sec, iterations=int(km.n_iter_), seconds_per_iteration=sec / km.n_iter_, inertia=float(km.inertia_))
    x = load(data_dir, name, "points.f32", np.float32, d)
    sec, db = median_time(lambda: DBSCAN(eps=spec["eps"], min_samples=spec["min_samples"], n_jobs=2).fit(x), repeats)
    labels = db.labels_
    return dict(n=len(x), seconds=sec, clusters=int(labels.max() + 1), noise=int((labels < 0).sum()), core=int(len(db.core_sample_indices_)))


def hepml_run(data_dir, name, spec, repeats):
    dll = os.path.join(REPO, "bench", "HepMl.Benchmarks", "bin", "Release", "net10.0", "HepMl.Benchmarks.dll")
    out = subprocess.run(["dotnet", dll, "classic-peer", spec["task"], data_dir, name, str(repeats)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


RATE = {"auc": ("seconds", "scores/s", "scores_per_s"), "knn": ("seconds", "queries/s", "queries_per_s"),
        "kmeans": ("seconds_per_iteration", "s/iteration", None), "dbscan": ("seconds", "s", None)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/tmp/peerdata/classic")
    ap.add_argument("--only", default="")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--results", default="")
    args = ap.parse_args()
    generate(args.data)
    if not args.no_build:
        subprocess.run(["dotnet", "build", os.path.join(REPO, "bench", "HepMl.Benchmarks"), "-c", "Release", "-nodeReuse:false", "-v", "q"], check=True)
    only = set(filter(None, args.only.split(",")))
    rows = []
    for name, spec in SETS.items():
        if only and spec["task"] not in only and name not in only:
            continue
        before = common.wait_quiet(max_wait=60, threshold=0.25)
        common._START = None  # measure each pair on its own
        common._start_counters()
        sk = sklearn_run(args.data, name, spec, args.repeats)
        hm = hepml_run(args.data, name, spec, args.repeats)
        busy = common.host_other_busy()
        for peer, rec in (("sklearn", sk), ("hepml", hm)):
            rec.update(peer=peer, task=spec["task"], dataset=name, host_busy_before=round(before, 3), host_other_busy=round(busy, 3),
                       sklearn_version=sklearn.__version__)
            line = json.dumps(rec, sort_keys=True)
            print(line)
            if args.results:
                with open(args.results, "a") as f:
                    f.write(line + "\n")
        key = RATE[spec["task"]][0]
        rows.append((name, sk[key], hm[key], sk[key] / hm[key], busy, sk, hm))
    print("\n| benchmark | sklearn | HepMl | speed-up (HepMl vs sklearn) | host_other_busy | check |")
    print("|---|---|---|---|---|---|")
    for name, s, h, ratio, busy, sk, hm in rows:
        task = SETS[name]["task"]
        check = {"auc": lambda: f"AUC {sk['auc']:.9f} / {hm['auc']:.9f}",
                 "knn": lambda: f"mean P {sk['mean_probability']:.5f} / {hm['mean_probability']:.5f}",
                 "kmeans": lambda: f"iters {sk['iterations']}/{hm['iterations']}, inertia rel diff {abs(sk['inertia'] - hm['inertia']) / sk['inertia']:.1e}",
                 "dbscan": lambda: f"clusters {sk['clusters']}/{hm['clusters']}, noise {sk['noise']}/{hm['noise']}"}[task]()
        unit = RATE[task][1]
        if RATE[task][2]:
            s_txt, h_txt = f"{sk[RATE[task][2]]:.3g} {unit}", f"{hm[RATE[task][2]]:.3g} {unit}"
        else:
            s_txt, h_txt = f"{s:.3g} {unit}", f"{h:.3g} {unit}"
        print(f"| {name} | {s_txt} | {h_txt} | {ratio:.2f}x | {busy:.2f} | {check} |")


if __name__ == "__main__":
    main()
