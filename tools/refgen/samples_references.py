#!/usr/bin/python3
"""Fixtures and peer reference figures for the sample analyses (samples/jet-tagging, samples/anomaly).

Run with Debian's interpreter (numpy 1.24, h5py 3.7, scikit-learn 1.2.1, xgboost 1.7.4, torch 1.13):

    /usr/bin/python3 tools/refgen/samples_references.py tests/HepMl.TestData/data/samples

The events come from the peers' own generator (../shared/peers/gen_data.py, imported), and every reference figure is
computed here by numpy / scikit-learn / xgboost / torch on the same files with the samples' split (first 70% of the
jets train, the rest test), never from HepMl output:

* jetimages_2k.h5: gen_jetimages(1000 per class, seed 20240202): images [2000, 25, 25] (GeV), labels, jet_pt,
  jet_mass; gzip-compressed.
* dijet_train_3k.h5: gen_dijet(3000, seed 20240203, no signal); dijet_test_3k.h5: gen_dijet(3000, seed 20240204,
  5% signal): features [N, 10], labels, weights.
* samples_references.json, on those files:
  - substructure from the pixels (one massless particle per non-empty pixel at the pixel centre, eta' = (column - 12)
    * 0.1, phi' = (row - 12) * 0.1): D2 (beta = 1, pt and rapidity-azimuth distance) with numpy, tau21 (beta = 1,
    R0 = 1, exclusive-kt axes from a plain O(n^3) kt reclustering with E-scheme recombination written here);
  - cut-based taggers (scores -|m - 80.4| with the stored jet_mass, -tau21, -D2): sklearn roc_auc_score and the
    rejection 1/eps_B at eps_S = 0.5 on sklearn's roc_curve (linear interpolation between the first point reaching
    eps_S = 0.5 and the point before it);
  - Fisher on pixels: pixels non-empty in >= 1% of the training jets; sklearn LinearDiscriminantAnalysis (lsqr,
    equal priors, so the within-class matrix is (C_S + C_B) / 2, TMVA's Fisher direction) and, as a cross-check, the
    same direction solved with numpy in float64; pixel count and test AUC of both;
  - BDT on (jet_mass, tau21, D2): xgboost hist, 100 rounds, depth 3, eta 0.1, lambda 1, min_child_weight 1,
    max_bin 256, base_score = training signal fraction (HepMl's settings); test AUC;
  - CNN: the peer torch_cnn.py, unchanged, with --epochs 5 --batch 64 for seeds 0..4: test AUCs;
  - autoencoder: the torch_vae.py network without the sampling and the KL term (10-32-32-4-32-32-10, ReLU, Adam 1e-3,
    batch 256, 20 epochs, sum-of-squares loss) written here, seeds 0..14: test AUCs of the reconstruction error;
  - VAE: the peer torch_vae.py, unchanged (20 epochs, batch 256, beta 1), seeds 0..4: auc_recon, auc_kl, auc_elbo;
  - isolation forest: sklearn IsolationForest (100 trees, 256 samples) on torch_vae.py's preprocessing, seeds 0..4.
"""
import json
import os
import subprocess
import sys

import h5py
import numpy as np
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.ensemble import IsolationForest
from sklearn.metrics import roc_auc_score, roc_curve

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "peers"))
sys.path.insert(0, PEERS)
import gen_data  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else "tests/HepMl.TestData/data/samples"
PY = sys.executable
SEEDS = [0, 1, 2, 3, 4]
# The autoencoder's AUC after 240 Adam steps spreads widely with the seed (0.73 to 0.98 in torch): 15 seeds.
AE_SEEDS = list(range(15))
W_MASS = 80.4
LOG_COLS = [0, 1, 2, 4, 5]


def write(path, datasets):
    with h5py.File(path, "w") as f:
        for name, value in datasets.items():
            f.create_dataset(name, data=value, compression="gzip", compression_opts=9, shuffle=True)


