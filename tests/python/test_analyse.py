"""actent.analyse with the CLI's analysis options (estimator, binning,
noise_var, threads) against `actent experiment --input FILE.npy --json` on the
same values: the same JSON element, number for number, for every estimator and
binning; the options' errors as the CLI's, as exceptions."""
import os

import numpy as np
import pytest

from conftest import F32
from test_module import cli_results

CASES = [
    dict(estimator="plugin"),
    dict(estimator="miller-madow"),
    dict(estimator="grassberger", mode="consistent"),
    dict(estimator="jackknife"),
    dict(estimator="kde", noise_var=0.01),
    dict(binning="mass", mode="consistent"),
    dict(binning="width", estimator="grassberger"),
]


def cli_args(case):
    out = []
    for k, v in case.items():
        out += ["--" + k.replace("_", "-"), str(v)]
    return out


@pytest.mark.parametrize("case", CASES, ids=lambda c: ",".join("%s=%s" % kv for kv in c.items()))
def test_analyse_equals_the_cli(actent, tmp_path, case):
    x = np.random.RandomState(4).normal(0, 1.5, 600).astype(F32)
    path = os.path.join(str(tmp_path), "layer.npy")
    np.save(path, x)
    (want,) = cli_results(["--input", path, "--iterations", "3", "--seed", "5", "--bins", "30",
                           "--activations", "relu,tanh,gelu", "--threads", "1"] + cli_args(case))
    got = actent.analyse(x, activations="relu,tanh,gelu", iterations=3, seed=5, bins=30,
                         table=want["table"], threads=1, **case)
    assert got["input"]["source"] == "array" and want["input"]["source"] == "file"
    skip = {"command", "input"}  # how each was called, where the values came from
    assert {k: v for k, v in got.items() if k not in skip} == \
        {k: v for k, v in want.items() if k not in skip}
    if case.get("estimator", "plugin") != "plugin":
        assert got["estimator"] == case["estimator"]


@pytest.mark.parametrize("kwargs, message", [
    (dict(estimator="shannon"), "estimator must be plugin, miller-madow, grassberger, "
                                "jackknife or kde, not 'shannon'"),
    (dict(estimator="kde"), "estimator kde needs noise_var"),
    (dict(estimator="kde", noise_var=1e20), "estimator kde needs noise_var"),
    (dict(noise_var=0.5), "noise_var applies only to estimator kde"),
    (dict(binning="quantile"), "binning must be width or mass, not 'quantile'"),
    (dict(binning="mass"), "binning mass bins input and outputs alike: it needs mode consistent"),
    (dict(threads=65), "threads is 65: at most 64 threads"),
])
def test_option_errors(actent, kwargs, message):
    with pytest.raises(ValueError, match="^analyse: " + message.replace("(", r"\(")):
        actent.analyse(np.ones(10, F32) * np.arange(10, dtype=F32), **kwargs)


def test_option_types(actent):
    x = np.arange(10, dtype=F32)
    with pytest.raises(TypeError, match="^analyse: noise_var must be a number"):
        actent.analyse(x, estimator="kde", noise_var="0.1")
    with pytest.raises(TypeError, match="^analyse: estimator"):
        actent.analyse(x, estimator=3)


def test_kde_refuses_the_unreasonable(actent):
    """O(N^2) work beyond kde_max_pairs is refused, saying how much it would
    be; a larger bound runs it"""
    x = np.random.RandomState(2).normal(0, 1, 3000).astype(F32)
    with pytest.raises(ValueError, match=r"^analyse: kde is O\(N\^2\): 3000 values and 2 arrays "
                                         r".* pairwise exponentials, beyond the 1e\+06 allowed"):
        actent.analyse(x, activations="relu", estimator="kde", noise_var=0.1,
                       kde_max_pairs=1e6)
    r = actent.analyse(x, activations="relu", estimator="kde", noise_var=0.1, kde_max_pairs=1e8)
    assert r["estimator"] == "kde"
    with pytest.raises(ValueError, match="kde_max_pairs is -1: it cannot be negative"):
        actent.analyse(x, estimator="kde", noise_var=0.1, kde_max_pairs=-1)


def test_progress_callback(actent):
    """progress(done, total) is called as KDE goes, done rising to total; an
    exception it raises cancels the call and comes out of it"""
    x = np.random.RandomState(3).normal(0, 1, 20000).astype(F32)
    seen = []
    actent.analyse(x, activations="relu,tanh", estimator="kde", noise_var=0.1,
                   progress=lambda done, total: seen.append((done, total)))
    assert seen, "never called"
    assert all(t == seen[0][1] for _, t in seen) and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    class Stop(Exception):
        pass

    def stop(done, total):
        raise Stop("enough")
    with pytest.raises(Stop, match="enough"):
        actent.analyse(x, activations="relu,tanh", estimator="kde", noise_var=0.1, progress=stop)
    with pytest.raises(TypeError, match="progress must be a callable"):
        actent.analyse(x, progress=3)


def test_bins_sweep_equals_the_cli(actent, tmp_path):
    """bins as a list: one element per count, as the CLI's --bins sweep"""
    x = np.random.RandomState(6).normal(0, 1, 2000).astype(F32)
    path = os.path.join(str(tmp_path), "layer.npy")
    np.save(path, x)
    want = cli_results(["--input", path, "--iterations", "0", "--bins", "5,20,50",
                        "--activations", "relu,gelu", "--threads", "1"])
    got = actent.analyse(x, activations="relu,gelu", iterations=0, bins=[5, 20, 50],
                         table=want[0]["table"])
    assert isinstance(got, list) and [g["bins"] for g in got] == [5, 20, 50]
    skip = {"command", "input"}
    for g, w in zip(got, want):
        assert {k: v for k, v in g.items() if k not in skip} == \
            {k: v for k, v in w.items() if k not in skip}
    assert actent.analyse(x, bins=(7,))[0]["bins"] == 7
    with pytest.raises(ValueError, match="^analyse: bins lists 0 counts"):
        actent.analyse(x, bins=[])
    with pytest.raises(ValueError, match="^analyse: bins is 0"):
        actent.analyse(x, bins=[5, 0])
