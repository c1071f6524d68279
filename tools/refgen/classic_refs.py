#!/usr/bin/python3
"""Reference values for HepMl's classic toolbox (issue 6), computed once with scikit-learn and scipy.

Run with Debian's interpreter (scikit-learn 1.2.1, scipy 1.10.1, numpy 1.24):

    /usr/bin/python3 tools/refgen/classic_refs.py tests/HepMl.TestData/data/classic

Every input is generated here from fixed numpy seeds, stored as float32-exact numbers next to the expected
outputs, so the C# tests read inputs and answers from the same JSON file. The script is deterministic: running it
again rewrites byte-identical files.
"""
import json
import math
import os
import sys

import numpy as np
import scipy
import scipy.stats as st
import sklearn
from sklearn import metrics

OUT = sys.argv[1] if len(sys.argv) > 1 else "tests/HepMl.TestData/data/classic"


def f32(a):
    """Round to float32 and return plain Python floats (exactly representable in float32)."""
    return [float(v) for v in np.asarray(a, dtype=np.float32).ravel()]


def rows32(a):
    return [f32(r) for r in np.asarray(a, dtype=np.float32)]


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def write(name, payload):
    payload = dict(payload)
    payload["generator"] = f"tools/refgen/classic_refs.py (scikit-learn {sklearn.__version__}, scipy {scipy.__version__}, numpy {np.__version__})"
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(payload, f, sort_keys=True, separators=(",", ":"))
        f.write("\n")
    print("wrote", path, file=sys.stderr)


