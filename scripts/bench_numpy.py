#!/usr/bin/python3
"""Times the notebook's own stack (numpy, scipy) as actent-bench times C.

Rows in Google Benchmark's JSON shape, named like the C rows with impl "numpy":
  activate/<op>/numpy/<input>/<n>   the activation as scripts/gen_reference.py
                                    defines it (float32 steps, or float64 then cast)
  minmax/x/numpy/<input>/<n>        x.min(), x.max()
  histogram/<op>/numpy/<input>/<n>  np.histogram(y, bins=edges), edges given
  unfused/<op>/numpy/<input>/<n>    activate, min, max, np.linspace(min, max, 50),
                                    np.histogram, scipy.stats.entropy(base=2)
  kde/all/numpy/unit/4096           the KDE entropy bounds (upper and lower, noise
                                    variance 0.01) of all 11 activations' outputs on the
                                    notebook's sample: float64, scipy.special.logsumexp
  analysis/<variant>/numpy/unit/4096  the notebook's whole analysis of its sample,
                                    with the copy-neighbour transform ("notebook",
                                    200 iterations) or with 0 ("no-transform")
Inputs, windows, repetitions and counters follow actent-bench (bench/bench_util.h):
the same seeded streams, the same rotation, CPU time, cycles from the core clock
that `actent-bench --clock` measures in this run.

    /usr/bin/python3 scripts/bench_numpy.py [--profile quick|full] [--filter REGEX]
        [--bench build/actent-bench] (--out FILE | --into BENCH_JSON)
--into appends the rows to an actent-bench JSON file, replacing it atomically.
"""
import argparse
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import time

import numpy as np
import scipy
from scipy import special, stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_reference as ref  # noqa: E402  (the activations, exactly as the tests define them)

F32 = np.float32
SIZES = [4096, 65536, 262144, 1048576, 16777216]
DISTS = [("unit", -1.0, 1.0, 1001), ("wide", -10.0, 10.0, 1002)]  # bench_util.c
SPAN = 1 << 24            # BENCH_SPAN
ROTATE_BYTES = 4 << 20    # BENCH_ROTATE_BYTES
FRESH = 1 << 16           # BENCH_FRESH
MAX_WINDOWS = 64          # BENCH_MAX_WINDOWS
BINS = 49                 # np.linspace(min, max, 50)
NOTEBOOK_N = 4096
PROFILES = {
    "quick": dict(filter=r"/unit/(4096|262144|1048576)$", repetitions=5, min_time=0.01),
    "full": dict(filter=r"", repetitions=10, min_time=0.1),
}


def windows(n):
    if n * 8 > ROTATE_BYTES:
        w = 1 if n >= SPAN else SPAN // n
    else:
        w = 1 if n >= FRESH else (FRESH + n - 1) // n
    return min(w, MAX_WINDOWS)


_streams = {}


def stream(dist, count):
    """The first count values of the distribution's stream, as bench_x() draws them."""
    name, lo, hi, seed = dist
    have = _streams.get(name)
    if have is None or len(have) < count:
        x = np.random.RandomState(seed).uniform(lo, hi, count).astype(F32)
        x[x == 0] = F32(hi / 2)
        _streams[name] = have = x
    return have[:count]


class Clock:
    """The core clock from actent-bench --clock, re-measured every few seconds."""

    def __init__(self, bench):
        self.bench, self.at, self.ghz, self.seen = bench, -1e9, 0.0, []

    def get(self):
        if time.monotonic() - self.at > 5.0:
            out = subprocess.run([self.bench, "--clock"], check=True, capture_output=True, text=True)
            self.ghz, self.at = float(out.stdout), time.monotonic()
            self.seen.append(self.ghz)
        return self.ghz


def activate(op, x):
    with np.errstate(all="ignore"):
        return ref.activate(op, x)


def max_ulps(act=None):
    """{op: largest ULP distance of act(op, x) (these rows' activations by
    default) from actent's scalar table} over the first 65536 values of each
    input, or a reason (the report shows it beside the rows' speed);
    bench_torch.py passes PyTorch's"""
    try:
        import actent
    except ImportError as e:
        return "not measured: the actent module is not importable (%s)" % e
    act = act or activate
    x = np.concatenate([stream(d, 65536) for d in DISTS])
    out = {}
    for op in ref.ORDER:
        y = np.asarray(act(op, x), dtype=F32)
        s = actent.activate(x, op, table="scalar")
        a, b = (v.view(np.int32).astype(np.int64) for v in (y, s))
        a, b = (np.where(v < 0, -(v & 0x7FFFFFFF), v) for v in (a, b))
        out[op] = int(np.abs(a - b).max())
    return out


