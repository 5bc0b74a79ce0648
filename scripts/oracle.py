"""The test oracle: every activation in numpy/scipy (and torch's float32
steps where PyTorch defines the activation), independent of actent's C
definitions (kernels/scalar/<op>_scalar.c). Reference vectors
(scripts/gen_reference.py) and population limits (scripts/gen_estimators.py)
come from here; `oracle.check()` fails, naming it, for an activation of
kernels/act_list.h that has no form here.

    vectorised: f64_ops()[name](float64 array), F32_OPS[name](float32 array)
    population: SCALAR[name] = (f, f'), scalar floats; turn(name), breaks(name)
"""
import math

import numpy as np
import scipy.special
from scipy import optimize

import act_list

SELU_SCALE = 1.0507009873554805
SELU_ALPHA = 1.6732632423543772
F32 = np.float32


# Transcendental ops: the float64 value (actent rounds its double result once).
# Piecewise-linear ops: numpy's float32 steps, which actent must repeat bit for bit.
def f64_ops():
    with np.errstate(over="ignore", invalid="ignore"):
        return {
            "sigmoid": lambda d: 1.0 / (1.0 + np.exp(-d)),
            "tanh": np.tanh,
            "softsign": lambda d: np.where(np.isinf(d), np.sign(d), d / (1.0 + np.abs(d))),
            "softplus": lambda d: np.maximum(d, 0.0) + np.log1p(np.exp(-np.abs(d))),
            "selu": lambda d: np.where(d > 0, SELU_SCALE * d, SELU_SCALE * (SELU_ALPHA * np.expm1(d))),
            "elu": lambda d: np.where(d > 0, d, np.expm1(d)),
            "gelu": gelu,
            "gelu_tanh": gelu_tanh,
            "silu": lambda d: np.maximum(d, -800.0) / (1.0 + np.exp(-np.maximum(d, -800.0))),
            "mish": mish,
        }


# The activations networks use today, as PyTorch defines them, in double. Each
# holds x where the float32 result is already -0 (gelu below -40, gelu_tanh
# below -100, silu and mish below -800), so that -inf gives -0 (the limit) as
# the C reference does, not -inf * 0.
def gelu(d):
    """x * Phi(x) = 0.5 x (1 + erf(x / sqrt 2)); for x < 0 the same value as
    0.5 x erfc(-x / sqrt 2), which keeps its relative accuracy in the tail"""
    d = np.maximum(d, -40.0)
    return np.where(d >= 0, 0.5 * d * (1.0 + scipy.special.erf(d / np.sqrt(2.0))),
                    0.5 * d * scipy.special.erfc(-d / np.sqrt(2.0)))


def gelu_tanh(d):
    """0.5 x (1 + tanh(u)), u = sqrt(2/pi) (x + 0.044715 x^3), as x / (1 + e^-2u)"""
    c = np.clip(d, -100.0, 100.0)
    u = np.sqrt(2.0 / np.pi) * (c + 0.044715 * c * c * c)
    return np.maximum(d, -100.0) / (1.0 + np.exp(-2.0 * u))


def mish(d):
    """x tanh(softplus(x))"""
    d = np.maximum(d, -800.0)
    return d * np.tanh(np.maximum(d, 0.0) + np.log1p(np.exp(-np.abs(d))))


def hardswish(x):
    """PyTorch's float32 steps (kernels/scalar/hardswish_scalar.c): x + 3,
    clamp to [0, 6], times max(x, -3), divided by 6; -inf gives -0"""
    t = x + F32(3)
    t = np.where(t < 0, F32(0), t)
    t = np.where(t > 6, F32(6), t)
    return (np.where(x < -3, F32(-3), x) * t / F32(6)).astype(F32)


def hardsigmoid(x):
    """PyTorch's float32 steps (kernels/scalar/hardsigmoid_scalar.c): x + 3,
    clamp to [0, 6], divided by 6"""
    t = x + F32(3)
    t = np.where(t < 0, F32(0), t)
    t = np.where(t > 6, F32(6), t)
    return (t / F32(6)).astype(F32)


def hard_sigmoid(x):  # the notebook's own definition
    lin = 0.2 * x + 0.5
    lin[x < -2.5] = 0
    lin[x > 2.5] = 1
    return lin


F32_OPS = {
    "relu": lambda x: np.maximum(x, F32(0)),
    "hard_sigmoid": hard_sigmoid,
    "relu6": lambda x: np.minimum(np.maximum(x, F32(0)), F32(6)),
    "leaky_relu": lambda x: np.where(x > 0, x, F32(0.2) * x),
    "linear": lambda x: x.copy(),
    "hardswish": hardswish,
    "hardsigmoid": hardsigmoid,
}


def activate(name, x):
    """float32 results of activation name on float32 x, as the tests expect them"""
    if name in F32_OPS:
        return F32_OPS[name](x)
    with np.errstate(over="ignore"):
        return f64_ops()[name](x.astype(np.float64)).astype(F32)