# ----------------------------------------------------------------------------------------------------------------
# Binary metrics: ROC curve and AUC (weighted, with negative weights and ties), confusion-matrix figures,
# calibration curve, separation, regression and multi-class one-vs-rest AUC.
def binary_metrics():
    rng = np.random.default_rng(6001)
    n = 300
    labels = (rng.random(n) < 0.45).astype(np.int32)
    scores = np.where(labels == 1, rng.normal(0.8, 1.0, n), rng.normal(0.0, 1.0, n)).astype(np.float32)
    scores[::7] = np.round(scores[::7], 1)  # ties
    weights = rng.lognormal(0.0, 0.4, n).astype(np.float32)
    neg = rng.random(n) < 0.1
    weights[neg] *= -0.5
    weights = weights.astype(np.float32)
    cases = []
    for name, w in (("unweighted", None), ("weighted", np.abs(weights)), ("negative_weights", weights)):
        if name == "negative_weights":
            # scikit-learn refuses non-monotone curves, so the reference is the definition, evaluated in numpy:
            # signed weighted pair sum (ties count one half) and cumulative sums over descending unique scores.
            ws, wb = w[labels == 1].astype(np.float64), w[labels == 0].astype(np.float64)
            s1, s0 = scores[labels == 1][:, None], scores[labels == 0][None, :]
            pair = (s1 > s0) + 0.5 * (s1 == s0)
            auc = float((ws[:, None] * wb[None, :] * pair).sum() / (ws.sum() * wb.sum()))
            thr = np.concatenate([[np.inf], np.unique(scores)[::-1]])
            tpr = np.array([w[(labels == 1) & (scores >= t)].astype(np.float64).sum() for t in thr]) / ws.sum()
            fpr = np.array([w[(labels == 0) & (scores >= t)].astype(np.float64).sum() for t in thr]) / wb.sum()
        else:
            fpr, tpr, thr = metrics.roc_curve(labels, scores, sample_weight=w, drop_intermediate=False)
            auc = metrics.roc_auc_score(labels, scores, sample_weight=w)
        prob = (1 / (1 + np.exp(-scores.astype(np.float64)))).astype(np.float32)
        pred = (prob >= 0.5).astype(np.int32)
        case = {
            "name": name,
            "auc": float(auc),
            "fpr": floats(fpr), "tpr": floats(tpr), "thresholds": floats(thr[1:]),
            "weights": None if w is None else f32(w),
        }
        if name != "negative_weights":
            cm = metrics.confusion_matrix(labels, pred, sample_weight=w)
            case.update({
                "probability_threshold": 0.5,
                "confusion": [floats(r) for r in cm],
                "accuracy": float(metrics.accuracy_score(labels, pred, sample_weight=w)),
                "precision": float(metrics.precision_score(labels, pred, sample_weight=w)),
                "recall": float(metrics.recall_score(labels, pred, sample_weight=w)),
                "specificity": float(metrics.recall_score(labels, pred, pos_label=0, sample_weight=w)),
                "f1": float(metrics.f1_score(labels, pred, sample_weight=w)),
            })
            # Background efficiency at signal efficiency: linear interpolation on the sklearn curve.
            targets = [0.1, 0.35, 0.5, 0.8]
            case["signal_efficiency_targets"] = targets
            case["background_efficiency_at"] = [float(np.interp(t, tpr, fpr)) for t in targets]
        cases.append(case)

    # Calibration curve of sigmoid(scores), uniform and quantile bins (unweighted, as sklearn).
    from sklearn.calibration import calibration_curve
    prob = (1 / (1 + np.exp(-scores.astype(np.float64)))).astype(np.float32)
    calib = []
    for strategy in ("uniform", "quantile"):
        pt, pp = calibration_curve(labels, prob, n_bins=8, strategy=strategy)
        calib.append({"strategy": strategy, "bins": 8, "fraction_of_positives": floats(pt), "mean_predicted": floats(pp)})

    # Separation <S^2> (TMVA Tools::GetSeparation) on 40 bins over [min, max]: a direct numpy evaluation.
    def separation(w):
        w = np.ones(n) if w is None else w.astype(np.float64)
        lo, hi = float(scores.min()), float(scores.max())
        edges = np.linspace(lo, hi, 41)
        s, _ = np.histogram(scores[labels == 1], bins=edges, weights=w[labels == 1])
        b, _ = np.histogram(scores[labels == 0], bins=edges, weights=w[labels == 0])
        s = s / w[labels == 1].sum()
        b = b / w[labels == 0].sum()
        m = (s + b) > 0
        return float(0.5 * np.sum((s[m] - b[m]) ** 2 / (s[m] + b[m])))

    write("binary_metrics.json", {
        "scores": f32(scores), "labels": [int(v) for v in labels], "signed_weights": f32(weights),
        "roc": cases, "calibration": calib,
        "separation_unweighted": separation(None), "separation_weighted": separation(np.abs(weights)),
        "probability_definition": "probability = float32(1/(1+exp(-score))) computed in double",
        "probabilities": f32(prob),
    })

    # Regression metrics.
    rng = np.random.default_rng(6002)
    t = rng.normal(10, 3, 200).astype(np.float32)
    p = (t + rng.normal(0.3, 1.2, 200)).astype(np.float32)
    w = rng.uniform(0.2, 2.0, 200).astype(np.float32)
    reg = {"targets": f32(t), "predictions": f32(p), "weights": f32(w)}
    t, p, w = t.astype(np.float64), p.astype(np.float64), w.astype(np.float64)  # sklearn keeps float32 otherwise
    for key, ww in (("unweighted", None), ("weighted", w)):
        reg[key] = {
            "rmse": float(np.sqrt(metrics.mean_squared_error(t, p, sample_weight=ww))),
            "mae": float(metrics.mean_absolute_error(t, p, sample_weight=ww)),
            "bias": float(np.average(p.astype(np.float64) - t.astype(np.float64), weights=ww)),
            "r2": float(metrics.r2_score(t, p, sample_weight=ww)),
        }
    write("regression_metrics.json", reg)

    # Multi-class one-vs-rest AUC.
    rng = np.random.default_rng(6003)
    n, k = 240, 3
    y = rng.integers(0, k, n).astype(np.int32)
    logits = rng.normal(0, 1, (n, k)) + 1.2 * np.eye(k)[y]
    proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    proba = proba.astype(np.float32)
    w = rng.uniform(0.5, 1.5, n).astype(np.float32)
    mc = {"labels": [int(v) for v in y], "scores": rows32(proba), "weights": f32(w), "classes": k}
    proba64 = proba.astype(np.float64)
    proba64 = proba64 / proba64.sum(axis=1, keepdims=True)  # sklearn checks rows sum to 1
    for key, ww in (("unweighted", None), ("weighted", w)):
        per_class = [metrics.roc_auc_score((y == c).astype(int), proba[:, c], sample_weight=ww) for c in range(k)]
        mc[key] = {
            "per_class": floats(per_class),
            "macro": float(metrics.roc_auc_score(y, proba64, multi_class="ovr", average="macro", sample_weight=ww)),
            "weighted": float(metrics.roc_auc_score(y, proba64, multi_class="ovr", average="weighted", sample_weight=ww)),
        }
    write("multiclass_metrics.json", mc)


