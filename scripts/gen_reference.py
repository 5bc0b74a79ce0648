#!/usr/bin/python3
"""Reference vectors for actent's tests, computed with Debian's numpy and scipy.

Writes .npy files into tests/data/ (committed). Everything here is computed
by numpy/scipy themselves; nothing is copied from actent's output.

    /usr/bin/python3 scripts/gen_reference.py [--out tests/data]
"""
import argparse
import os

import numpy as np
import scipy.special
from scipy import stats

import act_list

F32 = np.float32


def save(out, name, arr):
    np.save(os.path.join(out, name + ".npy"), np.ascontiguousarray(arr))


# ---------------------------------------------------------------- activations
# The activations' numpy/scipy forms are the test oracle, scripts/oracle.py:
# independent of actent's C definitions, one copy for every script.
from oracle import F32_OPS, activate, f64_ops  # noqa: E402,F401  (re-exported for the scripts)


def activation_inputs():
    """Specials, switch points with their neighbours, the notebook sample and a
    strided sweep over all float32 bit patterns."""
    special = [0.0, -0.0, np.inf, -np.inf, np.nan, 1e-45, -1e-45, 1.1754942e-38, -1.1754942e-38,
               1.17549435e-38, -1.17549435e-38, 3.4028235e38, -3.4028235e38]
    points = [0.0, 1.0, -1.0, 2.5, -2.5, 6.0, -6.0, 88.0, -88.0, 88.7, -87.3, -103.0, 9.0, -9.0,
              16.0, -16.0, 20.0, -20.0, 30.0, 0.5, -0.5, 1e-4, -1e-4, 1e-8, -1e-8,
              3.0, -3.0, -1.5, -0.7517915, -1.2784646, -1.1924312, -14.0, -40.0, -108.0, -120.0]
    near = []
    for p in points:
        f = F32(p)
        near += [np.nextafter(f, F32(-np.inf)), f, np.nextafter(f, F32(np.inf))]
    rs = np.random.RandomState(0)
    sample = rs.uniform(-1, 1, 4096).astype(F32)
    sweep = (np.arange(0, 2**32, 65521, dtype=np.uint64) & 0xFFFFFFFF).astype(np.uint32).view(F32)
    wide = rs.uniform(-40, 40, 20000).astype(F32)
    return np.concatenate([np.array(special, F32), np.array(near, F32), sample, wide, sweep])


