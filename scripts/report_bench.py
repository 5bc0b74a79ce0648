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
import statistics

import matplotlib.pyplot as plt
import microarch
from bench_json import ordered, tables
from report_md import fmt, md_table

ACCURATE_ULP = 2  # the bound actent's own float32 kernels declare at most
ACT_FAMILIES = ("activate", "histogram", "unfused", "fused", "composed")
# one colour per implementation in every figure; peers are hatched
FIXED = {"scalar": "#7f7f7f", "avx512": "#1f4e9c", "avx2": "#4f9bd9", "neon": "#2a7f62",
         "sve": "#6cc3a0", "avx2-sleef": "#8c6bb1", "neon-sleef": "#b39ddb",
         "libm": "#c7a76c", "libmvec-avx2": "#e6863b", "sleef-u35": "#9e480e",
         "xnnpack": "#d62728", "onednn": "#f2b701", "numpy": "#17becf", "torch": "#e377c2",
         "plain-avx2": "#bcbd22"}
SPARE = ["#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#5254a3", "#8ca252"]
MARK_INACCURATE = "†"
MARK_REF = "‡"
MARK_CONTENDED = "*"


def color_of(name):
    base = name.split("/")[-1].split("+")[0]
    if base in FIXED:
        return FIXED[base]
    return SPARE[sum(map(ord, base)) % len(SPARE)]


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
        self.ops = ordered(r.op for r in ran if r.family in ACT_FAMILIES)
        self.skipped = [r for r in rows.values() if r.error is not None]

    def row(self, family, op, impl, inp, n):
        r = self.rows.get("%s/%s/%s/%s/%d" % (family, op, impl, inp, n))
        return r if r is not None and r.ran() else None

    def get(self, family, op, impl, inp, n, key="cycles_per_elem"):
        r = self.row(family, op, impl, inp, n)
        return r.median(key) if r is not None else None

    def interval(self, family, op, impl, inp, n, key="cycles_per_elem"):
        """(min, max) over the repetitions, or None"""
        r = self.row(family, op, impl, inp, n)
        if r is None:
            return None
        vals = r.values(key)
        if len(vals) >= 2:
            return min(vals), max(vals)
        lo, hi = r.aggregate("min", key), r.aggregate("max", key)
        return (lo, hi) if lo is not None and hi is not None else None

    def spread(self, family, op, impl, inp, n):
        """half the repetitions' min..max range over the median, or None"""
        iv, c = self.interval(family, op, impl, inp, n), self.get(family, op, impl, inp, n)
        return None if iv is None or not c else (iv[1] - iv[0]) / 2 / c

    def contended(self, family, op, impl, inp, n):
        """True where wall-clock time exceeded CPU time by more than 5 %: the
        thread waited (another process, the hypervisor)"""
        r = self.row(family, op, impl, inp, n)
        if r is None or family == "fused_mt":
            return False
        real, cpu = r.median("real_time"), r.median("cpu_time")
        return bool(real and cpu and real / cpu > 1.05)

    def ulp(self, op, impl, inp, n):
        """the activation's largest ULP error against the scalar table, as the
        run measured it (activate rows' max_ulp; torch's from the context)"""
        impl = impl.split("+")[0]
        if impl in ("torch", "numpy"):
            u = self.ctx.get(impl + "_max_ulp")
            return u.get(op) if isinstance(u, dict) else None
        r = self.row("activate", op, impl, inp, n)
        return r.first("max_ulp") if r is not None else None

    def is_ref(self, op, impl, inp, n):
        """the library ran a reference (non-JIT) implementation"""
        r = self.row("activate", op, impl.split("+")[0], inp, n)
        return r is not None and "ref:" in str(r.first("label") or "")

    def trusted(self, op, impl, inp, n):
        u = self.ulp(op, impl, inp, n)
        return (u is None or u <= ACCURATE_ULP) and not self.is_ref(op, impl, inp, n)

    def marks(self, op, impl, inp, n):
        u = self.ulp(op, impl, inp, n)
        m = MARK_INACCURATE if u is not None and u > ACCURATE_ULP else ""
        return m + (MARK_REF if self.is_ref(op, impl, inp, n) else "")

    def footprint(self, n):
        fps = [r.first("footprint_bytes") for r in self.rows.values()
               if r.ran() and r.n == n and r.family in ("activate", "unfused")]
        fps = [f for f in fps if f]
        return max(fps) if fps else None

    def level(self, n):
        """the cache level the rotation at size n runs from: the smallest
        data or unified cache per core that holds its footprint, else DRAM"""
        fp = self.footprint(n)
        if fp is None:
            return None
        caches = sorted((c.get("level", 9), c.get("size", 0)) for c in self.ctx.get("caches", [])
                        if c.get("type") in ("Data", "Unified"))
        for lvl, size in caches:
            if fp <= size:
                return "L%d" % lvl
        return "DRAM"

    def size_name(self, n):
        fp, lvl = self.footprint(n), self.level(n)
        where = "" if fp is None else "; %s rotated, %s" % (human(fp), lvl)
        return "n = %d%s%s" % (n, " (the notebook's" + where + ")" if n == 4096 else "",
                               " (" + where[2:] + ")" if where and n != 4096 else "")

    def impls(self, family, inp, n):
        """Implementations with a row of this family at this input and size, in
        the context's order, numpy and torch last."""
        seen = {r.impl for r in self.rows.values()
                if r.ran() and r.family == family and r.input == inp and r.n == n}
        order = self.tables + self.peers + sorted(seen - set(self.tables + self.peers))
        order = [i for i in order if i in seen and i not in ("numpy", "torch")]
        return order + [i for i in ("numpy", "torch") if i in seen]

    def best_table(self, family, op, inp, n):
        """(table, median cycles) of the fastest accurate table, or (None,
        None); the name lists every table whose repetitions overlap its
        (a tie within the measured noise)."""
        best = (None, None)
        for t in self.tables:
            c = self.get(family, op, t, inp, n)
            if c is not None and self.trusted(op, t, inp, n) and (best[1] is None or c < best[1]):
                best = (t, c)
        if best[0] is None:
            return best
        iv = self.interval(family, op, best[0], inp, n)
        ties = []
        for t in self.tables:
            jv = self.interval(family, op, t, inp, n)
            if t != best[0] and iv and jv and self.trusted(op, t, inp, n) and jv[0] <= iv[1]:
                ties.append(t)
        return ("%s (tie: %s)" % (best[0], ", ".join(ties)) if ties else best[0], best[1])

    def best_composed(self, op, inp, n):
        """(impl, cycles) of the fastest composed row (a peer's activation, the
        fastest table's histogram) whose activation is accurate."""
        best = (None, None)
        for r in self.rows.values():
            if r.ran() and r.family == "composed" and r.op == op and r.input == inp and \
                    r.n == n and r.impl.split("+")[0] not in self.tables and \
                    self.trusted(op, r.impl, inp, n):
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
    git = git[:10] + (" WITH UNCOMMITTED CHANGES" if "uncommitted" in git else "")
    cpu = ctx.get("actent_cpu_model", "an unnamed CPU")
    arch = microarch.name(ctx.get("actent_machine"))
    if arch:
        cpu += " (%s)" % arch
    if ctx.get("num_cpus"):
        cpu += ", %d vCPUs" % ctx["num_cpus"]
    return "Data: `%s` (medians of %d repetitions) on %s (%s), git %s, %s." % (
        cmd, reps, cpu, ctx.get("actent_machine", "?"), git, ctx.get("date", "?")[:10])


