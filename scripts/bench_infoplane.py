#!/usr/bin/python3
"""Times actent.info_plane against the research codes' numpy forms, in one
process, one thread, calls interleaved (A, B, A, B, ...), medians:

  width   N = 4096 samples of d = 10, 100, 1024 tanh units, 10 labels:
          np.floor(t / 0.07).astype(int), rows viewed as np.void and counted
          by np.unique, H(T) and sum_y p(y) H(T[y == c]) (artemyk/ibsgd
          simplebinmi.py; deep-bottleneck binning.py)
  idnns   the same layers, np.digitize on np.linspace(-1, 1, 30) as float32
          (ravidziv/IDNNs information_process.py)
  kde     both bounds, noise variance 1e-3, N = 4096, d = 10 (ibsgd kde.py
          vectorized: dists = x2 + x2.T - 2 x x.T, scipy's logsumexp per row,
          on each class's rows too), numpy on the float32 layer

Each pair is timed twice: interleaved (A, B, A, B: each call finds the
caches and the heap as the other left them, as in a training loop that
calls both) and back to back (A, A, ..., then B, B, ...). The first is the
slower for actent at small sizes: numpy's large temporaries make glibc trim
the heap, and actent's scratch (about 50 bytes per sample) is faulted in
again on the next call. Writes the rows as JSON (--out) and prints a table.
The layer is np.tanh(N(0, 1)) from np.random.RandomState(0).

    PYTHONPATH=build/python taskset -c 1 /usr/bin/python3 scripts/bench_infoplane.py \\
        [--repeat 11] [--out results/<machine>/infoplane-bench.json]
"""
import argparse
import json
import os
import platform
import time

import numpy as np
from scipy.special import logsumexp

import actent


def unique_h(codes):
    codes = np.ascontiguousarray(codes)
    v = codes.view(np.dtype((np.void, codes.dtype.itemsize * codes.shape[1])))
    _, c = np.unique(v, return_counts=True)
    p = c / float(c.sum())
    return -np.sum(p * np.log(p))


def binned_numpy(codes, y):
    h = unique_h(codes)
    return h, h - sum((y == c).mean() * unique_h(codes[y == c]) for c in np.unique(y))


def width_numpy(t, y):
    return binned_numpy(np.floor(t / 0.07).astype("int"), y)


def idnns_numpy(t, y):
    bins = np.linspace(-1, 1, 30).astype(np.float32)
    return binned_numpy(bins[np.digitize(t.reshape(-1), bins) - 1].reshape(len(t), -1), y)


def kde_h(x, var):
    n, dims = x.shape
    x2 = np.sum(x * x, axis=1)[:, None]
    dists = x2 + x2.T - 2.0 * x @ x.T
    lp = logsumexp(-dists / (2 * var), axis=1) - np.log(n) - dims / 2.0 * np.log(2 * np.pi * var)
    return dims / 2.0 - np.mean(lp)


def kde_numpy(t, y, var=1e-3):
    out = []
    for v, add in ((var, 0.0), (4 * var, np.log(0.25) * t.shape[1] / 2)):
        h = kde_h(t, v) + add
        out.append(h - sum((y == c).mean() * (kde_h(t[y == c], v) + add) for c in np.unique(y)))
    return out


def timed(f):
    t0 = time.perf_counter()
    f()
    return time.perf_counter() - t0


def interleaved(a, b, repeat):
    ta, tb = [], []
    for _ in range(repeat):
        ta.append(timed(a))
        tb.append(timed(b))
    return float(np.median(ta)), float(np.median(tb))


def back_to_back(f, repeat):
    f()  # once to warm
    return float(np.median([timed(f) for _ in range(repeat)]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=11)
    ap.add_argument("--out")
    a = ap.parse_args()
    rs = np.random.RandomState(0)
    rows = []
    cases = [("width", d, 4096) for d in (10, 100, 1024)]
    cases += [("idnns", d, 4096) for d in (10, 100, 1024)] + [("kde", 10, 4096)]
    print(f"{'':21} {'interleaved':>27} {'back to back':>29}")
    print(f"{'method':8} {'d':>5} {'N':>6} {'actent ms':>10} {'numpy ms':>9} {'ratio':>6}"
          f" {'actent ms':>10} {'numpy ms':>9} {'ratio':>7}")
    for method, d, n in cases:
        t = np.tanh(rs.normal(0, 1, (n, d))).astype(np.float32)
        y = rs.randint(0, 10, n)
        ours = lambda: actent.info_plane(t, y, method=method, bins=30)  # noqa: E731
        theirs = {"width": lambda: width_numpy(t, y), "idnns": lambda: idnns_numpy(t, y),
                  "kde": lambda: kde_numpy(t, y)}[method]
        rep = a.repeat if method != "kde" else max(3, a.repeat // 3)
        ta, tb = interleaved(ours, theirs, rep)
        sa, sb = back_to_back(ours, rep), back_to_back(theirs, rep)
        rows.append({"method": method, "d": d, "n": n, "actent_s": ta, "numpy_s": tb,
                     "ratio": tb / ta, "actent_alone_s": sa, "numpy_alone_s": sb,
                     "ratio_alone": sb / sa, "repeat": rep})
        print(f"{method:8} {d:5} {n:6} {ta * 1e3:10.3f} {tb * 1e3:9.2f} {tb / ta:5.1f}x"
              f" {sa * 1e3:10.3f} {sb * 1e3:9.2f} {sb / sa:6.1f}x")
    if a.out:
        os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
        with open(a.out, "w") as f:
            json.dump({"command": "scripts/bench_infoplane.py", "machine": platform.processor()
                       or platform.machine(), "numpy": np.__version__, "threads": 1,
                       "rows": rows}, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
