#!/usr/bin/python3
"""scikit-learn AdaBoostClassifier peer with TMVA-like settings (TMVAClassification.C's BDT booking).

Usage: /usr/bin/python3 sk_adaboost.py DATA.h5|DATA.csv [--trees 850] [--depth 3] [--lr 0.5] [--min-leaf 0.025]

Discrete AdaBoost (SAMME) on exact depth-3 trees with min_samples_leaf = 2.5% of the training events, learning
rate 0.5 (TMVA AdaBoostBeta), weighted training on the first 70% of rows, AUC on the rest.  Single-threaded by
construction.  Prints one JSON line with the field names of ../../../shared/peers.
"""
import argparse
import os
import sys

sys.path.insert(0, "/work/shared/peers")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "peers"))
import common  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--trees", type=int, default=850)
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument("--lr", type=float, default=0.5)
    ap.add_argument("--min-leaf", type=float, default=0.025)
    a = ap.parse_args()
    common.threads_env(1)
    import numpy as np
    import sklearn
    from sklearn.ensemble import AdaBoostClassifier
    from sklearn.tree import DecisionTreeClassifier

    with common.Timer() as tl:
        X, y, w = common.load_tabular(a.data)
    ntr = common.split_index(len(y))
    clf = AdaBoostClassifier(DecisionTreeClassifier(max_depth=a.depth, min_samples_leaf=a.min_leaf),
                             n_estimators=a.trees, learning_rate=a.lr, algorithm="SAMME", random_state=0)
    with common.Timer() as tt:
        clf.fit(X[:ntr], y[:ntr], sample_weight=w[:ntr])
    Xte = np.ascontiguousarray(X[ntr:])
    p = clf.decision_function(Xte)
    rate, reps = common.throughput(lambda: clf.decision_function(Xte), len(Xte))
    common.emit({
        "peer": "sk_adaboost", "dataset": common.dataset_name(a.data),
        "n_train": int(ntr), "n_test": int(len(y) - ntr), "n_features": int(X.shape[1]),
        "params": {"trees": a.trees, "depth": a.depth, "lr": a.lr, "min_samples_leaf": a.min_leaf,
                   "algorithm": "SAMME", "threads": 1, "weighted_training": True},
        "load_s": tl.wall, "train_s": tt.wall, "train_cpu_s": tt.cpu,
        "auc": common.auc(y[ntr:], p), "auc_weighted": common.auc(y[ntr:], p, w[ntr:]),
        "predict_rows_per_s": rate, "predict_reps": reps,
        "versions": {**common.versions("numpy"), "sklearn": sklearn.__version__},
    })


if __name__ == "__main__":
    main()