def human(b):
    for unit, shift in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if b >= 1 << shift:
            return "%s %s" % (fmt(b / (1 << shift)), unit)
    return "%d B" % b


def cell(run, family, op, impl, inp, n, accuracy=False):
    """"cycles (ns) ±spread", then the activation's ULP error and marks when
    asked; "n/a" where the row is missing"""
    c = run.get(family, op, impl, inp, n)
    if c is None:
        return "n/a"
    ns = run.get(family, op, impl, inp, n, "ns_per_elem")
    out = "%s (%s)" % (fmt(c), fmt(ns))
    sp = run.spread(family, op, impl, inp, n)
    if sp is not None:
        out += " ±%.0f%%" % (100 * sp) if sp >= 0.005 else " ±<1%"
    if run.contended(family, op, impl, inp, n):
        out += MARK_CONTENDED
    if accuracy:
        u = run.ulp(op, impl, inp, n)
        out += ", %s ULP" % ("?" if u is None else "%d" % u)
        out += run.marks(op, impl, inp, n)
    return out


def legend(r):
    r.add("Cells: median cycles (ns) per element ±half the repetitions' min..max range; "
          "activations add their largest ULP error against the scalar table on the timed "
          "inputs (`?` where not measured). %s: above %d ULP; %s: a reference kernel "
          "(oneDNN's `ref:any`), not a tuned one; neither is ever named fastest. %s: "
          "wall-clock time exceeded CPU time by more than 5 %% (the thread waited)."
          % (MARK_INACCURATE, ACCURATE_ULP, MARK_REF, MARK_CONTENDED))
    r.add("")


