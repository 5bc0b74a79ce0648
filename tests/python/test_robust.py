"""The module under misuse and load: every error type with the library's
message, reference counts, memory over many calls, threads in parallel."""
import gc
import os
import sys
import threading

import numpy as np
import pytest

from conftest import F32, notebook_sample


def rss_kib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4


@pytest.mark.parametrize("bad, kind, message", [
    ([0.5, 0.25], TypeError, "expected an array"),
    ("text", TypeError, "expected an array"),
    (None, TypeError, "expected an array"),
    (np.arange(5), TypeError, "float16, float32 or float64"),
    (np.zeros(3, np.complex64), TypeError, "complex64 .*: actent takes float16, bfloat16"),
    (np.zeros(3, bool), TypeError, "unsupported format"),
    (np.array(["a"]), TypeError, "unsupported format"),
    (np.zeros(3, [("a", F32), ("b", F32)]), TypeError, "unsupported format"),
    (np.array([0.5, np.nan], F32), ValueError, r"x\[1\] is NaN"),
    (np.array([[0.5, 1], [np.inf, 2]]), ValueError, r"x\[2\] is inf"),
    (np.zeros(0, F32), ValueError, "n is 0"),
    (np.array([-3e38, 3e38], F32), ValueError, "wider than float32 holds"),
])
def test_bad_values(actent, bad, kind, message):
    with pytest.raises(kind, match=message):
        actent.histogram(bad, 10)
    if "wider" not in message:
        with pytest.raises(kind, match=message):
            actent.activation_entropy(bad, "relu")


def test_bad_arguments(actent):
    x = notebook_sample()
    cases = [
        (lambda: actent.histogram(x, 0), ValueError, "bins is 0: at least one bin"),
        (lambda: actent.histogram(x, -4), ValueError, "bins is -4"),
        (lambda: actent.histogram(x, 2.5), TypeError, "expected an array"),
        (lambda: actent.histogram(x, [1.0]), ValueError, "at least 2"),
        (lambda: actent.histogram(x, [0.0, np.nan]), ValueError, r"edges\[1\] is nan"),
        (lambda: actent.histogram(x, [1.0, 0.0]), ValueError, "increase monotonically"),
        (lambda: actent.histogram(x, np.zeros((2, 2))), ValueError, "bins must be 1-D"),
        (lambda: actent.histogram(x, ["a", "b"]), TypeError, r"bins\[0\] is a str, not a number"),
        (lambda: actent.entropy([1, 0.5]), TypeError, r"counts\[1\] is a float, not an integer"),
        (lambda: actent.activate(x, "swish"), ValueError, "unknown activation 'swish'.*tanh"),
        (lambda: actent.activate(x, 3), TypeError, "must be a name"),
        (lambda: actent.activate(x, "relu", table="mmx"), ValueError, "unknown ISA 'mmx'"),
        (lambda: actent.activate(x, "relu", table=1), TypeError, "table must be a name"),
        (lambda: actent.activation_entropy(x, "relu", bins=0), ValueError, "bins is 0"),
        (lambda: actent.entropy([1, -1]), ValueError, r"counts\[1\] is -1"),
        (lambda: actent.entropy(np.array([1, -1])), ValueError, r"counts\[1\] is negative"),
        (lambda: actent.entropy(np.array([0.5, 0.5])), TypeError, "must be integers"),
        (lambda: actent.entropy(np.ones((2, 2), int)), ValueError, "1-D"),
        (lambda: actent.entropy(5), TypeError, "expected an array"),
        (lambda: actent.analyse(x, mode="exact"), ValueError, "mode 'exact' is unknown"),
        (lambda: actent.analyse(x, activations="relu,swish"), ValueError, "unknown activation"),
        (lambda: actent.analyse(x, activations=[1]), TypeError, ""),
        (lambda: actent.analyse(x, bins=0), ValueError, "bins is 0"),
        (lambda: actent.analyse(x, iterations=-1), ValueError, "negative"),
        (lambda: actent.analyse(x, seed=2**32), ValueError, "seed must be"),
        (lambda: actent.analyse(np.zeros(0, F32)), ValueError, "no values"),
        (lambda: actent.analyse(np.array([np.nan], F32)), ValueError, "element 0 is nan"),
    ]
    for call, kind, message in cases:
        with pytest.raises(kind, match=message):
            call()


def test_refcounts(actent):
    x = notebook_sample()
    edges = np.linspace(-1, 1, 9)
    counts = [1, 2, 3]
    before = [sys.getrefcount(o) for o in (x, edges, counts)]
    for _ in range(100):
        y = actent.activate(x, "tanh")
        assert sys.getrefcount(y) == 2  # y and getrefcount's argument: nothing else holds it
        h = actent.histogram(x, edges)
        assert sys.getrefcount(h) == 2
        bits, c = actent.activation_entropy(x, "relu")
        assert sys.getrefcount(c) == 2
        actent.entropy(counts)
        d = actent.analyse(x, activations="relu")
        assert sys.getrefcount(d) == 2
        for bad in (lambda: actent.histogram(x, 0), lambda: actent.activate(x, "no")):
            with pytest.raises(ValueError):
                bad()
    del y, h, c, d
    assert [sys.getrefcount(o) for o in (x, edges, counts)] == before


