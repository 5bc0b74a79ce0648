"""The actent module against numpy, scipy and the CLI (run by ctest as
`python`, PYTHONPATH = build/python). Errors, refcounts, leaks and threads are
in test_robust.py."""
import json
import os
import subprocess

import numpy as np
import pytest
from scipy import stats

import gen_reference as ref
from conftest import HERE, F32, adversarial, notebook_sample, ulp

BINS = [1, 2, 7, 49, 50, 1000]


def layouts(x):
    """the same values in every layout and dtype the module converts:
    (name, array, the float32 values numpy should see)"""
    x32 = np.asarray(x, F32)
    out = [("f32", x32, x32), ("big_endian", x32.astype(">f4"), x32),
           ("f64", x32.astype(np.float64), x32),
           ("memoryview", memoryview(x32), x32)]
    with np.errstate(over="ignore"):
        x16 = x32.astype(np.float16)
    if np.isfinite(x16).all():  # else numpy refuses to bin it too
        out.append(("f16", x16, x16.astype(F32)))
    if x32.size >= 6:
        pad = np.zeros(x32.size * 3, F32)
        pad[::3] = x32.ravel()
        out.append(("strided", pad[::3].reshape(x32.shape), x32))
    if x32.size % 2 == 0 and x32.size >= 4:
        m = x32.reshape(2, -1)
        f = np.asfortranarray(m)
        out.append(("fortran", f, m.ravel()))
        out.append(("transposed", m.T, m.T.ravel()))
        out.append(("big_endian_f64_T", m.astype(">f8").T, m.T.ravel()))
    return out


@pytest.mark.parametrize("case", adversarial(), ids=lambda c: c[0])
@pytest.mark.parametrize("bins", BINS)
def test_histogram_uniform_mode(actent, case, bins):
    _, x = case
    for layout, a, seen in layouts(x):
        got = actent.histogram(a, bins)
        want = np.histogram(seen, bins=bins)[0]
        assert got.dtype == np.int64 and got.shape == (bins,), layout
        np.testing.assert_array_equal(got, want, err_msg=layout)


@pytest.mark.parametrize("case", adversarial(), ids=lambda c: c[0])
def test_histogram_given_edges(actent, case):
    _, x = case
    lo, hi = float(x.min()), float(x.max())
    rs = np.random.RandomState(3)
    for edges in (np.linspace(lo, hi, 11), np.linspace(lo - 1, (lo + hi) / 2, 5),
                  np.sort(rs.uniform(lo, hi if hi > lo else lo + 1, 9)),
                  np.array([lo, lo, hi, hi]),  # empty bins of zero width
                  np.unique(x.astype(np.float64))[:20]):
        if edges.size < 2:
            continue
        want = np.histogram(x, bins=edges)[0]
        for layout, a, seen in layouts(x):
            np.testing.assert_array_equal(actent.histogram(a, edges),
                                          np.histogram(seen, bins=edges)[0], err_msg=layout)
        np.testing.assert_array_equal(actent.histogram(x, list(edges)), want)
        np.testing.assert_array_equal(actent.histogram(x, edges.astype(F32)),
                                      np.histogram(x, bins=edges.astype(F32))[0])


def test_histogram_numpy_integer_bins(actent):
    x = np.random.RandomState(1).uniform(-1, 1, 999).astype(F32)
    np.testing.assert_array_equal(actent.histogram(x, np.int64(13)), np.histogram(x, 13)[0])
    np.testing.assert_array_equal(actent.histogram(x, np.array(13)), np.histogram(x, 13)[0])


def test_entropy_against_scipy(actent):
    rs = np.random.RandomState(5)
    cases = [[1], [1, 0, 0], [5, 5], rs.randint(0, 1000, 49), rs.randint(0, 3, 1000),
             np.array([2**40, 1, 0, 7], np.uint64), np.array([3, 4, 5], np.uint8),
             np.array([1, 2, 3], ">i4"), (4, 0, 4)]
    for c in cases:
        want = stats.entropy(np.asarray(c, np.float64), base=2)
        assert actent.entropy(c) == pytest.approx(want, rel=1e-15, abs=1e-15)
    assert np.isnan(actent.entropy([0, 0, 0]))
    # the notebook's input entropy, to the last bit
    x = notebook_sample()
    assert actent.entropy(actent.histogram(x, 50)) == 5.634427827586692


