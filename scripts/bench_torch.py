#!/usr/bin/python3
"""Times PyTorch, the library researchers would use instead, as actent-bench times C.

Rows in Google Benchmark's JSON shape, named like the C rows with impl "torch",
one thread (torch.set_num_threads(1)), the suite's inputs, windows, repetitions
and cycle counters (the machinery of scripts/bench_numpy.py):
  activate/<op>/torch/<input>/<n>  the activation through torch.nn.functional
                                   (TensorFlow's definitions where they differ:
                                   leaky_relu slope 0.2, hard_sigmoid 0.2x + 0.5
                                   clipped, linear a copy)
  unfused/<op>/torch/<input>/<n>   activation, min, max, torch.histc(y, 49, min, max)
                                   and the entropy of the counts in torch: what
                                   actent's fused pass computes
The context records, per activation, the largest ULP distance of torch's
result from actent's scalar table (actent.activate(x, op, table="scalar"),
the module in build/python) over the unit and wide inputs.

    /usr/bin/python3 scripts/bench_torch.py [--profile quick|full] [--filter REGEX]
        [--bench build/actent-bench] (--out FILE | --into BENCH_JSON)
    PYTHONPATH=build/python /usr/bin/python3 scripts/bench_torch.py --direct
--direct prints, instead, wall time per call of actent.activation_entropy (the
module's fused pass, Python call included) against the torch composition, at
4096 and 65536 values of the unit input (best of 7 repeats of 200 calls).
    PYTHONPATH=build/python /usr/bin/python3 scripts/bench_torch.py --dtypes
--dtypes times actent.activation_entropy(x, "relu") on a 2^24-element tensor of
the normal input in float32, bfloat16, float16 and float64, against the same
call on its float32 copy and torch's composition on the same tensor (median
of 11 interleaved rounds, one thread).
"""
import argparse
import json
import os
import random
import re
import statistics
import sys
import time

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "build", "python"))
import bench_numpy as bn  # noqa: E402  (inputs, windows, timing, rows: one machinery)
import gen_reference as ref  # noqa: E402

BINS = bn.BINS
OPS = {
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": F.relu,
    "softsign": F.softsign,
    "softplus": F.softplus,
    "hard_sigmoid": lambda x: torch.clamp(0.2 * x + 0.5, 0.0, 1.0),
    "selu": F.selu,
    "relu6": F.relu6,
    "elu": F.elu,
    "leaky_relu": lambda x: F.leaky_relu(x, 0.2),
    "linear": lambda x: x.clone(),
    # the activations networks use today, as PyTorch itself defines them
    "gelu": F.gelu,
    "gelu_tanh": lambda x: F.gelu(x, approximate="tanh"),
    "silu": F.silu,
    "mish": F.mish,
    "hardswish": F.hardswish,
    "hardsigmoid": F.hardsigmoid,
}
assert set(OPS) == set(ref.ORDER), "bench_torch.py: OPS must name every activation"


def unfused(op, x):
    y = OPS[op](x)
    lo, hi = torch.aminmax(y)
    h = torch.histc(y, bins=BINS, min=float(lo), max=float(hi))
    p = h[h > 0] / h.sum()
    return float(-(p * torch.log2(p)).sum())


def make_rows():
    rows = []
    for n in bn.SIZES:
        for dist in bn.DISTS:
            w = bn.windows(n)

            def xs(n=n, dist=dist, w=w):
                x = torch.from_numpy(bn.stream(dist, w * n).copy())
                return [x[k * n:(k + 1) * n] for k in range(w)]

            for op in ref.ORDER:
                rows.append(("activate/%s/torch/%s/%d" % (op, dist[0], n), n, n, 8 * n,
                             lambda op=op, xs=xs: [lambda x=x: OPS[op](x) for x in xs()]))
                rows.append(("unfused/%s/torch/%s/%d" % (op, dist[0], n), n, n, 4 * n,
                             lambda op=op, xs=xs: [lambda x=x: unfused(op, x) for x in xs()]))
    return rows


def max_ulps():
    """{op: largest ULP distance from actent's scalar table}, or a reason"""
    return bn.max_ulps(lambda op, x: OPS[op](torch.from_numpy(x.copy())).numpy())


def direct():
    import timeit
    import actent
    for n in (4096, 65536):
        x = bn.stream(bn.DISTS[0], n).copy()
        t = torch.from_numpy(x)
        for op in ref.ORDER:
            a = min(timeit.repeat(lambda: actent.activation_entropy(x, op), number=200,
                                  repeat=7)) / 200
            with torch.inference_mode():
                b = min(timeit.repeat(lambda: unfused(op, t), number=200, repeat=7)) / 200
            print("n=%-6d %-12s actent.activation_entropy %8.2f us   torch %8.2f us   "
                  "torch / actent %5.1f" % (n, op, a * 1e6, b * 1e6, b / a))