# ----------------------------------------------------------------------------------------------------------------
# Kolmogorov-Smirnov: scipy ks_2samp exact (small unweighted samples) and Kolmogorov's limit kstwobign.
def kolmogorov_smirnov():
    rng = np.random.default_rng(6010)
    cases = []
    for name, (n1, n2, shift) in {
        "equal_sizes_same": (60, 60, 0.0),
        "unequal_sizes_shifted": (80, 53, 0.45),
        "unequal_sizes_same": (150, 97, 0.0),
        "larger_shifted": (400, 300, 0.2),
    }.items():
        a = rng.normal(0, 1, n1).astype(np.float32)
        b = rng.normal(shift, 1, n2).astype(np.float32)
        exact = st.ks_2samp(a, b, method="exact")
        en = n1 * n2 / (n1 + n2)
        cases.append({
            "name": name, "first": f32(a), "second": f32(b),
            "statistic": float(exact.statistic), "p_exact": float(exact.pvalue),
            "p_asymptotic": float(st.kstwobign.sf(exact.statistic * math.sqrt(en))),
        })
    # Large unweighted samples: asymptotic limit only.
    a = rng.normal(0, 1, 3000).astype(np.float32)
    b = rng.normal(0.05, 1, 2000).astype(np.float32)
    d = st.ks_2samp(a, b, method="asymp").statistic
    big = {"first": f32(a), "second": f32(b),
           "statistic": float(d), "p_asymptotic": float(st.kstwobign.sf(d * math.sqrt(3000 * 2000 / 5000)))}
    z = [0.2, 0.5, 0.8, 1.0, 1.17, 1.19, 1.5, 2.0, 3.0]
    write("kolmogorov_smirnov.json", {"cases": cases, "large": big,
                                      "kolmogorov_z": z, "kolmogorov_sf": floats(st.kstwobign.sf(z))})


# ----------------------------------------------------------------------------------------------------------------
# Expressions: evaluated with numpy on the same float32 columns (double arithmetic, as TFormula).
def expressions():
    rng = np.random.default_rng(6020)
    n = 50
    cols = {
        "px": rng.normal(0, 30, n), "py": rng.normal(0, 30, n), "eta": rng.uniform(-4, 4, n),
        "pt": rng.exponential(30, n), "m": rng.uniform(0.1, 100, n),
    }
    cols = {k: np.asarray(v, dtype=np.float32) for k, v in cols.items()}
    d = {k: v.astype(np.float64) for k, v in cols.items()}
    cases = {
        "sqrt(px*px+py*py)": np.sqrt(d["px"] ** 2 + d["py"] ** 2),
        "abs(eta)<2.5 && pt>20": ((np.abs(d["eta"]) < 2.5) & (d["pt"] > 20)).astype(float),
        "TMath::Abs(eta) > 1 || !(m < 50)": ((np.abs(d["eta"]) > 1) | ~(d["m"] < 50)).astype(float),
        "log(pt+1)/log10(m+1) - exp(-pt/50)": np.log(d["pt"] + 1) / np.log10(d["m"] + 1) - np.exp(-d["pt"] / 50),
        "pow(px,2) + py^2 - 2*px**2": d["px"] ** 2 + d["py"] ** 2 - 2 * d["px"] ** 2,
        "atan2(py, px) + TMath::ATan2(px, py)": np.arctan2(d["py"], d["px"]) + np.arctan2(d["px"], d["py"]),
        "min(pt, m) * max(eta, -1) + TMath::Min(px, py)": np.minimum(d["pt"], d["m"]) * np.maximum(d["eta"], -1) + np.minimum(d["px"], d["py"]),
        "sin(eta)*cos(eta) + tan(eta/4) - TMath::Sqrt(pt)": np.sin(d["eta"]) * np.cos(d["eta"]) + np.tan(d["eta"] / 4) - np.sqrt(d["pt"]),
        "-2^2 + 3 % 2 + pt % 7": -4.0 + 1.0 + np.fmod(d["pt"], 7),
        "eta > 0 ? pt : -pt": np.where(d["eta"] > 0, d["pt"], -d["pt"]),
        "TMath::Pi() * (m >= 50) + 1.5e1 + 20.f": math.pi * (d["m"] >= 50) + 15 + 20,
        "TMath::Power(pt, 0.5) == sqrt(pt)": (np.power(d["pt"], 0.5) == np.sqrt(d["pt"])).astype(float),
    }
    write("expressions.json", {
        "columns": {k: f32(v) for k, v in cols.items()},
        "cases": [{"expression": e, "expected": floats(v)} for e, v in cases.items()],
    })


