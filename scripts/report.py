#!/usr/bin/python3
"""Build results/<machine>/REPORT.md and its figures from the JSON files alone.

    /usr/bin/python3 scripts/report.py results/<machine>

Reads experiment-notebook.json and experiment-consistent.json (actent
experiment), and, when present, verify.json (actent verify) and bench.json
(scripts/bench: actent-bench with the numpy rows merged in), bins.json (the
bin-count sweep) and estimator-*.json (each --estimator). Writes REPORT.md
and PNG figures (fig-*.png) beside them, each to a temporary file renamed
into place, and removes figures of an earlier report that this one no longer
has. Sections: the notebook's figures, is it the activation or the bins, agreement with the scalar reference,
throughput, the machine. Every figure's caption names the command and the CPU
that produced its data; a section whose file is missing says so.
"""
import argparse
import glob
import json
import math
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_json import BenchError, ordered, tables  # noqa: E402
from act_list import ORDER  # noqa: E402
from bench_json import load as load_bench  # noqa: E402
from report_bench import bench_section  # noqa: E402
from report_bins import ESTIMATORS, bins_section  # noqa: E402
from report_infoplane import infoplane_section  # noqa: E402
from report_machine import machine_section  # noqa: E402
from report_sweep import load as load_sweep  # noqa: E402
from report_sweep import sweep_section  # noqa: E402
from report_verify import accuracy_table, verify_section  # noqa: E402


class ReportError(Exception):
    pass


def load(folder, name):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return None
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        raise ReportError("%s: %s" % (path, e))


def experiment_result(folder, name):
    """The one analysis of an `actent experiment --json` file: the only element
    of "results" ({"schema": "actent.experiment/2", ...}); a file from before
    the schema (the analysis itself at the top) is read as it is."""
    doc = load(folder, name)
    if doc is None or "schema" not in doc:
        return doc
    if not str(doc["schema"]).startswith("actent.experiment/"):
        raise ReportError("%s: schema %r is not an experiment's" % (name, doc["schema"]))
    if len(doc.get("results", [])) != 1:
        raise ReportError("%s: %d results; the report draws a single analysis"
                          % (name, len(doc.get("results", []))))
    return doc["results"][0]


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
    acts = {a["name"]: a for a in exp["activations"]}
    return [acts[n] for n in ordered(acts)]


class Report:
    """REPORT.md's lines and the figures written for it."""

    def __init__(self, folder):
        self.folder = folder
        self.lines = []
        self.figures = []

    def add(self, text=""):
        self.lines.append(text)

    def figure(self, fig, name, caption):
        path = os.path.join(self.folder, name)
        tmp = "%s.tmp.%d" % (path, os.getpid())
        try:
            fig.savefig(tmp, format="png", dpi=90, bbox_inches="tight")
            os.replace(tmp, path)
        finally:
            plt.close(fig)
            if os.path.exists(tmp):
                os.remove(tmp)
        self.figures.append(name)
        self.add("![%s](%s)" % (caption.split(".")[0], name))
        self.add("")
        self.add("*Figure %d. %s*" % (len(self.figures), caption))
        self.add("")

    def write(self):
        path = os.path.join(self.folder, "REPORT.md")
        tmp = "%s.tmp.%d" % (path, os.getpid())
        try:
            with open(tmp, "w") as f:
                f.write("\n".join(self.lines) + "\n")
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.remove(tmp)
        # figures of an earlier report that this one does not show
        for old in glob.glob(os.path.join(self.folder, "fig-*.png")):
            if os.path.basename(old) not in self.figures:
                os.remove(old)
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
    # each panel its own y scale and tick labels: the two reductions differ in size
    fig, ax = plt.subplots(1, 2, figsize=(12, 4.5))
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
        r.add("No experiment-consistent.json in this folder: the 50-versus-49-bin comparison "
              "needs `actent experiment --mode consistent`.")
        r.add("")
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
             "against consistent binning. " + source(nb) + " " +
             source(cons).replace("Data: ", "And: ", 1))


def by_name(exp, name):
    for a in exp["activations"]:
        if a["name"] == name:
            return a
    raise KeyError(name)


