#!/usr/bin/python3
"""Writes the small synthetic result folders that tests/test_report.py feeds
to scripts/report.py and scripts/compare.py, under tests/data/report/:

  base/        every file scripts/run writes: two experiments, verify.json,
               bench.json with 5 repetitions per benchmark, peers, numpy, a
               skipped row
  slower/      base with one benchmark planted 30 % slower in every repetition
               (activate/sigmoid/avx2/unit/4096) and one digest changed
  noisy/       base with one benchmark 8 % slower at the median, but its
               repetitions spread far wider than that (not beyond noise)
  agg-base/, agg-slower/   base and slower without the repetitions, as
               --benchmark_report_aggregates_only writes them
  base/ also has bins.json (a three-activation bin-count sweep with
               --population) and estimator-NAME.json for the five estimators
  bare/        only experiment-notebook.json
  nopeers/     experiments and a bench.json with the kernel tables only: no
               peers, no numpy, no composed, no read rows

The numbers are made up: shapes, not measurements. Run from the repository
root: /usr/bin/python3 scripts/gen_report_fixtures.py
"""
import copy
import json
import math
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_numpy import ROTATE_BYTES, windows  # noqa: E402

OUT = os.path.join("tests", "data", "report")
CPU, MACHINE = "Example CPU 9000", "example-cpu-9000"
OPS = ["sigmoid", "relu"]
SIZES = [4096, 1048576]
BASE_REPS = [1.00, 1.01, 0.99, 1.02, 0.98]  # relative spread of every benchmark in base
PLANTED = "activate/sigmoid/avx2/unit/4096"
NOISY = "activate/relu/avx2/unit/4096"
BINS = [2, 8, 49, 100, 4096]
BINS_CMD = ("actent experiment --mode consistent --population --iterations 0 --bins "
            "2,8,49,100,4096 --json results/%s/bins.json" % MACHINE)
ESTIMATORS = ("plugin", "miller-madow", "grassberger", "jackknife", "kde")


def experiment(mode):
    bins_out = 49 if mode == "notebook" else 50
    def counts(k, shift):
        return [(i * 7 + shift) % 13 + 1 for i in range(k)]
    acts = []
    for i, (name, h) in enumerate((("relu", 3.68), ("tanh", 5.52), ("linear", 5.606))):
        if mode == "consistent" and name == "linear":
            h = 5.6344
        acts.append({"name": name, "entropy": h, "reduction": 5.6344 - h,
                     "entropy_after_transform": h - 1.1, "further_reduction": 1.1,
                     "min": 0.0 if name == "relu" else -0.99, "max": 0.99,
                     "counts": counts(bins_out, i), "counts_after_transform": counts(bins_out, 5)})
    result = {"mode": mode, "table": "scalar", "cpu": CPU, "machine": MACHINE,
            "command": "actent experiment --mode %s --json results/%s/experiment-%s.json"
            % (mode, MACHINE, mode),
            "n": 4096, "seed": 0, "dist": "uniform", "bins": 50, "input_bins": 50,
            "output_bins": bins_out, "iterations": 200, "input_min": -0.9998,
            "input_max": 0.9999, "input_entropy": 5.634427827586692,
            "input_counts": counts(50, 3), "activations": acts}
    return {"schema": "actent.experiment/2", "command": result["command"],
            "sweep": {"n": [4096], "bins": [50]}, "results": [result]}