# ----------------------------------------------------------------------------------------------------------------
# Linear methods: TMVA Fisher (via sklearn LDA with equal priors), TMVA LD (sklearn LinearRegression),
# logistic regression (L2 lbfgs, L1 saga, no penalty).
def two_gaussians(seed, n=400, d=4):
    rng = np.random.default_rng(seed)
    a = rng.normal(0, 1, (d, d))
    cov = a @ a.T / d + 0.5 * np.eye(d)
    y = (rng.random(n) < 0.4).astype(np.int32)
    shift = np.linspace(0.8, -0.4, d)
    x = rng.multivariate_normal(np.zeros(d), cov, n) + np.outer(y, shift) + np.arange(d)
    w = rng.uniform(0.3, 2.0, n)
    return x.astype(np.float32), y, w.astype(np.float32)


def tmva_fisher_numpy(x, y, w, mahalanobis=False):
    """TMVA MethodFisher written out in numpy (used for the weighted case, where sklearn LDA has no weights)."""
    x = x.astype(np.float64); w = w.astype(np.float64)
    s, b = y == 1, y == 0
    ws, wb = w[s].sum(), w[b].sum()
    ms = (w[s, None] * x[s]).sum(0) / ws
    mb = (w[b, None] * x[b]).sum(0) / wb
    m = (w[:, None] * x).sum(0) / (ws + wb)
    cs = ((x[s] - ms).T * w[s]) @ (x[s] - ms) / ws
    cb = ((x[b] - mb).T * w[b]) @ (x[b] - mb) / wb
    within = cs + cb
    between = (ws * np.outer(ms - m, ms - m) + wb * np.outer(mb - m, mb - m)) / (ws + wb)
    mat = within + between if mahalanobis else within
    c = np.sqrt(ws * wb) / (ws + wb) * np.linalg.solve(mat, ms - mb)
    return c, -0.5 * float(c @ (ms + mb))