def analysis(x, iterations):
    """The notebook's analysis of a given sample (gen_reference.notebook without
    the draw): the random stream is the caller's."""
    hin, _ = np.histogram(x, bins=BINS + 1)
    stats.entropy(hin, base=2)
    h = 0.0
    for op in ref.ORDER:
        y = activate(op, x)
        edges = np.linspace(y.min(), y.max(), BINS + 1)
        d, _ = np.histogram(y, bins=edges)
        stats.entropy(d, base=2)
        t = ref.copy_neighbour(y, iterations)
        d2, _ = np.histogram(t, bins=edges)
        h = stats.entropy(d2, base=2)
    return h


KDE_VAR = 0.01


def kde_bounds(y, var):
    """Kolchinsky-Tracey bounds as Saxe et al. compute them (scripts/gen_estimators.py)."""
    y = y.astype(np.float64)
    d2 = (y[:, None] - y[None, :]) ** 2
    n = len(y)
    up = 0.5 - np.mean(special.logsumexp(-d2 / (2 * var), axis=1) - np.log(n)) \
        + 0.5 * np.log(2 * np.pi * var)
    lo = 0.5 - np.mean(special.logsumexp(-d2 / (8 * var), axis=1) - np.log(n)) \
        + 0.5 * np.log(2 * np.pi * 4 * var) + 0.5 * np.log(0.25)
    return up, lo


def kde_all(x):
    return [kde_bounds(activate(op, x), KDE_VAR) for op in ref.ORDER]


def unfused(op, x):
    y = activate(op, x)
    edges = np.linspace(y.min(), y.max(), BINS + 1)
    d, _ = np.histogram(y, bins=edges)
    return stats.entropy(d, base=2)


def make_rows():
    """(name, n, items, bytes, setup) where setup() returns one callable per window."""
    rows = []
    for n in SIZES:
        for dist in DISTS:
            w = windows(n)

            def xs(n=n, dist=dist, w=w):
                x = stream(dist, w * n)
                return [x[k * n:(k + 1) * n] for k in range(w)]

            for op in ref.ORDER:
                rows.append(("activate/%s/numpy/%s/%d" % (op, dist[0], n), n, n, 8 * n,
                             lambda op=op, xs=xs: [lambda x=x: activate(op, x) for x in xs()]))

                def hist_setup(op=op, xs=xs):
                    calls = []
                    for x in xs():
                        y = activate(op, x)
                        edges = np.linspace(y.min(), y.max(), BINS + 1)
                        calls.append(lambda y=y, e=edges: np.histogram(y, bins=e))
                    return calls

                rows.append(("histogram/%s/numpy/%s/%d" % (op, dist[0], n), n, n, 4 * n,
                             hist_setup))
                rows.append(("unfused/%s/numpy/%s/%d" % (op, dist[0], n), n, n, 16 * n,
                             lambda op=op, xs=xs: [lambda x=x: unfused(op, x) for x in xs()]))
            rows.append(("minmax/x/numpy/%s/%d" % (dist[0], n), n, n, 4 * n,
                         lambda xs=xs: [lambda x=x: (x.min(), x.max()) for x in xs()]))
    def kde_setup():
        np.random.seed(0)
        x = np.random.uniform(-1, 1, (NOTEBOOK_N,)).astype(F32)
        return [lambda: kde_all(x)]

    rows.append(("kde/all/numpy/unit/%d" % NOTEBOOK_N, NOTEBOOK_N, len(ref.ORDER) * NOTEBOOK_N,
                 0, kde_setup))
    for variant, iterations in (("notebook", 200), ("no-transform", 0)):
        def setup(iterations=iterations):
            np.random.seed(0)
            x = np.random.uniform(-1, 1, (NOTEBOOK_N,)).astype(F32)
            state = np.random.get_state()

            def run():
                np.random.set_state(state)  # the stream continues from the sample, every time
                return analysis(x, iterations)
            return [run]

        rows.append(("analysis/%s/numpy/unit/%d" % (variant, NOTEBOOK_N), NOTEBOOK_N,
                     len(ref.ORDER) * NOTEBOOK_N, 0, setup))
    return rows


def repetition(calls, min_time):
    """Like Google Benchmark: grow the iteration count until the run lasts min_time."""
    iters = 1
    while True:
        c0, r0 = time.thread_time(), time.perf_counter()
        for i in range(iters):
            calls[i % len(calls)]()
        cpu, real = time.thread_time() - c0, time.perf_counter() - r0
        if cpu >= min_time or iters >= 1 << 30:
            return iters, cpu, real
        iters = max(iters + 1, int(iters * min(10.0, 1.4 * min_time / max(cpu, 1e-9))))


