#!/usr/bin/python3
"""Do two benchmark runs agree within the spread they report?

    /usr/bin/python3 scripts/bench_agree.py A.json B.json [--key cpu_time] [--show 10]

For every row both runs measured (median, min and max aggregates, as
scripts/bench writes them), the runs agree when their medians differ by no
more than the wider of the two min-to-max ranges of repetitions. Prints the
share that agrees, per family, and the rows that differ most. Exit status 0
when every row agrees, 1 otherwise, 2 on bad input.
"""
import argparse
import json
import sys
from collections import defaultdict


def load(path, key):
    try:
        with open(path) as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        print("bench_agree.py: %s: %s" % (path, e), file=sys.stderr)
        sys.exit(2)
    rows = defaultdict(dict)
    for b in doc.get("benchmarks", []):
        if b.get("run_type") == "aggregate" and not b.get("error_occurred") and key in b:
            rows[b["run_name"]][b["aggregate_name"]] = b[key]
    return {k: v for k, v in rows.items() if {"median", "min", "max"} <= v.keys()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--key", default="cpu_time")
    ap.add_argument("--show", type=int, default=10)
    args = ap.parse_args()
    a, b = load(args.a, args.key), load(args.b, args.key)
    both = sorted(set(a) & set(b))
    if not both:
        print("bench_agree.py: no row with median, min and max in both files", file=sys.stderr)
        sys.exit(2)
    fam, worst = defaultdict(lambda: [0, 0]), []
    for name in both:
        x, y = a[name], b[name]
        spread = max(x["max"] - x["min"], y["max"] - y["min"])
        diff = abs(x["median"] - y["median"])
        ok = diff <= spread
        f = fam[name.split("/")[0]]
        f[0] += ok
        f[1] += 1
        rel = diff / min(x["median"], y["median"]) if min(x["median"], y["median"]) > 0 else 0
        worst.append((0 if ok else 1, rel, name, x, y, spread))
    agree = sum(f[0] for f in fam.values())
    print("%d of %d rows agree (%.1f%%): |median A - median B| <= the wider min..max range "
          "of %s" % (agree, len(both), 100.0 * agree / len(both), args.key))
    for name in sorted(fam):
        print("  %-10s %4d of %4d" % (name, fam[name][0], fam[name][1]))
    worst.sort(key=lambda w: (-w[0], -w[1]))
    shown = [w for w in worst if w[0]][:args.show]
    if shown:
        print("rows that differ most (medians A, B; ranges A, B):")
    for _, rel, name, x, y, spread in shown:
        print("  %-55s %10.4g %10.4g  (%+.1f%%)  [%.4g..%.4g] [%.4g..%.4g]" % (
            name, x["median"], y["median"], 100 * (y["median"] - x["median"]) / x["median"],
            x["min"], x["max"], y["min"], y["max"]))
    sys.exit(0 if agree == len(both) else 1)


if __name__ == "__main__":
    main()
