"""Property tests of the module (python3-hypothesis): over shapes, strides,
element types and byte orders, every call gives what it gives on the
C-contiguous float32 copy numpy makes (np.ascontiguousarray(x, np.float32)),
and numpy's histogram; and objects that lie about being arrays raise actent's
TypeError or ValueError, never crash the interpreter."""
import ctypes

import numpy as np
import pytest

from conftest import F32

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402
from hypothesis.extra import numpy as hnp  # noqa: E402

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True)
DTYPES = ["<f2", ">f2", "<f4", ">f4", "<f8", ">f8"]
OPS = ["relu", "tanh", "gelu", "mish", "hardswish", "leaky_relu"]


@st.composite
def arrays(draw):
    """a finite array of any float type, then a view of it: a slice with
    steps (negative too), a transpose, or itself"""
    dtype = draw(st.sampled_from(DTYPES))
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=12))
    elems = st.floats(-1e4, 1e4, width=16 if dtype[1:] == "f2" else 32, allow_nan=False)
    a = draw(hnp.arrays(dtype, shape, elements=elems))
    view = draw(st.sampled_from(["same", "step", "reverse", "transpose"]))
    if view == "step":
        a = a[(slice(None, None, 2),) * a.ndim]
    elif view == "reverse":
        a = a[(slice(None, None, -1),) * a.ndim]
    elif view == "transpose":
        a = a.T
    return a


def copy32(a):
    return np.ascontiguousarray(a, F32)


@SETTINGS
@given(arrays(), st.sampled_from(OPS), st.integers(1, 64))
def test_entropy_is_the_copys(actent, a, op, bins):
    got = actent.activation_entropy(a, op, bins)
    want = actent.activation_entropy(copy32(a), op, bins)
    assert got[0] == want[0]
    np.testing.assert_array_equal(got[1], want[1])
    assert got[1].sum() == a.size


@SETTINGS
@given(arrays(), st.integers(1, 64))
def test_histogram_is_numpys(actent, a, bins):
    x = copy32(a)
    if not np.isfinite(x.max() - x.min()):
        return  # numpy refuses a range wider than float32 holds, and so does actent
    np.testing.assert_array_equal(actent.histogram(a, bins), np.histogram(x, bins)[0])


@SETTINGS
@given(arrays(), st.sampled_from(OPS))
def test_activate_is_the_copys(actent, a, op):
    got = actent.activate(a, op)
    assert got.shape == a.shape and got.dtype == F32
    want = actent.activate(copy32(a), op)
    np.testing.assert_array_equal(got.view(np.uint32), want.view(np.uint32))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(arrays(), st.sampled_from(OPS))
def test_bfloat16_tensors(actent, a, op):
    torch = pytest.importorskip("torch")
    t = torch.from_numpy(np.ascontiguousarray(a, np.float32)).to(torch.bfloat16)
    if a.ndim > 1:
        t = t.transpose(0, -1)
    got = actent.activation_entropy(t, op, 20)
    want = actent.activation_entropy(t.float().contiguous().numpy(), op, 20)
    assert got[0] == want[0]
    np.testing.assert_array_equal(got[1], want[1])


class Liar:
    """an object whose array protocols say what the strategy draws"""

    def __init__(self, dlpack=None, interface=None):
        if dlpack is not None:
            self.__dlpack__ = dlpack
        if interface is not None:
            self.__array_interface__ = interface


def bad_capsule():
    name = ctypes.c_char_p(b"not_dltensor")
    new = ctypes.pythonapi.PyCapsule_New
    new.restype = ctypes.py_object
    new.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
    return new(ctypes.c_void_p(16), name.value, None)


def raises(e):
    def f(*args, **kw):
        raise e
    return f


HOSTILE = st.one_of(
    st.builds(Liar, dlpack=st.sampled_from([lambda **kw: 3, lambda **kw: bad_capsule(),
                                            raises(RuntimeError("no")),
                                            raises(BufferError("no")), lambda **kw: None])),
    st.builds(Liar, interface=st.fixed_dictionaries({
        "typestr": st.sampled_from(["<f4", "<f2", "|b1", "<c8", "", "<f3", "xx"]),
        "shape": st.one_of(st.tuples(st.integers(-3, 5)), st.just(()), st.just("x")),
        "data": st.one_of(st.just((0, True)), st.just((None, True)), st.just("x")),
        "strides": st.one_of(st.none(), st.tuples(st.integers(-8, 8)))})),
    st.sampled_from([None, "x", b"", 3, 2.5, [1.0, 2.0], {}, object()]),
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(HOSTILE, st.sampled_from(["activate", "histogram", "activation_entropy", "analyse"]))
def test_hostile_objects(actent, obj, fn):
    args = {"activate": (obj, "relu"), "histogram": (obj, 5),
            "activation_entropy": (obj, "relu"), "analyse": (obj,)}[fn]
    try:
        getattr(actent, fn)(*args)
    except (TypeError, ValueError) as e:
        assert str(e).startswith(fn), str(e)
