"""bench.json's rows indexed for the report (scripts/report_bench.py): medians,
the repetitions' spread, each activation's ULP error and marks, the cache
level of each size, the fastest accurate table and composition, and the
cells and provenance line the tables print. Data only: no Markdown sections,
no figures."""
import statistics

import microarch
from bench_json import ordered, tables
from report_md import fmt

ACCURATE_ULP = 2  # the bound actent's own float32 kernels declare at most
ACT_FAMILIES = ("activate", "histogram", "unfused", "fused", "composed")
MARK_INACCURATE = "†"
MARK_REF = "‡"
MARK_CONTENDED = "*"


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


def ratio(a, b):
    """a / b as "1.23x", or "-" """
    return "-" if a is None or b is None or b == 0 else "%s×" % fmt(a / b)


def min_of(run, op, inp, n):
    best = (None, None)
    for mode in ("fused", "unfused"):
        t, c = run.best_table(mode, op, inp, n)
        if c is not None and (best[1] is None or c < best[1]):
            best = ("%s/%s" % (mode, t), c)
    return best
