#!/usr/bin/python3
"""Reference values from PyTorch for HepMl's neural-network tests (tests/HepMl.Analysis.Tests/NeuralNetworks).

Writes tests/HepMl.TestData/data/neural/torch_reference.json: forward values and gradients of conv2d, pooling,
batch norm (training step incl. running statistics), activations and losses on fixed inputs, plus parameter
trajectories of every optimiser on a fixed quadratic. Inputs come from numpy's default_rng with fixed seeds and are
stored in the file, so the C# tests feed exactly the same numbers.

Usage: /usr/bin/python3 tools/refgen/nn_reference.py [OUT.json]
"""
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)


def arr(t):
    return np.asarray(t.detach().numpy() if isinstance(t, torch.Tensor) else t, dtype=np.float64).ravel().tolist()


def rnd(rng, *shape):
    return rng.uniform(-1, 1, size=shape).astype(np.float32).astype(np.float64)


def leaf(x):
    return torch.tensor(x, requires_grad=True)


def conv_case(rng, stride, padding):
    x, w, b = rnd(rng, 2, 2, 5, 4), rnd(rng, 3, 2, 3, 3), rnd(rng, 3)
    xt, wt, bt = leaf(x), leaf(w), leaf(b)
    y = F.conv2d(xt, wt, bt, stride=stride, padding=padding)
    proj = rnd(rng, *y.shape)
    (y * torch.tensor(proj)).sum().backward()
    return {"stride": stride, "padding": padding, "x": arr(x), "x_shape": list(x.shape), "w": arr(w), "w_shape": list(w.shape),
            "b": arr(b), "y": arr(y), "y_shape": list(y.shape), "projection": arr(proj),
            "dx": arr(xt.grad), "dw": arr(wt.grad), "db": arr(bt.grad)}


def pool_case(rng):
    x = rnd(rng, 2, 3, 5, 6)
    xt = leaf(x)
    ym = F.max_pool2d(xt, 2)
    ya = F.avg_pool2d(xt, 2)
    pm, pa = rnd(rng, *ym.shape), rnd(rng, *ya.shape)
    ((ym * torch.tensor(pm)).sum() + (ya * torch.tensor(pa)).sum()).backward()
    return {"x": arr(x), "x_shape": list(x.shape), "max": arr(ym), "avg": arr(ya), "y_shape": list(ym.shape),
            "max_projection": arr(pm), "avg_projection": arr(pa), "dx": arr(xt.grad)}


def batchnorm_case(rng):
    x, g, b = rnd(rng, 6, 3), rnd(rng, 3), rnd(rng, 3)
    bn = torch.nn.BatchNorm1d(3, momentum=0.1, eps=1e-5)
    with torch.no_grad():
        bn.weight.copy_(torch.tensor(g))
        bn.bias.copy_(torch.tensor(b))
    bn.train()
    xt = leaf(x)
    y = bn(xt)
    proj = rnd(rng, *y.shape)
    (y * torch.tensor(proj)).sum().backward()
    bn.eval()
    x2 = rnd(rng, 4, 3)
    y_eval = bn(torch.tensor(x2))
    return {"x": arr(x), "gamma": arr(g), "beta": arr(b), "y": arr(y), "projection": arr(proj), "dx": arr(xt.grad),
            "dgamma": arr(bn.weight.grad), "dbeta": arr(bn.bias.grad), "running_mean": arr(bn.running_mean),
            "running_var": arr(bn.running_var), "x_eval": arr(x2), "y_eval": arr(y_eval)}


def activations_case(rng):
    x = rnd(rng, 3, 4) * 3
    xt = torch.tensor(x)
    return {"x": arr(x), "shape": [3, 4],
            "Relu": arr(F.relu(xt)), "LeakyRelu": arr(F.leaky_relu(xt, 0.01)), "Elu": arr(F.elu(xt)),
            "Selu": arr(F.selu(xt)), "Sigmoid": arr(torch.sigmoid(xt)), "Tanh": arr(torch.tanh(xt)),
            "Softplus": arr(F.softplus(xt)), "Softmax": arr(F.softmax(xt, -1)), "LogSoftmax": arr(F.log_softmax(xt, -1))}


