"""Reads an actent-bench JSON file (scripts/bench): one record per benchmark.

Shared by bench_table.py, bench_agree.py, report.py and compare.py, so that
the file's shape is understood in one place. A benchmark is named
<family>/<op>/<impl>/<input>/<n>; Google Benchmark writes, per benchmark, one
row per repetition (run_type "iteration", when run with
--benchmark_display_aggregates_only or without aggregates) and the aggregates
(run_type "aggregate": mean, median, stddev, cv, min, max), or one row with
error_occurred when the benchmark skipped.
"""
import json

from act_list import ORDER  # noqa: E402  kernels/act_list.h, the one list


def ordered(names):
    """names in the notebook's order, then any activation added since, by name"""
    names = set(names)
    return [o for o in ORDER if o in names] + sorted(names - set(ORDER))


class BenchError(Exception):
    pass


class Bench:
    """One benchmark: its name's parts, aggregates, repetitions, or its error."""

    def __init__(self, name):
        self.name = name
        parts = name.split("/")
        self.family = parts[0]
        self.op = parts[1] if len(parts) > 1 else ""
        self.impl = parts[2] if len(parts) > 2 else ""
        self.input = parts[3] if len(parts) > 3 else ""
        try:
            self.n = int(parts[4]) if len(parts) > 4 else 0
        except ValueError:
            self.n = 0
        self.agg = {}      # aggregate name -> row
        self.reps = []     # iteration rows, in repetition order
        self.error = None  # the skip message, when it did not run

    def ran(self):
        return self.error is None and (self.agg or self.reps)

    def median(self, key):
        """The median aggregate's value of key, else the median of the
        repetitions, else None."""
        row = self.agg.get("median")
        if row is not None and key in row:
            return row[key]
        vals = self.values(key)
        if not vals:
            return None
        vals = sorted(vals)
        mid = len(vals) // 2
        return vals[mid] if len(vals) % 2 else 0.5 * (vals[mid - 1] + vals[mid])

    def aggregate(self, what, key):
        row = self.agg.get(what)
        return row.get(key) if row is not None else None

    def values(self, key):
        """The repetitions' values of key (empty when the file has none)."""
        return [r[key] for r in self.reps if key in r]

    def repetitions(self):
        row = self.agg.get("median")
        if row is not None:
            return row.get("repetitions", len(self.reps))
        return len(self.reps)

    def first(self, key):
        """key from any row of this benchmark (a counter every row carries)."""
        for row in list(self.agg.values()) + self.reps:
            if key in row:
                return row[key]
        return None


def load(path):
    """(context, {run_name: Bench}) in the file's order; BenchError when the
    file cannot be read or is not a benchmark file."""
    try:
        with open(path) as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        raise BenchError("%s: %s" % (path, e))
    if not isinstance(doc, dict) or not isinstance(doc.get("benchmarks"), list):
        raise BenchError("%s: not a Google Benchmark JSON file (no \"benchmarks\" list)" % path)
    rows = {}
    for b in doc["benchmarks"]:
        if not isinstance(b, dict) or "name" not in b:
            raise BenchError("%s: a benchmark row without a name" % path)
        name = b.get("run_name", b["name"])
        r = rows.get(name)
        if r is None:
            r = rows[name] = Bench(name)
        if b.get("error_occurred"):
            r.error = b.get("error_message", "skipped")
        elif b.get("run_type") == "aggregate":
            r.agg[b.get("aggregate_name", "")] = b
        else:
            r.reps.append(b)
    return doc.get("context", {}), rows


def impl_order(ctx, rows):
    """Implementations in the context's order (tables first, best first, then
    peers), then any others seen (numpy, composed parts) by name."""
    known = [i.strip() for i in ctx.get("actent_impls", "").split("(")[0].split(",") if i.strip()]
    seen = {r.impl for r in rows.values()}
    return [i for i in known if i in seen] + sorted(seen - set(known))


def tables(ctx):
    """Names of the kernel tables the context lists, best first."""
    known = [i.strip() for i in ctx.get("actent_impls", "").split("(")[0].split(",") if i.strip()]
    return [i for i in known if ctx.get("actent_impl_%s" % i, "").startswith("kernel table")]
