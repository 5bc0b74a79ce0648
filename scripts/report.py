#!/usr/bin/python3
"""Build results/<machine>/REPORT.md and its figures from the JSON files alone.

    /usr/bin/python3 scripts/report.py results/<machine>

Reads experiment-notebook.json and experiment-consistent.json (actent
experiment), and, when present, verify.json (actent verify), bench.json
(actent-bench) and bench-numpy.json (scripts/bench_numpy.py). Writes REPORT.md
and PNG figures beside them. Every figure's caption names the command and the
CPU that produced its data.
"""
import argparse
import json
import math
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def load(folder, name):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def edges(lo, hi, nbins):
    """np.linspace(lo, hi, nbins + 1) as numpy computes it."""
    if nbins == 0:
        return [lo]
    step = (hi - lo) / nbins
    e = [i * step + lo for i in range(nbins + 1)]
    e[-1] = hi
    return e


def bars(ax, counts, lo, hi, color):
    e = edges(lo, hi, len(counts))
    widths = [e[i + 1] - e[i] for i in range(len(counts))]
    if hi == lo:
        widths = [1.0 / len(counts)] * len(counts)
    ax.bar(e[:-1], counts, width=widths, align="edge", color=color, edgecolor=color)


def by_run_order(exp):
    order = ["sigmoid", "tanh", "relu", "softsign", "softplus", "hard_sigmoid", "selu", "relu6",
             "elu", "leaky_relu", "linear"]
    acts = {a["name"]: a for a in exp["activations"]}
    return [acts[n] for n in order if n in acts]


class Report:
    def __init__(self, folder):
        self.folder = folder
        self.lines = []
        self.figures = 0

    def add(self, text=""):
        self.lines.append(text)

    def figure(self, fig, name, caption):
        fig.savefig(os.path.join(self.folder, name), dpi=90, bbox_inches="tight")
        plt.close(fig)
        self.figures += 1
        self.add("![%s](%s)" % (caption.split(".")[0], name))
        self.add("")
        self.add("*Figure %d. %s*" % (self.figures, caption))
        self.add("")

    def write(self):
        path = os.path.join(self.folder, "REPORT.md")
        tmp = path + ".tmp"
        with open(tmp, "w") as f:
            f.write("\n".join(self.lines) + "\n")
        os.replace(tmp, path)
        return path


def source(exp):
    cmd = exp.get("command") or "actent experiment --mode %s" % exp["mode"]
    cpu = exp.get("cpu") or "this machine"
    return "Data: `%s` on %s (table %s)." % (cmd, cpu, exp.get("table", "?"))