@pytest.mark.parametrize("name", ref.ORDER)
def test_activate_scalar_against_numpy(actent, name):
    x = np.concatenate([notebook_sample(), np.random.RandomState(2).uniform(-40, 40, 5000)
                        .astype(F32), np.array([0.0, -0.0, 1e-45, np.inf, -np.inf, np.nan], F32)])
    y = actent.activate(x, name, table="scalar")
    assert y.dtype == F32 and y.shape == x.shape
    with np.errstate(invalid="ignore"):
        want = ref.activate(name, x)
    bound = 0 if name in ref.F32_OPS else 1  # double libm vs numpy's, rounded once
    assert ulp(y, want).max() <= bound


@pytest.mark.parametrize("name", ref.ORDER)
def test_activate_tables_within_declared_ulp(actent, name):
    x = np.random.RandomState(4).uniform(-20, 20, 30011).astype(F32)
    scalar = actent.activate(x, name, table="scalar")
    for t in actent.tables():
        assert ulp(actent.activate(x, name, table=t), scalar).max() <= actent.max_ulp(name, t)
    # shapes and layouts: same values, x's shape, C order
    m = x[:30000].reshape(100, 300)
    for layout, a, seen in layouts(m):
        y = actent.activate(a, name)
        assert y.shape == a.shape and y.flags.c_contiguous, layout
        np.testing.assert_array_equal(y.ravel(), actent.activate(seen, name).ravel(), layout)
    assert actent.activate(np.float32(0.5), name).shape == ()
    assert actent.activate(np.zeros((0, 3), F32), name).shape == (0, 3)


@pytest.mark.parametrize("name", ref.ORDER)
@pytest.mark.parametrize("bins", [1, 49, 200])
def test_activation_entropy_is_the_notebooks_histogram(actent, name, bins):
    for _, x in adversarial()[:7] + [("sample", notebook_sample())]:
        for t in actent.tables():
            bits, counts = actent.activation_entropy(x, name, bins=bins, table=t)
            y = actent.activate(x, name, table=t)
            edges = np.linspace(y.min(), y.max(), bins + 1)
            np.testing.assert_array_equal(counts, np.histogram(y, bins=edges)[0])
            assert bits == pytest.approx(stats.entropy(counts, base=2), rel=1e-15, abs=1e-15)


def test_notebook_numbers(actent):
    x = notebook_sample()
    assert actent.activation_entropy(x, "relu")[0] == 3.680359607287367
    assert actent.activation_entropy(x, "linear", 49)[0] == 5.606174155235519


def cli_results(args):
    exe = os.environ.get("ACTENT_EXE", "build/actent")
    if not os.access(exe, os.X_OK):
        pytest.skip("no actent program at %s (ACTENT_EXE)" % exe)
    out = subprocess.run([exe, "experiment", "--json", "-"] + args, check=True,
                         capture_output=True, text=True).stdout
    doc = json.loads(out)
    assert set(doc) == {"schema", "command", "sweep", "results"}
    return doc["results"]


@pytest.mark.parametrize("mode", ["notebook", "consistent"])
def test_analyse_equals_the_cli(actent, mode):
    (want,) = cli_results(["--iterations", "0", "--mode", mode])
    got = actent.analyse(notebook_sample(), mode=mode, iterations=0, table=want["table"])
    # how the CLI was called and where the values came from (its own sample;
    # the module's caller's array)
    skip = {"command", "dist", "input"}
    assert "dist" not in got and got["input"]["source"] == "array"
    assert {k: v for k, v in got.items() if k not in skip} == \
        {k: v for k, v in want.items() if k not in skip}
    (want,) = cli_results(["--iterations", "0", "--activations", "tanh,relu", "--bins", "20"])
    got = actent.analyse(notebook_sample(), activations=["tanh", "relu"], bins=20,
                         table=want["table"])
    assert got["activations"] == want["activations"]


