"""The module against hostile and careless callers: objects that once crashed
the interpreter run in a subprocess that must end by an exception, never by a
signal; wrong answers compared with numpy/scipy; work that cannot be stopped."""
import ctypes
import os
import signal
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest
import scipy.stats

from conftest import F32, notebook_sample


def isolated(code, timeout=120):
    """runs code in a fresh interpreter importing the same module; returns
    (returncode, stdout, stderr). A negative code is death by a signal."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    r = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                       text=True, env=env, timeout=timeout)
    return r.returncode, r.stdout, r.stderr


def raises_in_child(code, kind, message):
    rc, out, err = isolated("import actent, numpy as np\n" + textwrap.dedent(code))
    assert rc >= 0, f"the interpreter died by signal {-rc}: {err[-500:]}"
    last = err.strip().splitlines()[-1] if err.strip() else ""
    assert rc == 1 and last.startswith(kind + ":") and message in last, (rc, out, err[-800:])


# 1. ctypes exports its buffer without strides (NULL means C-contiguous)
def test_ctypes_arrays_read_as_contiguous(actent):
    vals = [-1.5, -0.25, 0.0, 0.75, 2.0, 3.5]
    cx = (ctypes.c_float * 6)(*vals)
    x = np.array(vals, F32)
    np.testing.assert_array_equal(actent.activate(cx, "relu"), np.maximum(x, 0))
    cx2 = ((ctypes.c_float * 3) * 2)(*[(ctypes.c_float * 3)(*vals[:3]),
                                       (ctypes.c_float * 3)(*vals[3:])])
    np.testing.assert_array_equal(actent.activate(cx2, "relu"), np.maximum(x, 0).reshape(2, 3))
    edges = (ctypes.c_double * 4)(-2.0, 0.0, 1.0, 4.0)
    np.testing.assert_array_equal(actent.histogram(cx, edges),
                                  np.histogram(x, np.array(list(edges)))[0])
    np.testing.assert_array_equal(actent.histogram(cx, 4), np.histogram(x, 4)[0])
    counts = (ctypes.c_int64 * 3)(1, 2, 3)
    assert actent.entropy(counts) == scipy.stats.entropy([1, 2, 3], base=2)
    r = actent.analyse(cx, activations="relu")
    assert r["input_entropy"] == scipy.stats.entropy(np.histogram(x, 50)[0], base=2)


def test_ctypes_in_a_child_never_crashes():
    rc, out, err = isolated("""
        import actent, ctypes
        print(actent.activate((ctypes.c_float * 4)(), "relu").tolist())
        print(actent.entropy((ctypes.c_uint8 * 2)(1, 1)))
    """)
    assert rc == 0, err
    assert out.split() == ["[0.0,", "0.0,", "0.0,", "0.0]", "1.0"]


# 2. a typestr that is not valid text
def test_surrogate_typestr():
    raises_in_child("""
        class A:
            __array_interface__ = {"typestr": "\\ud800", "shape": (4,), "data": (0, True),
                                   "version": 3}
        actent.activate(A(), "relu")
    """, "TypeError", "typestr is not valid text")


# 3. a shape whose element count wraps
def test_shape_that_overflows():
    raises_in_child("""
        b = np.zeros(4, np.float32)
        class A:
            __array_interface__ = {"typestr": "<f4", "shape": (3, 6148914691236517206),
                                   "strides": (0, 0), "data": (b.ctypes.data, True),
                                   "version": 3}
        actent.activate(A(), "relu")
    """, "ValueError", "holds more elements than any array can")
    raises_in_child("""
        b = np.zeros(4, np.float32)
        class A:
            __array_interface__ = {"typestr": "<f4", "shape": (2**62, 4), "strides": (4, 0),
                                   "data": (b.ctypes.data, True), "version": 3}
        actent.entropy(A())
    """, "ValueError", "holds more elements than any array can")


def test_null_data_address(actent):
    class A:
        __array_interface__ = {"typestr": "<f4", "shape": (4,), "data": (0, True), "version": 3}
    for call in (lambda: actent.activate(A(), "relu"), lambda: actent.histogram(A(), 4),
                 lambda: actent.activation_entropy(A(), "relu")):
        with pytest.raises(ValueError, match=r"x: its data address is NULL|a: its data address"):
            call()

    class Empty:
        __array_interface__ = {"typestr": "<f4", "shape": (0,), "data": (0, True), "version": 3}
    assert actent.activate(Empty(), "relu").shape == (0,)


# 4. a sequence that changes itself while it is read
def test_list_cleared_by_index():
    raises_in_child("""
        L = []
        class I:
            def __index__(self):
                L.clear()
                return 3
        L.extend([I()] + [object() for _ in range(3)])
        actent.entropy(L)
    """, "TypeError", "counts[1] is a object, not an integer")


def test_list_cleared_by_float():
    raises_in_child("""
        x = np.linspace(-1, 1, 100).astype(np.float32)
        L = []
        class F:
            def __float__(self):
                L.clear()
                return 0.0
        L.extend([-1.0, F(), object(), 2.0])
        actent.histogram(x, L)
    """, "TypeError", "bins[2] is a object, not a number")


def test_list_mutated_reads_the_values_given(actent):
    L = []

    class I:
        def __index__(self):
            L[:] = [99] * 10  # the call reads the list as it was when called
            return 1
    L.extend([I(), 1, 2])
    assert actent.entropy(L) == scipy.stats.entropy([1, 1, 2], base=2)


# 6. counts whose sum passes 2^64
@pytest.mark.parametrize("counts", [
    np.array([2**63, 2**63], np.uint64),
    np.array([2**64 - 1] * 2, np.uint64),
    np.array([2**62] * 5, np.int64),
    [2**64 - 1, 2**64 - 1, 2**63],
])
def test_entropy_of_huge_counts(actent, counts):
    # scipy on the same counts as float64 (its integer sum would wrap)
    want = scipy.stats.entropy(np.asarray(counts, np.float64), base=2)
    assert actent.entropy(counts) == pytest.approx(want, rel=1e-15)


def test_counts_past_uint64(actent):
    with pytest.raises(ValueError, match=r"counts\[0\] is 18446744073709551616: counts must be"):
        actent.entropy([2**64])


# 7. seeds that wrapped
@pytest.mark.parametrize("seed, message", [
    (2**64 + 7, "seed is 18446744073709551623: seed must be in 0 .. 2\\*\\*32 - 1"),
    (-(2**64) + 3, "seed is -18446744073709551613: it cannot be negative"),
    (2**32, "seed must be in 0 .. 2\\*\\*32 - 1"),
    (-1, "cannot be negative"),
])
def test_seed_out_of_range(actent, seed, message):
    with pytest.raises(ValueError, match=message):
        actent.analyse(notebook_sample(), seed=seed)


def test_seed_accepts_numpy_integers(actent):
    x = notebook_sample()
    assert actent.analyse(x, seed=np.uint32(5), iterations=1) == \
        actent.analyse(x, seed=5, iterations=1)


# 11. names with a NUL in them
def test_names_with_nul(actent):
    x = notebook_sample()
    with pytest.raises(ValueError, match="contains a NUL character"):
        actent.activate(x, "relu\0")
    with pytest.raises(ValueError, match="contains a NUL character"):
        actent.analyse(x, activations="relu\0tanh")
    with pytest.raises(ValueError, match="contains a NUL character"):
        actent.analyse(x, activations=["relu", "tanh\0"])
    with pytest.raises(ValueError, match="contains a NUL character"):
        actent.analyse(x, mode="consistent\0")
    with pytest.raises(ValueError, match="contains a NUL character"):
        actent.activate(x, "relu", table="scalar\0avx2")


# 12. work without bound, and work that must stop on Ctrl-C
def test_iterations_capped_as_the_cli(actent):
    with pytest.raises(ValueError, match="iterations is 1000000000: at most 2\\*\\*20"):
        actent.analyse(notebook_sample(), iterations=10**9)
    with pytest.raises(ValueError, match="iterations is 1048577"):
        actent.analyse(notebook_sample(), iterations=2**20 + 1)


def test_sigint_stops_analyse():
    code = textwrap.dedent("""
        import actent, numpy as np, sys, time
        x = np.random.RandomState(0).uniform(-1, 1, 100000).astype(np.float32)
        print("started", flush=True)
        t0 = time.monotonic()
        try:
            actent.analyse(x, iterations=2**20)
        except KeyboardInterrupt:
            print("interrupted %.3f" % (time.monotonic() - t0), flush=True)
            sys.exit(3)
        print("finished", flush=True)
    """)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=env)
    assert p.stdout.readline().strip() == "started"
    time.sleep(1.0)
    t0 = time.monotonic()
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=60)
    assert p.returncode == 3, (p.returncode, out, err)
    assert "interrupted" in out
    assert time.monotonic() - t0 < 10  # stopped within a round or two, not at the end


# 14. messages that say what is wrong
def test_messages(actent):
    x = notebook_sample()
    with pytest.raises(ValueError, match="bins is 16777217: at most 16777216 bins"):
        actent.histogram(x, 2**24 + 1)
    with pytest.raises(ValueError, match="bins is 16777217: at most 16777216 bins"):
        actent.activation_entropy(x, "relu", bins=2**24 + 1)
    with pytest.raises(ValueError, match="bins is 16777217"):
        actent.analyse(x, bins=2**24 + 1)
    with pytest.raises(ValueError, match="bins is 9223372036854775808: at most"):
        actent.histogram(x, 2**63)  # ValueError, as the docs promise, not OverflowError
    with pytest.raises(ValueError, match="bins is -9223372036854775809"):
        actent.histogram(x, -(2**63) - 1)
    with pytest.raises(ValueError, match="not valid text: it holds a lone surrogate"):
        actent.activate(x, "\ud800")
    with pytest.raises(ValueError, match="table is not valid text"):
        actent.activate(x, "relu", table="\ud800")
    with pytest.raises(ValueError, match=r"bins\[1\] is too large for a float"):
        actent.histogram(x, [0, 10**400])


def test_hostile_battery_leaves_the_interpreter_alive():
    """every crash case above, one after another in one interpreter"""
    rc, out, err = isolated("""
        import actent, ctypes, numpy as np
        b = np.zeros(4, np.float32)
        class S: __array_interface__ = {"typestr": "\\ud800", "shape": (4,), "data": (0, True)}
        class B: __array_interface__ = {"typestr": "<f4", "shape": (3, 6148914691236517206),
                                        "strides": (0, 0), "data": (b.ctypes.data, True)}
        L = []
        class I:
            def __index__(self):
                L.clear(); return 3
        L.extend([I(), object()])
        n = 0
        for call in (lambda: actent.activate((ctypes.c_float * 4)(), "relu"),
                     lambda: actent.activate(S(), "relu"), lambda: actent.activate(B(), "relu"),
                     lambda: actent.entropy(L), lambda: actent.activate(b, "relu\\0")):
            try:
                call()
            except (TypeError, ValueError):
                pass
            n += 1
        print(n)
    """)
    assert rc == 0 and out.strip() == "5", (rc, out, err)
