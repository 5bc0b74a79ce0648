#!/usr/bin/python3
"""The information plane of many saved layers on a Dask cluster: every
(layer file, epoch) pair one task, each worker memory-mapping its file and
computing actent.info_plane on one (N, d) slice, the client gathering the
rows. The rows equal those of one process calling actent.info_plane on each
stack (--check computes those and compares, key by key).

Layers are float32 .npy files of shape (E, N, d) (E saved epochs of N samples
by d units) that every worker can open; the labels an integer .npy of N.

Here (a LocalCluster of --workers processes):
    PYTHONPATH=build/python /usr/bin/python3 examples/dask_infoplane.py --make /tmp/ip
    PYTHONPATH=build/python /usr/bin/python3 examples/dask_infoplane.py \\
        /tmp/ip/layer*.npy --labels /tmp/ip/labels.npy --method kde --noise-var 0.1 --check
On a cluster: start `dask scheduler` and `dask worker tcp://HOST:8786` on each
machine (with the actent module on their PYTHONPATH and the files on a shared
path), then pass --scheduler tcp://HOST:8786: the same code runs there.
"""
import argparse
import json
import os
import sys
import time

import actent
import numpy as np

PARAM = {"width": "width", "idnns": "bins", "count": "bins", "mass": "bins",
         "kde": "noise_var", "kde-upper": "noise_var", "kde-lower": "noise_var"}


def one(path, epoch, labels_path, kw):
    """a task: the information plane of one epoch of one layer file"""
    t = np.load(path, mmap_mode="r")
    y = np.load(labels_path)
    r = actent.info_plane(np.ascontiguousarray(t[epoch]), y, **kw)
    return dict(r, layer=os.path.basename(path), epoch=epoch)


def distributed(client, paths, labels_path, kw):
    tasks = [client.submit(one, p, e, labels_path, kw, pure=False)
             for p in paths for e in range(np.load(p, mmap_mode="r").shape[0])]
    return client.gather(tasks)


def local(paths, labels_path, kw):
    """the same rows from one process: actent.info_plane on each whole stack"""
    y = np.load(labels_path)
    rows = []
    for p in paths:
        for r in actent.info_plane(np.load(p), y, **kw):
            rows.append(dict(r, layer=os.path.basename(p)))
    return rows


def make(folder, epochs=6, n=2000, widths=(10, 7, 5), seed=0):
    """synthetic saved layers: tanh units that sharpen with the epoch"""
    os.makedirs(folder, exist_ok=True)
    rs = np.random.RandomState(seed)
    y = rs.randint(0, 10, n)
    np.save(os.path.join(folder, "labels.npy"), y)
    centre = rs.normal(0, 1, (10, max(widths)))
    for k, d in enumerate(widths):
        stack = [np.tanh((1 + e) * centre[y, :d] / 3 + rs.normal(0, 1, (n, d)))
                 for e in range(epochs)]
        np.save(os.path.join(folder, "layer%d.npy" % (k + 1)), np.array(stack, np.float32))
    return folder


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("layers", nargs="*", help="(E, N, d) float32 .npy files")
    ap.add_argument("--labels")
    ap.add_argument("--make", metavar="DIR", help="write demo layers and labels to DIR")
    ap.add_argument("--method", default="width", choices=sorted(PARAM))
    ap.add_argument("--width", type=float, default=0.07)
    ap.add_argument("--bins", type=int, default=30)
    ap.add_argument("--noise-var", type=float, default=1e-3)
    ap.add_argument("--shuffles", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--scheduler", help="a running scheduler's address (else a LocalCluster)")
    ap.add_argument("--check", action="store_true", help="compare with one process")
    a = ap.parse_args()
    if a.make:
        print("dask_infoplane: wrote", make(a.make))
        return 0
    if not a.layers or not a.labels:
        ap.error("layer files and --labels are needed (or --make DIR)")
    from dask.distributed import Client, LocalCluster
    kw = {"method": a.method, "shuffles": a.shuffles,
          PARAM[a.method]: {"width": a.width, "bins": a.bins,
                            "noise_var": a.noise_var}[PARAM[a.method]]}
    t = time.perf_counter()
    if a.scheduler:
        with Client(a.scheduler) as c:
            rows = distributed(c, a.layers, a.labels, kw)
    else:
        with LocalCluster(n_workers=a.workers, threads_per_worker=1, dashboard_address=None) \
                as cluster, Client(cluster) as c:
            rows = distributed(c, a.layers, a.labels, kw)
    out = {"rows": rows, "seconds": time.perf_counter() - t}
    if a.check:
        want = local(a.layers, a.labels, kw)
        key = lambda r: (r["layer"], r.get("epoch", 0))  # noqa: E731
        same = sorted(rows, key=key) == sorted(want, key=key)
        out["equal_to_one_process"] = same
        if not same:
            print(json.dumps(out, indent=1))
            return 1
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
