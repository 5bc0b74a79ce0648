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
