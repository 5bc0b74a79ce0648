#!/usr/bin/python3
"""Compare result folders: runs on one machine, or machines.

    /usr/bin/python3 scripts/compare.py A B [C ...] [--fail-above PCT] [--key cpu_time]
        [--alpha 0.01] [--show 15] [--md FILE]

Each folder holds what scripts/run writes (bench.json, verify.json). The first
folder is the baseline; every other one is compared with it:

- per benchmark both ran: the medians, their ratio (B / A: above 1 is
  slower), each side's spread ((max - min) / median of its repetitions) and
  a Mann-Whitney U test (two-sided) on the repetitions. Without repetitions
  in the file (run with --benchmark_report_aggregates_only) the test falls
  back to the min..max ranges: disjoint ranges are exactly the case U = 0,
  whose exact p-value is 2 / C(n + m, n), so "different" then means that;
  overlapping ranges are not called different;
- the geometric mean of the ratios per family and per family and
  implementation;
- accuracy: each table's and activation's digest, max ULP, violations and
  entropy differences from verify.json.

Before anything, it warns (on standard error and in the output) when two
folders differ in commit, profile, activation set or tables: their ratios
then mix code and settings with the machine. Folders from different CPUs
also get one table of geometric means of cycles and nanoseconds per element
over the rows every folder has, per family, so CPUs compare at equal work.

--fail-above PCT makes it a regression gate: exit status 1 when any benchmark
slowed by more than PCT percent beyond noise, that is when a one-sided
Mann-Whitney U test finds B's repetitions greater than A's scaled by
(1 + PCT/100) at level --alpha (without repetitions: B's fastest slower than
A's slowest scaled so). Exit status 2 on bad input, else 0.
"""
import argparse
import json
import math
import os
import sys
from collections import defaultdict

from scipy.stats import mannwhitneyu

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import microarch  # noqa: E402
from bench_json import BenchError, tables  # noqa: E402
from bench_json import load as load_bench  # noqa: E402
from compare_verify import verify_diff  # noqa: E402
from report_md import fmt, md_table  # noqa: E402


class Folder:
    def __init__(self, path):
        self.path = path
        self.ctx, self.rows, self.verify = {}, None, None
        bench = os.path.join(path, "bench.json")
        if os.path.exists(bench):
            self.ctx, self.rows = load_bench(bench)
        ver = os.path.join(path, "verify.json")
        if os.path.exists(ver):
            try:
                with open(ver) as f:
                    self.verify = json.load(f)
            except (OSError, ValueError) as e:
                raise BenchError("%s: %s" % (ver, e))

    def describe(self):
        c = self.ctx
        cpu = c.get("actent_cpu_model") or (self.verify or {}).get("cpu", "?")
        arch = microarch.name(c.get("actent_machine") or (self.verify or {}).get("machine"))
        cpu += " (%s)" % arch if arch else ""
        return [self.path, cpu, c.get("actent_machine") or (self.verify or {}).get("machine", "?"),
                c.get("actent_git", "-")[:10], c.get("actent_profile", "-"),
                c.get("date", "-")[:19], ", ".join("%.1f" % x for x in c.get("load_avg", []))]


def samples(b, key):
    """(values of the repetitions, or None; median, min, max)"""
    vals = b.values(key)
    med = b.median(key)
    lo, hi = b.aggregate("min", key), b.aggregate("max", key)
    if vals:
        lo, hi = min(vals), max(vals)
    return (vals if len(vals) >= 2 else None), med, lo, hi


def mwu(x, y, alternative):
    if len(set(x) | set(y)) == 1:
        return 1.0
    return float(mannwhitneyu(x, y, alternative=alternative).pvalue)


def extreme_p(n, m):
    """the exact two-sided Mann-Whitney p-value when U = 0 (disjoint ranges)"""
    return min(1.0, 2.0 / math.comb(n + m, n)) if n and m else 1.0


class Row:
    """One benchmark in both runs."""

    def __init__(self, name, a, b, key, alpha, gate):
        self.name, self.family, self.impl = name, a.family, a.impl
        xa, self.ma, la, ha = samples(a, key)
        xb, self.mb, lb, hb = samples(b, key)
        self.ratio = self.mb / self.ma if self.ma else float("nan")
        self.sa = (ha - la) / self.ma if self.ma and ha is not None else None
        self.sb = (hb - lb) / self.mb if self.mb and hb is not None else None
        self.tested = "mwu" if xa and xb else ("ranges" if None not in (la, ha, lb, hb) else None)
        self.p, self.slowed = None, False
        if self.tested == "mwu":
            self.p = mwu(xb, xa, "two-sided")
            if gate is not None:
                scaled = [v * (1 + gate / 100.0) for v in xa]
                self.slowed = self.ratio > 1 + gate / 100.0 and \
                    mwu(xb, scaled, "greater") < alpha
        elif self.tested == "ranges":
            n, m = a.repetitions(), b.repetitions()
            disjoint = lb > ha or hb < la
            self.p = extreme_p(n, m) if disjoint else None
            if gate is not None:
                self.slowed = lb > ha * (1 + gate / 100.0)
        elif gate is not None:
            self.slowed = self.ratio > 1 + gate / 100.0
        self.differs = self.p is not None and self.p < alpha

    def verdict(self):
        if self.slowed:
            return "**slower beyond the gate**"
        if not self.differs:
            return "~"
        return "slower" if self.ratio > 1 else "faster"

    def cells(self):
        pct = lambda s: "-" if s is None else "%.1f %%" % (100 * s)  # noqa: E731
        return [self.name, fmt(self.ma), fmt(self.mb), "%.3f" % self.ratio,
                "%+.1f %%" % (100 * (self.ratio - 1)), pct(self.sa), pct(self.sb),
                "-" if self.p is None else "%.2g" % self.p, self.verdict()]


