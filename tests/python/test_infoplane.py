"""actent.info_plane against scripts/gen_infoplane.py's references (each
research code's formula re-implemented in numpy, committed in tests/data):
every method, estimator and the permutation null; stacks, sweeps and threads
equal to single calls; the CLI equal to the module; hostile input refused
with errors naming the function and the argument."""
import json
import os
import subprocess

import numpy as np
import pytest

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")


def cases():
    with open(os.path.join(DATA, "ip_cases.txt")) as f:
        rows = [line.split() for line in f if not line.startswith("#")]
    return rows, np.load(os.path.join(DATA, "ip_expect.npy"))


def load(name, data, use_x):
    t = np.load(os.path.join(DATA, f"ip_{name}_t.npy"))
    y = np.load(os.path.join(DATA, f"ip_{data}_y.npy"))
    x = np.load(os.path.join(DATA, f"ip_{data}_x.npy")) if use_x == "1" else None
    return t, y, x


def kwargs(method, param, est, k, seed, x, boot):
    kw = dict(method=method, shuffles=int(k), seed=int(seed))
    if method == "width":
        kw["width"] = float(param)
    elif method.startswith("kde"):
        kw["noise_var"] = float(param)
    else:
        kw["bins"] = int(param)
    if not method.startswith("kde"):
        kw["estimator"] = est
        kw["x"] = x
        kw["bootstrap"] = int(boot)
    return kw


def test_against_numpy(actent):
    rows, want = cases()
    assert want.shape == (len(rows), 8)
    for (name, data, method, param, est, k, seed, use_x, boot), w in zip(rows, want):
        t, y, x = load(name, data, use_x)
        r = actent.info_plane(t, y, **kwargs(method, param, est, k, seed, x, boot))
        tol = 1e-6 if method.startswith("kde") else 1e-12
        got = [r["ixt"], r["ity"], r["ht"]]
        np.testing.assert_allclose(got, w[:3], rtol=0, atol=tol, err_msg=f"{name} {method}")
        if not method.startswith("kde"):
            assert r["patterns"] == int(w[3])
            assert r["saturated"] == (r["patterns"] == len(y))
        if int(k):
            np.testing.assert_allclose([r["ity_null_mean"], r["ity_null_sd"]], w[4:6], rtol=0,
                                       atol=1e-12)
        if int(boot):
            np.testing.assert_allclose([r["ixt_sd"], r["ity_sd"]], w[6:8], rtol=0, atol=1e-12)
        else:
            assert "ixt_sd" not in r


def test_stack_sweep_threads_equal_single_calls(actent):
    t, y, _ = load("digits_relu_l1", "digits", "0")
    stack = np.stack([t, t * 0.5, np.roll(t, 7, axis=0)])
    for method, sweep in (("width", dict(width=[0.1, 0.3])), ("mass", dict(bins=[4, 9])),
                          ("idnns", dict(bins=[8, 30], bootstrap=2, shuffles=2)),
                          ("kde", dict(noise_var=[0.01, 0.1]))):
        many = actent.info_plane(stack, y, method=method, threads=2, **sweep)
        key, values = next(iter(sweep.items()))
        extra = {k: v for k, v in sweep.items() if k != key}
        assert len(many) == 3 and all(len(per) == 2 for per in many)
        for e in range(3):
            for i, v in enumerate(values):
                one = actent.info_plane(stack[e], y, method=method, **{key: v}, **extra)
                assert many[e][i]["epoch"] == e
                for k, val in one.items():
                    assert many[e][i][k] == val, (method, e, v, k)


def test_kde_both_bounds_match_each(actent):
    t, y, _ = load("tanh_d3", "tanh_d3", "0")
    both = actent.info_plane(t, y, method="kde", noise_var=0.05)
    up = actent.info_plane(t, y, method="kde-upper", noise_var=0.05)
    lo = actent.info_plane(t, y, method="kde-lower", noise_var=0.05)
    for k in ("ixt", "ity", "ht"):
        assert both[k + "_upper"] == up[k] and both[k + "_lower"] == lo[k]
        assert lo[k] <= up[k] + 1e-9 or k == "ity"


