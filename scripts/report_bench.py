"""The report's throughput section, from bench.json alone (scripts/report.py).

Every number is a median over the run's repetitions, with its spread (the
repetitions' min..max as +-% of the median); cycles are the run's own
(bench.json's context says how it obtained them). Every activation's speed is
shown beside its largest ULP error against the scalar table; an
implementation above ACCURATE_ULP or running a reference (`ref:`) kernel is
marked and never named fastest. Each size says which cache level its
rotation runs from on this machine. A family, implementation, size or input
the run lacks is left out with a line saying so.
"""
import matplotlib.pyplot as plt
from report_figures import FIXED, color_of, grouped_bars, impl_style  # noqa: F401
from report_md import fmt, md_table
from report_peers import details, peers_section
from report_run import (ACCURATE_ULP, ACT_FAMILIES, MARK_CONTENDED,  # noqa: F401
                        MARK_INACCURATE, MARK_REF, Run, cell, ratio, source)


def legend(r):
    r.add("Cells: median cycles (ns) per element ±half the repetitions' min..max range; "
          "activations add their largest ULP error against the scalar table on the timed "
          "inputs (`?` where not measured). %s: above %d ULP; %s: a reference kernel "
          "(oneDNN's `ref:any`), not a tuned one; neither is ever named fastest. %s: "
          "wall-clock time exceeded CPU time by more than 5 %% (the thread waited)."
          % (MARK_INACCURATE, ACCURATE_ULP, MARK_REF, MARK_CONTENDED))
    r.add("")


