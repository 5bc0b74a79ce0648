"""The report's throughput section, from bench.json alone (scripts/report.py).

Every number is a median over the run's repetitions; cycles are the run's own
(bench.json's context says how it obtained them). A family, implementation,
size or input the run lacks is left out with a line saying so.
"""
import statistics

import matplotlib.pyplot as plt
from bench_json import ordered, tables
from report_md import fmt, md_table

COLORS = ["#4472c4", "#ed7d31", "#a5a5a5", "#ffc000", "#5b9bd5", "#70ad47", "#264478",
          "#9e480e", "#636363", "#997300", "#255e91", "#43682b"]


class Run:
    """bench.json's rows, indexed for the report."""

    def __init__(self, ctx, rows):
        self.ctx, self.rows = ctx, rows
        ran = [r for r in rows.values() if r.ran()]
        self.families = {r.family for r in ran}
        self.sizes = sorted({r.n for r in ran if r.family != "analysis"})
        self.inputs = sorted({r.input for r in ran if r.family != "analysis"},
                             key=lambda i: (i != "unit", i))
        self.tables = [t for t in tables(ctx) if any(r.impl == t for r in ran)]
        listed = [i.strip() for i in ctx.get("actent_impls", "").split("(")[0].split(",")]
        self.peers = [i for i in listed if i and i not in self.tables and
                      any(r.impl == i and r.family == "activate" for r in ran)]
        self.numpy = any(r.impl == "numpy" for r in ran)
        self.torch = any(r.impl == "torch" for r in ran)
        # the activations this run measured, in the notebook's order
        self.ops = ordered(r.op for r in ran if r.family not in ("read", "minmax", "analysis"))
        self.skipped = [r for r in rows.values() if r.error is not None]

    def get(self, family, op, impl, inp, n, key="cycles_per_elem"):
        r = self.rows.get("%s/%s/%s/%s/%d" % (family, op, impl, inp, n))
        return r.median(key) if r is not None and r.ran() else None

    def impls(self, family, inp, n):
        """Implementations with a row of this family at this input and size, in
        the context's order, numpy and torch last."""
        seen = {r.impl for r in self.rows.values()
                if r.ran() and r.family == family and r.input == inp and r.n == n}
        order = self.tables + self.peers + sorted(seen - set(self.tables + self.peers))
        order = [i for i in order if i in seen and i not in ("numpy", "torch")]
        return order + [i for i in ("numpy", "torch") if i in seen]

    def best_table(self, family, op, inp, n):
        """(table, median cycles) of the fastest table, or (None, None)."""
        best = (None, None)
        for t in self.tables:
            c = self.get(family, op, t, inp, n)
            if c is not None and (best[1] is None or c < best[1]):
                best = (t, c)
        return best

    def best_composed(self, op, inp, n):
        """(impl, cycles) of the fastest composed row built from peers' parts only."""
        best = (None, None)
        for r in self.rows.values():
            if r.ran() and r.family == "composed" and r.op == op and r.input == inp and \
                    r.n == n and r.impl.split("+")[0] not in self.tables:
                c = r.median("cycles_per_elem")
                if c is not None and (best[1] is None or c < best[1]):
                    best = (r.impl, c)
        return best


def source(ctx, rows):
    reps = statistics.median([r.repetitions() for r in rows.values() if r.ran()] or [1])
    profile = ctx.get("actent_profile")
    cmd = "scripts/bench --%s" % profile if profile else \
        ctx.get("actent_command", ctx.get("executable", "actent-bench"))
    git = ctx.get("actent_git", "?")
    git = git[:10] + (" with uncommitted changes" if "uncommitted" in git else "")
    return "Data: `%s` (medians of %d repetitions) on %s (%s), git %s, %s." % (
        cmd, reps, ctx.get("actent_cpu_model", "an unnamed CPU"),
        ctx.get("actent_machine", "?"), git, ctx.get("date", "?")[:10])


def cell(run, family, op, impl, inp, n):
    c = run.get(family, op, impl, inp, n)
    ns = run.get(family, op, impl, inp, n, "ns_per_elem")
    return "-" if c is None else "%s (%s)" % (fmt(c), fmt(ns))


def ratio(a, b):
    """a / b as "1.23x", or "-" """
    return "-" if a is None or b is None or b == 0 else "%s×" % fmt(a / b)


def size_name(n):
    return "n = %d%s" % (n, " (the notebook's)" if n == 4096 else "")


