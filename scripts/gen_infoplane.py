#!/usr/bin/python3
"""Reference values for the information plane (actent.info_plane,
actent_info_plane), computed with numpy and scipy the way each research
code computes them, re-implemented here from the codes' public descriptions:

- width: artemyk/ibsgd simplebinmi.py (bin_calc_information2) and
  deep-bottleneck mi_estimator/binning.py: np.floor(t / binsize) on the
  float32 layer, rows viewed as np.void and counted by np.unique; H(T) the
  plug-in entropy of the row patterns, I(T;Y) = H(T) - sum_y p(y) H(T[y]).
- idnns: ravidziv/IDNNs information_process.py (calc_information_for_layer):
  bins = np.linspace(-1, 1, nbins).astype(np.float32), digitized =
  bins[np.digitize(t, bins) - 1], the same pattern counts; I(X;T) = H(T) -
  sum_x p(x) H(T | x) over the unique inputs.
- count, mass: np.histogram's rule (searchsorted right, the last edge in the
  last bin) on np.linspace(min, max, B + 1), or on equal-mass edges (the
  sorted values at floor(k n / B), repeated edges merged).
- kde-upper, kde-lower: ibsgd kde.py (entropy_estimator_kl, _bd,
  kde_condentropy) in float64: dists = x2 + x2.T - 2 x x.T, scipy's
  logsumexp over each row.
- estimators on the pattern counts: scripts/gen_estimators.py's formulas.
- shuffles: np.random.RandomState(seed).shuffle(y) once per permutation.
- bootstrap: np.random.RandomState(seed).randint(0, N, N) once per replicate
  (a stream of its own), the rows (codes, labels, input ids) resampled, the
  sd (np.std) of the replicates' I(X;T) and I(T;Y).

Layers: random ones (tanh, relu with ties, a layer of repeated rows) and
real ones, the hidden layers of scikit-learn MLPs (tanh and relu) trained on
scikit-learn's digits. Writes tests/data/ip_<case>_t.npy, the labels (and
input ids) once per data set as ip_<data>_{y,x}.npy, the cases in
tests/data/ip_cases.txt and the expected rows in tests/data/ip_expect.npy
(ixt, ity, ht, patterns, null mean, null sd, ixt sd, ity sd; bits).

    /usr/bin/python3 scripts/gen_infoplane.py [--out tests/data]
"""
import argparse
import os
import warnings

import numpy as np
from scipy.special import logsumexp

import gen_estimators as est

LN2 = np.log(2.0)


def unique_counts(codes):
    codes = np.ascontiguousarray(codes)
    v = codes.view(np.dtype((np.void, codes.dtype.itemsize * codes.shape[1])))
    _, counts = np.unique(v, return_counts=True)
    return counts


ESTIMATORS = {"plugin": est.plugin, "miller-madow": est.miller_madow,
              "grassberger": est.grassberger, "jackknife": est.jackknife}


def h_bits(codes, estimator):
    return ESTIMATORS[estimator](unique_counts(codes).astype(np.int64))


def cond_bits(codes, z, estimator):
    h = 0.0
    for c in np.unique(z):
        ixs = z == c
        h += ixs.mean() * h_bits(codes[ixs, :], estimator)
    return h


