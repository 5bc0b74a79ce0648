"""How arrays come in: __dlpack__ (torch tensors, numpy), float16 and bfloat16
read as their float32 widening bit for bit (every one of the 2^16 values of
each), torch tensors that require grad or are negative views, and the errors
for what cannot be read, each naming the function. The references are numpy's
astype(float32) and torch's .float(), never actent's own output."""
import numpy as np
import pytest

from conftest import F32

ALL16 = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16)


def bits(a):
    return np.ascontiguousarray(a, F32).view(np.uint32)


def test_every_float16_widens_exactly(actent):
    h = ALL16.view(np.float16)
    want = h.astype(F32)  # numpy's widening, NaN payloads included
    for name in ["linear", "relu", "tanh"]:
        got = actent.activate(h, name)
        ref = actent.activate(want, name)
        np.testing.assert_array_equal(bits(got), bits(ref))
    # linear is the identity on every table: the widened values themselves
    np.testing.assert_array_equal(bits(actent.activate(h, "linear", table="scalar")), bits(want))


def test_every_bfloat16_widens_exactly(actent):
    torch = pytest.importorskip("torch")
    b = torch.from_numpy(ALL16.view(np.int16)).view(torch.bfloat16)
    want = b.float().numpy()  # torch's widening
    np.testing.assert_array_equal(bits(want)[:4], [0, 1 << 16, 2 << 16, 3 << 16])
    np.testing.assert_array_equal(bits(actent.activate(b, "linear", table="scalar")), bits(want))
    for name in ["relu", "sigmoid", "gelu"]:
        np.testing.assert_array_equal(bits(actent.activate(b, name)),
                                      bits(actent.activate(want, name)))


@pytest.mark.parametrize("dtype", ["float16", "float64", ">f8", ">f2", "bfloat16"])
@pytest.mark.parametrize("layout", ["contiguous", "strided", "transposed"])
def test_entropy_equals_the_cast_arrays(actent, dtype, layout):
    rs = np.random.RandomState(5)
    x = rs.normal(0, 2, (300, 70))
    if dtype == "bfloat16":
        torch = pytest.importorskip("torch")
        a = torch.from_numpy(x).to(torch.bfloat16)
        cast = a.float().numpy()
    else:
        a = x.astype(dtype)
        cast = a.astype(F32)
    if layout == "strided":
        a, cast = a[::3, 1::2], cast[::3, 1::2]
    elif layout == "transposed":
        a, cast = a.T, cast.T
    cast = np.ascontiguousarray(cast)
    for name in ["relu", "tanh", "mish"]:
        got = actent.activation_entropy(a, name, 40)
        want = actent.activation_entropy(cast, name, 40)
        assert got[0] == want[0]
        np.testing.assert_array_equal(got[1], want[1])
    np.testing.assert_array_equal(actent.histogram(a, 17), np.histogram(cast, 17)[0])


def test_numpy_through_dlpack_and_not(actent):
    """numpy exports most arrays through __dlpack__ and declines read-only and
    byte-swapped ones, which the buffer protocol then reads"""
    x = np.random.RandomState(1).uniform(-1, 1, 999).astype(F32)
    assert hasattr(x, "__dlpack__")
    ro = x.copy()
    ro.flags.writeable = False
    want = np.histogram(x, 9)[0]
    for a in [x, ro, x.astype(">f4"), x.reshape(27, 37)]:
        np.testing.assert_array_equal(actent.histogram(a, 9), want)


def test_torch_tensors_as_a_hook_sees_them(actent):
    torch = pytest.importorskip("torch")
    x = torch.randn(64, 33, generator=torch.Generator().manual_seed(3))
    want = actent.activation_entropy(x.numpy(), "relu")
    w = torch.nn.Linear(33, 33)
    y = w(x)  # requires grad, as a forward hook's output does
    assert y.requires_grad
    got = actent.activation_entropy(y, "relu")
    ref = actent.activation_entropy(y.detach().numpy(), "relu")
    assert got[0] == ref[0]
    np.testing.assert_array_equal(got[1], ref[1])
    neg = x._neg_view()  # a negative-bit view: its values are -x
    assert neg.is_neg()
    got = actent.activation_entropy(neg, "relu")
    ref = actent.activation_entropy((-x).numpy(), "relu")
    assert got[0] == ref[0]
    assert actent.activation_entropy(x, "relu")[0] == want[0]
    # channels_last 4-D and stride-0 expand: the contiguous copy's result
    c = torch.randn(2, 3, 5, 7).to(memory_format=torch.channels_last)
    assert actent.activation_entropy(c, "tanh")[0] == \
        actent.activation_entropy(c.contiguous().numpy(), "tanh")[0]
    e = torch.randn(5, 1).expand(5, 40)
    np.testing.assert_array_equal(actent.histogram(e, 6),
                                  np.histogram(e.contiguous().numpy(), 6)[0])


def test_torch_tensors_actent_cannot_read(actent):
    torch = pytest.importorskip("torch")
    cases = [
        (torch.randn(4).to_sparse(), "activate: x: a torch.sparse_coo tensor"),
        (torch.empty(4, device="meta"), "activate: x: a tensor on device 'meta'"),
        (torch.randn(4, dtype=torch.complex64), "activate: x has elements of type complex64"),
        (torch.ones(4, dtype=torch.bool), "activate: x: its __dlpack__\\(\\) failed"),
        (torch.arange(4), "activate: x has elements of type 'int64'"),
    ]
    for t, message in cases:
        with pytest.raises(TypeError, match=message):
            actent.activate(t, "relu")


def test_every_error_names_the_function(actent):
    x = np.ones(4, F32)
    cases = [
        (lambda: actent.activate([1.0], "relu"), TypeError, "^activate: x: expected an array"),
        (lambda: actent.histogram(x, 0), ValueError, "^histogram: "),
        (lambda: actent.activation_entropy(x, "nope"), ValueError, "^activation_entropy: "),
        (lambda: actent.analyse(x, bins=-1), ValueError, "^analyse: "),
        (lambda: actent.entropy([-1]), ValueError, "^entropy: "),
        (lambda: actent.max_ulp("relu", "nope"), ValueError, "^max_ulp: "),
        (lambda: actent.activate(x), TypeError, r"^activate\(\) missing"),
    ]
    for call, kind, message in cases:
        with pytest.raises(kind, match=message):
            call()