def bins_sweep():
    """relu's population reduction is 1/2 log2(B) - 1 plus a little; the
    sample's drifts above it at large B, as 4096 values in 4096 bins do."""
    results = []
    for b in BINS:
        h = math.log2(b)
        acts = []
        for name, pop, lim in (("relu", 0.5 * h - 1 + 1.0 / b, None), ("tanh", 0.047 - 0.3 / b,
                                                                        0.047),
                               ("linear", 0.0, 0.0)):
            sample = pop + (0.02 if name != "linear" else 0.0) + b / 4096.0 * 0.4
            acts.append({"name": name, "entropy": h - sample, "reduction": sample,
                         "entropy_after_transform": h - sample, "further_reduction": 0.0,
                         "min": 0.0 if name == "relu" else -0.99, "max": 0.99,
                         "counts": [1] * min(b, 8), "counts_after_transform": [1] * min(b, 8),
                         "population_entropy": h - pop, "population_reduction": pop,
                         "limit_reduction": lim})
        results.append({"mode": "consistent", "table": "scalar", "cpu": CPU, "machine": MACHINE,
                        "command": BINS_CMD, "n": 4096, "seed": 0, "dist": "uniform",
                        "bins": b, "input_bins": b, "output_bins": b, "iterations": 0,
                        "input_min": -0.9998, "input_max": 0.9999, "input_entropy": h,
                        "input_counts": [1] * min(b, 8), "input_population_entropy": h,
                        "activations": acts})
    return {"schema": "actent.experiment/2", "command": BINS_CMD,
            "sweep": {"n": [4096], "bins": BINS}, "results": results}


def estimator(name):
    """The notebook's experiment under --estimator name (plugin: with --population)."""
    doc = copy.deepcopy(experiment("notebook"))
    res = doc["results"][0]
    cmd = "actent experiment --estimator %s%s --json estimator-%s.json" % (
        name, " --noise-var 0.1" if name == "kde" else "", name)
    doc["command"] = res["command"] = cmd
    res["iterations"] = 0
    shift = {"miller-madow": 0.011, "grassberger": 0.017, "jackknife": 0.013, "kde": 0.25}
    if name != "plugin":
        res["estimator"] = name
        res["input_estimate"] = res["input_entropy"] + shift[name]
    if name == "kde":
        res["noise_var"] = 0.1
        res["input_entropy_lower"] = res["input_entropy"] - 0.5
    for a in res["activations"]:
        if name == "plugin":
            a["population_reduction"] = a["reduction"] - 0.031
            a["population_entropy"] = res["input_entropy"] - a["population_reduction"]
            a["limit_reduction"] = None if a["name"] == "relu" else a["reduction"] - 0.05
            continue
        a["estimate_reduction"] = a["reduction"] - shift[name]
        a["estimate"] = res["input_estimate"] - a["estimate_reduction"]
        if name == "kde":
            a["estimate_lower_reduction"] = a["reduction"] - 0.6
            a["estimate_lower"] = res["input_entropy_lower"] - a["estimate_lower_reduction"]
            a["mi_lower"], a["mi_upper"] = 1.0, 2.0
    if name == "plugin":
        res["input_population_entropy"] = res["input_entropy"]
    return doc


def ulp(m, worst):
    hist = {"0": 900, "1": 90 if m else 0, "2": 10 if m >= 2 else 0, "3-4": 0, "5-16": 0,
            ">16": 0, "nan": 0}
    return {"inputs": 1000, "max_ulp": m, "worst_input": worst, "worst_input_bits": "0x3f000000",
            "worst_got": 0.6224593, "worst_scalar": 0.6224592, "histogram": hist,
            "zero_sign_differs": 0, "beyond_bound": 0}


def hist(sample, n, moved, at_risk, d):
    return {"sample": sample, "n": n, "bins": 49, "ok": True, "values_beyond_bound": 0,
            "moved": moved, "moved_without_excuse": 0, "at_risk": at_risk,
            "counts_equal": moved == 0, "kernel_agrees_with_definition": True,
            "input_counts_equal": True, "entropy": 5.61 + d, "entropy_scalar": 5.61,
            "entropy_tolerance": 1e-3 if at_risk else 0, "entropy_rounding": 1e-14,
            "fused_equals_unfused": True, "fused_passes": 1}