def intro(r, run, src):
    ctx = run.ctx
    cv = [row.aggregate("cv", "cpu_time") for row in run.rows.values() if row.ran()]
    cv = sorted(c for c in cv if c is not None)
    r.add(src)
    r.add("")
    if "uncommitted" in ctx.get("actent_git", ""):
        r.add("**This run was made from a tree with uncommitted changes: its code is not any "
              "commit's, and it should not be committed as results.**")
        r.add("")
    r.add("One thread, CPU time, lower is better. Sizes: %s; inputs: %s (%s). Cycles: %s." % (
        ", ".join(run.size_name(n) for n in run.sizes), ", ".join(run.inputs),
        "unit = U(-1, 1), the notebook's; wide = U(-10, 10), the saturation paths",
        ctx.get("actent_cycles", "not recorded").split(";")[0]))
    if cv:
        r.add("")
        r.add("Noise: the median row's repetitions vary by %.1f %% (coefficient of variation of "
              "CPU time), one row in ten by more than %.1f %%; load average at the start %s."
              % (100 * cv[len(cv) // 2], 100 * cv[min(len(cv) - 1, int(0.9 * len(cv)))],
                 ", ".join("%.1f" % x for x in ctx.get("load_avg", [])) or "not recorded"))
    few = [row for row in run.rows.values() if row.ran() and row.family in ACT_FAMILIES and
           row.values("iterations") and min(row.values("iterations")) < 16]
    if few:
        r.add("")
        r.add("%d rows ran fewer than 16 iterations in some repetition, so fewer than the 16 "
              "windows the rotation has at large sizes: their medians rest on part of the "
              "input stream (sizes %s)." % (len(few), ", ".join(
                  str(n) for n in sorted({row.n for row in few}))))
    waited = sum(run.contended(row.family, row.op, row.impl, row.input, row.n)
                 for row in run.rows.values() if row.ran() and row.family in ACT_FAMILIES)
    if waited:
        r.add("")
        r.add("%d rows spent more than 5 %% longer in wall-clock than in CPU time (marked %s): "
              "the thread waited, and their times are less certain." % (waited, MARK_CONTENDED))
    if "debug" in str(ctx.get("library_build_type", "")).lower():
        r.add("")
        r.add("The Google Benchmark library reports itself built as `debug` (Debian's package "
              "says so of itself); it times the loop from outside and the kernels are built "
              "Release (%s), so the timed code is not affected." %
              ctx.get("actent_build_type", "build type not recorded"))
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
            grouped_bars(ax, run.ops, [(i, [run.get("activate", op, i, inp, n) for op in run.ops],
                                        impl_style(run, i, inp, n)) for i in impls])
            ax.set(ylabel="cycles per element", title="%s, input %s" % (run.size_name(n), inp))
        fig.tight_layout()
        r.figure(fig, "fig-activate-%s.png" % inp, "Cycles per element of each activation "
                 "by each table and peer (peers hatched; %s above %d ULP, %s a reference "
                 "kernel; error bars: the repetitions' min..max), input %s (log scale). %s" % (
                     MARK_INACCURATE, ACCURATE_ULP, MARK_REF, inp, src))
    legend(r)
    first = True
    for inp in run.inputs:
        for n in run.sizes:
            impls = run.impls("activate", inp, n)
            if not impls:
                continue
            body = md_table(["activation"] + impls,
                            [[op] + [cell(run, "activate", op, i, inp, n, True) for i in impls]
                             for op in run.ops])
            title = "%s, input %s" % (run.size_name(n), inp)
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
            # ratios: the cycles' spread does not apply
            series.append((i, vals, dict(impl_style(run, i, inp, n), spread=None)))
        grouped_bars(ax, run.ops, series)
        ax.axhline(1.0, color="black", linewidth=0.8)
        ax.set(ylabel="scalar time / its time", title="%s, input %s" % (run.size_name(n), inp))
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
            details(r, "Speed-up over scalar, activate, %s, input %s" % (run.size_name(n), inp),
                    md_table(["activation"] + impls, rows))


def floors(run, inp, n):
    """[(label, cycles)] of the floors at this input and size: the fastest
    single pass over x the run measured (the read, any table's min/max, any
    table's fastest activation: a pipeline reads x at least once), then the
    fastest table's histogram of a precomputed activation (what binning
    alone costs)."""
    out = []
    passes = [("read (sum of the array)", run.get("read", "x", "sum", inp, n))]
    for t in run.tables:
        passes.append(("minmax, %s" % t, run.get("minmax", "x", t, inp, n)))
        acts = [(run.get("activate", op, t, inp, n), op) for op in run.ops]
        acts = [a for a in acts if a[0] is not None]
        if acts:
            c, op = min(acts)
            passes.append(("activate %s, %s" % (op, t), c))
    passes = [p for p in passes if p[1] is not None]
    if passes:
        label, c = min(passes, key=lambda p: p[1])
        out.append(("one pass over x (fastest measured: %s)" % label, c))
    hs = [(run.get("histogram", op, t, inp, n), t) for t in run.tables for op in run.ops]
    hs = [h for h in hs if h[0] is not None]
    if hs:
        c, t = min(hs)
        out.append(("histogram of a stored activation, fastest (%s)" % t, c))
    return out


def fused_section(r, run, src):
    r.add("### Fused against unfused")
    r.add("")
    r.add("`unfused`: activate into memory, min/max, edges, histogram, entropy through one "
          "table; `fused`: the input's min/max scan, then the same without storing the "
          "activations. Both time every pass one call makes. The floors: the fastest single "
          "pass over the array the run measured, and the fastest histogram of an activation "
          "already in memory.")
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
            series.append(("unfused/%s" % t, [run.get("unfused", op, t, inp, n) for op in run.ops],
                           {"key": t, "alpha": 0.45,
                            "spread": [run.interval("unfused", op, t, inp, n) for op in run.ops]}))
            series.append(("fused/%s" % t, [run.get("fused", op, t, inp, n) for op in run.ops],
                           {"key": t,
                            "spread": [run.interval("fused", op, t, inp, n) for op in run.ops]}))
        grouped_bars(ax, run.ops, series, floors(run, inp, n))
        ax.set(ylabel="cycles per element", title="%s, input %s" % (run.size_name(n), inp))
    fig.tight_layout()
    r.figure(fig, "fig-fused.png", "Histogram and entropy of one activation, unfused against "
             "fused, per table, with the floors as dashed lines (log scale; error bars: the "
             "repetitions' min..max). " + src)
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
            title = "cycles (ns) per element, %s, input %s" % (run.size_name(n), inp)
            if first:
                r.add(title[0].upper() + title[1:] + ":")
                r.add("")
                for line in body:
                    r.add(line)
                r.add("")
                first = False
            else:
                details(r, title, body)


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

