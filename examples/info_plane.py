#!/usr/bin/python3
"""The information plane of a training run: I(X;T) against I(T;Y) for every
hidden layer T, epoch by epoch, for a tanh and a relu network, by binning and
by the KDE bound side by side (the figure of Shwartz-Ziv and Tishby 2017 and
of Saxe et al. 2018, measured by actent).

The networks are the IB paper's widths, 10-7-5-4-3 hidden units, on
scikit-learn's digits (1797 samples of 64 pixels, 10 classes), trained with
Adam on mini-batches. At --snapshots epochs spaced logarithmically,
actent.torch.info_plane takes every activation layer's output on the whole
data set and computes, in one call per method:
  binning  floor(t / width) codes, the row patterns' plug-in entropy
           (ibsgd's and deep-bottleneck's estimator; width 0.07, as there;
           I(X;T) = H(T): the network is deterministic)
  KDE      Kolchinsky and Tracey's upper bound with noise variance 0.1
           (ibsgd's setting for MNIST)
and I(T;Y) with the labels shuffled (--shuffles permutations) as a null: what
the estimator gives a layer that knows nothing of the labels.

Writes <out>/info_plane.json (every row, the configuration, timings) and
<out>/info_plane.png, and prints the time it took.

    PYTHONPATH=build/python /usr/bin/python3 examples/info_plane.py [--epochs 2000]
        [--snapshots 40] [--out build/examples]
"""
import argparse
import json
import os
import time

import actent
import actent.torch
import matplotlib
import numpy as np
import torch
from sklearn.datasets import load_digits

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

KINDS = {"tanh": torch.nn.Tanh, "relu": torch.nn.ReLU}
WIDTHS = (10, 7, 5, 4, 3)
METHODS = {"binning": dict(method="width", width=0.07),
           "KDE upper bound": dict(method="kde-upper", noise_var=0.1)}


def mlp(kind):
    mods, n = [], 64
    for w in WIDTHS:
        mods += [torch.nn.Linear(n, w), KINDS[kind]()]
        n = w
    return torch.nn.Sequential(*mods, torch.nn.Linear(n, 10))


def snapshots(epochs, k):
    """k epochs spaced logarithmically in 0 .. epochs (0: before training)"""
    s = np.unique(np.round(np.geomspace(1, epochs + 1, k)).astype(int) - 1)
    return set(int(e) for e in s)


def train(kind, x, y, args):
    torch.manual_seed(args.seed)
    model = mlp(kind)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    when = snapshots(args.epochs, args.snapshots)
    rows, t_train, t_measure = [], 0.0, 0.0
    for epoch in range(args.epochs + 1):
        if epoch in when:
            t = time.perf_counter()
            for label, kw in METHODS.items():
                for r in actent.torch.info_plane(model, x, y, shuffles=args.shuffles, **kw):
                    rows.append(dict(r, epoch=epoch, estimator_label=label))
            t_measure += time.perf_counter() - t
        if epoch == args.epochs:
            break
        t = time.perf_counter()
        perm = torch.randperm(len(x))
        for i in range(0, len(x), args.batch):
            idx = perm[i:i + args.batch]
            loss = torch.nn.functional.cross_entropy(model(x[idx]), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        t_train += time.perf_counter() - t
    with torch.no_grad():
        acc = float((model(x).argmax(1) == y).float().mean())
    return {"activation": kind, "rows": rows, "accuracy": acc, "train_s": t_train,
            "measure_s": t_measure}


def figure(runs, path, epochs):
    fig, axes = plt.subplots(len(runs), len(METHODS), figsize=(10, 4.2 * len(runs)),
                             squeeze=False, constrained_layout=True)
    norm = matplotlib.colors.LogNorm(vmin=1, vmax=epochs + 1)
    for i, run in enumerate(runs):
        for j, label in enumerate(METHODS):
            ax = axes[i][j]
            rows = [r for r in run["rows"] if r["estimator_label"] == label]
            layers = list(dict.fromkeys(r["layer"] for r in rows))
            for k, layer in enumerate(layers):
                pts = sorted((r["epoch"], r["ixt"], r["ity"]) for r in rows if r["layer"] == layer)
                e, ixt, ity = (np.array(v) for v in zip(*pts))
                ax.plot(ixt, ity, color="0.75", lw=0.8, zorder=1)
                sc = ax.scatter(ixt, ity, c=e + 1, cmap="viridis", norm=norm, s=14, zorder=2)
                ax.annotate("T%d" % (k + 1), (ixt[-1], ity[-1]), fontsize=8,
                            textcoords="offset points", xytext=(4, -8))
            null = [r["ity_null_mean"] for r in rows if "ity_null_mean" in r]
            if null:
                ax.axhline(np.mean(null), color="r", lw=0.8, ls="--",
                           label="I(T;Y) with the labels shuffled\n(mean over layers, epochs)")
                ax.legend(fontsize=7, loc="lower right")
            ax.set(title="%s network, %s" % (run["activation"], label),
                   xlabel="I(X;T) (bits)", ylabel="I(T;Y) (bits)")
            ax.grid(alpha=0.3)
    fig.colorbar(sc, ax=axes, label="epoch + 1", shrink=0.6)
    fig.suptitle("Information plane on digits, hidden layers 10-7-5-4-3 (actent.info_plane)",
                 fontsize=11)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=2000)
    ap.add_argument("--snapshots", type=int, default=40)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--shuffles", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="build/examples")
    args = ap.parse_args()
    if args.epochs < 1 or args.snapshots < 2 or args.batch < 1 or args.shuffles < 0:
        ap.error("--epochs and --batch must be at least 1, --snapshots at least 2")
    torch.set_num_threads(1)
    x, y = load_digits(return_X_y=True)
    x, y = torch.tensor(x / 16.0, dtype=torch.float32), torch.tensor(y)
    t = time.perf_counter()
    runs = [train(kind, x, y, args) for kind in KINDS]
    os.makedirs(args.out, exist_ok=True)
    doc = {"example": "examples/info_plane.py", "actent": actent.version,
           "torch": torch.__version__, "config": vars(args), "widths": WIDTHS,
           "methods": METHODS, "runs": runs, "seconds": time.perf_counter() - t}
    with open(os.path.join(args.out, "info_plane.json"), "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    figure(runs, os.path.join(args.out, "info_plane.png"), args.epochs)
    for run in runs:
        print("info_plane: %s network: accuracy %.3f, training %.1f s, information plane %.2f s"
              % (run["activation"], run["accuracy"], run["train_s"], run["measure_s"]))
    print("info_plane: %s/info_plane.json and info_plane.png in %.1f s"
          % (args.out, time.perf_counter() - t))


if __name__ == "__main__":
    main()
