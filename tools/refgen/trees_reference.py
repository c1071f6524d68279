#!/usr/bin/python3
"""Reference values for HepMl's tree learners, from XGBoost and scikit-learn.

Usage: /usr/bin/python3 tools/refgen/trees_reference.py tests/HepMl.TestData/data/trees

Writes one JSON file per case.  Every case uses small integer-valued features (a few distinct values each), so that
histogram binning, TMVA's cut grid with many cuts and exact splitting all see the same candidate partitions: the
trees can be compared node for node through their predictions on the training events.

  xgb_binary.json      XGBoost hist, binary:logistic, weighted, with NaN (learnt default directions)
  xgb_regression.json  XGBoost hist, reg:squarederror, weighted
  xgb_multiclass.json  XGBoost hist, multi:softprob, 3 classes
  xgb_l1_lossguide.json XGBoost hist, binary:logistic, alpha=0.5, lambda=2, min_child_weight=3, lossguide, max_leaves=6
  xgb_auc_binned.json  XGBoost hist with the issue's settings (200 trees, depth 6, eta 0.1, max_bin 256) on a small
                       weighted HIGGS-like sample on value grids: the test AUC HepMl must come within 0.002 of
  sk_adaboost.json     scikit-learn AdaBoostClassifier(SAMME) on depth-3 exact trees = TMVA AdaBoost, nCuts<0
  sk_gradboost.json    scikit-learn GradientBoostingClassifier(init='zero') = TMVA Grad (F_tmva = F_sklearn / 2)

Versions are recorded in each file.  Run with Debian's /usr/bin/python3 (numpy 1.24, sklearn 1.2.1, xgboost 1.7.4).
"""
import json
import os
import sys

import numpy as np
import sklearn
import xgboost as xgb
from sklearn.ensemble import AdaBoostClassifier, GradientBoostingClassifier
from sklearn.tree import DecisionTreeClassifier


def integer_features(rng, n, f, levels=8):
    return rng.integers(0, levels, size=(n, f)).astype(np.float32)


def write(out, name, payload):
    payload["versions"] = {"numpy": np.__version__, "xgboost": xgb.__version__, "sklearn": sklearn.__version__}
    with open(os.path.join(out, name), "w") as fh:
        json.dump(payload, fh, indent=None, separators=(",", ":"))
        fh.write("\n")


def to_list(a):
    return [None if (isinstance(v, float) and np.isnan(v)) else v for v in np.asarray(a, dtype=np.float64).ravel().tolist()]


def matrix(a):
    return [to_list(row) for row in a]


def xgb_case(out, name, X, y, w, params, rounds, Xtest, output_margin=True):
    d = xgb.DMatrix(X, label=y, weight=w, missing=np.nan, nthread=1)
    p = dict(params)
    p.update({"tree_method": "hist", "nthread": 1, "seed": 0, "max_bin": 256})
    bst = xgb.train(p, d, num_boost_round=rounds)
    train_margin = bst.predict(d, output_margin=output_margin)
    test_margin = bst.predict(xgb.DMatrix(Xtest, missing=np.nan, nthread=1), output_margin=output_margin)
    write(out, name, {
        "params": p, "rounds": rounds,
        "features": matrix(X), "labels": np.asarray(y).astype(float).tolist(), "weights": to_list(w),
        "train_margin": matrix(np.asarray(train_margin).reshape(len(X), -1)),
        "test_features": matrix(Xtest),
        "test_margin": matrix(np.asarray(test_margin).reshape(len(Xtest), -1)),
    })