def codes_for(t, method, param):
    if method == "width":
        return np.floor(t / param).astype("int")  # float32 / python float: float32
    if method == "idnns":
        bins = np.linspace(-1, 1, param).astype(np.float32)
        return bins[np.digitize(t.reshape(-1), bins) - 1].reshape(len(t), -1)
    v = t.reshape(-1)
    if method == "count":
        edges = np.linspace(v.min(), v.max(), param + 1)
    else:  # mass
        s = np.sort(v)
        edges = np.unique(s[np.minimum(np.arange(param + 1) * len(s) // param, len(s) - 1)])
        edges = edges.astype(np.float64)
    if len(edges) == 1:
        return np.zeros(t.shape, np.int64)
    idx = np.searchsorted(edges, v.astype(np.float64), side="right") - 1
    return np.minimum(idx, len(edges) - 2).reshape(t.shape)


def binning_row(t, y, x, method, param, estimator, shuffles, seed, boot):
    codes = codes_for(t, method, param)
    ht = h_bits(codes, estimator)
    ixt = ht - (cond_bits(codes, x, estimator) if x is not None else 0.0)
    ity = ht - cond_bits(codes, y, estimator)
    mean = sd = np.nan
    if shuffles:
        rs = np.random.RandomState(seed)
        yp = y.copy()
        vals = []
        for _ in range(shuffles):
            rs.shuffle(yp)
            vals.append(ht - cond_bits(codes, yp, estimator))
        mean, sd = np.mean(vals), np.std(vals)
    sx = sy = np.nan
    if boot:
        rs = np.random.RandomState(seed)
        bx, by = [], []
        for _ in range(boot):
            idx = rs.randint(0, len(y), len(y))
            c = codes[idx]
            h = h_bits(c, estimator)
            bx.append(h - (cond_bits(c, x[idx], estimator) if x is not None else 0.0))
            by.append(h - cond_bits(c, y[idx], estimator))
        sx, sy = np.std(bx), np.std(by)
    return [ixt, ity, ht, len(unique_counts(codes)), mean, sd, sx, sy]


def kde_h(x, var):
    """ibsgd's entropy_estimator_kl, nats, in float64"""
    x = x.astype(np.float64)
    n, dims = x.shape
    x2 = np.sum(x * x, axis=1)[:, None]
    dists = x2 + x2.T - 2.0 * x @ x.T
    lprobs = logsumexp(-dists / (2 * var), axis=1) - np.log(n) - dims / 2.0 * np.log(2 * np.pi * var)
    return dims / 2.0 - np.mean(lprobs)


def kde_row(t, y, lower, var):
    dims = t.shape[1]
    if lower:  # entropy_estimator_bd
        def h(a):
            return kde_h(a, 4 * var) + np.log(0.25) * dims / 2.0
    else:
        h = lambda a: kde_h(a, var)  # noqa: E731
    ht = h(t)
    hty = sum((y == c).mean() * h(t[y == c]) for c in np.unique(y))
    noise = dims / 2.0 * (np.log(2 * np.pi * var) + 1)
    return [(ht - noise) / LN2, (ht - hty) / LN2, ht / LN2, 0, np.nan, np.nan, np.nan, np.nan]


def mlp_layers(activation, seed):
    """hidden layers of an MLP trained on digits (scikit-learn), float32"""
    from sklearn.datasets import load_digits
    from sklearn.neural_network import MLPClassifier
    d = load_digits()
    X = (d.data / 16.0).astype(np.float64)
    clf = MLPClassifier(hidden_layer_sizes=(32, 8, 3), activation=activation, max_iter=300,
                        random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clf.fit(X, d.target)
    f = np.tanh if activation == "tanh" else (lambda a: np.maximum(a, 0))
    h, out = X, []
    for W, b in zip(clf.coefs_[:-1], clf.intercepts_[:-1]):
        h = f(h @ W + b)
        out.append(h.astype(np.float32))
    # input ids: the distinct input images (IDNNs' unique_inverse_x)
    _, xid = np.unique(X, axis=0, return_inverse=True)
    return out, d.target.astype(np.int32), xid.astype(np.int32)


def cases():
    rs = np.random.RandomState(28)
    out = {}
    n = 2000
    out["tanh_d3"] = (np.tanh(rs.normal(0, 1.5, (n, 3))).astype(np.float32), "tanh_d3",
                      rs.randint(0, 5, n).astype(np.int32), None)
    r = np.maximum(rs.normal(0, 2, (1500, 5)), 0).astype(np.float32)
    out["relu_d5"] = (r, "relu_d5", rs.randint(0, 10, 1500).astype(np.int32), None)
    base = rs.normal(0, 0.3, (40, 8)).astype(np.float32)  # 40 distinct rows, repeated
    pick = rs.randint(0, 40, 3000)
    out["repeat_d8"] = (base[pick], "repeat_d8", (pick % 4).astype(np.int32),
                        pick.astype(np.int32))
    for act in ("tanh", "relu"):
        layers, y, xid = mlp_layers(act, 3)
        for i, t in enumerate(layers):
            out[f"digits_{act}_l{i}"] = (t, "digits", y, xid)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "tests", "data"))
    a = ap.parse_args()
    lines, rows = [], []
    for name, (t, data, y, x) in cases().items():
        np.save(os.path.join(a.out, f"ip_{name}_t.npy"), t)
        np.save(os.path.join(a.out, f"ip_{data}_y.npy"), y)
        if x is not None:
            np.save(os.path.join(a.out, f"ip_{data}_x.npy"), x)
        specs = [("width", 0.07, "plugin", 0, 0, 0), ("width", 0.5, "plugin", 5, 3, 4),
                 ("idnns", 30, "plugin", 0, 0, 0), ("idnns", 8, "plugin", 0, 7, 3),
                 ("count", 30, "plugin", 0, 0, 0), ("mass", 30, "plugin", 0, 0, 0),
                 ("width", 0.5, "miller-madow", 0, 0, 0), ("width", 0.5, "grassberger", 0, 0, 0),
                 ("width", 0.5, "jackknife", 0, 0, 0)]
        for method, param, e, k, seed, boot in specs:
            for use_x in ([0, 1] if x is not None and method == "idnns" else [0]):
                rows.append(binning_row(t, y, x if use_x else None, method, param, e, k, seed,
                                        boot))
                lines.append(f"{name} {data} {method} {param!r} {e} {k} {seed} {use_x} {boot}")
        for var in (1e-3, 0.1):
            for lower in (0, 1):
                rows.append(kde_row(t, y, lower, var))
                m = "kde-lower" if lower else "kde-upper"
                lines.append(f"{name} {data} {m} {var!r} plugin 0 0 0 0")
    np.save(os.path.join(a.out, "ip_expect.npy"), np.array(rows, dtype=np.float64))
    with open(os.path.join(a.out, "ip_cases.txt"), "w") as f:
        f.write("# case labels method param estimator shuffles seed use_x bootstrap "
                "(scripts/gen_infoplane.py)\n")
        f.write("\n".join(lines) + "\n")
    print(f"{len(rows)} rows")


if __name__ == "__main__":
    main()