def verify():
    def act(name, declared, m, digest, histograms=True):
        a = {"name": name, "missing": False, "digest": digest, "violations": 0,
             "ulp": {"notebook": ulp(min(m, 1), 0.43), "sweep": ulp(m, -1.0988434553146362),
                     "specials": ulp(0, 0.5)}}
        if declared is not None:
            a["max_ulp_declared"] = declared
        if histograms:
            a["histograms"] = [hist("notebook", 4096, 0, 0, 0.0),
                               hist("uniform", 100000, 2 if m else 0, 40 if m else 0,
                                    2.6e-8 if m else 0.0)]
        return a
    tables = [
        {"table": "avx2", "kind": "table", "detail": "AVX2+FMA, 8 lanes", "runs_here": True,
         "reference": False, "digest": "360025130ade86e9", "violations": 0,
         "activations": [act("sigmoid", 2, 2, "98be83fd037915c1"),
                         act("relu", 0, 0, "71ba28f908547108"),
                         act("linear", 0, 0, "ca3c818c090f9188")]},
        {"table": "wide512", "kind": "table", "detail": "a table this CPU cannot run",
         "runs_here": False, "reference": False, "digest": None, "violations": 0,
         "activations": []},
        {"table": "scalar", "kind": "table", "detail": "portable C", "runs_here": True,
         "reference": True, "digest": "f7b49901692da881", "violations": 0,
         "activations": [act("sigmoid", 0, 0, "1ba133bf51f8e74c"),
                         act("relu", 0, 0, "71ba28f908547108"),
                         act("linear", 0, 0, "ca3c818c090f9188")]},
        {"table": "libm", "kind": "peer", "detail": "glibc libm", "runs_here": True,
         "reference": False, "digest": "653ca644f3030be5", "violations": 0,
         "activations": [act("sigmoid", None, 1, "44d3f92c3d5e7709", False)]},
        {"table": "plain-avx2", "kind": "peer", "detail": "a histogram only",
         "runs_here": True, "reference": False, "digest": None, "violations": 0,
         "activations": []},
    ]
    return {"command": "verify", "mode": "sweep", "machine": MACHINE, "cpu": CPU,
            "features": "sse4.2 avx avx2 fma", "threads": 2, "sweep_stride": 127,
            "sweep_inputs": 33818641, "sample_n": 100000, "digest_inputs": 69919,
            "sweep_seconds": 2.8, "total_seconds": 9.7, "violations": 0, "messages": [],
            "tables": tables}


def context(peers=True):
    impls = "avx2, scalar" + (", libm, fastpeer, plain-avx2" if peers else "")
    ctx = {"date": "2026-01-01T00:00:00+00:00", "host_name": "example", "executable":
           "build/actent-bench", "num_cpus": 2, "mhz_per_cpu": 2600,
           "caches": [{"type": "Data", "level": 1, "size": 49152, "num_sharing": 1},
                      {"type": "Unified", "level": 3, "size": 33554432, "num_sharing": 2}],
           "load_avg": [1.0, 1.0, 1.0], "actent_cpu_model": CPU, "actent_machine": MACHINE,
           "actent_cpu_features": "sse4.2 avx avx2 fma", "actent_git": "0123456789abcdef",
           "actent_compiler": "C: GNU 12.2.0", "actent_build_type": "Release",
           "actent_c_flags": "-O3 -ffp-contract=off", "actent_isa_flags": "avx2: -mavx2 -mfma",
           "actent_versions": "SLEEF 3.5.1; Google Benchmark 1.7.1; glibc 2.36",
           "actent_cycles": "core clock measured in this run by a dependent-add chain",
           "actent_core_ghz_at_start": "4.0", "actent_profile": "quick",
           "actent_command": "build/actent-bench --benchmark_repetitions=5",
           "actent_impls": "%s (tables first, best first; then peers)" % impls,
           "actent_impl_avx2": "kernel table: AVX2+FMA, 8 lanes; runs here",
           "actent_impl_scalar": "kernel table: portable C; runs here",
           "actent_peer_libraries": "found at configure: %s; not built: none"
           % ("libm" if peers else "none"),
           "actent_read": "read rows: the input's bit patterns summed"}
    if peers:
        ctx["actent_impl_libm"] = "peer: glibc libm; runs here"
        ctx["actent_impl_plain-avx2"] = "peer: a histogram; runs here"
        ctx["actent_impl_fastpeer"] = "peer: fast and inaccurate; runs here"
        ctx["numpy_stack"] = "Python 3.11.2, numpy 1.24.2, scipy 1.10.1"
    return ctx


