#!/usr/bin/python3
"""Reference vectors for the estimators, equal-mass bins, repeats' t quantiles,
the population limits and the KDE bounds, computed with numpy and scipy.

Writes tests/data/est_*.npy (committed). Independent of actent: each
estimator is computed the way its definition reads (the jackknife by
actually leaving each sample out), the population by scipy.integrate.quad.

    /usr/bin/python3 scripts/gen_estimators.py [--out tests/data]
"""
import argparse
import os

import mpmath
import numpy as np
from scipy import integrate, special, stats

LN2 = np.log(2.0)


def save(out, name, arr):
    np.save(os.path.join(out, "est_" + name + ".npy"), np.ascontiguousarray(arr))


# ------------------------------------------------------------ histogram estimators
def plugin(c):
    return stats.entropy(c, base=2)


def miller_madow(c):
    return plugin(c) + (np.count_nonzero(c) - 1) / (2.0 * c.sum()) / LN2


def grassberger(c):
    n = c.sum()
    nz = c[c > 0].astype(np.float64)
    g = special.digamma(nz) + 0.5 * (-1.0) ** nz * (special.digamma((nz + 1) / 2) - special.digamma(nz / 2))
    return (np.log(n) - np.sum(nz * g) / n) / LN2


def jackknife(c):
    """By its definition, leaving each sample out, in 40-digit mpmath: in
    float64, N H - (N-1)/N sum H_(-j) cancels log10(N) digits."""
    mpmath.mp.dps = 40

    def h(d):
        m = mpmath.mpf(int(d.sum()))
        return mpmath.log(m) - mpmath.fsum(int(v) * mpmath.log(int(v)) for v in d if v > 0) / m

    n = int(c.sum())
    loo = mpmath.mpf(0)
    for i in np.flatnonzero(c):  # every sample in bin i leaves the same counts
        d = c.copy()
        d[i] -= 1
        loo += int(c[i]) * h(d)
    return float((n * h(c) - mpmath.mpf(n - 1) / n * loo) / mpmath.log(2))


def gen_counts(out):
    rng = np.random.RandomState(16)
    cases = {
        "k2": np.array([3, 5]),
        "single": np.array([0, 7, 0]),
        "small": np.array([1, 2, 3, 0, 1, 1, 4]),
        "k49": rng.multinomial(4096, rng.dirichlet(np.ones(49))),
        "k1000": rng.multinomial(3000, rng.dirichlet(np.ones(1000) * 0.3)),
        "big": rng.multinomial(10**7, rng.dirichlet(np.ones(64))),
    }
    for tag, c in cases.items():
        c = c.astype(np.int64)
        save(out, "counts_" + tag, c)
        save(out, "h_" + tag, np.array([plugin(c), miller_madow(c), grassberger(c), jackknife(c)]))
    x = np.concatenate([np.arange(1, 40) / 2.0, [0.001, 0.1, 0.7, 7.9, 8.0, 8.1, 100.5, 1e5, 1e9]])
    save(out, "digamma_x", x)
    save(out, "digamma_y", special.digamma(x))
    save(out, "t975", stats.t.ppf(0.975, np.arange(1, 201)))


