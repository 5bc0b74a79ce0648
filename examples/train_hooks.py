#!/usr/bin/python3
"""A training run, observed: how much entropy each hidden layer's activation
removes, epoch by epoch, measured by actent from PyTorch forward hooks.

Trains small MLPs (relu and tanh, --layers hidden layers of --width units) on
scikit-learn's digits. A forward hook on every activation module keeps the
pre-activations of each training batch; at the end of each epoch actent
analyses every layer's values: the entropy of the pre-activations, of the
activation's output and the reduction, with the notebook's binning (50 input
bins, 49 output bins) and with consistent binning (50 and 50). Writes
<out>/train_hooks.json and <out>/train_hooks.png (entropy per layer against
epoch, relu against tanh) and prints what the hooks and the analysis cost
against a training step.

    PYTHONPATH=build/python /usr/bin/python3 examples/train_hooks.py [--epochs 8]
        [--layers 3] [--width 64] [--out build/examples]
"""
import argparse
import json
import os
import time

import actent
import matplotlib
import numpy as np
import torch
from sklearn.datasets import load_digits

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

MODES = ("notebook", "consistent")


class Recorder:
    """forward hooks on the activation modules: each batch's pre-activations"""

    def __init__(self, model, kind):
        self.kind, self.batches, self.seconds = kind, {}, 0.0
        acts = [m for m in model if isinstance(m, (torch.nn.ReLU, torch.nn.Tanh))]
        self.handles = [m.register_forward_hook(self.hook(i)) for i, m in enumerate(acts)]

    def hook(self, layer):
        def record(module, inputs, output):
            t = time.perf_counter()
            # a copy: the autograd graph keeps the tensor, but the optimizer changes the weights
            self.batches.setdefault(layer, []).append(inputs[0].detach().numpy().copy())
            self.seconds += time.perf_counter() - t
        return record

    def take(self):
        """{layer: all of this epoch's pre-activations}, and forget them"""
        out = {k: np.concatenate(v) for k, v in self.batches.items()}
        self.batches = {}
        return out


def mlp(kind, layers, width):
    act = torch.nn.ReLU if kind == "relu" else torch.nn.Tanh
    mods, n = [], 64
    for _ in range(layers):
        mods += [torch.nn.Linear(n, width), act()]
        n = width
    return torch.nn.Sequential(*mods, torch.nn.Linear(n, 10))


def analyse(kind, values):
    """per layer and binning: input entropy, the activation's and the reduction"""
    out = []
    for layer in sorted(values):
        row = {"layer": layer + 1, "n": int(values[layer].size)}
        for mode in MODES:
            r = actent.analyse(values[layer], activations=kind, mode=mode)
            a = r["activations"][0]
            row[mode] = {"input_entropy": r["input_entropy"], "entropy": a["entropy"],
                         "reduction": a["reduction"]}
        out.append(row)
    return out


def train(kind, data, args):
    torch.manual_seed(args.seed)
    xtr, ytr, xte, yte = data
    model = mlp(kind, args.layers, args.width)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    rec = Recorder(model, kind)
    epochs, step_s, analyse_s, steps = [], 0.0, 0.0, 0
    for epoch in range(1, args.epochs + 1):
        perm = torch.randperm(len(xtr))
        for i in range(0, len(xtr), args.batch):
            idx = perm[i:i + args.batch]
            t = time.perf_counter()
            loss = torch.nn.functional.cross_entropy(model(xtr[idx]), ytr[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            step_s += time.perf_counter() - t
            steps += 1
        t = time.perf_counter()
        layers = analyse(kind, rec.take())
        analyse_s += time.perf_counter() - t
        with torch.no_grad():
            acc = float((model(xte).argmax(1) == yte).float().mean())
        rec.batches = {}  # the evaluation pass is not part of the record
        epochs.append({"epoch": epoch, "loss": float(loss), "test_accuracy": acc,
                       "layers": layers})
        print("%-4s epoch %2d  loss %.3f  test accuracy %.3f  entropy by layer (notebook): %s"
              % (kind, epoch, float(loss), acc,
                 " ".join("%.2f" % l["notebook"]["entropy"] for l in layers)))
    hook_s = rec.seconds
    cost = {"steps": steps, "step_ms": 1e3 * (step_s - hook_s) / steps,
            "hook_ms_per_step": 1e3 * hook_s / steps,
            "actent_ms_per_epoch": 1e3 * analyse_s / args.epochs}
    print("%-4s cost: training step %.3f ms, hooks %.3f ms per step (%.1f %%), actent's "
          "analysis %.2f ms per epoch (%.1f %% of the epoch's steps)"
          % (kind, cost["step_ms"], cost["hook_ms_per_step"],
             100 * cost["hook_ms_per_step"] / cost["step_ms"], cost["actent_ms_per_epoch"],
             100 * analyse_s / (step_s - hook_s)))
    return {"activation": kind, "epochs": epochs, "cost": cost}


def figure(runs, path):
    fig, axes = plt.subplots(1, 2, figsize=(11, 4), sharey=True)
    for ax, mode in zip(axes, MODES):
        for run, style in zip(runs, ("-", "--")):
            n = len(run["epochs"][0]["layers"])
            for layer in range(n):
                ys = [e["layers"][layer][mode]["entropy"] for e in run["epochs"]]
                xs = [e["epoch"] for e in run["epochs"]]
                ax.plot(xs, ys, style, marker="o", color="C%d" % layer,
                        label="%s, layer %d" % (run["activation"], layer + 1))
        ax.set(title="%s binning" % mode, xlabel="epoch", ylabel="entropy of the layer (bits)")
        ax.grid(alpha=0.3)
    axes[1].legend(fontsize=8)
    fig.suptitle("Hidden layers' entropy during training on digits (relu solid, tanh dashed)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--layers", type=int, default=3, help="hidden layers (2 or 3 suit digits)")
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="build/examples")
    args = ap.parse_args()
    if args.epochs < 1 or args.layers < 1 or args.width < 1 or args.batch < 1:
        ap.error("--epochs, --layers, --width and --batch must be at least 1")
    torch.set_num_threads(1)
    x, y = load_digits(return_X_y=True)
    rs = np.random.RandomState(args.seed)
    order = rs.permutation(len(x))
    x, y = torch.tensor(x[order] / 16.0, dtype=torch.float32), torch.tensor(y[order])
    cut = int(0.8 * len(x))
    data = (x[:cut], y[:cut], x[cut:], y[cut:])
    t = time.perf_counter()
    runs = [train(kind, data, args) for kind in ("relu", "tanh")]
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