# ---------------------------------------------------------------- population forms
def _sig(x):
    return scipy.special.expit(x)


def _gtu(x):
    return math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)


def _sp(x):
    return np.logaddexp(0.0, x)


# (f, f') of the exact mathematical function, scalar in, scalar out
SCALAR = {
    "sigmoid": (_sig, lambda x: _sig(x) * (1 - _sig(x))),
    "tanh": (math.tanh, lambda x: 1 - math.tanh(x) ** 2),
    "relu": (lambda x: max(x, 0.0), lambda x: 1.0 if x > 0 else 0.0),
    "softsign": (lambda x: x / (1 + abs(x)), lambda x: 1 / (1 + abs(x)) ** 2),
    "softplus": (_sp, _sig),
    "hard_sigmoid": (lambda x: min(max(0.2 * x + 0.5, 0.0), 1.0),
                     lambda x: 0.2 if -2.5 < x < 2.5 else 0.0),
    "selu": (lambda x: SELU_SCALE * x if x > 0 else SELU_SCALE * SELU_ALPHA * math.expm1(x),
             lambda x: SELU_SCALE if x > 0 else SELU_SCALE * SELU_ALPHA * math.exp(x)),
    "relu6": (lambda x: min(max(x, 0.0), 6.0), lambda x: 1.0 if 0 < x < 6 else 0.0),
    "elu": (lambda x: x if x > 0 else math.expm1(x), lambda x: 1.0 if x > 0 else math.exp(x)),
    "leaky_relu": (lambda x: x if x > 0 else 0.2 * x, lambda x: 1.0 if x > 0 else 0.2),
    "linear": (lambda x: x, lambda x: 1.0),
    "gelu": (lambda x: x * scipy.special.ndtr(x),
             lambda x: scipy.special.ndtr(x) + x * math.exp(-x * x / 2) / math.sqrt(2 * math.pi)),
    "gelu_tanh": (lambda x: 0.5 * x * (1 + math.tanh(_gtu(x))),
                  lambda x: 0.5 * (1 + math.tanh(_gtu(x))) + 0.5 * x * (1 - math.tanh(_gtu(x)) ** 2)
                  * math.sqrt(2 / math.pi) * (1 + 3 * 0.044715 * x * x)),
    "silu": (lambda x: x * _sig(x), lambda x: _sig(x) * (1 + x * (1 - _sig(x)))),
    "mish": (lambda x: x * math.tanh(_sp(x)),
             lambda x: math.tanh(_sp(x)) + x * (1 - math.tanh(_sp(x)) ** 2) * _sig(x)),
    "hardswish": (lambda x: 0.0 if x <= -3 else x if x >= 3 else x * (x + 3) / 6,
                  lambda x: 0.0 if x < -3 else 1.0 if x > 3 else (2 * x + 3) / 6),
    "hardsigmoid": (lambda x: 0.0 if x <= -3 else 1.0 if x >= 3 else (x + 3) / 6,
                    lambda x: 1 / 6 if -3 < x < 3 else 0.0),
}

# where f is not smooth (kinks, the ends of flat parts)
_BREAKS = {"relu": [0.0], "softsign": [0.0], "hard_sigmoid": [-2.5, 2.5], "selu": [0.0],
           "relu6": [0.0, 6.0], "elu": [0.0], "leaky_relu": [0.0], "hardswish": [-3.0, 3.0],
           "hardsigmoid": [-3.0, 3.0]}


def turn(name):
    """the interior minimiser of a non-monotonic activation (scipy.optimize on
    f itself, bracketed on [-4, 0]), None for a monotonic one"""
    f = SCALAR[name][0]
    r = optimize.minimize_scalar(f, bounds=(-4.0, 0.0), method="bounded",
                                 options={"xatol": 1e-13})
    # monotonic on [-4, 0] (or flat): the minimum sits at the left end or f has no dip
    lo = f(-4.0)
    if not r.success or r.x < -3.999 or not (r.fun < min(lo, f(0.0)) - 1e-12):
        return None
    return float(r.x)


def breaks(name):
    """where f turns or is not smooth, ascending"""
    t = turn(name)
    return sorted(_BREAKS.get(name, []) + ([t] if t is not None else []))


def check():
    """every activation of the list has every form here, or an error naming it"""
    for name in act_list.ORDER:
        missing = [what for what, have in (("f64_ops/F32_OPS", name in f64_ops() or name in F32_OPS),
                                           ("SCALAR", name in SCALAR)) if not have]
        if missing:
            raise SystemExit("scripts/oracle.py: activation '%s' (kernels/act_list.h) has no %s form"
                             % (name, " or ".join(missing)))


if __name__ == "__main__":
    check()
    print("oracle: all %d activations of kernels/act_list.h have their numpy/scipy forms"
          % len(act_list.ORDER))
