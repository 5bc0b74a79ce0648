"""Shared helpers for the module's tests: references come from numpy/scipy
(scripts/gen_reference.py defines the activations), never from actent."""
import os
import sys

import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))

F32 = np.float32


def notebook_sample():
    np.random.seed(0)
    return np.random.uniform(-1, 1, 4096).astype(F32)


def ordered(a):
    """float32 bit patterns mapped to integers that order like the floats"""
    i = np.ascontiguousarray(a, F32).view(np.int32).astype(np.int64)
    return np.where(i < 0, -(i & 0x7FFFFFFF), i)


def ulp(a, b):
    """ULP distance of two float32 arrays; NaN against NaN is 0"""
    both = np.isnan(a) & np.isnan(b)
    d = np.abs(ordered(a) - ordered(b))
    return np.where(both, 0, d)


def adversarial():
    """(name, float32 array): the inputs numpy's binning finds hardest"""
    rs = np.random.RandomState(7)
    edges = np.linspace(-1, 1, 51).astype(F32)
    return [
        ("uniform", rs.uniform(-1, 1, 10007).astype(F32)),
        ("normal", rs.normal(0, 3, 5000).astype(F32)),
        ("on_edges", np.concatenate([edges, edges, rs.uniform(-1, 1, 100).astype(F32)])),
        ("ties", rs.randint(-3, 4, 2000).astype(F32)),
        ("neg_zero", np.array([-0.0, 0.0, -0.0, 1.0, -1.0], F32)),
        ("one_value", np.full(100, 0.25, F32)),
        ("single", np.array([-7.5], F32)),
        ("huge", np.array([-1e38, 1e38, 0, 3e37, -2e-38], F32)),
        ("tiny", np.array([1e-45, -1e-45, 0.0, 2e-45], F32)),
        ("wide", rs.uniform(-1e30, 1e30, 3000).astype(F32)),
    ]


@pytest.fixture(scope="session", autouse=True)
def actent():
    """the module under test; ACTENT_INSTALLED=PREFIX (scripts/test's wheel
    stage) demands the one installed under PREFIX, not a build tree's"""
    import actent as mod
    prefix = os.environ.get("ACTENT_INSTALLED")
    if prefix:
        where = os.path.realpath(mod.__file__)
        assert where.startswith(os.path.realpath(prefix) + os.sep), \
            "testing %s, not the module installed under %s" % (where, prefix)
    return mod