def geomean(xs):
    xs = [x for x in xs if x > 0 and x == x]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def settings(f):
    """what besides the machine decides a folder's numbers"""
    c, rows = f.ctx, f.rows or {}
    ran = [r for r in rows.values() if r.ran()]
    return {
        "commit": c.get("actent_git", "?")[:40],
        "profile": c.get("actent_profile", "?"),
        "activations": ", ".join(sorted({r.op for r in ran if r.family == "activate"})),
        "tables": ", ".join(tables(c)),
    }


def warnings(folders):
    """one line per setting that differs from the first folder's"""
    base = settings(folders[0])
    out = []
    for f in folders[1:]:
        s = settings(f)
        for k in base:
            if s[k] != base[k]:
                out.append("%s and %s differ in %s (%s against %s): the ratios mix that "
                           "difference with the machine's" % (
                               folders[0].path, f.path, k, base[k] or "none", s[k] or "none"))
    return out


def across(out, folders):
    """geometric means of cycles and ns per element over the rows every folder
    ran, per family: CPUs compared at equal work"""
    if any(f.rows is None for f in folders):
        return
    names = set.intersection(*[{n for n, r in f.rows.items() if r.ran() and
                                r.median("ns_per_elem") is not None} for f in folders])
    fam = defaultdict(list)
    for n in names:
        fam[n.split("/")[0]].append(n)
    if not fam:
        return
    head = ["family", "rows"]
    for f in folders:
        head += ["%s c/e" % f.path, "%s ns/e" % f.path]
    body = []
    for family in sorted(fam):
        row = [family, len(fam[family])]
        for f in folders:
            for key in ("cycles_per_elem", "ns_per_elem"):
                vals = [f.rows[n].median(key) for n in fam[family]]
                vals = [v for v in vals if v]
                row.append(fmt(geomean(vals)) if vals else "-")
        body.append(row)
    out.append("## Across the CPUs: geometric means over the rows every folder has")
    out.append("")
    out.extend(md_table(head, body))
    out.append("")