def experiment_section(r, nb, cons):
    r.add("## The notebook, regenerated")
    r.add("")
    r.add("%d values from %s (seed %d), %d input bins (np.histogram bins=%d), outputs on "
          "np.linspace(min, max, %d) edges: %d bins, as the notebook has it. Input entropy "
          "**%r bits**." % (nb["n"], "U(-1, 1)" if nb["dist"] == "uniform" else "N(0, sigma)",
                            nb["seed"], nb["input_bins"], nb["bins"], nb["bins"],
                            nb["output_bins"], nb["input_entropy"]))
    r.add("")
    fig, ax = plt.subplots(figsize=(6, 3.2))
    bars(ax, nb["input_counts"], nb["input_min"], nb["input_max"], "#4472c4")
    ax.set(xlabel="Magnitude of activations", ylabel="Frequency",
           title="input; H = %.4f bits" % nb["input_entropy"])
    r.figure(fig, "fig-input.png", "The input sample's histogram (the notebook's cell 2). "
             + source(nb))

    acts = by_run_order(nb)
    for key, name, what in (("counts", "fig-outputs.png", "after each activation (cell 12)"),
                            ("counts_after_transform", "fig-transformed.png",
                             "after the copy-neighbour transform, %d iterations, binned with "
                             "the untransformed edges (cell 15)" % nb["iterations"])):
        ent = "entropy" if key == "counts" else "entropy_after_transform"
        fig, axes = plt.subplots(nrows=6, ncols=2, figsize=(10, 18))
        for ax, a in zip(axes.flat, acts):
            bars(ax, a[key], a["min"], a["max"], "#ed7d31" if key == "counts" else "#70ad47")
            ax.set(title="%s; H = %.2f" % (a["name"], a[ent]), xlabel="activation")
        for ax in list(axes.flat)[len(acts):]:
            ax.axis("off")
        fig.tight_layout()
        r.figure(fig, name, "Output histograms %s. %s" % (what, source(nb)))

    srt = sorted(acts, key=lambda a: a["entropy"])
    names = [a["name"] for a in srt]
    fig, ax = plt.subplots(1, 2, figsize=(12, 4.5))
    ax[0].scatter(range(len(srt)), [a["entropy"] for a in srt])
    ax[0].set_ylabel("Entropy (bits)")
    ax[1].scatter(range(len(srt)), [nb["input_entropy"] - a["entropy"] for a in srt])
    ax[1].set_ylabel("Reduction in entropy (bits) due to activation")
    for a in ax:
        a.set_xticks(range(len(names)))
        a.set_xticklabels(names, rotation=90)
    r.figure(fig, "fig-entropy.png", "Entropy after each activation, sorted, and the reduction "
             "against the input (cell 13). " + source(nb))

    srt = sorted(acts, key=lambda a: a["entropy_after_transform"])
    names = [a["name"] for a in srt]
    fig, ax = plt.subplots(1, 2, figsize=(12, 4.5), sharey=True)
    ax[0].scatter(range(len(srt)), [nb["input_entropy"] - a["entropy"] for a in srt])
    ax[0].set_ylabel("Reduction in entropy (bits) due to activation")
    ax[1].scatter(range(len(srt)), [a["entropy"] - a["entropy_after_transform"] for a in srt])
    ax[1].set_ylabel("Further reduction due to simplifying")
    for a in ax:
        a.set_xticks(range(len(names)))
        a.set_xticklabels(names, rotation=90)
    r.figure(fig, "fig-further.png", "Reduction due to the activation against the further "
             "reduction the copy-neighbour transform brings (cell 17). " + source(nb))

    r.add("| activation | entropy (bits) | reduction | after copy-neighbour | further reduction |")
    r.add("|---|---:|---:|---:|---:|")
    for a in sorted(acts, key=lambda a: a["entropy"]):
        r.add("| %s | %.6f | %.6f | %.6f | %.6f |" % (a["name"], a["entropy"], a["reduction"],
                                                   a["entropy_after_transform"],
                                                   a["further_reduction"]))
    r.add("")
    if not cons:
        return
    r.add("### The 50-versus-49-bin artifact")
    r.add("")
    r.add("The notebook bins the input into %d bins but each output into %d, so the identity "
          "appears to remove %.4f bits (log2(%d/%d) = %.4f). Binned alike (consistent mode: %d "
          "bins on [min, max] for input and outputs), linear removes %r bits."
          % (nb["input_bins"], nb["output_bins"], by_name(nb, "linear")["reduction"],
             nb["input_bins"], nb["output_bins"],
             math.log2(nb["input_bins"] / nb["output_bins"]), cons["bins"],
             by_name(cons, "linear")["reduction"]))
    r.add("")
    cacts = {a["name"]: a for a in cons["activations"]}
    names = [a["name"] for a in sorted(acts, key=lambda a: a["reduction"])]
    fig, ax = plt.subplots(figsize=(9, 4))
    xs = range(len(names))
    ax.bar([x - 0.2 for x in xs], [by_name(nb, n)["reduction"] for n in names], width=0.4,
           label="notebook (50 input bins, 49 output bins)")
    ax.bar([x + 0.2 for x in xs], [cacts[n]["reduction"] for n in names], width=0.4,
           label="consistent (%d bins each)" % cons["bins"])
    ax.set_xticks(list(xs))
    ax.set_xticklabels(names, rotation=90)
    ax.set_ylabel("Reduction in entropy (bits)")
    ax.legend()
    r.figure(fig, "fig-consistent.png", "Entropy removed by each activation, notebook binning "
             "against consistent binning. " + source(nb) + " " + source(cons))


def by_name(exp, name):
    for a in exp["activations"]:
        if a["name"] == name:
            return a
    raise KeyError(name)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", help="results/<machine>")
    args = ap.parse_args()
    nb = load(args.folder, "experiment-notebook.json")
    cons = load(args.folder, "experiment-consistent.json")
    if nb is None:
        sys.exit("report: %s has no experiment-notebook.json (run scripts/run)" % args.folder)
    r = Report(args.folder)
    r.add("# actent report: %s" % os.path.basename(os.path.normpath(args.folder)))
    r.add("")
    experiment_section(r, nb, cons)
    print("report: %s" % r.write())


if __name__ == "__main__":
    main()
