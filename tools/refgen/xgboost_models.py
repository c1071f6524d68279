#!/usr/bin/python3
"""XGBoost models and their predictions, for HepMl's XGBoost import (issue 7).

Run with Debian's interpreter and python3-xgboost 1.7.4:

    /usr/bin/python3 tools/refgen/xgboost_models.py tests/HepMl.TestData/data/tmva/xgboost

Trains, on fixed numpy data, a binary:logistic model (30 trees, depth 3, NaNs in the training data so default
directions matter) and a reg:squarederror model (25 trees, depth 4, base_score 1.5), single-threaded
(deterministic). Writes for each the JSON model (Booster.save_model), the JSON dump (get_dump(dump_format='json')),
and the predictions of Booster.predict (and output_margin=True) on 200 test rows that include NaNs, as float32
text with 9 significant digits.
"""
import json
import os
import sys

import numpy as np
import xgboost as xgb

OUT = sys.argv[1] if len(sys.argv) > 1 else "tests/HepMl.TestData/data/tmva/xgboost"
FEATURES = ["pt", "eta", "phi", "mass", "btag"]


def data(rng, n):
    x = rng.normal(size=(n, 5)).astype(np.float32)
    x[:, 0] = np.exp(x[:, 0]) * 30
    x[:, 3] = np.abs(x[:, 3]) * 50 + 80
    x[rng.random((n, 5)) < 0.05] = np.nan
    return x


def write_predictions(path, x, columns):
    with open(path, "w") as f:
        f.write(",".join(FEATURES + [c for c, _ in columns]) + "\n")
        for i in range(x.shape[0]):
            values = ["nan" if np.isnan(v) else f"{float(v):.9g}" for v in x[i]]
            values += [f"{float(p[i]):.9g}" for _, p in columns]
            f.write(",".join(values) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(7)
    train = data(rng, 600)
    test = data(rng, 200)
    z = np.nan_to_num(train[:, 1]) * 1.2 - np.nan_to_num(train[:, 4]) + 0.01 * np.nan_to_num(train[:, 0])
    label = (z + rng.normal(size=600) > 0).astype(np.float32)
    target = (0.02 * np.nan_to_num(train[:, 0]) + np.nan_to_num(train[:, 2]) ** 2 + rng.normal(scale=0.1, size=600)).astype(np.float32)

    dtest = xgb.DMatrix(test, feature_names=FEATURES, nthread=1)
    binary = xgb.train(
        {"objective": "binary:logistic", "max_depth": 3, "eta": 0.3, "nthread": 1, "tree_method": "hist", "seed": 1},
        xgb.DMatrix(train, label=label, feature_names=FEATURES, nthread=1), 30)
    binary.save_model(os.path.join(OUT, "binary_logistic.model.json"))
    with open(os.path.join(OUT, "binary_logistic.dump.json"), "w") as f:
        f.write("[\n" + ",\n".join(binary.get_dump(dump_format="json")) + "\n]\n")
    write_predictions(os.path.join(OUT, "binary_logistic.predictions.csv"), test,
                      [("predict", binary.predict(dtest)), ("margin", binary.predict(dtest, output_margin=True))])

    regression = xgb.train(
        {"objective": "reg:squarederror", "max_depth": 4, "eta": 0.2, "base_score": 1.5, "nthread": 1,
         "tree_method": "hist", "seed": 1},
        xgb.DMatrix(train, label=target, feature_names=FEATURES, nthread=1), 25)
    regression.save_model(os.path.join(OUT, "regression.model.json"))
    with open(os.path.join(OUT, "regression.dump.json"), "w") as f:
        f.write("[\n" + ",\n".join(regression.get_dump(dump_format="json")) + "\n]\n")
    write_predictions(os.path.join(OUT, "regression.predictions.csv"), test, [("predict", regression.predict(dtest))])
    print("xgboost", xgb.__version__, file=sys.stderr)


if __name__ == "__main__":
    main()