def aggregate(name, n, items, nbytes, reps, clock_ghz):
    """One row per repetition, as actent-bench writes them with
    --benchmark_display_aggregates_only, then the aggregates."""
    out = []
    per = [dict(real=r / i * 1e6, cpu=c / i * 1e6, ns=c * 1e9 / (i * items), ghz=g,
                items=i * items / c, bytes=i * nbytes / c, iters=i) for i, c, r, g in reps]
    for k, p in enumerate(per):
        row = {
            "name": name, "run_name": name, "run_type": "iteration",
            "repetitions": len(reps), "repetition_index": k, "threads": 1,
            "iterations": p["iters"], "real_time": p["real"], "cpu_time": p["cpu"],
            "time_unit": "us", "items_per_second": p["items"], "ns_per_elem": p["ns"],
            "cycles_per_elem": p["ns"] * p["ghz"], "core_ghz": p["ghz"],
        }
        if nbytes:
            row["bytes_per_second"] = p["bytes"]
        out.append(row)
    for agg, fn in (("mean", statistics.mean), ("median", statistics.median),
                    ("stddev", statistics.stdev), ("cv", None),
                    ("min", min), ("max", max)):
        def of(key):
            vals = [p[key] for p in per]
            if agg == "cv":
                m = statistics.mean(vals)
                return statistics.stdev(vals) / m if len(vals) > 1 and m else 0.0
            if agg == "stddev" and len(vals) < 2:
                return 0.0
            return fn(vals)
        row = {
            "name": "%s_%s" % (name, agg), "run_name": name, "run_type": "aggregate",
            "repetitions": len(reps), "threads": 1, "aggregate_name": agg,
            "aggregate_unit": "percentage" if agg == "cv" else "time",
            "iterations": len(reps), "real_time": of("real"), "cpu_time": of("cpu"),
            "time_unit": "us", "items_per_second": of("items"), "ns_per_elem": of("ns"),
            "cycles_per_elem": of("ns") * clock_ghz if agg != "cv" else of("ns"),
            "core_ghz": clock_ghz if agg != "cv" else 0.0,
        }
        if nbytes:
            row["bytes_per_second"] = of("bytes")
        if name.startswith("analysis/"):
            row["label"] = "items: 11 activations x n"
        out.append(row)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--profile", choices=sorted(PROFILES), default="quick")
    ap.add_argument("--filter", help="regex on row names (default: the profile's)")
    ap.add_argument("--bench", default="build/actent-bench", help="for --clock")
    dest = ap.add_mutually_exclusive_group(required=True)
    dest.add_argument("--out", help="write a JSON file of numpy rows")
    dest.add_argument("--into", help="append the rows to this actent-bench JSON file")
    args = ap.parse_args()
    prof = PROFILES[args.profile]
    try:
        pattern = re.compile(args.filter if args.filter is not None else prof["filter"])
    except re.error as e:
        sys.exit("bench_numpy.py: --filter: %s" % e)
    if not os.access(args.bench, os.X_OK):
        sys.exit("bench_numpy.py: --bench %s is not an executable (build it first)" % args.bench)
    base = None
    if args.into:
        try:
            with open(args.into) as f:
                base = json.load(f)
        except (OSError, ValueError) as e:
            sys.exit("bench_numpy.py: --into %s: %s" % (args.into, e))

    rows = [r for r in make_rows() if pattern.search(r[0])]
    clock = Clock(args.bench)
    order = [(i, k) for i in range(len(rows)) for k in range(prof["repetitions"])]
    random.shuffle(order)  # interleaved like --benchmark_enable_random_interleaving
    calls, reps = {}, {i: [] for i in range(len(rows))}
    for i, _ in order:
        if i not in calls:
            calls[i] = rows[i][4]()
        iters, cpu, real = repetition(calls[i], prof["min_time"])
        reps[i].append((iters, cpu, real, clock.get()))
    benchmarks = []
    for i, (name, n, items, nbytes, _) in enumerate(rows):
        ghz = statistics.median(r[3] for r in reps[i])
        benchmarks += aggregate(name, n, items, nbytes, reps[i], ghz)

    context = {
        "numpy_stack": "Python %s, numpy %s, scipy %s (%s)" % (
            platform.python_version(), np.__version__, scipy.__version__, sys.executable),
        "numpy_method": "scripts/bench_numpy.py, profile %s: CPU time of this thread, %d "
                        "repetitions in random order, each at least %g s; cycles = CPU time x "
                        "the core clock measured by actent-bench --clock during this run "
                        "(%s GHz)" % (args.profile, prof["repetitions"], prof["min_time"],
                                      ", ".join("%.3f" % g for g in clock.seen)),
        "numpy_max_ulp": max_ulps(),
    }
    if base is not None:
        base.setdefault("context", {}).update(context)
        base.setdefault("benchmarks", []).extend(benchmarks)
        doc, path = base, args.into
    else:
        doc, path = {"context": context, "benchmarks": benchmarks}, args.out
    tmp = "%s.tmp.%d" % (path, os.getpid())
    with open(tmp, "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
    os.replace(tmp, path)
    print("bench_numpy.py: %d numpy rows (%s profile) into %s" % (len(rows), args.profile, path))


if __name__ == "__main__":
    main()
