#!/usr/bin/python3
"""Beyond one machine: a layer's activations that do not fit one process's
memory budget, analysed by Dask workers, each holding one chunk at a time.

The layer is a float32 .npy file every worker can open (memory-mapped,
read-only): 1-D (values), or 2-D (N samples x d neurons, C or Fortran order).
Pooled (the default) treats every value of the layer as one sample, as the
notebook does; --per-neuron gives each neuron (column) its own histograms.
Two passes over chunks of about --chunk values (whole rows; an empty chunk
contributes nothing):
  1. each worker returns its chunk's min and max, of the input and of the
     activation (actent.activate); the client reduces them to the ranges;
  2. the client builds the notebook's edges once, np.linspace(min, max, K + 1)
     for the input (K = --bins + 1, np.histogram(x, K)'s) and for the outputs
     (--bins bins); each worker returns its chunk's counts of both
     (actent.histogram); the client sums them.
The reduction is the input's entropy minus the activation's, the notebook's
"entropy removed". The entropies of the summed counts equal what
actent.histogram(x, K) and actent.activation_entropy(x, activation, bins)
give on the whole array in one process (--check computes those and compares).

Here (a LocalCluster of --workers processes):
    PYTHONPATH=build/python /usr/bin/python3 examples/dask_layers.py --make 100000000 \\
        /tmp/layer.npy
    PYTHONPATH=build/python /usr/bin/python3 examples/dask_layers.py /tmp/layer.npy \\
        --activation relu --check
    PYTHONPATH=build/python /usr/bin/python3 examples/dask_layers.py --make 100000x64 \\
        /tmp/layer2d.npy --per-neuron --check
On a cluster: start `dask scheduler` and `dask worker tcp://HOST:8786` on each
machine (with the actent module on their PYTHONPATH and the file on a shared
path), then pass --scheduler tcp://HOST:8786: the same code runs there.
"""
import argparse
import json
import sys
import time

import actent
import numpy as np


def chunks(n, size):
    return [(i, min(i + size, n)) for i in range(0, n, size)]


def open_layer(path):
    """the file as rows: (N, d), a 1-D file as (N, 1); memory-mapped"""
    x = np.load(path, mmap_mode="r")
    if x.ndim not in (1, 2):
        raise SystemExit("dask_layers: %s has shape %s: a layer is 1-D or 2-D (samples x "
                         "neurons)" % (path, x.shape))
    return x.reshape(-1, 1) if x.ndim == 1 else x


def load(path, start, stop):
    """rows [start, stop) of the layer: only these pages are read"""
    return open_layer(path)[start:stop]


def columns(block, per_neuron):
    """the chunk's samples: one array per neuron, or all pooled into one"""
    if per_neuron:
        return [block[:, j] for j in range(block.shape[1])]
    return [block.reshape(-1, order="A")]


def chunk_ranges(path, span, activation, per_neuron):
    """[(input lo, hi, output lo, hi) per column], or None for an empty chunk"""
    block = load(path, *span)
    if block.size == 0:
        return None
    out = []
    for x in columns(block, per_neuron):
        y = actent.activate(x, activation)
        out.append((float(x.min()), float(x.max()), float(y.min()), float(y.max())))
    return out


def chunk_counts(path, span, activation, in_edges, out_edges, per_neuron):
    """[(input counts, output counts) per column]; zeros for an empty chunk"""
    block = load(path, *span)
    out = []
    for j, x in enumerate(columns(block, per_neuron)):
        if x.size == 0:
            out.append((np.zeros(len(in_edges[j]) - 1, np.int64),
                        np.zeros(len(out_edges[j]) - 1, np.int64)))
            continue
        out.append((actent.histogram(x, in_edges[j]),
                    actent.histogram(actent.activate(x, activation), out_edges[j])))
    return out


def input_edges(lo, hi, k):
    """np.histogram(x, k)'s edges: the range widened by 0.5 when it is one value"""
    return np.histogram_bin_edges(np.array([lo, hi], np.float32), k)