def linear_methods():
    from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
    from sklearn.linear_model import LinearRegression, LogisticRegression
    x, y, w = two_gaussians(6030)
    x64 = x.astype(np.float64)
    out = {"features": rows32(x), "labels": [int(v) for v in y], "weights": f32(w)}

    # Fisher, unweighted: TMVA's F = sqrt(nS nB)/(nS+nB) W^-1 dmu with W = C_S + C_B. sklearn's LDA with equal
    # priors uses Sigma = (C_S + C_B)/2, so coef_ = 2 W^-1 dmu and intercept_ = -coef_.(mu_S+mu_B)/2.
    lda = LinearDiscriminantAnalysis(solver="lsqr", priors=[0.5, 0.5]).fit(x64, y)
    ns, nb = (y == 1).sum(), (y == 0).sum()
    factor = math.sqrt(ns * nb) / (ns + nb) / 2
    out["fisher_unweighted"] = {"coefficients": floats(lda.coef_[0] * factor), "offset": float(lda.intercept_[0] * factor),
                                "source": "sklearn LinearDiscriminantAnalysis(solver='lsqr', priors=[0.5, 0.5]) rescaled"}
    c, f0 = tmva_fisher_numpy(x, y, w)
    out["fisher_weighted"] = {"coefficients": floats(c), "offset": f0, "source": "numpy evaluation of TMVA MethodFisher"}
    c, f0 = tmva_fisher_numpy(x, y, w, mahalanobis=True)
    out["mahalanobis_weighted"] = {"coefficients": floats(c), "offset": f0, "source": "numpy evaluation of TMVA MethodFisher (Mahalanobis)"}

    # LD: weighted least squares of the label (1 signal, 0 background).
    for key, ww in (("ld_unweighted", None), ("ld_weighted", w.astype(np.float64))):
        lr = LinearRegression().fit(x64, y.astype(np.float64), sample_weight=ww)
        out[key] = {"coefficients": floats(lr.coef_), "offset": float(lr.intercept_)}

    # Logistic regression. The objective is C * sum w_i loss_i + R(beta); sklearn's lbfgs/saga leave the intercept free.
    def objective(model, C, penalty, ww):
        z = x64 @ model.coef_[0] + model.intercept_[0]
        loss = np.logaddexp(0, z) - y * z
        ww = np.ones(len(y)) if ww is None else ww
        r = {"l2": 0.5 * np.sum(model.coef_ ** 2), "l1": np.sum(np.abs(model.coef_)), None: 0.0}[penalty]
        return float(C * np.sum(ww * loss) + r)

    logistic = []
    for name, penalty, C, solver, ww in (
        ("l2_unweighted", "l2", 0.05, "lbfgs", None),
        ("l2_weighted", "l2", 0.05, "lbfgs", w.astype(np.float64)),
        ("none_unweighted", None, 1.0, "lbfgs", None),
        ("l1_unweighted", "l1", 0.04, "saga", None),
        ("l1_weighted", "l1", 0.04, "saga", w.astype(np.float64)),
    ):
        model = LogisticRegression(penalty=penalty, C=C, solver=solver, tol=1e-13, max_iter=1000000)
        model.fit(x64, y, sample_weight=ww)
        logistic.append({"name": name, "penalty": penalty or "none", "C": C, "weighted": ww is not None,
                         "coefficients": floats(model.coef_[0]), "intercept": float(model.intercept_[0]),
                         "objective": objective(model, C, penalty, ww), "iterations": int(model.n_iter_[0])})
    out["logistic"] = logistic
    write("linear_methods.json", out)


# ----------------------------------------------------------------------------------------------------------------
# k-nearest neighbours: neighbour lists (KDTree), class probabilities and regression (uniform and 1/distance).
def neighbours():
    from sklearn.neighbors import KDTree, KNeighborsClassifier, KNeighborsRegressor
    rng = np.random.default_rng(6040)
    n, m, d, k = 300, 40, 3, 7
    x = rng.normal(0, 1, (n, d)).astype(np.float32)
    y = (x[:, 0] + 0.5 * x[:, 1] + rng.normal(0, 0.7, n) > 0).astype(np.int32)
    y3 = np.digitize(x[:, 2] + rng.normal(0, 0.5, n), [-0.5, 0.5]).astype(np.int32)
    t = (x[:, 0] * 2 - x[:, 2] ** 2 + rng.normal(0, 0.1, n)).astype(np.float32)
    q = rng.normal(0, 1.1, (m, d)).astype(np.float32)
    x64, q64 = x.astype(np.float64), q.astype(np.float64)
    dist, ind = KDTree(x64, leaf_size=10).query(q64, k=k)
    out = {"features": rows32(x), "labels": [int(v) for v in y], "labels3": [int(v) for v in y3], "targets": f32(t),
           "queries": rows32(q), "k": k, "indices": [[int(v) for v in r] for r in ind], "distances": [floats(r) for r in dist]}
    for weights in ("uniform", "distance"):
        clf = KNeighborsClassifier(n_neighbors=k, weights=weights, algorithm="kd_tree").fit(x64, y)
        clf3 = KNeighborsClassifier(n_neighbors=k, weights=weights, algorithm="kd_tree").fit(x64, y3)
        reg = KNeighborsRegressor(n_neighbors=k, weights=weights, algorithm="kd_tree").fit(x64, t.astype(np.float64))
        out[weights] = {"proba": floats(clf.predict_proba(q64)[:, 1]), "proba3": [floats(r) for r in clf3.predict_proba(q64)],
                        "predict3": [int(v) for v in clf3.predict(q64)], "regression": floats(reg.predict(q64))}
    write("neighbours.json", out)


