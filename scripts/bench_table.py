#!/usr/bin/python3
"""Median cycles per element from a bench.json, as three small tables.

    /usr/bin/python3 scripts/bench_table.py results/<machine>/bench.json [--n 4096] [--input unit]

activate: each activation by each implementation; pipeline: one activation's
histogram and entropy (unfused and fused through each table, the best
composition of peer parts, numpy's); analysis: the notebook's whole analysis
in microseconds. "-" marks a row that was skipped or not run.
"""
import argparse
import json
import sys

ORDER = ["sigmoid", "tanh", "relu", "softsign", "softplus", "hard_sigmoid", "selu", "relu6",
         "elu", "leaky_relu", "linear"]


def load(path):
    try:
        with open(path) as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit("bench_table.py: %s: %s" % (path, e))
    rows = {}
    for b in doc.get("benchmarks", []):
        if b.get("error_occurred"):
            rows.setdefault(b["run_name"], None)
        elif b.get("run_type") == "aggregate" and b.get("aggregate_name") == "median":
            rows[b["run_name"]] = b
        elif b.get("run_type") == "iteration":
            rows.setdefault(b["run_name"], b)
    return doc.get("context", {}), rows


def cell(rows, name, key="cycles_per_elem"):
    b = rows.get(name)
    return "-" if b is None or key not in b else "%.2f" % b[key]


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
    ctx, rows = load(a.json)
    suffix = "/%s/%d" % (a.input, a.n)
    parts = lambda name: name.split("/")  # noqa: E731
    seen = {parts(n)[2] for n in rows if parts(n)[0] == "activate" and n.endswith(suffix)}
    known = [i.strip() for i in ctx.get("actent_impls", "").split("(")[0].split(",")]
    impls = [i for i in known if i in seen] + sorted(seen - set(known))
    tables = [i for i in impls if "actent_impl_%s" % i in ctx and
              ctx["actent_impl_%s" % i].startswith("kernel table")]
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
        for name, b in rows.items():
            p = parts(name)
            if b and p[0] == "composed" and p[1] == op and name.endswith(suffix) and \
                    p[2].split("+")[0] not in tables:
                if best is None or b["cycles_per_elem"] < best:
                    best, where = b["cycles_per_elem"], "%.2f %s" % (b["cycles_per_elem"], p[2])
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