def distributed_entropy(client, path, activation, bins, chunk, per_neuron=False):
    """per column (one when pooled): dicts of the input's and the activation's
    entropy, their counts and ranges, and the reduction; two passes"""
    rows, d = open_layer(path).shape
    spans = chunks(rows, max(1, chunk // d))
    n = len(spans)
    found = [r for r in client.gather(client.map(chunk_ranges, [path] * n, spans,
                                                 [activation] * n, [per_neuron] * n,
                                                 pure=False)) if r is not None]
    if not found:
        raise SystemExit("dask_layers: %s holds no values" % path)
    ranges = [tuple(f(r[j][i] for r in found) for i, f in enumerate((min, max, min, max)))
              for j in range(len(found[0]))]
    in_edges = [input_edges(r[0], r[1], bins + 1) for r in ranges]
    out_edges = [np.linspace(r[2], r[3], bins + 1) for r in ranges]  # the notebook's
    [in_f, out_f] = client.scatter([in_edges, out_edges], broadcast=True)
    parts = client.map(chunk_counts, [path] * n, spans, [activation] * n, [in_f] * n,
                       [out_f] * n, [per_neuron] * n, pure=False)
    sums = client.submit(lambda *p: [(np.sum([c[j][0] for c in p], axis=0),
                                      np.sum([c[j][1] for c in p], axis=0))
                                     for j in range(len(p[0]))], *parts).result()
    out = []
    for (cin, cout), r in zip(sums, ranges):
        h_in, h_out = actent.entropy(cin), actent.entropy(cout)
        out.append({"input_entropy": h_in, "entropy": h_out, "reduction": h_in - h_out,
                    "input_counts": cin, "counts": cout, "input_range": r[:2],
                    "range": r[2:]})
    return out


def make(path, shape, seed=0, chunk=1 << 22):
    """a normal layer of this shape (n, or (rows, d)) in float32, written
    chunk by chunk"""
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    out = np.lib.format.open_memmap(path, mode="w+", dtype=np.float32, shape=shape)
    rs = np.random.RandomState(seed)
    flat = out.reshape(-1)
    for a, b in chunks(flat.size, chunk):
        flat[a:b] = rs.normal(0.0, 2.0, b - a).astype(np.float32)
    out.flush()
    del out, flat


def client_for(args):
    from dask.distributed import Client, LocalCluster
    if args.scheduler:
        return Client(args.scheduler), None
    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                           memory_limit=args.memory_limit, dashboard_address=None,
                           processes=True)
    return Client(cluster), cluster


def one_process(path, activation, bins, per_neuron):
    """the same numbers from whole columns in this process (fused passes)"""
    x = open_layer(path)
    out = []
    for c in columns(x, per_neuron):
        h_in = actent.entropy(actent.histogram(c, bins + 1))
        h_out, counts = actent.activation_entropy(c, activation, bins)
        out.append({"input_entropy": h_in, "entropy": h_out, "counts": counts})
    return out


def shape_arg(s):
    """N or ROWSxD"""
    try:
        parts = [int(p) for p in s.lower().split("x")]
    except ValueError:
        raise argparse.ArgumentTypeError("expected N or ROWSxD, not %r" % s)
    if len(parts) > 2 or min(parts) < 1:
        raise argparse.ArgumentTypeError("expected N or ROWSxD with positive sizes, not %r" % s)
    return parts[0] if len(parts) == 1 else tuple(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", help="a float32 .npy layer, 1-D or (samples, neurons) (--make "
                    "writes one)")
    ap.add_argument("--make", type=shape_arg, metavar="N|ROWSxD",
                    help="first write a normal layer of this shape to path")
    ap.add_argument("--activation", default="relu", choices=actent.activations())
    ap.add_argument("--bins", type=int, default=49,
                    help="output bins (the notebook's 49; the input gets one more)")
    ap.add_argument("--per-neuron", action="store_true",
                    help="each column its own histograms (default: the layer pooled)")
    ap.add_argument("--chunk", type=int, default=1 << 22, help="values per task (whole rows)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--memory-limit", default="1GiB", help="per LocalCluster worker")
    ap.add_argument("--scheduler", help="a running scheduler's address (tcp://host:8786)")
    ap.add_argument("--check", action="store_true",
                    help="also compute it in this process, one fused pass, and compare")
    args = ap.parse_args()
    if args.make:
        t = time.perf_counter()
        make(args.path, args.make)
        print("dask_layers: wrote a %s layer to %s in %.1f s"
              % (args.make, args.path, time.perf_counter() - t), file=sys.stderr)
    client, cluster = client_for(args)
    try:
        t = time.perf_counter()
        cols = distributed_entropy(client, args.path, args.activation, args.bins, args.chunk,
                                   args.per_neuron)
        dt = time.perf_counter() - t
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    result = {"path": args.path, "shape": list(np.load(args.path, mmap_mode="r").shape),
              "activation": args.activation, "bins": args.bins, "input_bins": args.bins + 1,
              "per_neuron": args.per_neuron, "seconds": dt,
              "input_entropy": [c["input_entropy"] for c in cols],
              "entropy": [c["entropy"] for c in cols],
              "reduction": [c["reduction"] for c in cols]}
    if not args.per_neuron:
        result.update({k: result[k][0] for k in ("input_entropy", "entropy", "reduction")})
        result["counts"] = cols[0]["counts"].tolist()
    if args.check:
        t = time.perf_counter()
        one = one_process(args.path, args.activation, args.bins, args.per_neuron)
        result["one_process"] = {
            "seconds": time.perf_counter() - t,
            "equal": all(np.array_equal(o["counts"], c["counts"]) and
                         o["entropy"] == c["entropy"] and o["input_entropy"] == c["input_entropy"]
                         for o, c in zip(one, cols))}
    print(json.dumps(result))
    return 0 if result.get("one_process", {}).get("equal", True) else 1


if __name__ == "__main__":
    raise SystemExit(main())