@pytest.mark.skipif(bool(os.environ.get("ACTENT_SANITIZED")),
                    reason="AddressSanitizer's quarantine keeps freed memory resident")
def test_no_leak_over_many_calls(actent):
    """every path, including conversions and errors, 3000 times: RSS stays flat"""
    x = np.asfortranarray(np.random.RandomState(1).uniform(-1, 1, (256, 64)).astype(">f8"))
    bad = np.array([1.0, np.nan], F32)

    def once():
        actent.activate(x, "sigmoid")
        actent.histogram(x, 50)
        actent.histogram(x, np.linspace(-1, 1, 30))
        actent.activation_entropy(x, "elu", 49)
        actent.entropy(np.arange(40))
        actent.analyse(x[:16], activations="relu,tanh", iterations=2)
        for call in (lambda: actent.histogram(bad, 5), lambda: actent.analyse(bad)):
            try:
                call()
            except ValueError:
                pass

    for _ in range(300):
        once()
    gc.collect()
    start = rss_kib()
    for _ in range(3000):
        once()
    gc.collect()
    # one leaked copy of x per call would be 3000 x 128 KiB = 375 MiB
    assert rss_kib() - start < 8 * 1024


def test_threads_in_parallel_agree(actent):
    """the GIL is released in the kernels: 8 threads, same answers as one"""
    xs = [np.random.RandomState(s).normal(0, 2, 1 << 18).astype(F32) for s in range(8)]
    want = [(actent.activation_entropy(x, "tanh", 200)[0], actent.histogram(x, 64).tolist(),
             actent.analyse(x[:5000], iterations=3, seed=2)) for x in xs]
    got = [None] * len(xs)
    go = threading.Barrier(len(xs))

    def work(i):
        go.wait()
        for _ in range(5):
            got[i] = (actent.activation_entropy(xs[i], "tanh", 200)[0],
                      actent.histogram(xs[i], 64).tolist(),
                      actent.analyse(xs[i][:5000], iterations=3, seed=2))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(xs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == want


def test_version_and_lists(actent):
    import re
    assert re.fullmatch(r"\d+\.\d+\.\d+", actent.version)
    assert actent.activations()[:3] == ["sigmoid", "tanh", "relu"]
    assert actent.tables()[-1] == "scalar"
    assert set(actent.tables()) <= set(actent.tables(all=True))
    assert actent.max_ulp("relu", "scalar") == 0


def run_python(code, **env):
    import os
    import subprocess
    e = dict(os.environ, **env)
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                          text=True, env=e, cwd="/").stdout


def test_without_numpy(actent):
    """numpy missing: results are typed memoryviews of the same shape"""
    out = run_python(
        "import sys, array; sys.modules['numpy'] = None\n"
        "import actent\n"
        "x = array.array('f', [0.5, -1, 2, 3])\n"
        "y = actent.activate(memoryview(x).cast('B').cast('f', [2, 2]), 'relu')\n"
        "h = actent.histogram(x, 2)\n"
        "print(y.shape, y.tolist(), h.format, h.tolist(),\n"
        "      actent.activation_entropy(x, 'relu', 3)[1].tolist())\n")
    # relu: [0.5, 0, 2, 3]; 2 bins on [-1, 3]; 3 bins on [0, 3]
    assert out.split() == "(2, 2) [[0.5, 0.0], [2.0, 3.0]] q [2, 2] [2, 0, 2]".split()


def test_cmake_install_puts_it_in_site_packages(tmp_path):
    import glob
    import os
    import subprocess
    build = os.environ.get("ACTENT_BUILD")
    if not build:
        pytest.skip("ACTENT_BUILD is not set (ctest sets it)")
    subprocess.run(["cmake", "--install", build, "--prefix", str(tmp_path)], check=True,
                   capture_output=True)
    (ext,) = glob.glob(str(tmp_path / "lib" / "python3*" / "*-packages" / "actent" /
                           "_actent*.so"))
    pkg = os.path.dirname(ext)
    assert sorted(os.listdir(pkg)) == sorted(["__init__.py", "__init__.pyi", "torch.py",
                                              "py.typed", os.path.basename(ext)])
    out = run_python("import actent; print(actent.__file__, actent.version, "
                     "actent.histogram(memoryview(bytes(8)).cast('f'), 3).tolist())",
                     PYTHONPATH=os.path.dirname(pkg))
    assert out.split() == [os.path.join(pkg, "__init__.py"), actent_version(), "[0,", "2,",
                           "0]"]


def actent_version():
    import actent
    return actent.version