# ----------------------------------------------------------------------------------------------------------------
# Support vector machines: sklearn SVC (libsvm) decision values, intercepts, support-vector counts.
def svm():
    from sklearn.svm import SVC
    rng = np.random.default_rng(6050)
    n, m, d = 200, 40, 3
    x = rng.normal(0, 1, (n, d)).astype(np.float32)
    y = ((x[:, 0] ** 2 + x[:, 1] ** 2 + 0.3 * rng.normal(0, 1, n)) < 1.2).astype(np.int32)
    w = rng.uniform(0.2, 2.0, n).astype(np.float32)
    q = rng.normal(0, 1, (m, d)).astype(np.float32)
    x64, q64 = x.astype(np.float64), q.astype(np.float64)
    cases = []
    for name, kernel, C, gamma, ww in (
        ("rbf_scale", "rbf", 1.0, "scale", None),
        ("rbf_weighted", "rbf", 10.0, 0.5, w.astype(np.float64)),
        ("linear", "linear", 0.5, "scale", None),
        ("linear_weighted", "linear", 2.0, "scale", w.astype(np.float64)),
    ):
        model = SVC(kernel=kernel, C=C, gamma=gamma, tol=1e-9, shrinking=False).fit(x64, y, sample_weight=ww)
        cases.append({"name": name, "kernel": kernel, "C": C, "gamma": None if gamma == "scale" else gamma,
                      "weighted": ww is not None, "gamma_used": float(model._gamma), "intercept": float(model.intercept_[0]),
                      "support_count": int(model.n_support_.sum()), "decision": floats(model.decision_function(q64))})
    write("svm.json", {"features": rows32(x), "labels": [int(v) for v in y], "weights": f32(w), "queries": rows32(q), "cases": cases})