def grouped_bars(ax, labels, series, lines=()):
    """Bars on a log scale, one group per label. series: [(name, [value or
    None per label])]; lines: [(name, value)] drawn across as dashed lines.
    The legend goes to the right of the plot."""
    width = 0.8 / max(1, len(series))
    seen = []
    for k, (name, vals) in enumerate(series):
        xs = [i - 0.4 + width * (k + 0.5) for i in range(len(labels))]
        ax.bar([x for x, v in zip(xs, vals) if v], [v for v in vals if v], width=width,
               label=name, color=COLORS[k % len(COLORS)])
        seen += [v for v in vals if v]
    for k, (name, v) in enumerate(lines):
        ax.axhline(v, color=["black", "#7030a0", "#c00000"][k % 3], linestyle="--",
                   linewidth=1, label=name)
        seen.append(v)
    ax.set_xticks(range(len(labels)))
    ax.set_xticklabels(labels, rotation=45, ha="right")
    ax.set_yscale("log")
    if seen:
        ax.set_ylim(min(seen) / 1.6, max(seen) * 1.6)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)


def details(r, summary, body):
    r.add("<details><summary>%s</summary>" % summary)
    r.add("")
    for line in body:
        r.add(line)
    r.add("</details>")
    r.add("")


def intro(r, run, src):
    ctx = run.ctx
    cv = [row.aggregate("cv", "cpu_time") for row in run.rows.values() if row.ran()]
    cv = sorted(c for c in cv if c is not None)
    r.add(src)
    r.add("")
    r.add("One thread, CPU time, lower is better. Sizes: %s; inputs: %s (%s). Cycles: %s." % (
        ", ".join(str(n) for n in run.sizes), ", ".join(run.inputs),
        "unit = U(-1, 1), the notebook's; wide = U(-10, 10), the saturation paths",
        ctx.get("actent_cycles", "not recorded").split(";")[0]))
    if cv:
        r.add("")
        r.add("Noise: the median row's repetitions vary by %.1f %% (coefficient of variation of "
              "CPU time), one row in ten by more than %.1f %%; load average at the start %s."
              % (100 * cv[len(cv) // 2], 100 * cv[min(len(cv) - 1, int(0.9 * len(cv)))],
                 ", ".join("%.1f" % x for x in ctx.get("load_avg", [])) or "not recorded"))
    if not run.peers:
        r.add("")
        r.add("No peers in this run (%s)." % ctx.get("actent_peer_libraries", "none built"))
    if not run.numpy:
        r.add("")
        r.add("No numpy rows in this run (scripts/bench_numpy.py did not run).")
    r.add("")
    if run.torch:
        r.add("PyTorch rows (impl `torch`): %s; largest ULP distance of its activations from "
              "the scalar table: %s." % (ctx.get("torch_stack", "?"), torch_ulps(ctx)))
    else:
        r.add("No torch rows in this run (torch did not import, or scripts/bench_torch.py did "
              "not run).")
    r.add("")


def torch_ulps(ctx):
    u = ctx.get("torch_max_ulp")
    if isinstance(u, dict):
        return ", ".join("%s %d" % (op, v) for op, v in u.items())
    return u or "not recorded"


def activate_section(r, run, src):
    r.add("### Activations: cycles (ns) per element")
    r.add("")
    if "activate" not in run.families:
        r.add("No activate rows in this run.")
        r.add("")
        return
    for inp in run.inputs:
        fig, axes = plt.subplots(len(run.sizes), 1, figsize=(13, 3.6 * len(run.sizes)),
                                 squeeze=False)
        for ax, n in zip(axes[:, 0], run.sizes):
            impls = run.impls("activate", inp, n)
            grouped_bars(ax, run.ops, [(i, [run.get("activate", op, i, inp, n) for op in run.ops])
                                     for i in impls])
            ax.set(ylabel="cycles per element", title="%s, input %s" % (size_name(n), inp))
        fig.tight_layout()
        r.figure(fig, "fig-activate-%s.png" % inp, "Cycles per element of each activation "
                 "by each table and peer, input %s (log scale). %s" % (inp, src))
    first = True
    for inp in run.inputs:
        for n in run.sizes:
            impls = run.impls("activate", inp, n)
            if not impls:
                continue
            body = md_table(["activation"] + impls,
                            [[op] + [cell(run, "activate", op, i, inp, n) for i in impls]
                             for op in run.ops])
            title = "%s, input %s" % (size_name(n), inp)
            if first:
                r.add("%s:" % title)
                r.add("")
                for line in body:
                    r.add(line)
                r.add("")
                first = False
            else:
                details(r, title, body)


def speedup_section(r, run, src):
    r.add("### Speed-up over the scalar table")
    r.add("")
    if "scalar" not in run.tables or "activate" not in run.families:
        r.add("No scalar activate rows in this run: no speed-ups to show.")
        r.add("")
        return
    inp = run.inputs[0]
    fig, axes = plt.subplots(len(run.sizes), 1, figsize=(13, 3.4 * len(run.sizes)), squeeze=False)
    for ax, n in zip(axes[:, 0], run.sizes):
        impls = [i for i in run.impls("activate", inp, n) if i != "scalar"]
        series = []
        for i in impls:
            vals = []
            for op in run.ops:
                s, c = run.get("activate", op, "scalar", inp, n), run.get("activate", op, i, inp, n)
                vals.append(s / c if s and c else None)
            series.append((i, vals))
        grouped_bars(ax, run.ops, series)
        ax.axhline(1.0, color="black", linewidth=0.8)
        ax.set(ylabel="scalar time / its time", title="%s, input %s" % (size_name(n), inp))
    fig.tight_layout()
    r.figure(fig, "fig-speedup.png", "Speed-up of each table and peer over the scalar table, "
             "per activation (log scale; above 1 is faster). " + src)
    for inp in run.inputs:
        for n in run.sizes:
            impls = [i for i in run.impls("activate", inp, n) if i != "scalar"]
            if not impls:
                continue
            rows = []
            for op in run.ops:
                s = run.get("activate", op, "scalar", inp, n)
                rows.append([op] + [ratio(s, run.get("activate", op, i, inp, n)) for i in impls])
            details(r, "Speed-up over scalar, activate, %s, input %s" % (size_name(n), inp),
                    md_table(["activation"] + impls, rows))


def floors(run, inp, n):
    """[(label, cycles)] of the floors at this input and size."""
    out = []
    c = run.get("read", "x", "sum", inp, n)
    if c is not None:
        out.append(("read (sum of the array)", c))
    for t in run.tables[:1]:
        c = run.get("minmax", "x", t, inp, n)
        if c is not None:
            out.append(("minmax, %s" % t, c))
        hs = [run.get("histogram", op, t, inp, n) for op in run.ops]
        hs = [h for h in hs if h is not None]
        if hs:
            out.append(("histogram alone, %s (median over activations)" % t,
                        statistics.median(hs)))
    return out


def fused_section(r, run, src):
    r.add("### Fused against unfused")
    r.add("")
    r.add("`unfused`: activate into memory, min/max, edges, histogram, entropy through one "
          "table; `fused`: the same without storing the activations. The floors: a plain "
          "read of the array (`read`), the table's min/max, and the histogram alone.")
    r.add("")
    if not {"fused", "unfused"} <= run.families:
        r.add("No fused or unfused rows in this run.")
        r.add("")
        return
    if "read" not in run.families:
        r.add("No read rows in this run (its bench.json predates the read family).")
        r.add("")
    inp = run.inputs[0]
    fast = [t for t in run.tables if t != "scalar"] or run.tables
    fig, axes = plt.subplots(len(run.sizes), 1, figsize=(13, 3.4 * len(run.sizes)), squeeze=False)
    for ax, n in zip(axes[:, 0], run.sizes):
        series = []
        for t in fast:
            series.append(("unfused/%s" % t, [run.get("unfused", op, t, inp, n) for op in run.ops]))
            series.append(("fused/%s" % t, [run.get("fused", op, t, inp, n) for op in run.ops]))
        grouped_bars(ax, run.ops, series, floors(run, inp, n))
        ax.set(ylabel="cycles per element", title="%s, input %s" % (size_name(n), inp))
    fig.tight_layout()
    r.figure(fig, "fig-fused.png", "Histogram and entropy of one activation, unfused against "
             "fused, per table, with the floors as dashed lines (log scale). " + src)
    first = True
    for inp in run.inputs:
        for n in run.sizes:
            head, rows = ["activation"], []
            for t in run.tables:
                head += ["unfused/%s" % t, "fused/%s" % t, "unfused / fused"]
            for op in run.ops:
                row = [op]
                for t in run.tables:
                    u, f = run.get("unfused", op, t, inp, n), run.get("fused", op, t, inp, n)
                    row += [cell(run, "unfused", op, t, inp, n),
                            cell(run, "fused", op, t, inp, n), ratio(u, f)]
                rows.append(row)
            body = md_table(head, rows)
            fl = floors(run, inp, n)
            body += [""] + ["Floors: " + "; ".join("%s %s" % (lbl, fmt(c)) for lbl, c in fl)
                            + "." if fl else "No floors measured at this size."]
            title = "cycles (ns) per element, %s, input %s" % (size_name(n), inp)
            if first:
                r.add(title[0].upper() + title[1:] + ":")
                r.add("")
                for line in body:
                    r.add(line)
                r.add("")
                first = False
            else:
                details(r, title, body)


def peers_section(r, run, src):
    r.add("### Against the peers and numpy")
    r.add("")
    others = run.peers + (["numpy"] if run.numpy else []) + (["torch"] if run.torch else [])
    if not others:
        r.add("No peers and no numpy rows in this run: nothing to compare against.")
        r.add("")
        return
    r.add("Activations: each peer's time as a multiple of the fastest table's (above 1: "
          "the table is faster).")
    r.add("")
    for inp in run.inputs:
        for n in run.sizes:
            impls = [i for i in run.impls("activate", inp, n) if i in others]
            rows = []
            for op in run.ops:
                t, c = run.best_table("activate", op, inp, n)
                rows.append([op, "%s %s" % (t, fmt(c)) if t else "-"] +
                            [ratio(run.get("activate", op, i, inp, n), c) for i in impls])
            body = md_table(["activation", "fastest table (cycles)"] + impls, rows)
            title = "activate, %s, input %s" % (size_name(n), inp)
            if n == run.sizes[0] and inp == run.inputs[0]:
                r.add(title[0].upper() + title[1:] + ":")
                r.add("")
                for line in body:
                    r.add(line)
                r.add("")
            else:
                details(r, title, body)
    pipeline(r, run, src)
    analysis(r, run, src)


def pipeline(r, run, src):
    r.add("The pipeline (one activation's histogram and entropy): the fastest table, fused or "
          "not, against the fastest composition of peers' parts (`composed`) and the "
          "notebook's numpy/scipy code.")
    r.add("")
    if "composed" not in run.families:
        r.add("No composed rows in this run (no peer brings a histogram).")
        r.add("")
    inp = run.inputs[0]
    fig, axes = plt.subplots(len(run.sizes), 1, figsize=(13, 3.4 * len(run.sizes)), squeeze=False)
    for ax, n in zip(axes[:, 0], run.sizes):
        best = [min_of(run, op, inp, n)[1] for op in run.ops]
        series = [("actent, fastest table and mode", best),
                  ("fastest composed peers", [run.best_composed(op, inp, n)[1] for op in run.ops])]
        if run.numpy:
            series.append(("numpy/scipy", [run.get("unfused", op, "numpy", inp, n)
                                           for op in run.ops]))
        if run.torch:
            series.append(("torch (act + histc)", [run.get("unfused", op, "torch", inp, n)
                                                   for op in run.ops]))
        grouped_bars(ax, run.ops, series)
        ax.set(ylabel="cycles per element", title="%s, input %s" % (size_name(n), inp))
    fig.tight_layout()
    r.figure(fig, "fig-pipeline.png", "Histogram and entropy of one activation: actent's "
             "fastest table and mode, the fastest composition of peers, numpy/scipy (log "
             "scale). " + src)
    for inp in run.inputs:
        for n in run.sizes:
            rows = []
            for op in run.ops:
                where, c = min_of(run, op, inp, n)
                ci, cc = run.best_composed(op, inp, n)
                np_c = run.get("unfused", op, "numpy", inp, n)
                th_c = run.get("unfused", op, "torch", inp, n)
                sc = run.get("unfused", op, "scalar", inp, n)
                rows.append([op, "%s %s" % (where, fmt(c)) if where else "-", ratio(sc, c),
                             "%s %s" % (ci, fmt(cc)) if ci else "-", fmt(np_c), fmt(th_c),
                             ratio(cc, c), ratio(np_c, c), ratio(th_c, c)])
            details(r, "Pipeline, cycles per element, %s, input %s" % (size_name(n), inp),
                    md_table(["activation", "actent (fastest)", "unfused/scalar / actent",
                              "composed (fastest)", "numpy", "torch", "composed / actent",
                              "numpy / actent", "torch / actent"], rows))


def min_of(run, op, inp, n):
    best = (None, None)
    for mode in ("fused", "unfused"):
        t, c = run.best_table(mode, op, inp, n)
        if c is not None and (best[1] is None or c < best[1]):
            best = ("%s/%s" % (mode, t), c)
    return best


def analysis(r, run, src):
    rows = []
    impls = run.tables + (["numpy"] if run.numpy else [])
    np_t = {v: run.get("analysis", v, "numpy", "unit", 4096, "cpu_time")
            for v in ("notebook", "no-transform")}
    for v in ("notebook", "no-transform"):
        rows.append([v] + [fmt(run.get("analysis", v, i, "unit", 4096, "cpu_time"))
                           for i in impls] +
                    [ratio(np_t[v], run.get("analysis", v, t, "unit", 4096, "cpu_time"))
                     for t in run.tables if run.numpy])
    if "analysis" not in run.families:
        r.add("No analysis rows in this run.")
        r.add("")
        return
    r.add("The notebook's whole analysis (11 activations, n = 4096), microseconds:")
    r.add("")
    for line in md_table(["variant"] + impls + ["numpy / %s" % t for t in run.tables
                                                if run.numpy], rows):
        r.add(line)
    r.add("")


def floors_section(r, run, src):
    r.add("### Floors: reading the array, its range, the histogram alone")
    r.add("")
    if not {"read", "minmax", "histogram"} & run.families:
        r.add("No read, minmax or histogram rows in this run.")
        r.add("")
        return
    if "read" not in run.families:
        r.add("No read rows in this run (its bench.json predates the read family).")
        r.add("")
    head = ["row"] + ["%s, %s" % (inp, n) for inp in run.inputs for n in run.sizes]
    rows = []

    def gbs(family, op, impl, inp, n):
        c = run.get(family, op, impl, inp, n)
        b = run.get(family, op, impl, inp, n, "bytes_per_second")
        return "-" if c is None else "%s (%s GB/s)" % (fmt(c), fmt(b / 1e9) if b else "?")
    if "read" in run.families:
        rows.append(["read/x/sum"] + [gbs("read", "x", "sum", i, n)
                                      for i in run.inputs for n in run.sizes])
    for impl in run.tables + run.peers + ["plain-avx2", "numpy"]:
        if any(run.get("minmax", "x", impl, i, n) for i in run.inputs for n in run.sizes):
            rows.append(["minmax/x/%s" % impl] + [gbs("minmax", "x", impl, i, n)
                                                  for i in run.inputs for n in run.sizes])
    for impl in run.tables + ["plain-avx2", "numpy"]:
        cells, any_ = [], False
        for i in run.inputs:
            for n in run.sizes:
                hs = [run.get("histogram", op, impl, i, n) for op in run.ops]
                hs = [h for h in hs if h is not None]
                any_ = any_ or bool(hs)
                cells.append("%s .. %s" % (fmt(min(hs)), fmt(max(hs))) if hs else "-")
        if any_:
            rows.append(["histogram/*/%s (fastest .. slowest activation)" % impl] + cells)
    r.add("Cycles per element (and bytes read per second):")
    r.add("")
    for line in md_table(head, rows):
        r.add(line)
    r.add("")
    note = run.ctx.get("actent_read")
    if note:
        r.add("*%s.*" % (note[0].upper() + note[1:]))
        r.add("")


def skipped_section(r, run):
    if not run.skipped:
        return
    body = md_table(["benchmark", "why it did not run"],
                    [[s.name, s.error] for s in run.skipped[:200]], right=[False, False])
    details(r, "%d benchmark%s did not run on this machine" % (
        len(run.skipped), "" if len(run.skipped) == 1 else "s"), body)


def bench_section(r, ctx, rows):
    """The throughput section; False when bench.json has no row that ran."""
    run = Run(ctx, rows)
    r.add("## Throughput")
    r.add("")
    if not run.sizes:
        r.add("bench.json has no benchmark that ran.")
        r.add("")
        return False
    src = source(ctx, rows)
    intro(r, run, src)
    activate_section(r, run, src)
    speedup_section(r, run, src)
    fused_section(r, run, src)
    peers_section(r, run, src)
    floors_section(r, run, src)
    skipped_section(r, run)
    return True

