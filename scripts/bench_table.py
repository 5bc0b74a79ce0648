#!/usr/bin/python3
"""Median cycles per element from a bench.json, as three small tables.

    /usr/bin/python3 scripts/bench_table.py results/<machine>/bench.json [--n 4096] [--input unit]

activate: each activation by each implementation; pipeline: one activation's
histogram and entropy (unfused and fused through each table, the best
composition of peer parts, numpy's); analysis: the notebook's whole analysis
in microseconds. "-" marks a row that was skipped or not run.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_json import ORDER, BenchError, impl_order, load  # noqa: E402


def cell(rows, name, key="cycles_per_elem"):
    b = rows.get(name)
    v = b.median(key) if b is not None and b.ran() else None
    return "-" if v is None else "%.2f" % v


def table(title, head, body):
    widths = [max(len(str(r[i])) for r in [head] + body) for i in range(len(head))]
    print("\n" + title)
    for r in [head] + body:
        print("  " + "  ".join(str(v).rjust(w) if i else str(v).ljust(w)
                               for i, (v, w) in enumerate(zip(r, widths))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("json")
    ap.add_argument("--n", type=int, default=4096)
    ap.add_argument("--input", default="unit")
    a = ap.parse_args()
    try:
        ctx, rows = load(a.json)
    except BenchError as e:
        sys.exit("bench_table.py: %s" % e)
    suffix = "/%s/%d" % (a.input, a.n)
    seen = {r.impl for r in rows.values() if r.family == "activate" and r.name.endswith(suffix)}
    impls = [i for i in impl_order(ctx, rows) if i in seen]
    tables = [i for i in impls if ctx.get("actent_impl_%s" % i, "").startswith("kernel table")]
    print("%s: median cycles per element, n = %d, input %s" % (a.json, a.n, a.input))
    print("cycles: %s" % ctx.get("actent_cycles", "?").split(";")[0])
    table("activate", ["op"] + impls,
          [[op] + [cell(rows, "activate/%s/%s%s" % (op, i, suffix)) for i in impls]
           for op in ORDER])
    head = ["op"] + ["unfused/" + t for t in tables] + ["fused/" + t for t in tables]
    head += ["best composed", "numpy"]
    body = []
    for op in ORDER:
        best, where = None, "-"
        for b in rows.values():
            if b.ran() and b.family == "composed" and b.op == op and b.name.endswith(suffix) \
                    and b.impl.split("+")[0] not in tables:
                c = b.median("cycles_per_elem")
                if c is not None and (best is None or c < best):
                    best, where = c, "%.2f %s" % (c, b.impl)
        body.append([op] + [cell(rows, "unfused/%s/%s%s" % (op, t, suffix)) for t in tables] +
                    [cell(rows, "fused/%s/%s%s" % (op, t, suffix)) for t in tables] +
                    [where, cell(rows, "unfused/%s/numpy%s" % (op, suffix))])
    table("pipeline (histogram and entropy of one activation)", head, body)
    body = []
    for variant in ("notebook", "no-transform"):
        body.append([variant] + [cell(rows, "analysis/%s/%s/unit/4096" % (variant, i), "cpu_time")
                                 for i in tables + ["numpy"]])
    table("analysis: the notebook's whole analysis, microseconds", ["variant"] + tables +
          ["numpy"], body)


if __name__ == "__main__":
    main()
