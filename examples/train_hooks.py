#!/usr/bin/python3
"""A training run, observed: how much entropy each hidden layer's activation
removes, epoch by epoch, measured by actent.torch.watch as batches pass.

Trains small MLPs (relu, tanh and gelu; --layers hidden layers of --width
units) on scikit-learn's digits. actent.torch.watch hooks every activation
module and analyses each training batch's pre-activations (--batch samples x
--width units) with the notebook's binning: 50 input bins, 49 output bins,
the input's entropy, the activation's and the reduction. Writes
<out>/train_hooks.json (every row, and the cost) and <out>/train_hooks.png
(the reduction per layer against epoch, each point the mean over the epoch's
batches, the band their range) and prints what the watching cost against a
training step.

    PYTHONPATH=build/python /usr/bin/python3 examples/train_hooks.py [--epochs 8]
        [--layers 3] [--width 64] [--batch 128] [--out build/examples]
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

KINDS = {"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh, "gelu": torch.nn.GELU}


def mlp(kind, layers, width):
    mods, n = [], 64
    for _ in range(layers):
        mods += [torch.nn.Linear(n, width), KINDS[kind]()]
        n = width
    return torch.nn.Sequential(*mods, torch.nn.Linear(n, 10))


def train(kind, data, args):
    """one network trained under the watch: its rows, accuracy and cost"""
    torch.manual_seed(args.seed)
    xtr, ytr, xte, yte = data
    model = mlp(kind, args.layers, args.width)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    plain = watched = 0.0
    with actent.torch.watch(model, bins=50, training_only=True) as w:
        for epoch in range(1, args.epochs + 1):
            w.epoch = epoch
            perm = torch.randperm(len(xtr))
            for i in range(0, len(xtr), args.batch):
                idx = perm[i:i + args.batch]
                t = time.perf_counter()
                loss = torch.nn.functional.cross_entropy(model(xtr[idx]), ytr[idx])
                opt.zero_grad()
                loss.backward()
                opt.step()
                watched += time.perf_counter() - t
            model.eval()
            with torch.no_grad():
                acc = float((model(xte).argmax(1) == yte).float().mean())
            model.train()
            red = [np.mean([r["reduction"] for r in w.rows
                            if r["epoch"] == epoch and r["layer"] == layer])
                   for layer in w.layers]
            print("%-4s epoch %2d  loss %.3f  test accuracy %.3f  reduction by layer: %s"
                  % (kind, epoch, float(loss), acc, " ".join("%.2f" % v for v in red)))
    # the same steps without the watch: what it cost
    torch.manual_seed(args.seed)
    model = mlp(kind, args.layers, args.width)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    steps = 0
    for epoch in range(args.epochs):
        perm = torch.randperm(len(xtr))
        for i in range(0, len(xtr), args.batch):
            idx = perm[i:i + args.batch]
            t = time.perf_counter()
            loss = torch.nn.functional.cross_entropy(model(xtr[idx]), ytr[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            plain += time.perf_counter() - t
            steps += 1
    cost = {"steps": steps, "step_ms": 1e3 * plain / steps,
            "watched_step_ms": 1e3 * watched / steps}
    print("%-4s a training step %.3f ms, %.3f ms watched (+%.0f %%)"
          % (kind, cost["step_ms"], cost["watched_step_ms"],
             100 * (watched - plain) / plain))
    return {"activation": kind, "layers": w.layers, "rows": w.rows, "test_accuracy": acc,
            "cost": cost}


def figure(runs, path):
    fig, axes = plt.subplots(1, len(runs), figsize=(4 * len(runs), 3.6), sharey=True)
    for ax, run in zip(axes, runs):
        for k, layer in enumerate(run["layers"]):
            epochs = sorted({r["epoch"] for r in run["rows"]})
            vals = [[r["reduction"] for r in run["rows"]
                     if r["layer"] == layer and r["epoch"] == e] for e in epochs]
            ax.plot(epochs, [np.mean(v) for v in vals], marker="o", color="C%d" % k,
                    label="hidden layer %d" % (k + 1))
            ax.fill_between(epochs, [min(v) for v in vals], [max(v) for v in vals],
                            color="C%d" % k, alpha=0.15)
        ax.axhline(0, color="k", lw=0.6)
        ax.set(title="%s network" % run["activation"], xlabel="epoch")
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("entropy removed by the activation (bits)")
    axes[-1].legend(fontsize=8)
    fig.suptitle("Reduction per layer while training on digits (notebook binning, 50/49 "
                 "bins; mean over batches, band: their range)", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--layers", type=int, default=3, help="hidden layers (2 or 3 suit digits)")
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="build/examples")
    args = ap.parse_args()
    if args.epochs < 1 or args.layers < 1 or args.width < 1 or args.batch < 1:
        ap.error("--epochs, --layers, --width and --batch must be at least 1")
    torch.set_num_threads(1)
    x, y = load_digits(return_X_y=True)
    order = np.random.RandomState(args.seed).permutation(len(x))
    x, y = torch.tensor(x[order] / 16.0, dtype=torch.float32), torch.tensor(y[order])
    cut = int(0.8 * len(x))
    data = (x[:cut], y[:cut], x[cut:], y[cut:])
    t = time.perf_counter()
    runs = [train(kind, data, args) for kind in KINDS]
    os.makedirs(args.out, exist_ok=True)
    doc = {"example": "examples/train_hooks.py", "actent": actent.version,
           "torch": torch.__version__, "config": vars(args), "runs": runs}
    with open(os.path.join(args.out, "train_hooks.json"), "w") as f:
        json.dump(doc, f, indent=1)
    figure(runs, os.path.join(args.out, "train_hooks.png"))
    print("train_hooks: %s/train_hooks.json and train_hooks.png in %.1f s"
          % (args.out, time.perf_counter() - t))


if __name__ == "__main__":
    main()
