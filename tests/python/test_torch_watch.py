"""actent.torch: the mapping from torch.nn activation modules to actent's
names (each checked against the module itself on the same inputs), and
watch(): every mappable module recorded as batches pass with the numbers
actent.analyse gives on that batch's pre-activations (captured here by a hook
of the test's own), the unmappable ones named in a warning, rows json.dump
accepts, hooks gone at exit."""
import json
import warnings

import numpy as np
import pytest

from conftest import F32

torch = pytest.importorskip("torch")
import actent.torch as at  # noqa: E402

MAPPED = [
    (torch.nn.ReLU(), "relu"), (torch.nn.ReLU6(), "relu6"),
    (torch.nn.LeakyReLU(0.2), "leaky_relu"), (torch.nn.ELU(), "elu"), (torch.nn.SELU(), "selu"),
    (torch.nn.Tanh(), "tanh"), (torch.nn.Sigmoid(), "sigmoid"), (torch.nn.Softplus(), "softplus"),
    (torch.nn.Softsign(), "softsign"), (torch.nn.GELU(), "gelu"),
    (torch.nn.GELU(approximate="tanh"), "gelu_tanh"), (torch.nn.SiLU(), "silu"),
    (torch.nn.Mish(), "mish"), (torch.nn.Hardswish(), "hardswish"),
    (torch.nn.Hardsigmoid(), "hardsigmoid"),
]
UNMAPPED = [torch.nn.LeakyReLU(), torch.nn.ELU(alpha=0.5), torch.nn.Softplus(beta=2),
            torch.nn.Hardtanh(), torch.nn.PReLU(), torch.nn.Softmax(dim=-1)]


@pytest.mark.parametrize("module, name", MAPPED, ids=[n for _, n in MAPPED])
def test_mapping_means_the_same_function(actent, module, name):
    assert at.activation_name(module) == name
    x = np.linspace(-8, 8, 20001).astype(F32)
    with torch.no_grad():
        want = module(torch.from_numpy(x)).numpy()
    got = actent.activate(x, name, table="scalar")
    # the same function, not the same rounding: torch's float32 tails flush
    # to zero where the exact value is 1e-21, so relative and absolute terms
    close = np.abs(got - want) <= 1e-5 * np.abs(want) + 1e-6
    assert close.all(), "%s is not torch's %s at x = %s" % (name, module, x[~close][:3])


def test_unmapped_modules(actent):
    for m in UNMAPPED:
        assert at.activation_name(m) is None, m


def net():
    torch.manual_seed(0)
    return torch.nn.Sequential(
        torch.nn.Linear(8, 16), torch.nn.GELU(),
        torch.nn.Linear(16, 16), torch.nn.GELU(approximate="tanh"),
        torch.nn.Linear(16, 16), torch.nn.Hardtanh(),
        torch.nn.Linear(16, 4), torch.nn.LeakyReLU())


def test_watch_records_every_gelu_layer(actent):
    model = net()
    seen = {}
    for i in (1, 3):  # the test's own record of the pre-activations
        model[i].register_forward_hook(
            lambda m, inp, out, i=i: seen.setdefault(i, []).append(inp[0].detach().clone()))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with at.watch(model, bins=20) as w:
            for epoch in range(2):
                w.epoch = epoch
                for b in range(3):
                    model(torch.randn(32, 8, generator=torch.Generator().manual_seed(b)))
    said = " ".join(str(c.message) for c in caught)
    assert "5 (Hardtanh)" in said and "7 (LeakyReLU)" in said
    assert w.layers == ["1", "3"]
    assert len(w.rows) == 2 * 3 * 2
    json.dumps(w.rows)
    for layer, act in (("1", "gelu"), ("3", "gelu_tanh")):
        rows = [r for r in w.rows if r["layer"] == layer]
        assert [(r["epoch"], r["batch"]) for r in rows] == [(e, e * 3 + b) for e in range(2)
                                                              for b in range(3)]
        for r, x in zip(rows, seen[int(layer)]):
            want = actent.analyse(x.numpy(), activations=act, bins=20)
            assert r["activation"] == act and r["module"] == "GELU" and r["n"] == 32 * 16
            assert r["input_entropy"] == want["input_entropy"]
            assert r["entropy"] == want["activations"][0]["entropy"]
            assert r["reduction"] == want["activations"][0]["reduction"]
            assert r["estimator"] == "plugin"
    model(torch.randn(4, 8))  # after the block: no hooks left
    assert len(w.rows) == 12


def test_watch_options(actent):
    model = net()
    with at.watch(model, modules=["1"], every=2, per_neuron=True, mode="consistent",
                  estimator="miller-madow") as w:
        for b in range(4):
            model(torch.randn(10, 8))
    assert {r["layer"] for r in w.rows} == {"1"}
    assert sorted({r["batch"] for r in w.rows}) == [0, 2]
    assert len(w.rows) == 2 * 16 and sorted({r["neuron"] for r in w.rows}) == list(range(16))
    assert all(r["mode"] == "consistent" and r["estimator"] == "miller-madow" and r["n"] == 10
               for r in w.rows)
    with pytest.raises(ValueError, match="every must be at least 1"):
        at.watch(model, every=0)


def test_consistent_mode_equals_analyse(actent):
    model = net()
    x = torch.randn(50, 8)
    with at.watch(model, modules=["3"], bins=30, mode="consistent") as w:
        model(x)
    (row,) = w.rows
    pre = model[2](model[1](model[0](x))).detach().numpy()
    want = actent.analyse(pre, activations="gelu_tanh", bins=30, mode="consistent")
    assert row["input_entropy"] == want["input_entropy"]
    assert row["entropy"] == want["activations"][0]["entropy"]