def footprint(n):
    """bench_clock.c's footprint_bytes: x's rotation windows and y's (the
    windows as bench_numpy.py, which mirrors bench_util.c, counts them)"""
    w = windows(n)
    return float(w * n * 4 + (w * n if n * 8 > ROTATE_BYTES else n) * 4)


def rows(name, cycles, reps, n, extra=None):
    """The repetitions and the 6 aggregates, as Google Benchmark writes them
    (the counters the report and compare.py read); extra: counters every row
    carries unchanged (max_ulp, footprint_bytes)."""
    ghz = 4.0
    keys = ["cpu_time", "cycles_per_elem", "ns_per_elem", "core_ghz"]
    if name.startswith(("read/", "minmax/")):
        keys.append("bytes_per_second")
    out = []
    for k, r in enumerate(reps):
        ns = cycles * r / ghz
        vals = {"cpu_time": ns * n / 1e3, "cycles_per_elem": cycles * r, "ns_per_elem": ns,
                "core_ghz": ghz, "bytes_per_second": 4e9 / ns}
        row = {"name": name, "run_name": name, "run_type": "iteration",
               "repetitions": len(reps), "repetition_index": k, "time_unit": "us"}
        row.update({key: float("%.6g" % vals[key]) for key in keys})
        row.update(extra or {})
        out.append(row)
    for agg, fn in (("mean", statistics.mean), ("median", statistics.median),
                    ("stddev", statistics.stdev), ("cv", None), ("min", min), ("max", max)):
        row = {"name": "%s_%s" % (name, agg), "run_name": name, "run_type": "aggregate",
               "repetitions": len(reps), "aggregate_name": agg, "time_unit": "us"}
        for key in keys:
            vals = [r[key] for r in out[:len(reps)]]
            v = statistics.stdev(vals) / statistics.mean(vals) if agg == "cv" else fn(vals)
            row[key] = float("%.6g" % v)
        row.update(extra or {})
        out.append(row)
    return out


def bench(peers=True):
    cost = {"sigmoid": 10.0, "relu": 0.4}
    b = []
    for n in SIZES:
        for op in OPS:
            # fastpeer: faster than every table on sigmoid, and 40 ULP off: it must be
            # marked and never chosen as the fastest accurate composition
            ulps = {"avx2": 1, "scalar": 0, "libm": 2, "fastpeer": 40 if op == "sigmoid" else 0}
            for impl, f in (("avx2", 0.1), ("scalar", 1.0)) + ((("libm", 0.8), ("fastpeer", 0.05),
                                                                ("numpy", 1.5)) if peers else ()):
                extra = {"footprint_bytes": footprint(n)}
                if impl in ulps:
                    extra["max_ulp"] = float(ulps[impl])
                b += rows("activate/%s/%s/unit/%d" % (op, impl, n), cost[op] * f, BASE_REPS, n,
                          extra)
            for t, f in (("avx2", 1.0), ("scalar", 10.0)):
                b += rows("unfused/%s/%s/unit/%d" % (op, t, n), 9.0 * f, BASE_REPS, n)
                b += rows("fused/%s/%s/unit/%d" % (op, t, n), 8.0 * f, BASE_REPS, n)
                b += rows("histogram/%s/%s/unit/%d" % (op, t, n), 7.5 * f, BASE_REPS, n)
            if peers:
                b += rows("unfused/%s/numpy/unit/%d" % (op, n), 40.0, BASE_REPS, n)
                b += rows("histogram/%s/plain-avx2/unit/%d" % (op, n), 2.0, BASE_REPS, n)
                b += rows("composed/%s/libm+avx2/unit/%d" % (op, n), 3.0, BASE_REPS, n)
                b += rows("composed/%s/fastpeer+avx2/unit/%d" % (op, n), 1.0, BASE_REPS, n)
        b += rows("minmax/x/avx2/unit/%d" % n, 0.13, BASE_REPS, n)
        b += rows("minmax/x/scalar/unit/%d" % n, 2.0, BASE_REPS, n)
        if peers:
            b += rows("read/x/sum/unit/%d" % n, 0.15, BASE_REPS, n)
    for v in ("notebook", "no-transform"):
        for impl, f in (("avx2", 1.0), ("scalar", 10.0)) + ((("numpy", 30.0),) if peers else ()):
            b += rows("analysis/%s/%s/unit/4096" % (v, impl), 5.0 * f, BASE_REPS, 4096)
    b.append({"name": "activate/sigmoid/wide512/unit/4096", "run_name":
              "activate/sigmoid/wide512/unit/4096", "run_type": "iteration", "repetitions": 5,
              "threads": 1, "iterations": 0, "real_time": 0, "cpu_time": 0, "time_unit": "us",
              "error_occurred": True, "error_message": "this CPU cannot run it"})
    return {"context": context(peers), "benchmarks": b}