def auc_case(out, rng):
    """HIGGS-like features (pt-like exponential tails, eta-like normals, a mass peak over a falling background, an
    uninformative phi) and weights that are 1 for 90% of the events, lognormal otherwise, as in ../shared/peers' higgs
    sets; every feature is rounded to a grid of at most 200 values, so that XGBoost (max_bin 256) and HepMl (255 value
    bins) both give each value its own bin and see the same candidate splits.  On continuous data of this size two
    correct hist learners differ by several 0.001 in AUC (XGBoost with max_bin 128 instead of 256 does), which would
    make a 0.002 criterion a coin toss."""
    n_train, n_test = 3000, 2000
    n = n_train + n_test
    y = (rng.random(n) < 0.5).astype(np.int32)
    X = np.empty((n, 5))
    X[:, 0] = rng.exponential(np.where(y == 1, 70.0, 40.0))                 # pt
    X[:, 1] = rng.normal(0, np.where(y == 1, 0.9, 1.5))                      # eta
    X[:, 2] = np.where((y == 1) & (rng.random(n) < 0.7), rng.normal(125, 10, n), 40 + rng.exponential(90, n))  # mass
    X[:, 3] = rng.exponential(np.where(y == 1, 80.0, 60.0))                 # met
    X[:, 4] = rng.uniform(-np.pi, np.pi, n)                                  # phi (no information)
    steps = [2.5, 0.05, 2.5, 2.5, 0.05]
    for j, step in enumerate(steps):
        X[:, j] = np.round(np.clip(X[:, j], np.quantile(X[:, j], 0.001), np.quantile(X[:, j], 0.999)) / step) * step
        assert len(np.unique(X[:, j])) <= 200, (j, len(np.unique(X[:, j])))
    X = np.array([[float("%.6g" % v) for v in row] for row in X], dtype=np.float32)
    w = np.where(rng.random(n) < 0.9, 1.0, rng.lognormal(0, 0.3, n)).astype(np.float32)
    w = np.array([float("%.4g" % v) for v in w], dtype=np.float32)
    params = {"objective": "binary:logistic", "eta": 0.1, "max_depth": 6, "tree_method": "hist", "max_bin": 256,
              "nthread": 1, "seed": 0, "base_score": 0.5}
    d = xgb.DMatrix(X[:n_train], label=y[:n_train], weight=w[:n_train], nthread=1)
    bst = xgb.train(params, d, num_boost_round=200)
    p = bst.predict(xgb.DMatrix(X[n_train:], nthread=1))
    from sklearn.metrics import roc_auc_score
    write(out, "xgb_auc_binned.json", {
        "params": params, "rounds": 200, "n_train": n_train,
        # Six significant digits: parsing them into float32 gives exactly the values XGBoost trained on.
        "features": [[float("%.6g" % v) for v in row] for row in X.tolist()], "labels": y.astype(float).tolist(),
        "weights": [float("%.4g" % v) for v in w.tolist()],
        "test_auc": float(roc_auc_score(y[n_train:], p)),
        "test_auc_weighted": float(roc_auc_score(y[n_train:], p, sample_weight=w[n_train:])),
    })


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(20240611)

    # binary, weighted, with NaN
    n, f = 400, 4
    X = integer_features(rng, n, f)
    logit = 0.8 * (X[:, 0] - 3.5) - 0.6 * (X[:, 1] - 3.5) + 0.4 * (X[:, 2] > 4) + rng.normal(0, 1.0, n)
    y = (logit > 0).astype(np.float32)
    X[rng.random((n, f)) < 0.08] = np.nan
    w = rng.choice([1.0, 1.0, 0.5, 2.0], size=n).astype(np.float32)
    Xtest = np.array([[0, 0, 0, 0], [7, 7, 7, 7], [3, np.nan, 5, 1], [np.nan, np.nan, np.nan, np.nan],
                      [5, 2, np.nan, 6], [1, 6, 3, np.nan]], dtype=np.float32)
    xgb_case(out, "xgb_binary.json", X, y, w,
             {"objective": "binary:logistic", "eta": 0.3, "max_depth": 3, "lambda": 1.0, "min_child_weight": 1.0,
              "base_score": 0.5}, 10, Xtest)

    # binary with L1/L2, min_child_weight and leaf-wise growth
    xgb_case(out, "xgb_l1_lossguide.json", X, y, w,
             {"objective": "binary:logistic", "eta": 0.5, "max_depth": 0, "max_leaves": 6, "grow_policy": "lossguide",
              "alpha": 0.5, "lambda": 2.0, "min_child_weight": 3.0, "base_score": 0.5}, 6, Xtest)

    # regression, weighted
    n = 300
    X = integer_features(rng, n, 3)
    t = 2.0 * X[:, 0] - X[:, 1] + 0.5 * X[:, 0] * (X[:, 2] > 3) + rng.normal(0, 0.5, n)
    w = rng.choice([1.0, 0.25, 3.0], size=n).astype(np.float32)
    Xtest = np.array([[0, 0, 0], [7, 0, 7], [2, 5, 1], [6, 6, 6]], dtype=np.float32)
    xgb_case(out, "xgb_regression.json", X, t.astype(np.float32), w,
             {"objective": "reg:squarederror", "eta": 0.3, "max_depth": 3, "lambda": 1.0, "min_child_weight": 1.0,
              "base_score": 0.5}, 8, Xtest)

    # multi-class
    n = 450
    X = integer_features(rng, n, 3)
    score = np.stack([X[:, 0], X[:, 1], 7 - X[:, 0] + 0.5 * X[:, 2]], axis=1) + rng.normal(0, 1.0, (n, 3))
    y = np.argmax(score, axis=1).astype(np.float32)
    w = np.ones(n, dtype=np.float32)
    Xtest = np.array([[0, 0, 0], [7, 0, 7], [2, 5, 1]], dtype=np.float32)
    xgb_case(out, "xgb_multiclass.json", X, y, w,
             {"objective": "multi:softprob", "num_class": 3, "eta": 0.3, "max_depth": 3, "lambda": 1.0,
              "min_child_weight": 1.0, "base_score": 0.5}, 5, Xtest)

    # TMVA-style: balanced classes, unit weights (TMVA's normalisation then leaves them at 1)
    n, f = 400, 4
    X = integer_features(rng, n, f, levels=10)
    logit = 0.7 * (X[:, 0] - 4.5) + 0.5 * (X[:, 1] - 4.5) - 0.4 * (X[:, 3] - 4.5) + rng.normal(0, 1.5, n)
    order = np.argsort(logit)
    y = np.zeros(n, dtype=np.int32)
    y[order[n // 2:]] = 1  # exactly half signal
    min_leaf = 20           # = MinNodeSize 5% of 400
    # TMVA also demands the minimum node size in weight (total weight = N after every renormalisation), which is
    # scikit-learn's min_weight_fraction_leaf = MinNodeSize/100.
    ada = AdaBoostClassifier(DecisionTreeClassifier(max_depth=3, min_samples_leaf=min_leaf, min_weight_fraction_leaf=0.05,
                                                    random_state=0),
                             n_estimators=8, learning_rate=0.5, algorithm="SAMME", random_state=0)
    ada.fit(X, y)
    write(out, "sk_adaboost.json", {
        "n_estimators": 8, "learning_rate": 0.5, "max_depth": 3, "min_samples_leaf": min_leaf,
        "min_weight_fraction_leaf": 0.05,
        "features": matrix(X), "labels": y.astype(float).tolist(),
        "decision_function": to_list(ada.decision_function(X)),
        "estimator_weights": to_list(ada.estimator_weights_[:len(ada.estimators_)]),
        "estimator_errors": to_list(ada.estimator_errors_[:len(ada.estimators_)]),
    })

    gb = GradientBoostingClassifier(n_estimators=6, learning_rate=0.4, max_depth=3, min_samples_leaf=min_leaf,
                                    init="zero", random_state=0)
    gb.fit(X, y)
    write(out, "sk_gradboost.json", {
        "n_estimators": 6, "learning_rate": 0.4, "max_depth": 3, "min_samples_leaf": min_leaf,
        "features": matrix(X), "labels": y.astype(float).tolist(),
        "probability": to_list(gb.predict_proba(X)[:, 1]),
    })

    auc_case(out, np.random.default_rng(20261122))


if __name__ == "__main__":
    main()