def peer_json(args):
    out = subprocess.run([PY] + args, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def metrics(y, score):
    """AUC and 1/eps_B at eps_S = 0.5 (first ROC point reaching 0.5, linear interpolation from the one before)."""
    fpr, tpr, _ = roc_curve(y, score, drop_intermediate=False)
    k = int(np.argmax(tpr >= 0.5))
    if tpr[k] == 0.5 or k == 0:
        eb = fpr[k]
    else:
        t = (0.5 - tpr[k - 1]) / (tpr[k] - tpr[k - 1])
        eb = fpr[k - 1] + t * (fpr[k] - fpr[k - 1])
    return {"auc": float(roc_auc_score(y, score)), "rejection_at_half": float(1.0 / eb) if eb > 0 else None}


def pixel_particles(image):
    rows, cols = np.nonzero(image > 0)
    pt = image[rows, cols].astype(np.float64)
    return pt, (cols - 12) * 0.1, (rows - 12) * 0.1


def d2(pt, y, phi):
    """D2 (beta = 1) = ECF3 ECF1^3 / ECF2^3 with pt and the rapidity-azimuth distance."""
    if len(pt) < 2:
        return 0.0
    dphi = np.abs(phi[:, None] - phi[None, :])
    dphi = np.minimum(dphi, 2 * np.pi - dphi)
    dr = np.sqrt((y[:, None] - y[None, :]) ** 2 + dphi ** 2)
    e1 = pt.sum()
    e2 = 0.5 * (pt[:, None] * pt[None, :] * dr).sum()
    if e2 == 0:
        return 0.0
    # sum over i<j<k of pt_i pt_j pt_k dR_ij dR_ik dR_jk = (1/6) sum over all ordered triples (the diagonal terms vanish)
    e3 = np.einsum("ij,jk,ki,i,j,k->", dr, dr, dr, pt, pt, pt) / 6.0
    return float(e3 * e1 ** 3 / e2 ** 3)


def tau21(pt, eta, phi):
    """tau2/tau1 (beta = 1, R0 = 1) with exclusive-kt axes (kt reclustering, E-scheme, rapidity-azimuth distances)."""
    n = len(pt)
    if n <= 1:
        return 0.0
    px, py = pt * np.cos(phi), pt * np.sin(phi)
    pz, e = pt * np.sinh(eta), pt * np.cosh(eta)
    p = np.stack([px, py, pz, e], axis=1)
    two = None
    while len(p) > 1:
        if len(p) == 2:
            two = p.copy()
        ptj = np.hypot(p[:, 0], p[:, 1])
        yj = 0.5 * np.log((p[:, 3] + p[:, 2]) / (p[:, 3] - p[:, 2]))
        phij = np.arctan2(p[:, 1], p[:, 0])
        dphi = np.abs(phij[:, None] - phij[None, :])
        dphi = np.minimum(dphi, 2 * np.pi - dphi)
        dij = np.minimum(ptj[:, None] ** 2, ptj[None, :] ** 2) * ((yj[:, None] - yj[None, :]) ** 2 + dphi ** 2)
        np.fill_diagonal(dij, np.inf)
        i, j = np.unravel_index(np.argmin(dij), dij.shape)
        merged = p[i] + p[j]
        keep = [k for k in range(len(p)) if k != i and k != j]
        p = np.vstack([p[keep], merged[None, :]])
    one = p

    def tau(axes):
        ay = 0.5 * np.log((axes[:, 3] + axes[:, 2]) / (axes[:, 3] - axes[:, 2]))
        aphi = np.arctan2(axes[:, 1], axes[:, 0])
        dphi = np.abs(phi[:, None] - aphi[None, :])
        dphi = np.minimum(dphi, 2 * np.pi - dphi)
        dr = np.sqrt((eta[:, None] - ay[None, :]) ** 2 + dphi ** 2).min(1)
        return (pt * dr).sum() / pt.sum()

    t1 = tau(one)
    return float(tau(two) / t1) if t1 > 0 else 0.0


def jet_images(refs):
    y, img, jet_pt, jet_m = gen_data.gen_jetimages(1000, 20240202)
    path = os.path.join(OUT, "jetimages_2k.h5")
    write(path, {"images": img, "labels": y, "jet_pt": jet_pt, "jet_mass": jet_m})
    n = len(y)
    ntr = int(np.floor(0.7 * n))
    ytr, yte = y[:ntr], y[ntr:]
    r = {"file": "jetimages_2k.h5", "jets": n, "train": ntr, "test": int(n - ntr), "test_signal": int(yte.sum())}

    parts = [pixel_particles(img[i]) for i in range(n)]
    t21 = np.array([tau21(*q) for q in parts], dtype=np.float32)
    dd2 = np.array([d2(*q) for q in parts], dtype=np.float32)
    mass = jet_m.astype(np.float32)
    # The scores as the sample forms them: float32 of the double-precision expression.
    r["mass_window"] = metrics(yte, (-np.abs(mass[ntr:].astype(np.float64) - W_MASS)).astype(np.float32))
    r["tau21"] = metrics(yte, -t21[ntr:])
    r["d2"] = metrics(yte, -dd2[ntr:])
    r["tau21_test_mean"] = float(t21[ntr:].astype(np.float64).mean())
    r["d2_test_mean"] = float(dd2[ntr:].astype(np.float64).mean())

    X = img.reshape(n, -1).astype(np.float64)
    occupancy = (X[:ntr] != 0).sum(0)
    pixels = np.nonzero((occupancy > 0) & (occupancy >= 0.01 * ntr))[0]
    Xtr, Xte = X[:ntr][:, pixels], X[ntr:][:, pixels]
    lda = LinearDiscriminantAnalysis(solver="lsqr", priors=[0.5, 0.5]).fit(Xtr, ytr)
    s, b = Xtr[ytr == 1], Xtr[ytr == 0]
    w = np.linalg.solve(np.cov(s, rowvar=False, bias=True) + np.cov(b, rowvar=False, bias=True), s.mean(0) - b.mean(0))
    r["fisher"] = {"pixels": int(len(pixels)), "sklearn_lda": metrics(yte, lda.decision_function(Xte)),
                   "numpy_tmva_direction": metrics(yte, Xte @ w)}

    import xgboost as xgb
    F = np.stack([mass, t21, dd2], axis=1)
    params = {"objective": "binary:logistic", "tree_method": "hist", "max_depth": 3, "eta": 0.1, "lambda": 1.0,
              "min_child_weight": 1.0, "max_bin": 256, "base_score": float(ytr.mean()), "nthread": 2, "seed": 0}
    booster = xgb.train(params, xgb.DMatrix(F[:ntr], label=ytr), num_boost_round=100)
    r["bdt"] = {"rounds": 100, "xgboost": xgb.__version__,
                **metrics(yte, booster.predict(xgb.DMatrix(F[ntr:])))}

    cnn = [peer_json([os.path.join(PEERS, "torch_cnn.py"), path, "--epochs", "5", "--batch", "64", "--seed", str(seed)])
           for seed in SEEDS]
    r["torch_cnn"] = {"epochs": 5, "batch": 64, "seeds": SEEDS, "auc": [c["auc"] for c in cnn],
                      "torch": cnn[0]["versions"]["torch"]}
    refs["jetimages"] = r


def torch_autoencoder(xtr, xte, yte, seed):
    import torch
    import torch.nn as nn
    torch.set_num_threads(2)
    torch.manual_seed(seed)
    xtr, xte = torch.from_numpy(xtr), torch.from_numpy(xte)
    model = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 4),
                          nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    gen = torch.Generator().manual_seed(seed)
    for _ in range(20):
        perm = torch.randperm(len(xtr), generator=gen)
        for s in range(0, len(xtr), 256):
            xb = xtr[perm[s:s + 256]]
            opt.zero_grad(set_to_none=True)
            loss = ((model(xb) - xb) ** 2).sum(1).mean()
            loss.backward()
            opt.step()
    with torch.no_grad():
        return float(roc_auc_score(yte, ((model(xte) - xte) ** 2).sum(1).numpy()))


