#!/usr/bin/python3
"""Reference values for HepMl's input transformations (issue 6, fitted like TMVA's), computed once with numpy.

Run with Debian's interpreter (numpy 1.24):

    /usr/bin/python3 tools/refgen/tmva_transformations.py tests/HepMl.TestData/data/tmva

Writes transformations.json: a small two-class weighted sample (float32-exact values) and, per class and for all
events together, the weighted means, population covariance, its inverse square root C^(-1/2) (TMVA's
decorrelation matrix, from numpy.linalg.eigh), the weighted standard deviations, and the unweighted PCA means and
eigenvectors (columns ordered by decreasing eigenvalue, numpy.linalg.eigh; each column's largest component made
positive). Deterministic: rerunning rewrites the same bytes.
"""
import json
import os
import sys

import numpy as np

OUT = sys.argv[1] if len(sys.argv) > 1 else "tests/HepMl.TestData/data/tmva"


def f32(a):
    return [float(v) for v in np.asarray(a, dtype=np.float32).ravel()]


def orient(vectors):
    result = vectors.copy()
    for k in range(result.shape[1]):
        i = int(np.argmax(np.abs(result[:, k])))
        if result[i, k] < 0:
            result[:, k] = -result[:, k]
    return result


def main():
    rng = np.random.default_rng(20240611)
    n = 400
    labels = (rng.random(n) < 0.5).astype(np.int64)
    mixing = np.array([[1.0, 0.6, 0.2], [0.0, 0.8, -0.4], [0.0, 0.0, 0.5]])
    x = rng.normal(size=(n, 3)) @ mixing
    x[labels == 1] += np.array([0.8, -0.3, 0.5])
    x = x.astype(np.float32).astype(np.float64)
    w = np.where(rng.random(n) < 0.8, 1.0, rng.lognormal(0.0, 0.3, n)).astype(np.float32).astype(np.float64)

    sets = []
    for members in (labels == 0, labels == 1, np.ones(n, dtype=bool)):
        xs, ws = x[members], w[members]
        mean = np.average(xs, axis=0, weights=ws)
        cov = np.cov(xs, rowvar=False, aweights=ws, bias=True)
        values, vectors = np.linalg.eigh(cov)
        inv_sqrt = vectors @ np.diag(1.0 / np.sqrt(values)) @ vectors.T
        pca_mean = xs.mean(axis=0)
        pca_cov = np.cov(xs, rowvar=False, bias=True)
        pv, pvec = np.linalg.eigh(pca_cov)
        order = np.argsort(pv)[::-1]
        pvec = orient(pvec[:, order])
        sets.append({
            "mean": mean.tolist(),
            "std": np.sqrt(np.diag(cov)).tolist(),
            "decorrelation": inv_sqrt.ravel().tolist(),
            "pcaMean": pca_mean.tolist(),
            "pcaEigenvectors": pvec.ravel().tolist(),
            "min": f32(xs.min(axis=0)),
            "max": f32(xs.max(axis=0)),
        })

    document = {
        "generator": f"tools/refgen/tmva_transformations.py, numpy {np.__version__}",
        "features": ["a", "b", "c"],
        "x": [f32(row) for row in x],
        "labels": labels.tolist(),
        "weights": f32(w),
        "sets": sets,
    }
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "transformations.json"), "w") as f:
        json.dump(document, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