def ratio(a, b):
    """a / b as "1.23x", or "-" """
    return "-" if a is None or b is None or b == 0 else "%s×" % fmt(a / b)


def grouped_bars(ax, labels, series, lines=()):
    """Bars on a log scale, one group per label. series: [(name, [value or
    None per label], style)] with style {"key": the implementation whose
    colour to use (default: name), "hatch", "alpha", "marks": [text above
    each bar], "spread": [(min, max) of the repetitions, or None, per
    label], drawn as error bars}; a missing value is drawn as "n/a". lines: [(name, value)]
    drawn across as dashed lines. The legend goes to the right of the plot."""
    width = 0.8 / max(1, len(series))
    seen, placed = [], []
    for k, item in enumerate(series):
        name, vals = item[0], item[1]
        st = item[2] if len(item) > 2 else {}
        xs = [i - 0.4 + width * (k + 0.5) for i in range(len(labels))]
        ax.bar([x for x, v in zip(xs, vals) if v], [v for v in vals if v], width=width,
               label=name, color=color_of(st.get("key", name)), hatch=st.get("hatch"),
               alpha=st.get("alpha", 1.0), edgecolor="white", linewidth=0.3)
        # the repetitions' min..max as an error bar on each bar that has one
        spans = [(x, v, iv) for x, v, iv in zip(xs, vals, st.get("spread") or [None] * len(vals))
                 if v and iv]
        if spans:
            ax.errorbar([x for x, _, _ in spans], [v for _, v, _ in spans],
                        yerr=[[max(0.0, v - iv[0]) for _, v, iv in spans],
                              [max(0.0, iv[1] - v) for _, v, iv in spans]],
                        fmt="none", ecolor="black", elinewidth=0.6, capsize=1.2)
        seen += [v for v in vals if v]
        placed.append((xs, vals, st.get("marks") or [""] * len(vals)))
    for k, (name, v) in enumerate(lines):
        ax.axhline(v, color=["black", "#7030a0", "#c00000"][k % 3], linestyle="--",
                   linewidth=1, label=name)
        seen.append(v)
    ax.set_xticks(range(len(labels)))
    ax.set_xticklabels(labels, rotation=45, ha="right")
    ax.set_yscale("log")
    if seen:
        ax.set_ylim(min(seen) / 1.6, max(seen) * 1.6)
    bottom = ax.get_ylim()[0]
    for xs, vals, marks in placed:
        for x, v, m in zip(xs, vals, marks):
            if not v:
                ax.text(x, bottom * 1.04, "n/a", rotation=90, fontsize=5, ha="center",
                        va="bottom", color="#888888")
            elif m:
                ax.text(x, v * 1.03, m, fontsize=7, ha="center", va="bottom", color="#c00000")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)