def test_every_table_agrees(actent):
    t, y, _ = load("relu_d5", "relu_d5", "0")
    base = actent.info_plane(t, y, method="width", width=0.3, table="scalar")
    for table in actent.tables():
        r = actent.info_plane(t, y, method="width", width=0.3, table=table)
        assert r == base, table  # the codes are exact: every table counts the same patterns


def test_labels_any_integers_and_dtypes(actent):
    t, y, _ = load("tanh_d3", "tanh_d3", "0")
    r = actent.info_plane(t, y)
    assert actent.info_plane(t, (y * 1000 + 7).astype(np.uint64)) == r  # relabelled classes
    assert actent.info_plane(t, y.astype(np.int8)) == r
    r16 = actent.info_plane(t.astype(np.float16), y)  # widened to float32, as the docs say
    assert r16 == actent.info_plane(t.astype(np.float16).astype(np.float32), y)
    torch = pytest.importorskip("torch")
    assert actent.info_plane(torch.from_numpy(t).requires_grad_(), torch.from_numpy(y)) == r


def test_cli_equals_module(actent, tmp_path):
    exe = os.environ.get("ACTENT_EXE")
    if not exe:
        pytest.skip("ACTENT_EXE not set (the build's program)")
    t, y, _ = load("digits_tanh_l2", "digits", "0")
    stack = np.stack([t, t[::-1]])
    np.save(tmp_path / "layer.npy", stack)
    np.save(tmp_path / "y.npy", y)
    out = tmp_path / "ip.json"
    subprocess.run([exe, "infoplane", "--layer", str(tmp_path / "layer.npy"), "--labels",
                    str(tmp_path / "y.npy"), "--method", "idnns", "--bins", "8,30",
                    "--shuffles", "2", "--json", str(out)], check=True, stdout=subprocess.DEVNULL)
    rows = json.loads(out.read_text())["rows"]
    mod = actent.info_plane(stack, y, method="idnns", bins=[8, 30], shuffles=2)
    for row in rows:
        m = mod[row["epoch"]][[8, 30].index(row["bins"])]
        for k in ("ixt", "ity", "ht", "patterns", "ity_null_mean", "ity_null_sd"):
            assert row[k] == m[k], k


@pytest.mark.parametrize("change, kind, words", [
    (lambda t, y: (np.where(np.arange(t.size).reshape(t.shape) == 7, np.nan, t), y),
     ValueError, "t[2, 1] is NaN"),
    (lambda t, y: (t, y[:-1]), ValueError, "one integer per sample"),
    (lambda t, y: (t, y.astype(np.float64)), TypeError, "integer labels"),
    (lambda t, y: (t, -y - 1), ValueError, "negative"),
    (lambda t, y: (t[:1], y[:1]), ValueError, "at least 2"),
    (lambda t, y: (t[:, :0], y), ValueError, "d = 0"),
    (lambda t, y: (t[0], y), ValueError, "(N, d)"),
])
def test_hostile_input(actent, change, kind, words):
    t, y, _ = load("tanh_d3", "tanh_d3", "0")
    t, y = change(t.copy(), y.copy())
    with pytest.raises(kind) as e:
        actent.info_plane(t, y)
    assert str(e.value).startswith("info_plane") and words in str(e.value), str(e.value)


@pytest.mark.parametrize("kw, words", [
    (dict(method="kde", noise_var=0.0), "noise_var"),
    (dict(method="kde-upper", noise_var=-1.0), "noise_var -1"),
    (dict(width=0.0), "width 0"),
    (dict(method="idnns", bins=1), "bins 1"),
    (dict(method="count", bins=2.5), "whole number"),
    (dict(method="median"), "unknown method"),
    (dict(estimator="kde"), "estimator"),
    (dict(method="kde", x=np.zeros(2000, np.int64)), "binning methods"),
    (dict(width=1e-40), "int32"),
    (dict(method="kde", bootstrap=3), "bootstrap"),
])
def test_hostile_parameters(actent, kw, words):
    t, y, _ = load("tanh_d3", "tanh_d3", "0")
    with pytest.raises(ValueError) as e:
        actent.info_plane(t, y, **kw)
    assert str(e.value).startswith("info_plane") and words in str(e.value), str(e.value)
