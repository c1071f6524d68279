#!/usr/bin/python3
"""XGBoost side of the TMVA-evaluation comparison (bench/peers/tmva_eval_vs_xgboost.sh).

Usage: /usr/bin/python3 tmva_eval_xgb.py train DATA_100k.h5 MODEL.json
       /usr/bin/python3 tmva_eval_xgb.py predict DATA_1m.h5 MODEL.json THREADS SCORES.f32 [REPEATS]

train:   fits 1000 trees of depth 3 (hist, eta 0.1, binary:logistic, weighted) and saves the JSON model; HepMl's
         `hepml tmva convert` turns that model into the TMVA weight file HepMl evaluates, so both sides evaluate the
         same forest.
predict: times Booster.inplace_predict on every row of DATA (nthread = THREADS), median of REPEATS (default 3), prints
         one JSON line; writes the probabilities as float32 to SCORES.f32 for the agreement check.
"""
import os
import sys
import time

THREADS = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[1] == "predict" else 2
sys.path.insert(0, "/work/shared/peers")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "peers"))
import common  # noqa: E402

common.threads_env(THREADS)
common._start_counters()
import numpy as np  # noqa: E402
import xgboost as xgb  # noqa: E402


def train(data, model):
    X, y, w = common.load_tabular(data)
    d = xgb.DMatrix(X, label=y, weight=w)
    params = {"objective": "binary:logistic", "tree_method": "hist", "max_depth": 3, "eta": 0.1, "nthread": 2,
              "base_score": 0.5, "seed": 1}
    t0 = time.perf_counter()
    booster = xgb.train(params, d, num_boost_round=1000)
    booster.save_model(model)
    print(f"trained 1000 trees of depth 3 on {X.shape[0]} rows in {time.perf_counter() - t0:.1f} s -> {model}", file=sys.stderr)


def predict(data, model, threads, scores, repeats):
    X, _, _ = common.load_tabular(data)
    X = np.ascontiguousarray(X, dtype=np.float32)
    booster = xgb.Booster(model_file=model)
    booster.set_param({"nthread": threads})
    booster.inplace_predict(X[:1000])  # warm-up
    times = []
    p = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        p = booster.inplace_predict(X)
        times.append(time.perf_counter() - t0)
    np.asarray(p, dtype="<f4").tofile(scores)
    seconds = sorted(times)[len(times) // 2]
    common.emit({
        "peer": "xgboost", "task": "tmva_bdt_eval", "dataset": common.dataset_name(data), "rows": int(X.shape[0]),
        "trees": booster.num_boosted_rounds(), "depth": 3, "threads": threads, "seconds": seconds, "all_seconds": times,
        "rows_per_s": X.shape[0] / seconds, "xgboost": xgb.__version__, "host_other_busy": common.host_other_busy(),
    })


if __name__ == "__main__":
    if sys.argv[1] == "train":
        train(sys.argv[2], sys.argv[3])
    else:
        predict(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], int(sys.argv[6]) if len(sys.argv) > 6 else 3)
