#!/usr/bin/python3
"""Reference vectors for the estimators, equal-mass bins, repeats' t quantiles,
the population limits and the KDE bounds, computed with numpy and scipy.

Writes tests/data/est_*.npy (committed). Independent of actent: each
estimator is computed the way its definition reads (the jackknife by
actually leaving each sample out), the population by scipy.integrate.quad
on the oracle's forms of every activation (scripts/oracle.py).

    /usr/bin/python3 scripts/gen_estimators.py [--out tests/data]
"""
import argparse
import os

import mpmath
import numpy as np
from scipy import integrate, optimize, special, stats

import act_list
import oracle

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
# f and f' from the oracle (scripts/oracle.py, numpy/scipy); the monotone
# pieces between its breakpoints; f^-1 on a piece by scipy.optimize.brentq.
def density(dist, sigma, a, b):
    if dist == "uniform":
        return lambda x: 1.0 / (b - a)
    z = stats.norm.cdf(b / sigma) - stats.norm.cdf(a / sigma)
    return lambda x: stats.norm.pdf(x / sigma) / sigma / z


def cdf(dist, sigma, a, b):
    if dist == "uniform":
        return lambda x: min(max((x - a) / (b - a), 0.0), 1.0)
    lo, z = stats.norm.cdf(a / sigma), stats.norm.cdf(b / sigma) - stats.norm.cdf(a / sigma)
    return lambda x: min(max((stats.norm.cdf(x / sigma) - lo) / z, 0.0), 1.0)


def pieces(name, a, b):
    pts = [a] + [t for t in oracle.breaks(name) if a < t < b] + [b]
    return list(zip(pts[:-1], pts[1:]))


def preimage(f, p, q, y):
    """x in [p, q] with f(x) = y on a monotone piece, clamped to its ends"""
    fp, fq = f(p), f(q)
    if (y - fp) * (y - fq) >= 0:  # at or beyond an end
        return p if abs(y - fp) <= abs(y - fq) else q
    return optimize.brentq(lambda x: f(x) - y, p, q, xtol=1e-15, rtol=8.9e-16, maxiter=500)


def pop_entropy(name, dist, sigma, a, b, bins):
    f, _ = oracle.SCALAR[name]
    F = cdf(dist, sigma, a, b)
    ps = pieces(name, a, b)
    ends = [f(x) for piece in ps for x in piece]
    e = np.linspace(min(ends), max(ends), bins + 1)
    mass = np.zeros(bins)
    for p, q in ps:
        if f(p) == f(q):  # flat: all of the piece's mass at one value
            mass[min(np.searchsorted(e, f(p), side="right") - 1, bins - 1)] += F(q) - F(p)
            continue
        c = [F(preimage(f, p, q, v)) for v in e]
        mass += np.abs(np.diff(c))
    return stats.entropy(mass, base=2)


def pop_limit(name, dist, sigma, a, b):
    """h(X) - h(f(X)) + log2(range / (b - a)): E[log2 (p_Y(f(X)) / p_X(X))] with
    p_Y summed over every preimage; +inf when f is flat where X has mass"""
    f, df = oracle.SCALAR[name]
    px, F = density(dist, sigma, a, b), cdf(dist, sigma, a, b)
    ps = pieces(name, a, b)
    if any(f(p) == f(q) and F(q) > F(p) for p, q in ps):
        return np.inf

    def ratio(x, k):
        y, s = f(x), px(x) / abs(df(x))
        for j, (p, q) in enumerate(ps):
            if j != k and min(f(p), f(q)) < y < max(f(p), f(q)):
                xj = preimage(f, p, q, y)
                s += px(xj) / abs(df(xj))
        return s / px(x)

    ends = [f(x) for piece in ps for x in piece]
    e = 0.0
    for k, (p, q) in enumerate(ps):
        # split where f passes another piece's end value: a preimage appears
        # or vanishes there and the integrand jumps
        cuts = sorted({p, q} | {preimage(f, p, q, v) for v in ends
                                if min(f(p), f(q)) < v < max(f(p), f(q))})
        e += sum(integrate.quad(lambda x: px(x) * np.log2(ratio(x, k)), u, v, epsabs=1e-14,
                                epsrel=1e-13, limit=200)[0] for u, v in zip(cuts[:-1], cuts[1:]))
    return e + np.log2((max(ends) - min(ends)) / (b - a))


def gen_population(out):
    names = list(act_list.ORDER)  # every activation of kernels/act_list.h
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