def bench_diff(out, a, b, args):
    """Lines comparing two bench.json files; returns the rows slowed beyond the gate."""
    if a.rows is None or b.rows is None:
        out.append("No bench.json in %s: no throughput to compare." %
                   (a.path if a.rows is None else b.path))
        out.append("")
        return []
    both = [n for n in a.rows if n in b.rows and a.rows[n].ran() and b.rows[n].ran() and
            a.rows[n].median(args.key) is not None and b.rows[n].median(args.key) is not None]
    only_a = [n for n in a.rows if a.rows[n].ran() and n not in both]
    only_b = [n for n in b.rows if b.rows[n].ran() and n not in both]
    rows = [Row(n, a.rows[n], b.rows[n], args.key, args.alpha, args.fail_above) for n in both]
    if not rows:
        out.append("No benchmark ran in both: nothing to compare.")
        out.append("")
        return []
    tests = {r.tested for r in rows}
    out.append("%d benchmarks in both, %d only in A, %d only in B. Key: `%s` (median of the "
               "repetitions). Ratio = B / A: above 1, B is slower." % (
                   len(rows), len(only_a), len(only_b), args.key))
    out.append("")
    if "mwu" in tests:
        n = sorted({(a.rows[r.name].repetitions(), b.rows[r.name].repetitions())
                    for r in rows if r.tested == "mwu"})
        out.append("Test: Mann-Whitney U on the repetitions (%s vs %s), two-sided, level %g; "
                   "the smallest p-value %s repetitions can give is %.2g." % (
                       n[0][0], n[0][1], args.alpha, "%d against %d" % n[0],
                       2.0 / math.comb(sum(n[0]), n[0][0])))
    if "ranges" in tests:
        out.append("Test (rows without repetitions in the file): disjoint min..max ranges, "
                   "the Mann-Whitney case U = 0 (exact p = 2 / C(n + m, n)).")
    if None in tests:
        out.append("Rows with one repetition have no spread: no test, the gate uses the "
                   "ratio alone.")
    out.append("")
    fam = defaultdict(list)
    for r in rows:
        fam[r.family].append(r)
    body = []
    for f in sorted(fam):
        rs = fam[f]
        body.append([f, len(rs), "%.3f" % geomean([r.ratio for r in rs]),
                     sum(r.differs and r.ratio > 1 for r in rs),
                     sum(r.differs and r.ratio < 1 for r in rs)])
    body.append(["all", len(rows), "%.3f" % geomean([r.ratio for r in rows]),
                 sum(r.differs and r.ratio > 1 for r in rows),
                 sum(r.differs and r.ratio < 1 for r in rows)])
    out.extend(md_table(["family", "benchmarks", "geometric mean B / A", "slower", "faster"],
                        body))
    out.append("")
    fi = defaultdict(list)
    for r in rows:
        fi[(r.family, r.impl)].append(r.ratio)
    out.append("<details><summary>Geometric mean per family and implementation</summary>")
    out.append("")
    out.extend(md_table(["family", "implementation", "benchmarks", "geometric mean B / A"],
                        [[f, i, len(v), "%.3f" % geomean(v)] for (f, i), v in sorted(fi.items())]))
    out.append("")
    out.append("</details>")
    out.append("")
    head = ["benchmark", "A", "B", "B / A", "change", "spread A", "spread B", "p", "verdict"]
    ranked = sorted(rows, key=lambda r: -abs(math.log(r.ratio)) if r.ratio > 0 else 0)
    shown = [r for r in ranked if r.differs or r.slowed][:args.show]
    if shown:
        out.append("The %d largest changes the test calls real (of %d):" % (
            len(shown), sum(r.differs or r.slowed for r in rows)))
        out.append("")
        out.extend(md_table(head, [r.cells() for r in shown]))
    else:
        out.append("No benchmark differs beyond noise.")
    out.append("")
    if args.all:
        out.append("<details><summary>Every benchmark</summary>")
        out.append("")
        out.extend(md_table(head, [r.cells() for r in rows]))
        out.append("")
        out.append("</details>")
        out.append("")
    return [r for r in rows if r.slowed]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", help="result folders; the first is the baseline")
    ap.add_argument("--fail-above", type=float, metavar="PCT",
                    help="exit 1 when a benchmark slowed by more than PCT %% beyond noise")
    ap.add_argument("--key", default="cpu_time",
                    help="what to compare: cpu_time (default), ns_per_elem, cycles_per_elem")
    ap.add_argument("--alpha", type=float, default=0.01, help="test level (default 0.01)")
    ap.add_argument("--show", type=int, default=15, help="changes to list (default 15)")
    ap.add_argument("--all", action="store_true", help="list every benchmark too")
    ap.add_argument("--md", metavar="FILE", help="also write the comparison to FILE")
    args = ap.parse_args()
    if len(args.folders) < 2:
        ap.error("give at least two folders")
    if args.fail_above is not None and args.fail_above < 0:
        ap.error("--fail-above takes a percentage >= 0")
    if not 0 < args.alpha < 1:
        ap.error("--alpha takes a level between 0 and 1")
    folders = []
    for p in args.folders:
        if not os.path.isdir(p):
            print("compare.py: %s is not a folder" % p, file=sys.stderr)
            sys.exit(2)
        try:
            f = Folder(p)
        except BenchError as e:
            print("compare.py: %s" % e, file=sys.stderr)
            sys.exit(2)
        if f.rows is None and f.verify is None:
            print("compare.py: %s has neither bench.json nor verify.json" % p, file=sys.stderr)
            sys.exit(2)
        folders.append(f)
    base = folders[0]
    cpus = {f.describe()[1] for f in folders}
    out = ["# actent: comparing %s" % ("machines" if len(cpus) > 1 else "runs"), ""]
    out.extend(md_table(["folder", "CPU", "machine", "git", "profile", "date", "load average"],
                        [f.describe() for f in folders], right=[False] * 7))
    out.append("")
    warned = warnings(folders)
    for w in warned:
        print("compare.py: warning: %s" % w, file=sys.stderr)
        out.append("**Warning**: %s." % w)
        out.append("")
    if len(cpus) > 1:
        across(out, folders)
    slowed = []
    for other in folders[1:]:
        out.append("## %s against %s" % (other.path, base.path))
        out.append("")
        out.append("### Throughput")
        out.append("")
        slowed += [(other.path, r) for r in bench_diff(out, base, other, args)]
        out.append("### Accuracy")
        out.append("")
        out.extend(verify_diff(base.verify, other.verify, base.path, other.path))
    if args.fail_above is not None:
        if slowed:
            out.append("**Regression gate failed**: %d benchmark%s slowed by more than %g %% "
                       "beyond noise:" % (len(slowed), "" if len(slowed) == 1 else "s",
                                          args.fail_above))
            out.extend("- %s: %s, %+.1f %%" % (p, r.name, 100 * (r.ratio - 1))
                       for p, r in slowed[:50])
        else:
            out.append("Regression gate passed: no benchmark slowed by more than %g %% beyond "
                       "noise." % args.fail_above)
        out.append("")
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    if args.md:
        tmp = "%s.tmp.%d" % (args.md, os.getpid())
        with open(tmp, "w") as f:
            f.write(text)
        os.replace(tmp, args.md)
    sys.exit(1 if slowed else 0)


if __name__ == "__main__":
    main()
