#!/usr/bin/python3
"""Beyond one machine: a layer's activations that do not fit one process's
memory budget, analysed by Dask workers, each holding one chunk at a time.

The values live in a float32 .npy file that every worker can open (memory-
mapped, read-only). Two passes over chunks of --chunk values:
  1. each worker applies the activation (actent.activate) to its chunk and
     returns its min and max; the client reduces them to the global range;
  2. the client builds the notebook's edges, np.linspace(min, max, bins + 1),
     once; each worker applies the activation again and returns
     actent.histogram(y, edges); the client sums the counts.
The entropy of the summed counts, actent.entropy(counts), is exactly what
actent.activation_entropy(x, activation, bins) gives on the whole array in
one process (the fused pass bins on the same edges).

Here (a LocalCluster of --workers processes):
    PYTHONPATH=build/python /usr/bin/python3 examples/dask_layers.py --make 100000000 \\
        /tmp/layer.npy
    PYTHONPATH=build/python /usr/bin/python3 examples/dask_layers.py /tmp/layer.npy \\
        --activation relu --check
On a cluster: start `dask scheduler` and `dask worker tcp://HOST:8786` on each
machine (with the actent module on their PYTHONPATH and the file on a shared
path), then pass --scheduler tcp://HOST:8786: the same code runs there.
"""
import argparse
import json
import time

import actent
import numpy as np


def chunks(n, size):
    return [(i, min(i + size, n)) for i in range(0, n, size)]


def load(path, start, stop):
    """one chunk of the file, memory-mapped: only these pages are read"""
    return np.load(path, mmap_mode="r")[start:stop]


def chunk_range(path, span, activation):
    y = actent.activate(load(path, *span), activation)
    return float(y.min()), float(y.max())


def chunk_counts(path, span, activation, edges):
    return actent.histogram(actent.activate(load(path, *span), activation), edges)


def distributed_entropy(client, path, activation, bins, chunk):
    """(bits, counts, (lo, hi)) of the activation of the whole file, two passes"""
    n = np.load(path, mmap_mode="r").size
    spans = chunks(n, chunk)
    ranges = client.gather(client.map(chunk_range, [path] * len(spans), spans,
                                      [activation] * len(spans), pure=False))
    lo, hi = min(r[0] for r in ranges), max(r[1] for r in ranges)
    edges = np.linspace(lo, hi, bins + 1)  # the notebook's: np.linspace(y.min(), y.max(), 50)
    [edges_f] = client.scatter([edges], broadcast=True)
    parts = client.map(chunk_counts, [path] * len(spans), spans, [activation] * len(spans),
                       [edges_f] * len(spans), pure=False)
    total = client.submit(lambda *c: np.sum(c, axis=0), *parts).result()
    return actent.entropy(total), total, (lo, hi)


def make(path, n, seed=0, chunk=1 << 22):
    """n float32 values of a normal layer, written chunk by chunk"""
    out = np.lib.format.open_memmap(path, mode="w+", dtype=np.float32, shape=(n,))
    rs = np.random.RandomState(seed)
    for a, b in chunks(n, chunk):
        out[a:b] = rs.normal(0.0, 2.0, b - a).astype(np.float32)
    out.flush()
    del out


def client_for(args):
    from dask.distributed import Client, LocalCluster
    if args.scheduler:
        return Client(args.scheduler), None
    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                           memory_limit=args.memory_limit, dashboard_address=None,
                           processes=True)
    return Client(cluster), cluster


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", help="a 1-D float32 .npy file (--make writes one)")
    ap.add_argument("--make", type=int, metavar="N", help="first write N normal values to path")
    ap.add_argument("--activation", default="relu", choices=actent.activations())
    ap.add_argument("--bins", type=int, default=49, help="output bins (the notebook's 49)")
    ap.add_argument("--chunk", type=int, default=1 << 22, help="values per task")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--memory-limit", default="1GiB", help="per LocalCluster worker")
    ap.add_argument("--scheduler", help="a running scheduler's address (tcp://host:8786)")
    ap.add_argument("--check", action="store_true",
                    help="also compute it in this process, one fused pass, and compare")
    args = ap.parse_args()
    if args.make:
        t = time.perf_counter()
        make(args.path, args.make)
        print("dask_layers: wrote %d values to %s in %.1f s"
              % (args.make, args.path, time.perf_counter() - t))
    client, cluster = client_for(args)
    try:
        t = time.perf_counter()
        bits, counts, (lo, hi) = distributed_entropy(client, args.path, args.activation,
                                                     args.bins, args.chunk)
        dt = time.perf_counter() - t
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    result = {"path": args.path, "activation": args.activation, "bins": args.bins,
              "min": lo, "max": hi, "entropy": bits, "counts": counts.tolist(),
              "seconds": dt}
    if args.check:
        t = time.perf_counter()
        x = np.load(args.path, mmap_mode="r")
        one_bits, one_counts = actent.activation_entropy(x, args.activation, args.bins)
        result["one_process"] = {"entropy": one_bits, "seconds": time.perf_counter() - t,
                                 "equal": bool(np.array_equal(one_counts, counts)
                                               and one_bits == bits)}
    print(json.dumps(result))
    return 0 if result.get("one_process", {}).get("equal", True) else 1


if __name__ == "__main__":
    raise SystemExit(main())