def dtypes(n=1 << 24, repeat=11):
    """actent.activation_entropy(x, "relu") on one n-element tensor per element
    type, against the same call on its float32 copy (made before timing, and
    with the copy timed) and against torch's composition on the same tensor:
    the calls interleaved, `repeat` rounds, the median of each, one thread"""
    import actent

    def medians(fs):
        ts = [[] for _ in fs]
        for _ in range(repeat):
            for f, t in zip(fs, ts):
                t0 = time.perf_counter()
                f()
                t.append(time.perf_counter() - t0)
        return [statistics.median(t) for t in ts]

    base = torch.from_numpy(bn.stream(bn.DISTS[1], n).copy())  # the normal input
    for dt in (torch.float32, torch.bfloat16, torch.float16, torch.float64):
        x = base.to(dt)
        f = x.float()

        def composition():
            try:
                with torch.inference_mode():
                    unfused("relu", x)
            except RuntimeError:  # torch's histc has no float16 kernel on the CPU
                pass
        # actent's calls interleaved with each other; torch's apart (its quarter
        # second per call would disturb the caches and clock of the next)
        a, c, cc = medians([lambda: actent.activation_entropy(x, "relu"),
                            lambda: actent.activation_entropy(f, "relu"),
                            lambda: actent.activation_entropy(x.float(), "relu")])
        (b,) = medians([composition])
        b = b if dt != torch.float16 else float("nan")
        print("n=%d %-9s actent %7.2f ms | float32 copy's call %7.2f ms (x %.2f), copy+call "
              "%7.2f ms (x %.2f) | torch relu+aminmax+histc+entropy %8.2f ms (x %.1f)"
              % (n, str(dt).replace("torch.", ""), a * 1e3, c * 1e3, c / a, cc * 1e3, cc / a,
                 b * 1e3, b / a))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--profile", choices=sorted(bn.PROFILES), default="quick")
    ap.add_argument("--filter", help="regex on row names (default: the profile's)")
    ap.add_argument("--bench", default="build/actent-bench", help="for --clock")
    dest = ap.add_mutually_exclusive_group(required=True)
    dest.add_argument("--out", help="write a JSON file of torch rows")
    dest.add_argument("--into", help="append the rows to this actent-bench JSON file")
    dest.add_argument("--direct", action="store_true", help="time through the module instead")
    dest.add_argument("--dtypes", action="store_true",
                      help="a 16M-element tensor per element type, through the module")
    args = ap.parse_args()
    torch.set_num_threads(1)
    if args.direct:
        return direct()
    if args.dtypes:
        return dtypes()
    prof = bn.PROFILES[args.profile]
    try:
        pattern = re.compile(args.filter if args.filter is not None else prof["filter"])
    except re.error as e:
        sys.exit("bench_torch.py: --filter: %s" % e)
    if not os.access(args.bench, os.X_OK):
        sys.exit("bench_torch.py: --bench %s is not an executable (build it first)" % args.bench)
    base = None
    if args.into:
        try:
            with open(args.into) as f:
                base = json.load(f)
        except (OSError, ValueError) as e:
            sys.exit("bench_torch.py: --into %s: %s" % (args.into, e))
    torch.set_num_threads(1)

    rows = [r for r in make_rows() if pattern.search(r[0])]
    clock = bn.Clock(args.bench)
    order = [(i, k) for i in range(len(rows)) for k in range(prof["repetitions"])]
    random.shuffle(order)
    calls, reps = {}, {i: [] for i in range(len(rows))}
    with torch.inference_mode():
        for i, _ in order:
            if i not in calls:
                calls[i] = rows[i][4]()
            iters, cpu, real = bn.repetition(calls[i], prof["min_time"])
            reps[i].append((iters, cpu, real, clock.get()))
    benchmarks = []
    for i, (name, n, items, nbytes, _) in enumerate(rows):
        ghz = statistics.median(r[3] for r in reps[i])
        benchmarks += bn.aggregate(name, n, items, nbytes, reps[i], ghz)

    context = {
        "torch_stack": "PyTorch %s, %d thread (%s)" % (torch.__version__,
                                                       torch.get_num_threads(), sys.executable),
        "torch_method": "scripts/bench_torch.py, profile %s: as numpy_method, %d repetitions, "
                        "each at least %g s, under torch.inference_mode()"
                        % (args.profile, prof["repetitions"], prof["min_time"]),
        "torch_max_ulp": max_ulps(),
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
    print("bench_torch.py: %d torch rows (%s profile) into %s" % (len(rows), args.profile, path))
    print("bench_torch.py: max ULP vs the scalar table: %s" % json.dumps(context["torch_max_ulp"]))


if __name__ == "__main__":
    main()