# ------------------------------------------------------------ equal-mass bins
def mass_edges(v, bins):
    """docs/semantics.md: edge k = sorted value at rank floor(k N / B), repeats merged."""
    s = np.sort(v.astype(np.float64))
    n = len(s)
    idx = np.minimum((np.arange(bins + 1, dtype=np.int64) * n) // bins, n - 1)
    e = np.unique(s[idx])
    if len(e) == 1:
        e = np.array([e[0], e[0]])
    return e


def gen_mass(out):
    rng = np.random.RandomState(7)
    u = rng.uniform(-1, 1, 4096).astype(np.float32)
    cases = {
        "uniform_b50": (u, 50),
        "relu_b50": (np.maximum(u, np.float32(0)), 50),
        "rounded_b30": (np.round(rng.normal(0, 2, 1000)).astype(np.float32), 30),
        "n7_b10": (rng.uniform(0, 1, 7).astype(np.float32), 10),
        "const_b5": (np.full(9, 2.5, np.float32), 5),
    }
    for tag, (v, b) in cases.items():
        e = mass_edges(v, b)
        counts, _ = np.histogram(v.astype(np.float64), bins=e)
        save(out, "mass_%s_x" % tag, v)
        save(out, "mass_%s_bins" % tag, np.array([b], np.int64))
        save(out, "mass_%s_counts" % tag, counts.astype(np.int64))


# ------------------------------------------------------------ population limits
SELU_S, SELU_A = 1.0507009873554805, 1.6732632423543772
# f, f', f^-1 (on the strictly monotone part), the flat parts on [-1, 1]'s scale and beyond
ACTS = {
    "sigmoid": (special.expit, lambda x: special.expit(x) * (1 - special.expit(x)), special.logit),
    "tanh": (np.tanh, lambda x: 1 - np.tanh(x) ** 2, np.arctanh),
    "softsign": (lambda x: x / (1 + abs(x)), lambda x: 1 / (1 + abs(x)) ** 2,
                 lambda y: y / (1 - abs(y))),
    "softplus": (lambda x: np.logaddexp(0, x), special.expit, lambda y: np.log(np.expm1(y))),
    "elu": (lambda x: x if x > 0 else np.expm1(x), lambda x: 1.0 if x > 0 else np.exp(x),
            lambda y: y if y > 0 else np.log1p(y)),
    "selu": (lambda x: SELU_S * x if x > 0 else SELU_S * SELU_A * np.expm1(x),
             lambda x: SELU_S if x > 0 else SELU_S * SELU_A * np.exp(x),
             lambda y: y / SELU_S if y > 0 else np.log1p(y / (SELU_S * SELU_A))),
    "leaky_relu": (lambda x: x if x > 0 else 0.2 * x, lambda x: 1.0 if x > 0 else 0.2,
                   lambda y: y if y > 0 else y / 0.2),
    "linear": (lambda x: x, lambda x: 1.0, lambda y: y),
}


def density(dist, sigma, a, b):
    if dist == "uniform":
        return lambda x: 1.0 / (b - a)
    z = stats.norm.cdf(b / sigma) - stats.norm.cdf(a / sigma)
    return lambda x: stats.norm.pdf(x / sigma) / sigma / z


def pop_entropy(name, dist, sigma, a, b, bins):
    f, _, inv = ACTS[name]
    p = density(dist, sigma, a, b)
    lo, hi = f(a), f(b)
    e = np.linspace(lo, hi, bins + 1)
    xs = [a] + [float(inv(v)) for v in e[1:-1]] + [b]
    mass = np.array([integrate.quad(p, xs[i], xs[i + 1], epsabs=1e-14, epsrel=1e-13)[0]
                     for i in range(bins)])
    return stats.entropy(mass, base=2)


def pop_limit(name, dist, sigma, a, b):
    f, df, _ = ACTS[name]
    p = density(dist, sigma, a, b)
    e = sum(integrate.quad(lambda x: p(x) * np.log2(abs(df(x))), lo, hi, epsabs=1e-14,
                           epsrel=1e-13)[0] for lo, hi in ((a, 0.0), (0.0, b)))
    return -e + np.log2((f(b) - f(a)) / (b - a))


def gen_population(out):
    names = list(ACTS)
    rows = []
    # (dist code 0 uniform / 1 normal, sigma, a, b, bins)
    settings = [(0, 1.0, -1.0, 1.0, 49), (0, 1.0, -1.0, 1.0, 7), (1, 1.0, -3.2, 3.5, 49),
                (1, 2.0, -5.0, 4.0, 20)]
    for code, sigma, a, b, bins in settings:
        dist = "uniform" if code == 0 else "normal"
        for k, name in enumerate(names):
            rows.append([code, sigma, a, b, bins, k, pop_entropy(name, dist, sigma, a, b, bins),
                         pop_limit(name, dist, sigma, a, b)])
    save(out, "pop_rows", np.array(rows))
    with open(os.path.join(out, "est_pop_names.txt"), "w") as fh:
        fh.write("\n".join(names) + "\n")


# ------------------------------------------------------------ KDE bounds
def kde_bounds(y, var):
    """Kolchinsky-Tracey as Saxe et al. compute it, float64 logsumexp; nats."""
    y = y.astype(np.float64)
    n = len(y)

    def lse_mean(v):
        d2 = (y[:, None] - y[None, :]) ** 2
        return np.mean(special.logsumexp(-d2 / (2 * v), axis=1) - np.log(n))

    up = 0.5 - lse_mean(var) + 0.5 * np.log(2 * np.pi * var)
    lo = 0.5 - lse_mean(4 * var) + 0.5 * np.log(2 * np.pi * 4 * var) + 0.5 * np.log(0.25)
    noise = 0.5 * (np.log(2 * np.pi * var) + 1)
    return np.array([up, lo, up - noise, lo - noise]) / LN2


def gen_kde(out):
    rng = np.random.RandomState(3)
    for n, var in ((1, 0.1), (7, 0.01), (100, 0.1), (1000, 0.001), (4096, 0.01)):
        y = np.tanh(rng.uniform(-1, 1, n)).astype(np.float32)
        save(out, "kde_n%d_y" % n, y)
        save(out, "kde_n%d_h" % n, np.concatenate([[var], kde_bounds(y, var)]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "tests", "data"))
    out = ap.parse_args().out
    gen_counts(out)
    gen_mass(out)
    gen_population(out)
    gen_kde(out)


if __name__ == "__main__":
    main()