def dijet(refs):
    ytr, wtr, Xtr = gen_data.gen_dijet(3000, 20240203, 0.0)
    yte, wte, Xte = gen_data.gen_dijet(3000, 20240204, 0.05)
    train = os.path.join(OUT, "dijet_train_3k.h5")
    test = os.path.join(OUT, "dijet_test_3k.h5")
    write(train, {"features": Xtr, "labels": ytr, "weights": wtr})
    write(test, {"features": Xte, "labels": yte, "weights": wte})
    r = {"train_file": "dijet_train_3k.h5", "test_file": "dijet_test_3k.h5", "train": len(ytr), "test": len(yte),
         "test_signal": int(yte.sum())}

    vae = [peer_json([os.path.join(PEERS, "torch_vae.py"), train, test, "--seed", str(seed)]) for seed in SEEDS]
    r["torch_vae"] = {"epochs": 20, "batch": 256, "beta": 1.0, "seeds": SEEDS,
                      "auc_recon": [v["auc_recon"] for v in vae], "auc_kl": [v["auc_kl"] for v in vae],
                      "auc_elbo": [v["auc_elbo"] for v in vae], "torch": vae[0]["versions"]["torch"]}

    def prep(X):
        X = X.astype(np.float64).copy()
        X[:, LOG_COLS] = np.log(np.maximum(X[:, LOG_COLS], 1e-3))
        return X

    Ptr, Pte = prep(Xtr[ytr == 0]), prep(Xte)
    mu, sd = Ptr.mean(0), Ptr.std(0) + 1e-6
    Ztr, Zte = ((Ptr - mu) / sd).astype(np.float32), ((Pte - mu) / sd).astype(np.float32)
    r["torch_autoencoder"] = {"epochs": 20, "batch": 256, "seeds": AE_SEEDS,
                              "auc": [torch_autoencoder(Ztr, Zte, yte, seed) for seed in AE_SEEDS]}
    forests = []
    for seed in SEEDS:
        forest = IsolationForest(n_estimators=100, max_samples=256, random_state=seed).fit(Ztr)
        forests.append(float(roc_auc_score(yte, -forest.score_samples(Zte))))
    r["sklearn_isolation_forest"] = {"trees": 100, "samples": 256, "seeds": SEEDS, "auc": forests}
    refs["dijet"] = r


def main():
    os.makedirs(OUT, exist_ok=True)
    import sklearn
    refs = {"generator": "tools/refgen/samples_references.py",
            "peers": "../shared/peers gen_data.py version %s, torch_cnn.py, torch_vae.py" % gen_data.GEN_VERSION,
            "numpy": np.__version__, "sklearn": sklearn.__version__, "h5py": h5py.__version__}
    jet_images(refs)
    dijet(refs)
    with open(os.path.join(OUT, "samples_references.json"), "w") as fh:
        json.dump(refs, fh, indent=1, sort_keys=True)
        fh.write("\n")
    print(json.dumps(refs, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
