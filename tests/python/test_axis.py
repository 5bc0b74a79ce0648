"""activation_entropy(x, name, bins, axis=0 | 1): each column's (row's)
entropy and counts in one call, equal to the call on that column copied out,
bit for bit, for C, Fortran, strided, reversed and converted arrays; its
errors name the function and the column."""
import numpy as np
import pytest

from conftest import F32


def per_column(actent, a, name, bins, axis):
    cols = a if axis == 1 else a.T
    out = [actent.activation_entropy(np.ascontiguousarray(c, F32), name, bins) for c in cols]
    return np.array([b for b, _ in out]), np.array([c for _, c in out])


@pytest.mark.parametrize("layout", ["C", "F", "strided", "reversed", "float64", "float16"])
@pytest.mark.parametrize("axis", [0, 1, -1])
def test_axis_equals_the_loop(actent, layout, axis):
    x = np.random.RandomState(11).normal(0, 2, (300, 37)).astype(F32)
    a = {"C": x, "F": np.asfortranarray(x), "strided": x[::2, ::3], "reversed": x[::-1, ::-1],
         "float64": x.astype(np.float64), "float16": x.astype(np.float16)}[layout]
    for name in ("relu", "gelu"):
        bits, counts = actent.activation_entropy(a, name, 20, axis=axis)
        want_bits, want_counts = per_column(actent, a, name, 20, axis % 2)
        assert bits.dtype == np.float64 and counts.dtype == np.int64
        np.testing.assert_array_equal(bits, want_bits)
        np.testing.assert_array_equal(counts, want_counts)


def test_axis_errors(actent):
    x = np.ones((10, 4), F32) * np.arange(4, dtype=F32)
    with pytest.raises(ValueError, match="^activation_entropy: axis=0 needs a 2-D x"):
        actent.activation_entropy(np.ones(5, F32), "relu", axis=0)
    with pytest.raises(ValueError, match="axis=2 needs"):
        actent.activation_entropy(x, "relu", axis=2)
    x[7, 2] = np.nan
    with pytest.raises(ValueError, match=r"^activation_entropy: column 2: x\[7\] is NaN"):
        actent.activation_entropy(x, "relu", axis=0)
    with pytest.raises(TypeError, match="^activation_entropy: "):
        actent.activation_entropy(x, "relu", axis="rows")