def holdings(folder, ctx, rows, v):
    """One paragraph: which commit and profile this folder holds, and what it
    lacks against what actent measures now (a folder from a CPU that cannot
    be rerun keeps its numbers, and says so in its first lines)."""
    parts, lacks = [], []
    if rows is not None:
        git = ctx.get("actent_git", "?")
        parts.append("benchmarks from git `%s`%s, profile `%s`, %s" % (
            git[:10], " **with uncommitted changes**" if "uncommitted" in git else "",
            ctx.get("actent_profile", "?"), ctx.get("date", "?")[:10]))
        ops = {r.op for r in rows.values() if r.ran() and r.family == "activate"}
        missing = [o for o in ORDER if o not in ops]
        if missing:
            lacks.append("benchmarks of %s (it has %d of the %d activations actent defines)" % (
                ", ".join(missing), len(ORDER) - len(missing), len(ORDER)))
        benched = set(tables(ctx))
        if v is not None:
            ran = [t["table"] for t in v.get("tables", []) if t.get("runs_here") and
                   t.get("kind") == "table"]
            unbenched = [t for t in ran if t not in benched]
            if unbenched:
                lacks.append("benchmarks of the %s table%s it verified" % (
                    ", ".join(unbenched), "" if len(unbenched) == 1 else "s"))
        if not any(r.impl == "torch" for r in rows.values() if r.ran()):
            lacks.append("torch rows")
    else:
        lacks.append("bench.json")
    if v is not None:
        parts.append("verify `%s`" % v.get("mode", "?"))
    else:
        lacks.append("verify.json")
    for name in ("bins.json", "lscpu.txt"):
        if not os.path.exists(os.path.join(folder, name)):
            lacks.append(name)
    text = "This folder holds " + "; ".join(parts) + "."
    if lacks:
        text += " It lacks " + "; ".join(lacks) + "."
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", help="results/<machine>")
    ap.add_argument("--accuracy-table", action="store_true",
                    help="print the README's accuracy table from the folder's verify.json "
                         "and write nothing")
    args = ap.parse_args()
    if not os.path.isdir(args.folder):
        sys.exit("report.py: %s is not a folder" % args.folder)
    if args.accuracy_table:
        try:
            v = load(args.folder, "verify.json")
        except ReportError as e:
            sys.exit("report.py: %s" % e)
        if v is None:
            sys.exit("report.py: %s has no verify.json" % args.folder)
        print("\n".join(accuracy_table(v)))
        return
    try:
        nb = experiment_result(args.folder, "experiment-notebook.json")
        cons = experiment_result(args.folder, "experiment-consistent.json")
        v = load(args.folder, "verify.json")
        bins = load(args.folder, "bins.json")
        ests = {e: load(args.folder, "estimator-%s.json" % e) for e in ESTIMATORS}
        ests = {e: d for e, d in ests.items() if d is not None}
        sweep = load_sweep(args.folder)
        ctx, rows = {}, None
        if os.path.exists(os.path.join(args.folder, "bench.json")):
            ctx, rows = load_bench(os.path.join(args.folder, "bench.json"))
    except (ReportError, BenchError, ValueError) as e:
        sys.exit("report.py: %s" % e)
    if nb is None:
        sys.exit("report.py: %s has no experiment-notebook.json (scripts/run makes it)"
                 % args.folder)
    r = Report(args.folder)
    machine = ctx.get("actent_machine") or nb.get("machine") or \
        os.path.basename(os.path.normpath(args.folder))
    r.add("# actent report: %s" % machine)
    r.add("")
    have = [n for n in ("experiment-notebook.json", "experiment-consistent.json",
                        "bins.json", "verify.json", "bench.json", "peer-sweep.jsonl",
                        "info_plane.json", "infoplane-bench.json")
                        + tuple("estimator-%s.json" % e for e in ESTIMATORS)
            if os.path.exists(os.path.join(args.folder, n))]
    r.add("Built by `scripts/report.py` from %s in this folder, on %s. Sections: "
          "[the notebook](#the-notebook-regenerated), "
          "[activation or bins](#is-it-the-activation-or-the-bins), "
          "[agreement](#agreement-with-the-scalar-reference), [throughput](#throughput), "
          "[the information plane](#the-information-plane) (when present), "
          "[the machine](#the-machine)." % (", ".join("`%s`" % n for n in have),
                                            nb.get("cpu") or "an unnamed CPU"))
    r.add("")
    r.add(holdings(args.folder, ctx, rows, v))
    r.add("")
    try:
        experiment_section(r, nb, cons)
        bins_section(r, bins, ests)
        if v is None:
            r.add("## Agreement with the scalar reference")
            r.add("")
            r.add("No verify.json in this folder (`actent verify --json verify.json` makes it).")
            r.add("")
        else:
            verify_section(r, v)
        if rows is None:
            r.add("## Throughput")
            r.add("")
            r.add("No bench.json in this folder (`scripts/bench` makes it).")
            r.add("")
        else:
            bench_section(r, ctx, rows)
        sweep_section(r, sweep)
        infoplane_section(r, args.folder)
        machine_section(r, ctx, v, nb)
    except (KeyError, TypeError, ValueError) as e:
        sys.exit("report.py: %s: a JSON file lacks what the report needs (%s: %s)"
                 % (args.folder, type(e).__name__, e))
    print("report: %s (%d figures)" % (r.write(), len(r.figures)))


if __name__ == "__main__":
    main()