# ----------------------------------------------------------------------------------------------------------------
# Clustering: k-means (fixed initial centroids; weighted), DBSCAN labels, agglomerative labels and scipy heights.
def clustering():
    from scipy.cluster.hierarchy import linkage
    from sklearn.cluster import DBSCAN, AgglomerativeClustering, KMeans
    from sklearn.datasets import make_blobs
    x, _ = make_blobs(n_samples=400, centers=5, n_features=3, cluster_std=1.3, random_state=6060)
    x = x.astype(np.float32)
    x64 = x.astype(np.float64)
    rng = np.random.default_rng(6061)
    w = rng.uniform(0.2, 3.0, len(x)).astype(np.float32)
    init = x[rng.choice(len(x), 5, replace=False)]
    kmeans = {}
    for key, ww in (("unweighted", None), ("weighted", w.astype(np.float64))):
        km = KMeans(n_clusters=5, init=init.astype(np.float64), n_init=1, max_iter=300, tol=0.0, algorithm="lloyd").fit(x64, sample_weight=ww)
        kmeans[key] = {"centroids": [floats(c) for c in km.cluster_centers_], "labels": [int(v) for v in km.labels_],
                       "inertia": float(km.inertia_), "iterations": int(km.n_iter_)}
    # Well-separated blobs: k-means++ from any seed finds the same centroids.
    xs, _ = make_blobs(n_samples=300, centers=[[0, 0], [10, 0], [0, 10], [10, 10]], cluster_std=0.5, random_state=6062)
    xs = xs.astype(np.float32)
    km = KMeans(n_clusters=4, n_init=10, random_state=0).fit(xs.astype(np.float64))

    # DBSCAN on blobs with noise.
    xd, _ = make_blobs(n_samples=300, centers=4, n_features=2, cluster_std=0.6, random_state=6063)
    xd = np.vstack([xd, rng.uniform(xd.min(0) - 1, xd.max(0) + 1, (40, 2))]).astype(np.float32)
    db = {}
    for eps, ms in ((0.5, 5), (0.3, 4), (0.8, 10)):
        model = DBSCAN(eps=eps, min_samples=ms).fit(xd.astype(np.float64))
        core = np.zeros(len(xd), dtype=bool)
        core[model.core_sample_indices_] = True
        db[f"eps{eps}_min{ms}"] = {"eps": eps, "min_samples": ms, "labels": [int(v) for v in model.labels_], "core": [bool(v) for v in core]}

    # Agglomerative: sklearn partitions (labels up to renumbering) and scipy dendrogram heights.
    xa, _ = make_blobs(n_samples=120, centers=4, n_features=3, cluster_std=1.5, random_state=6064)
    xa = xa.astype(np.float32)
    agg = {}
    for method in ("ward", "complete", "average", "single"):
        model = AgglomerativeClustering(n_clusters=4, linkage=method).fit(xa.astype(np.float64))
        z = linkage(xa.astype(np.float64), method=method)
        agg[method] = {"labels": [int(v) for v in model.labels_], "heights": floats(z[:, 2]), "sizes": [int(v) for v in z[:, 3]]}

    write("clustering.json", {
        "kmeans_points": rows32(x), "kmeans_weights": f32(w), "kmeans_init": rows32(init), "kmeans": kmeans,
        "separated_points": rows32(xs), "separated_centroids": [floats(c) for c in km.cluster_centers_],
        "dbscan_points": rows32(xd), "dbscan": db,
        "agglomerative_points": rows32(xa), "agglomerative": agg,
    })