def impl_style(run, impl, inp, n, family="activate"):
    """an implementation's colour, hatched when it is a peer, its marks and
    its repetitions' spread"""
    return {"key": impl, "hatch": None if impl in run.tables else "//",
            "marks": [run.marks(op, impl, inp, n) for op in run.ops],
            "spread": [run.interval(family, op, impl, inp, n) for op in run.ops]}


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


def peers_section(r, run, src):
    r.add("### Against the peers and numpy")
    r.add("")
    others = run.peers + (["numpy"] if run.numpy else []) + (["torch"] if run.torch else [])
    if not others:
        r.add("No peers and no numpy rows in this run: nothing to compare against.")
        r.add("")
        return
    r.add("Activations: each peer's time as a multiple of the fastest accurate table's (above "
          "1: the table is faster), with the peer's largest ULP error; %s above %d ULP, %s a "
          "reference kernel: faster there is not the same answer." % (
              MARK_INACCURATE, ACCURATE_ULP, MARK_REF))
    r.add("")
    for inp in run.inputs:
        for n in run.sizes:
            impls = [i for i in run.impls("activate", inp, n) if i in others]
            rows = []
            for op in run.ops:
                t, c = run.best_table("activate", op, inp, n)
                tu = run.ulp(op, t.split()[0], inp, n) if t else None
                rows.append([op, "%s %s, %s ULP" % (t, fmt(c), "?" if tu is None else "%d" % tu)
                             if t else "-"] +
                            [peer_cell(run, op, i, inp, n, c) for i in impls])
            body = md_table(["activation", "fastest table (cycles)"] + impls, rows)
            title = "activate, %s, input %s" % (run.size_name(n), inp)
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


def peer_cell(run, op, impl, inp, n, best):
    c = run.get("activate", op, impl, inp, n)
    if c is None:
        return "n/a"
    u = run.ulp(op, impl, inp, n)
    return "%s, %s ULP%s" % (ratio(c, best), "?" if u is None else "%d" % u,
                             run.marks(op, impl, inp, n))


def pipeline(r, run, src):
    r.add("The pipeline (one activation's histogram and entropy): the fastest accurate table, "
          "fused or not, against the fastest accurate composition (`composed`: a peer's "
          "activation, then the min/max and histogram of the fastest table this CPU runs, so "
          "the gap measures fusion, not a slower histogram) and the notebook's numpy/scipy "
          "code.")
    r.add("")
    if "composed" not in run.families:
        r.add("No composed rows in this run.")
        r.add("")
    inp = run.inputs[0]
    fig, axes = plt.subplots(len(run.sizes), 1, figsize=(13, 3.4 * len(run.sizes)), squeeze=False)
    for ax, n in zip(axes[:, 0], run.sizes):
        best = [min_of(run, op, inp, n)[1] for op in run.ops]
        series = [("actent, fastest table and mode", best,
                   {"key": run.tables[0] if run.tables else "actent"}),
                  ("fastest composed (peer activation + table histogram)",
                   [run.best_composed(op, inp, n)[1] for op in run.ops],
                   {"key": "composed", "hatch": "//"})]
        if run.numpy:
            series.append(("numpy/scipy", [run.get("unfused", op, "numpy", inp, n)
                                           for op in run.ops], {"key": "numpy", "hatch": "//"}))
        if run.torch:
            series.append(("torch (act + histc)", [run.get("unfused", op, "torch", inp, n)
                                                   for op in run.ops],
                           {"key": "torch", "hatch": "//"}))
        grouped_bars(ax, run.ops, series)
        ax.set(ylabel="cycles per element", title="%s, input %s" % (run.size_name(n), inp))
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
            details(r, "Pipeline, cycles per element, %s, input %s" % (run.size_name(n), inp),
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

