#!/usr/bin/python3
"""fit_poly.py - the polynomial coefficients and split constants of the
float32 kernels (kernels/neon/exp_neon.h, tanh_neon.c, softplus_neon.c,
selu_neon.c), reproducibly.

Each fit is a discrete minimax of the *relative* error of the whole
approximation (not of P alone) on a dense grid, by Lawson's iteratively
reweighted least squares. Coefficients are rounded to float32 one at a time,
lowest degree first, the rest refitted after each rounding, and the final
error is reported with the float32 coefficients. Run with Debian's python3
(numpy, mpmath): /usr/bin/python3 scripts/fit_poly.py
"""
import mpmath as mp
import numpy as np

mp.mp.dps = 40


def f32(v):
    return float(np.float32(v))


def fit(target, weight, degree, lo, hi, npts=3000, iters=400):
    """coefficients c[k] of sum c[k] t^k ~ target(t), minimizing max |weight * error|"""
    ts = np.concatenate([(lo + hi) / 2 + (hi - lo) / 2 * np.cos(np.linspace(0, np.pi, npts)),
                         np.linspace(lo, hi, npts)])
    ts = ts[ts != 0]
    tgt = np.array([float(target(t)) for t in ts])
    wgt = np.array([float(weight(t)) for t in ts])
    coefs = []
    while len(coefs) <= degree:
        rem = tgt - sum(c * ts**k for k, c in enumerate(coefs))
        a = np.stack([ts**k for k in range(len(coefs), degree + 1)], axis=1) * wgt[:, None]
        b = rem * wgt
        u = np.ones(len(b)) / len(b)
        for _ in range(iters):
            sw = np.sqrt(u)
            c, *_ = np.linalg.lstsq(a * sw[:, None], b * sw, rcond=None)
            u = u * np.abs(a @ c - b)
            u /= u.sum()
        coefs.append(f32(c[0]))
    err = np.max(np.abs((sum(c * ts**k for k, c in enumerate(coefs)) - tgt) * wgt))
    return coefs, err


def hexf(v):
    """a float32 value as a C hex-float literal"""
    mant, exp = float.hex(v).split("p")
    return mant.rstrip("0").rstrip(".") + "p" + exp + "f"


def show(name, coefs, err):
    print(f"{name}: relative error 2^{np.log2(err):.1f}")
    print("  " + ", ".join(hexf(c) for c in coefs))


def split(name, v):
    hi = f32(v)
    lo = f32(v - mp.mpf(hi))
    print(f"{name}: hi {hexf(hi)} lo {hexf(lo)}")


def main():
    # e^r - 1 = r + r^2 P(r), |r| <= ln2/2 (range-reduced exponent)
    half = 0.3466
    show("exp_neon.h P(r), degree 5", *fit(
        lambda r: (mp.expm1(mp.mpf(r)) - r) / mp.mpf(r)**2,
        lambda r: mp.mpf(r)**2 / abs(mp.expm1(mp.mpf(r))), 5, -half, half))
    # tanh x = x + x^3 P(x^2), |x| < 0.625
    show("tanh_neon.c P(x^2), degree 5", *fit(
        lambda t: (mp.tanh(mp.sqrt(t)) - mp.sqrt(t)) / mp.sqrt(t)**3,
        lambda t: mp.sqrt(t)**3 / mp.tanh(mp.sqrt(t)), 5, 1e-12, 0.625**2))
    # log1p f = f + f^2 P(f), f in [sqrt(2)/2 - 1, sqrt(2) - 1]
    lo, hi = float(mp.sqrt(2) / 2 - 1) - 1e-7, float(mp.sqrt(2) - 1) + 1e-7
    show("softplus_neon.c P(f), degree 8", *fit(
        lambda f: (mp.log1p(mp.mpf(f)) - f) / mp.mpf(f)**2,
        lambda f: mp.mpf(f)**2 / abs(mp.log1p(mp.mpf(f))), 8, lo, hi))
    print(f"log2(e) rounded: {hexf(f32(1 / mp.log(2)))}")
    split("ln 2", mp.log(2))
    scale, alpha = mp.mpf(1.0507009873554805), mp.mpf(1.6732632423543772)
    split("selu scale", scale)
    split("selu scale * alpha", scale * alpha)


if __name__ == "__main__":
    main()