def losses_case(rng):
    n = 6
    z = rnd(rng, n) * 4
    y = np.array([1, 0, 1, 1, 0, 0], dtype=np.float64)
    w = np.array([1.0, 0.5, 2.0, 1.5, 0.25, 3.0])
    zt = leaf(z)
    l = F.binary_cross_entropy_with_logits(zt, torch.tensor(y), reduction="none")
    bce = (l * torch.tensor(w)).sum() / torch.tensor(w).sum()
    bce.backward()
    logits = rnd(rng, n, 4) * 3
    labels = np.array([0, 3, 1, 2, 3, 0])
    lt = leaf(logits)
    ce = F.cross_entropy(lt, torch.tensor(labels))
    ce.backward()
    p, t = rnd(rng, n, 2), rnd(rng, n, 2)
    mu, lv = rnd(rng, n, 3), rnd(rng, n, 3)
    mut, lvt = leaf(mu), leaf(lv)
    kl = (-0.5 * (1 + lvt - mut * mut - lvt.exp()).sum(1)).mean()
    kl.backward()
    return {"logits": arr(z), "targets": arr(y), "weights": arr(w), "bce_weighted": float(bce), "bce_grad": arr(zt.grad),
            "ce_logits": arr(logits), "ce_labels": labels.tolist(), "ce": float(ce), "ce_grad": arr(lt.grad),
            "predictions": arr(p), "regression_targets": arr(t),
            "mse": float(F.mse_loss(torch.tensor(p), torch.tensor(t))), "mae": float(F.l1_loss(torch.tensor(p), torch.tensor(t))),
            "huber_0_3": float(F.huber_loss(torch.tensor(p), torch.tensor(t), delta=0.3)),
            "kl_mean": arr(mu), "kl_log_variance": arr(lv), "kl": float(kl), "kl_grad_mean": arr(mut.grad), "kl_grad_log_variance": arr(lvt.grad)}


def optimiser_trajectories(rng):
    a = np.array([1.0, 2.0, 0.5, 3.0, 1.5])
    b = np.array([0.3, -0.2, 0.1, 0.5, -0.4])
    w0 = np.array([1.0, -2.0, 0.5, 0.25, -1.0])
    cases = {
        "sgd": lambda p: torch.optim.SGD(p, lr=0.1),
        "sgd_momentum": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
        "sgd_nesterov": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True),
        "rmsprop": lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.99, eps=1e-8),
        "adagrad": lambda p: torch.optim.Adagrad(p, lr=0.1, eps=1e-10),
        "adam": lambda p: torch.optim.Adam(p, lr=0.1),
        "amsgrad": lambda p: torch.optim.Adam(p, lr=0.1, amsgrad=True),
        "adamw": lambda p: torch.optim.AdamW(p, lr=0.1, weight_decay=0.1),
        "adam_l2": lambda p: torch.optim.Adam(p, lr=0.1, weight_decay=0.05),
    }
    out = {"a": a.tolist(), "b": b.tolist(), "w0": w0.tolist(), "steps": 6, "trajectories": {}}
    for name, make in cases.items():
        w = torch.tensor(w0, requires_grad=True)
        opt = make([w])
        traj = []
        for _ in range(6):
            opt.zero_grad()
            loss = (0.5 * torch.tensor(a) * w * w + torch.tensor(b) * w).sum()
            loss.backward()
            opt.step()
            traj.append(arr(w))
        out["trajectories"][name] = traj
    return out


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "tests", "HepMl.TestData", "data", "neural", "torch_reference.json")
    rng = np.random.default_rng(20261122)
    ref = {"generator": "tools/refgen/nn_reference.py", "torch": torch.__version__, "numpy": np.__version__,
           "conv": [conv_case(rng, 1, 1), conv_case(rng, 2, 0), conv_case(rng, 1, 0)], "pool": pool_case(rng),
           "batchnorm": batchnorm_case(rng), "activations": activations_case(rng), "losses": losses_case(rng),
           "optimisers": optimiser_trajectories(rng)}
    with open(out, "w") as fh:
        json.dump(ref, fh, indent=1)
    print("wrote", os.path.abspath(out))


if __name__ == "__main__":
    main()