def gen_activations(out):
    x = activation_inputs()
    save(out, "act_x", x)
    d = x.astype(np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        for name, f in f64_ops().items():
            save(out, "act_%s_f64" % name, np.asarray(f(d), np.float64))
    with np.errstate(invalid="ignore"):
        for name, f in F32_OPS.items():
            y = f(x)
            assert y.dtype == F32, name
            save(out, "act_%s_f32" % name, y)


# ---------------------------------------------------------------- RNG
def gen_rng(out):
    for seed in (0, 1, 12345, 2**32 - 1):
        rs = np.random.RandomState(seed)
        raw = rs._bit_generator.random_raw(2000).astype(np.uint32)
        save(out, "rng_raw_seed%d" % seed, raw)
    rs = np.random.RandomState(0)
    save(out, "rng_double_first", rs.random_sample(1000))
    rs.random_sample(10**6 - 1000)
    save(out, "rng_double_after1e6", rs.random_sample(1000))
    rs = np.random.RandomState(7)
    save(out, "rng_uniform_seed7", rs.uniform(-3.5, 2.25, 1001))
    rs = np.random.RandomState(3)
    # odd sizes exercise the cached second normal across calls
    save(out, "rng_normal_seed3", np.concatenate([rs.normal(0, 1, 1), rs.normal(0, 1, 1001),
                                                  rs.normal(2.5, 0.5, 3)]))
    for n in (0, 1, 2, 3, 7, 100, 4097):
        rs = np.random.RandomState(n + 11)
        a = np.arange(n, dtype=F32)
        rs.shuffle(a)
        rs.shuffle(a)
        save(out, "rng_shuffle_n%d" % n, a)
    # numpy's random_interval with a bound above 2^32 (64-bit draws): via the
    # legacy shuffle's helper is not reachable, so randint's masked path serves:
    # both draw next_uint64 & mask until <= max.
    rs = np.random.RandomState(5)
    save(out, "rng_interval64_seed5", rs.randint(0, 2**40 + 1, 200, dtype=np.uint64))


# ---------------------------------------------------------------- histograms
def adversarial_arrays():
    rs = np.random.RandomState(1)
    f = lambda v: np.asarray(v, F32)
    cases = {}
    cases["one"] = f([0.25])
    cases["equal"] = f([3.0] * 17)
    cases["negzero"] = f([-0.0, 0.0, -0.0, 1.0, -1.0])
    # numpy's bins=K path subtracts max - min in float32: keep it finite
    cases["huge"] = f([-1.5e38, 1.5e38, 0.0, 1e38, -1e38, 1.0])
    cases["huge_top"] = f([3e38, 3.4028235e38, 3.3e38, 3.4028233e38])
    cases["tiny_range"] = f([1.0, np.nextafter(F32(1), F32(2)), np.nextafter(np.nextafter(F32(1), F32(2)), F32(2))] * 3)
    cases["subnormal"] = f([1e-45, 2e-45, 0.0, 1e-40, 3e-39])
    cases["uniform"] = rs.uniform(-1, 1, 5000).astype(F32)
    cases["normal"] = rs.normal(0, 3, 5000).astype(F32)
    cases["relu_like"] = np.maximum(rs.uniform(-1, 1, 3000).astype(F32), F32(0))
    # values on every float32 edge of np.histogram(bins=50) and one ulp either side
    base = rs.uniform(-1, 1, 200).astype(F32)
    _, e = np.histogram(base, bins=50)
    e = e.astype(F32)
    cases["on_edges"] = np.concatenate([base, e, np.nextafter(e, F32(-np.inf)),
                                        np.nextafter(e, F32(np.inf))]).clip(base.min(), base.max())
    # values on the float32-rounded linspace(min, max, 50) edges and their neighbours
    lin = np.linspace(base.min(), base.max(), 50).astype(F32)
    cases["on_linspace"] = np.concatenate([base, lin, np.nextafter(lin, F32(-np.inf)),
                                           np.nextafter(lin, F32(np.inf))]).clip(base.min(), base.max())
    return cases


def gen_histograms(out):
    names = []
    for name, x in adversarial_arrays().items():
        for bins in (1, 7, 49, 50):
            tag = "%s_b%d" % (name, bins)
            counts_u, _ = np.histogram(x, bins=bins)
            edges = np.linspace(x.min(), x.max(), bins + 1)
            counts_e, _ = np.histogram(x, bins=edges)
            save(out, "hist_%s_x" % tag, x)
            save(out, "hist_%s_uniform" % tag, counts_u.astype(np.int64))
            save(out, "hist_%s_edges" % tag, edges.astype(np.float64))
            save(out, "hist_%s_given" % tag, counts_e.astype(np.int64))
            names.append(tag)
    with open(os.path.join(out, "hist_cases.txt"), "w") as f:
        f.write("\n".join(names) + "\n")


def gen_irregular(out):
    """np.histogram(x, bins=edges) for edges numpy's linspace never makes: uneven,
    one repeated (an empty bin), some not float32 values; x has values on every
    edge, outside both ends, and -0.0"""
    edges = np.array([-2.0, -1.5, -0.3, -0.3, 0.0, 0.1, 1.7, 2.5], np.float64)
    rng = np.random.RandomState(11)
    x = np.concatenate([rng.normal(0.0, 1.2, 5000), edges, [-3.0, 3.0, -0.0, 2.5]])
    x = x.astype(np.float32)
    counts, _ = np.histogram(x, bins=edges)
    save(out, "histedges_irregular_x", x)
    save(out, "histedges_irregular_edges", edges)
    save(out, "histedges_irregular_counts", counts.astype(np.int64))


# ---------------------------------------------------------------- entropy
def gen_entropy(out):
    rs = np.random.RandomState(2)
    sizes = (1, 2, 7, 8, 9, 49, 50, 128, 129, 1000, 5003)
    for k in sizes:
        c = rs.randint(0, 1000, k).astype(np.int64)
        c[rs.random_sample(k) < 0.2] = 0
        if c.sum() == 0:
            c[0] = 1
        save(out, "entropy_k%d_counts" % k, c)
        save(out, "entropy_k%d_h" % k, np.array([stats.entropy(c, base=2)]))
    big = np.array([2**40, 3, 0, 2**33 + 7], np.int64)
    save(out, "entropy_big_counts", big)
    save(out, "entropy_big_h", np.array([stats.entropy(big, base=2)]))


# ---------------------------------------------------------------- the notebook
ORDER = act_list.ORDER  # kernels/act_list.h, the one list


def copy_neighbour(to_transform, iterations):  # the notebook's own code
    to_transform = np.copy(to_transform)
    nonzeros = to_transform[to_transform != 0]
    zeros = np.zeros((to_transform.shape[0] - nonzeros.shape[0]))
    for _ in range(iterations):
        nonzeros[1::2] = nonzeros[0:-1:2]
        np.random.shuffle(nonzeros)
    return np.concatenate((nonzeros, zeros))


def notebook(seed, n, dist, bins, iterations, consistent, sigma=1.0, ops=None):
    """The notebook's analysis; consistent=True bins input and outputs alike.
    ops: the activations, in the list's order [the notebook's 11]"""
    np.random.seed(seed)
    if dist == "uniform":
        x = np.random.uniform(-1, 1, (n,)).astype(F32)
    else:
        x = np.random.normal(0, sigma, (n,)).astype(F32)
    if consistent:
        hin, _ = np.histogram(x, bins=np.linspace(x.min(), x.max(), bins + 1))
    else:
        hin, _ = np.histogram(x, bins=bins)
    h0 = stats.entropy(hin, base=2)
    ent, ent_t = [], []
    for name in ops or act_list.NOTEBOOK:
        y = activate(name, x)
        edges = np.linspace(y.min(), y.max(), bins + 1 if consistent else bins)
        d, _ = np.histogram(y, bins=edges)
        ent.append(stats.entropy(d, base=2))
        t = copy_neighbour(y, iterations)
        d2, _ = np.histogram(t, bins=edges)
        ent_t.append(stats.entropy(d2, base=2))
    return np.array([h0] + ent + ent_t, np.float64)


NOTEBOOK_CASES = [
    # name, seed, n, dist, bins, iterations, consistent, sigma
    ("notebook", 0, 4096, "uniform", 50, 200, False, 1.0),
    ("consistent", 0, 4096, "uniform", 50, 200, True, 1.0),
    ("normal_s1", 1, 10000, "normal", 30, 20, False, 1.0),
    ("normal_s5_consistent", 5, 3001, "normal", 64, 7, True, 4.0),
    # every activation, the notebook's 11 then the ones appended after them
    ("all", 0, 4096, "uniform", 50, 200, False, 1.0, ORDER),
    ("consistent_all", 0, 4096, "uniform", 50, 200, True, 1.0, ORDER),
]


def gen_notebook(out):
    for case in NOTEBOOK_CASES:
        save(out, "notebook_%s" % case[0], notebook(*case[1:]))


def gen_widen(out):
    """float16, bfloat16 and float64 widened to float32 by numpy: every one
    of the 2^16 half-width bit patterns (the inputs are 0 .. 65535 in order,
    not stored), and float64 values chosen to round every way"""
    h = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16)
    save(out, "widen_f16", h.view(np.float16).astype(F32))
    # bfloat16 is defined as a float32's upper half (torch's .float())
    save(out, "widen_bf16", (h.astype(np.uint32) << 16).view(F32))
    rs = np.random.RandomState(16)
    f = rs.standard_normal(2000).astype(F32).astype(np.float64)
    ulp = np.spacing(f.astype(F32)).astype(np.float64)
    x = np.concatenate([
        rs.standard_normal(2000) * 10.0 ** rs.randint(-45, 39, 2000),  # every scale
        f + ulp / 2, f - ulp / 2, f + ulp / 2 * (1 + 2 ** -40),        # ties and near-ties
        [0.0, -0.0, np.inf, -np.inf, 3.5e38, -3.5e38, 3.4028235677973366e38, 1e-46, -1e-46,
         7.006492321624085e-46, 1.401298464324817e-45, 2 ** -149 * 1.5, 1e300, -1e-300],
    ])
    save(out, "widen_f64_in", x)
    save(out, "widen_f64", x.astype(F32))


def main():
    np.seterr(all="ignore")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "tests", "data"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    gen_rng(args.out)
    gen_activations(args.out)
    gen_histograms(args.out)
    gen_irregular(args.out)
    gen_entropy(args.out)
    gen_notebook(args.out)
    gen_widen(args.out)
    print("numpy %s, scipy %s: reference vectors in %s" % (np.__version__, stats.__name__ and
          __import__("scipy").__version__, os.path.normpath(args.out)))


if __name__ == "__main__":
    main()