@pytest.mark.parametrize("dtype", ["float16", "float32", ">f8"])
def test_analyse_describes_the_array(actent, dtype):
    """a result on the caller's array names that array (shape, dtype), never
    the notebook sample's distribution, and stays a valid schema element"""
    x = np.random.RandomState(3).normal(0, 1, (64, 48)).astype(dtype)[:, ::2]
    got = actent.analyse(x, activations="relu,tanh", bins=20)
    assert "dist" not in got and "sigma" not in got
    assert got["input"] == {"source": "array", "shape": [64, 24],
                            "dtype": np.dtype(dtype).str, "fortran_order": False,
                            "values": 64 * 24, "nonfinite_dropped": 0}
    assert got["n"] == 64 * 24
    jsonschema = pytest.importorskip("jsonschema")
    with open(os.path.join(HERE, "..", "..", "docs", "experiment.schema.json")) as f:
        schema = json.load(f)
    element = {"$schema": schema["$schema"], "$defs": schema["$defs"],
               "$ref": "#/$defs/result"}
    jsonschema.validate(got, element)
    with pytest.raises(jsonschema.ValidationError):  # the check can fail
        jsonschema.validate({**got, "input": {**got["input"], "source": "file"}}, element)


def test_analyse_transform_against_numpy(actent):
    """the copy-neighbour transform: the stream starts at np.random.seed(seed)"""
    x = np.random.RandomState(9).normal(0, 2, 3001).astype(F32)
    got = actent.analyse(x, activations="all", bins=30, iterations=5, seed=11)
    np.random.seed(11)
    byname = {a["name"]: a for a in got["activations"]}
    for name in ref.ORDER:  # the notebook's order drives the random stream
        y = actent.activate(x, name, table=got["table"])
        edges = np.linspace(y.min(), y.max(), 30)
        np.testing.assert_array_equal(byname[name]["counts"], np.histogram(y, edges)[0])
        t = ref.copy_neighbour(y, 5)
        np.testing.assert_array_equal(byname[name]["counts_after_transform"],
                                      np.histogram(t, edges)[0])
    assert got["input_counts"] == list(np.histogram(x, 30)[0])


def test_inputs_beyond_numpy(actent):
    import array
    x = notebook_sample()
    a = array.array("f", x.tolist())
    np.testing.assert_array_equal(actent.histogram(a, 50), np.histogram(x, 50)[0])

    class Iface:  # __array_interface__ only, no buffer protocol
        def __init__(self, arr):
            self.arr = arr
            self.__array_interface__ = arr.__array_interface__

    for arr in (x, x.astype(">f8")[::2], np.asfortranarray(x.reshape(64, 64))):
        want = actent.histogram(arr, 50)
        np.testing.assert_array_equal(actent.histogram(Iface(arr), 50), want)
    torch = pytest.importorskip("torch")
    t = torch.from_numpy(x)
    np.testing.assert_array_equal(actent.histogram(t, 50), np.histogram(x, 50)[0])
    np.testing.assert_array_equal(actent.activate(t[::2], "tanh"), actent.activate(x[::2], "tanh"))


def test_signatures(actent):
    """inspect.signature sees every function's arguments (its __text_signature__),
    and the keyword names it shows are the ones the function takes"""
    import inspect
    x = notebook_sample()
    calls = {"activations": {}, "tables": {"all": True}, "max_ulp": None, "entropy": None,
             "activate": {"x": x, "name": "relu", "table": None},
             "histogram": {"a": x, "bins": 5, "table": None},
             "activation_entropy": {"x": x, "name": "relu", "bins": 5, "table": None,
                                    "axis": None},
             "analyse": {"x": x, "activations": "relu", "bins": 5, "mode": "notebook",
                         "iterations": 0, "seed": 0, "table": None, "estimator": None,
                         "binning": None, "noise_var": None, "threads": 1,
                         "kde_max_pairs": None, "progress": None}}
    for name, kwargs in calls.items():
        sig = inspect.signature(getattr(actent, name))
        if kwargs is None:  # positional only
            assert all(p.kind is p.POSITIONAL_ONLY for p in sig.parameters.values())
            continue
        assert list(sig.parameters) == list(kwargs), name
        getattr(actent, name)(**kwargs)
        assert len(getattr(actent, name).__doc__.splitlines()) > 1, name