# ----------------------------------------------------------------------------------------------------------------
# PCA (sklearn), projective likelihood PDFs (scipy gaussian_kde, numpy histograms), isolation forest (sklearn).
def decomposition_and_density():
    from sklearn.decomposition import PCA
    from sklearn.ensemble import IsolationForest
    from sklearn.ensemble._iforest import _average_path_length
    rng = np.random.default_rng(6070)
    n, d = 250, 4
    a = rng.normal(0, 1, (d, d))
    x = (rng.normal(0, 1, (n, d)) @ a + np.array([1.0, -2.0, 0.5, 3.0])).astype(np.float32)
    pca = PCA().fit(x.astype(np.float64))
    counts = rng.integers(1, 4, n)
    dup = np.repeat(x.astype(np.float64), counts, axis=0)
    pca_dup = PCA().fit(dup)
    pca_out = {"features": rows32(x), "components": [floats(c) for c in pca.components_], "mean": floats(pca.mean_),
               "explained_variance": floats(pca.explained_variance_), "ratio": floats(pca.explained_variance_ratio_),
               "transform_first5": [floats(r) for r in pca.transform(x[:5].astype(np.float64))],
               "whitened_first5": [floats(r) for r in PCA(whiten=True).fit(x.astype(np.float64)).transform(x[:5].astype(np.float64))],
               "counts": [int(c) for c in counts], "duplicated_components": [floats(c) for c in pca_dup.components_]}

    # Projective likelihood: 2 features, class-dependent shapes.
    n = 300
    y = (rng.random(n) < 0.5).astype(np.int32)
    f0 = np.where(y == 1, rng.normal(1.0, 0.8, n), rng.exponential(1.0, n))
    f1 = np.where(y == 1, rng.gamma(3.0, 0.5, n), rng.normal(0.5, 1.2, n))
    x2 = np.stack([f0, f1], 1).astype(np.float32)
    w = rng.uniform(0.3, 2.0, n).astype(np.float32)
    q = np.stack([rng.uniform(-1, 4, 30), rng.uniform(-2, 4, 30)], 1).astype(np.float32)
    lik = {"features": rows32(x2), "labels": [int(v) for v in y], "weights": f32(w), "queries": rows32(q)}
    for key, ww, bw in (("kde_scott", None, "scott"), ("kde_scott_weighted", w, "scott"), ("kde_silverman", None, "silverman")):
        dens_s, dens_b, bws = [], [], []
        for k in range(2):
            xs, xb = x2[y == 1, k].astype(np.float64), x2[y == 0, k].astype(np.float64)
            ks = st.gaussian_kde(xs, bw_method=bw, weights=None if ww is None else ww[y == 1].astype(np.float64))
            kb = st.gaussian_kde(xb, bw_method=bw, weights=None if ww is None else ww[y == 0].astype(np.float64))
            dens_s.append(np.maximum(ks(q[:, k].astype(np.float64)), 1e-12))
            dens_b.append(np.maximum(kb(q[:, k].astype(np.float64)), 1e-12))
            bws.append([float(np.sqrt(ks.covariance[0, 0])), float(np.sqrt(kb.covariance[0, 0]))])
        ls, lb = np.prod(dens_s, 0), np.prod(dens_b, 0)
        lik[key] = {"bandwidths": bws, "signal_density": [floats(v) for v in dens_s], "background_density": [floats(v) for v in dens_b],
                    "response": floats(ls / (ls + lb))}
    # Histogram PDFs: 20 bins on each feature's full range, density normalised, linear between bin centres (np.interp
    # holds the end values), floored at 1e-12; weighted.
    dens_s, dens_b = [], []
    for k in range(2):
        lo, hi = float(x2[:, k].min()), float(x2[:, k].max())
        edges = np.linspace(lo, hi, 21)
        centres = 0.5 * (edges[1:] + edges[:-1])
        for cls, out in ((1, dens_s), (0, dens_b)):
            vals = x2[y == cls, k].astype(np.float64)
            h, _ = np.histogram(np.clip(vals, lo, hi), bins=edges, weights=w[y == cls].astype(np.float64))
            h = h / (w[y == cls].astype(np.float64).sum() * (edges[1] - edges[0]))
            out.append(np.maximum(np.interp(q[:, k].astype(np.float64), centres, h), 1e-12))
    ls, lb = np.prod(dens_s, 0), np.prod(dens_b, 0)
    lik["histogram_weighted"] = {"bins": 20, "signal_density": [floats(v) for v in dens_s], "background_density": [floats(v) for v in dens_b],
                                 "response": floats(ls / (ls + lb)), "response_transformed": floats(-np.log(1 / (ls / (ls + lb)) - 1) / 15)}

    # Isolation forest: inliers from a correlated Gaussian, 5% uniform outliers.
    inl = rng.multivariate_normal([0, 0, 0], [[1, 0.6, 0], [0.6, 1, 0.2], [0, 0.2, 1]], 950)
    out = rng.uniform(-6, 6, (50, 3))
    xi = np.vstack([inl, out]).astype(np.float32)
    yi = np.r_[np.zeros(950), np.ones(50)].astype(np.int32)
    forest = IsolationForest(n_estimators=300, random_state=0).fit(xi.astype(np.float64))
    iso = {"features": rows32(xi), "outlier": [int(v) for v in yi], "sklearn_scores": floats(-forest.score_samples(xi.astype(np.float64))),
           "sklearn_auc": float(metrics.roc_auc_score(yi, -forest.score_samples(xi.astype(np.float64)))),
           "path_length_n": [1, 2, 3, 10, 256, 1000], "path_length": floats(_average_path_length(np.array([1, 2, 3, 10, 256, 1000])))}
    write("decomposition_density.json", {"pca": pca_out, "likelihood": lik, "isolation_forest": iso})


binary_metrics()
kolmogorov_smirnov()
decomposition_and_density()
clustering()
svm()
neighbours()
expressions()
linear_methods()