def replace(doc, name, reps):
    """doc with benchmark `name` measured again with relative repetitions reps"""
    out = copy.deepcopy(doc)
    old = [b for b in out["benchmarks"] if b.get("run_name") == name]
    cycles = next(b for b in old if b.get("aggregate_name") == "median")["cycles_per_elem"]
    n = int(name.rsplit("/", 1)[1])
    keep = [b for b in out["benchmarks"] if b.get("run_name") != name]
    out["benchmarks"] = keep + rows(name, cycles, reps, n)
    return out


def aggregates_only(doc):
    out = copy.deepcopy(doc)
    out["benchmarks"] = [b for b in out["benchmarks"]
                         if b.get("run_type") == "aggregate" or b.get("error_occurred")]
    return out


def dumps(doc):
    """JSON with one benchmark row per line: small, and diffs stay readable"""
    if "benchmarks" not in doc:
        return json.dumps(doc, indent=1)
    rows = ",\n".join("  " + json.dumps(b, separators=(",", ":")) for b in doc["benchmarks"])
    return '{"context": %s,\n "benchmarks": [\n%s\n]}' % (json.dumps(doc["context"], indent=1),
                                                          rows)


def write(folder, files):
    os.makedirs(os.path.join(OUT, folder), exist_ok=True)
    for name, doc in files.items():
        with open(os.path.join(OUT, folder, name), "w") as f:
            f.write(dumps(doc) + "\n")


def main():
    exps = {"experiment-notebook.json": experiment("notebook"),
            "experiment-consistent.json": experiment("consistent")}
    base, ver = bench(), verify()
    slower = replace(base, PLANTED, [1.3 * r for r in BASE_REPS])
    ver_changed = copy.deepcopy(ver)
    ver_changed["tables"][0]["activations"][0]["digest"] = "0000000000000000"
    noisy = replace(base, NOISY, [1.08, 0.80, 1.30, 0.95, 1.15])
    ests = {"estimator-%s.json" % e: estimator(e) for e in ESTIMATORS}
    write("base", dict(exps, **ests, **{"bench.json": base, "verify.json": ver,
                                        "bins.json": bins_sweep()}))
    write("slower", {"bench.json": slower, "verify.json": ver_changed})
    write("noisy", {"bench.json": noisy, "verify.json": ver})
    write("agg-base", {"bench.json": aggregates_only(base)})
    write("agg-slower", {"bench.json": aggregates_only(slower)})
    write("bare", {"experiment-notebook.json": exps["experiment-notebook.json"]})
    write("nopeers", dict(exps, **{"bench.json": bench(peers=False)}))
    print("gen_report_fixtures.py: folders under %s" % OUT)


if __name__ == "__main__":
    main()
