#!/usr/bin/python3
"""Test files for actent's .npy reader, written with Debian's numpy.

    /usr/bin/python3 scripts/gen_npy_cases.py [--out tests/data/npy]

valid/<name>.npy       every kind actent reads: format versions 1.0, 2.0, 3.0;
                       float16/32/64; little- and big-endian; C and Fortran
                       order; shapes from () to 4-d; hand-written headers that
                       numpy also reads (other quotes, spacing, key order ...)
valid/<name>.want.npy  the values numpy gives: arr.astype(float32).ravel('C')
valid.txt              name, dtype, fortran_order, shape, values, in place
bad/<name>.npy         malformed files, built byte by byte, one per rejection
bad.txt                name <TAB> what actent's message must say

Expected values come from numpy alone; the malformed files are plain bytes
with the reason written beside each.
"""
import argparse
import io
import os
import struct
import sys
import warnings

import numpy as np
from scipy import stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_reference import activate, copy_neighbour  # noqa: E402
from act_list import NOTEBOOK as ORDER  # noqa: E402  (the experiment's default: the notebook's 11)

MAGIC = b"\x93NUMPY"


def npy_bytes(header, data=b"", version=1, hlen=None, magic=MAGIC):
    """An .npy image from raw parts; hlen overrides the header length field."""
    h = header.encode("latin1") if isinstance(header, str) else header
    n = len(h) if hlen is None else hlen
    if version == 1:
        pre = magic + bytes([1, 0]) + struct.pack("<H", n)
    else:
        pre = magic + bytes([version, 0]) + struct.pack("<I", n)
    return pre + h + data


def header(descr="'<f4'", fortran="False", shape="(3,)"):
    return "{'descr': %s, 'fortran_order': %s, 'shape': %s, }" % (descr, fortran, shape)


def padded(text, version=1, align=64):
    """numpy's own padding: spaces and a newline up to a multiple of align."""
    pre = 10 if version == 1 else 12
    total = pre + len(text) + 1
    return text + " " * ((-total) % align) + "\n"


def save_array(path, arr, version):
    with open(path, "wb") as f:
        np.lib.format.write_array(f, arr, version=version, allow_pickle=False)


def want(arr):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # float64 beyond float32's range becomes inf, as intended
        return np.ascontiguousarray(np.asarray(arr).astype(np.float32).ravel(order="C"))


class Valid:
    def __init__(self, out):
        self.dir = os.path.join(out, "valid")
        os.makedirs(self.dir, exist_ok=True)
        self.rows = []

    def add(self, name, raw, expect_in_place=None):
        """raw: the file's bytes; numpy must read them, and gives the expected values."""
        arr = np.load(io.BytesIO(raw), allow_pickle=False)
        with open(os.path.join(self.dir, name + ".npy"), "wb") as f:
            f.write(raw)
        np.save(os.path.join(self.dir, name + ".want.npy"), want(arr))
        version = raw[6]
        hlen = struct.unpack("<H", raw[8:10])[0] if version == 1 else struct.unpack("<I", raw[8:12])[0]
        offset = (10 if version == 1 else 12) + hlen
        dt = arr.dtype
        fortran = bool(arr.flags.f_contiguous and not arr.flags.c_contiguous)
        # numpy reports a 0-d or 1-d array as both orders; the header's own flag counts
        fortran_flag = b"True" in raw[:offset] and b"fortran_order" in raw[:offset]
        wide = sum(1 for d in arr.shape if d > 1)
        in_place = (dt.itemsize == 4 and dt.byteorder in "<=|" and (not fortran_flag or wide <= 1)
                    and offset % 4 == 0)
        if expect_in_place is not None:
            assert in_place == expect_in_place, name
        shape = ",".join(str(d) for d in arr.shape) or "-"
        descr = dt.newbyteorder("<").str if dt.byteorder in "<=|" else dt.str
        self.rows.append("%s %s %d %s %d %d" % (name, descr, int(fortran_flag or fortran), shape,
                                                arr.size, int(in_place)))

    def array(self, name, arr, version=(1, 0), expect_in_place=None):
        b = io.BytesIO()
        np.lib.format.write_array(b, arr, version=version, allow_pickle=False)
        self.add(name, b.getvalue(), expect_in_place)

    def write_index(self, out):
        with open(os.path.join(out, "valid.txt"), "w") as f:
            f.write("# name dtype fortran_order shape(comma-separated, - for ()) values in_place\n")
            f.write("\n".join(self.rows) + "\n")


def gen_valid(out):
    v = Valid(out)
    rs = np.random.RandomState(7)
    base = rs.standard_normal((3, 4, 5)) * 3.0
    # every version x dtype x byte order x memory order
    for ver in (1, 2, 3):
        for size in (2, 4, 8):
            for order in "<>":
                for mem in "CF":
                    dt = np.dtype("%sf%d" % (order, size))
                    arr = np.asarray(base, dtype=dt, order=mem)
                    v.array("v%d_%s%s_%s" % (ver, "le" if order == "<" else "be", size * 8, mem),
                            arr, (ver, 0))
    # shapes
    v.array("scalar_f4", np.array(1.5, np.float32))
    v.array("empty_f4", np.zeros((0,), np.float32))
    v.array("empty_2d_f8", np.zeros((4, 0, 3), np.float64))
    v.array("vec7_f4", rs.standard_normal(7).astype(np.float32), expect_in_place=True)
    v.array("unit_axes_F_f4", np.asfortranarray(rs.standard_normal((1, 5, 1)).astype(np.float32)),
            expect_in_place=True)
    v.array("d4_F_f8", np.asfortranarray(rs.standard_normal((2, 3, 4, 2))))
    v.array("d4_F_be16", np.asfortranarray(rs.standard_normal((3, 1, 4, 2)).astype(">f2")))
    v.array("tall_F_f4", np.asfortranarray(rs.standard_normal((1000, 3)).astype(np.float32)),
            expect_in_place=False)
    # every float16 bit pattern: subnormals, infinities, NaN payloads
    v.array("f16_all_bits", np.arange(65536, dtype=np.uint16).view("<f2"))
    v.array("f16_all_bits_be", np.arange(65536, dtype=np.uint16).view("<f2").astype(">f2"))
    # float64 rounding: ties, subnormals that flush, values beyond float32's range
    f32max = float(np.finfo(np.float32).max)
    special = np.array([0.0, -0.0, 1.0 + 2.0 ** -24, 1.0 + 3 * 2.0 ** -24, 1e-46, -1e-46, 1e-40,
                        f32max, np.nextafter(f32max, np.inf), 3.4028235677973366e38,
                        3.4028235677973367e38, 1e300, -1e300, 2.0 ** -149, 2.0 ** -150,
                        np.inf, -np.inf, np.nan])
    v.array("f8_rounding", special)
    v.array("f8_rounding_be", special.astype(">f8"))
    # non-finite values for --nonfinite: NaN at flat index 5 = [1, 1] of (3, 4)
    nf = rs.standard_normal((3, 4)).astype(np.float32)
    nf[1, 1], nf[2, 0], nf[2, 3] = np.nan, np.inf, -np.inf
    v.array("nonfinite_f4", nf)
    v.array("all_nan_f4", np.full((2, 2), np.nan, np.float32))
    # max - min overflows float32: np.histogram(x, bins=K) fails on it (IndexError)
    v.array("wide_range_f4", np.array([-3e38, 3e38, 0, 1, 2], np.float32))
    big = np.zeros((2,), np.float64)
    big[1] = 1e300
    v.array("overflow_f8", big)
    # hand-written headers numpy reads too
    data3 = np.array([1.0, -2.5, 3.25], "<f4").tobytes()
    v.add("hdr_double_quotes", npy_bytes(padded('{"descr": "<f4", "fortran_order": False, '
                                                '"shape": (3,)}'), data3))
    v.add("hdr_reordered", npy_bytes(padded("{'shape': (3,), 'descr': '<f4', "
                                            "'fortran_order': False}"), data3))
    v.add("hdr_spacing", npy_bytes(padded("{ 'descr' :'<f4' ,\n 'fortran_order':False,"
                                          "'shape':( 3 , ) }"), data3))
    v.add("hdr_no_padding", npy_bytes(header(), data3), expect_in_place=False)
    v.add("hdr_unaligned", npy_bytes(header() + " \n", data3), expect_in_place=False)
    v.add("hdr_native_order", npy_bytes(padded(header(descr="'=f4'")), data3))
    v.add("hdr_py2_long", npy_bytes(padded(header(shape="(3L,)")), data3))
    v.add("hdr_multi_no_trailing_comma",
          npy_bytes(padded(header(descr="'<f8'", shape="(1, 3)")),
                    np.array([1.0, 2.0, 3.0], "<f8").tobytes()))
    v.add("hdr_version2_small", npy_bytes(padded(header(), 2), data3, version=2))
    v.write_index(out)


# ------------------------------------------------------------------ malformed
def gen_bad(out):
    d = os.path.join(out, "bad")
    os.makedirs(d, exist_ok=True)
    rows = []
    data3 = np.array([1.0, 2.0, 3.0], "<f4").tobytes()

    def bad(name, raw, message):
        with open(os.path.join(d, name + ".npy"), "wb") as f:
            f.write(raw)
        rows.append("%s\t%s" % (name, message))

    ok = padded(header())
    bad("empty", b"", "file is empty")
    bad("magic_short", b"\x93NUM", "too short for an .npy preamble")
    bad("magic_zip", b"PK\x03\x04" + b"\x00" * 60, "bad magic: it starts with 50 4b 03 04")
    bad("magic_text", b"descr,shape\n1,2\n", "not an .npy file")
    bad("magic_case", npy_bytes(ok, data3, magic=b"\x93numpy"), "bad magic")
    bad("preamble_cut", MAGIC + b"\x01", "too short for an .npy preamble")
    bad("version_4", npy_bytes(ok, data3, version=4), "unsupported .npy format version 4.0")
    bad("version_0", npy_bytes(ok, data3, version=0), "unsupported .npy format version 0.0")
    bad("version_1_1", MAGIC + b"\x01\x01" + npy_bytes(ok, data3)[8:],
        "unsupported .npy format version 1.1")
    bad("hlen_cut_v1", MAGIC + b"\x01\x00\x10", "ends inside the header length")
    bad("hlen_cut_v2", MAGIC + b"\x02\x00\x10\x00", "ends inside the header length")
    bad("hlen_absurd_v2", npy_bytes(ok, data3, version=2, hlen=0xFFFFFFFF),
        "header length 4294967295 is absurd")
    bad("hlen_absurd_v3", npy_bytes(ok, data3, version=3, hlen=70000), "header length 70000 is absurd")
    bad("header_truncated", npy_bytes(ok, b"", hlen=len(ok) + 40)[:40], "truncated header: ")
    bad("header_beyond_file", npy_bytes(ok[:30], b"", hlen=200), "truncated header: 200 bytes")
    bad("header_empty", npy_bytes("", data3), "expected '{' at byte 0, found the end of the header")
    bad("header_list", npy_bytes(padded("['<f4', False, (3,)]"), data3), "expected '{' at byte 0")
    bad("header_unclosed", npy_bytes("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), ",
                                     data3), "expected a quoted key or '}'")
    bad("header_garbage_after", npy_bytes(padded(header() + " x"), data3),
        "unexpected bytes after the dict")
    bad("header_nul", npy_bytes(padded(header()).replace(" \n", "\0\n"), data3),
        "unexpected bytes after the dict")
    bad("header_nul_in_string", npy_bytes(padded(header(descr="'<f\0'")), data3),
        "unterminated string")
    bad("header_latin1", npy_bytes(padded(header()).encode("latin1")[:-3] + b"\xe9\xe9\n", data3),
        "unexpected bytes after the dict")
    bad("header_quote_misplaced", npy_bytes(padded("{'descr: '<f4'}"), data3),
        "unexpected key 'descr: ' in the header at byte 1")
    bad("header_string_runs_out", npy_bytes("{'descr': '<f4", data3), "unterminated string at byte 10")
    bad("header_escape", npy_bytes(padded(header(descr="'<f\\x34'")), data3), "escape sequence")
    bad("header_missing_colon", npy_bytes(padded("{'descr' '<f4', 'fortran_order': False, "
                                                 "'shape': (3,)}"), data3), "expected ':'")
    bad("header_missing_comma", npy_bytes(padded("{'descr': '<f4' 'fortran_order': False, "
                                                 "'shape': (3,)}"), data3), "expected ',' or '}'")
    bad("header_long_string", npy_bytes(padded(header(descr="'" + "f" * 100 + "'")), data3),
        "is 100 bytes long")
    bad("key_missing_shape", npy_bytes(padded("{'descr': '<f4', 'fortran_order': False}"), data3),
        "lacks the key 'shape'")
    bad("key_missing_descr", npy_bytes(padded("{'fortran_order': False, 'shape': (3,)}"), data3),
        "lacks the key 'descr'")
    bad("key_missing_order", npy_bytes(padded("{'descr': '<f4', 'shape': (3,)}"), data3),
        "lacks the key 'fortran_order'")
    bad("key_extra", npy_bytes(padded(header()[:-1] + "'extra': 1}"), data3),
        "unexpected key 'extra'")
    bad("key_duplicate", npy_bytes(padded("{'descr': '<f4', 'descr': '<f8', 'fortran_order': "
                                          "False, 'shape': (3,)}"), data3),
        "key 'descr' appears twice")
    bad("key_unquoted", npy_bytes(padded("{descr: '<f4', 'fortran_order': False, 'shape': (3,)}"),
                                  data3), "expected a quoted key or '}'")
    bad("descr_number", npy_bytes(padded(header(descr="4")), data3),
        "expected a dtype string for 'descr'")
    bad("fortran_yes", npy_bytes(padded(header(fortran="'yes'")), data3),
        "'fortran_order' must be True or False")
    bad("fortran_one", npy_bytes(padded(header(fortran="1")), data3),
        "'fortran_order' must be True or False")
    bad("fortran_true_lower", npy_bytes(padded(header(fortran="true")), data3),
        "'fortran_order' must be True or False")
    bad("fortran_Truex", npy_bytes(padded(header(fortran="Truex")), data3),
        "'fortran_order' must be True or False")
    bad("shape_list", npy_bytes(padded(header(shape="[3]")), data3), "not a list")
    bad("shape_int", npy_bytes(padded(header(shape="3")), data3), "a tuple for 'shape'")
    bad("shape_paren_int", npy_bytes(padded(header(shape="(3)")), data3),
        "'shape' (3) is an integer, not a tuple")
    bad("shape_negative", npy_bytes(padded(header(shape="(-3,)")), data3), "negative dimension")
    bad("shape_float", npy_bytes(padded(header(shape="(3.0,)")), data3),
        "expected ',' or ')' in 'shape'")
    bad("shape_empty_item", npy_bytes(padded(header(shape="(,)")), data3),
        "expected a dimension (a whole number)")
    bad("shape_nested", npy_bytes(padded(header(shape="((3,),)")), data3),
        "expected a dimension (a whole number)")
    bad("shape_leading_zero", npy_bytes(padded(header(shape="(03,)")), data3), "leading zero")
    bad("shape_unclosed", npy_bytes(padded(header(shape="(3,")), data3), "in 'shape'")
    bad("shape_33_dims", npy_bytes(padded(header(shape="(" + "1, " * 33 + ")")), data3),
        "more than 32 dimensions")
    bad("shape_huge_dim", npy_bytes(padded(header(shape="(99999999999999999999999,)")), data3),
        "dimension above 2^63 - 1")
    bad("shape_overflow", npy_bytes(padded(header(shape="(4294967296, 4294967296, 16)")), data3),
        "overflows 64-bit sizes")
    bad("shape_overflow_bytes", npy_bytes(padded(header(descr="'<f8'",
                                                        shape="(2305843009213693952,)")), data3),
        "overflows 64-bit sizes")
    bad("shape_overflow_with_zero", npy_bytes(padded(header(shape="(4294967296, 0, 4294967296, "
                                                                  "4294967296)")), b""),
        "overflows 64-bit sizes")
    bad("shape_claims_terabytes", npy_bytes(padded(header(shape="(1099511627776,)")), data3),
        "truncated data: shape (1099511627776,) of float32 needs 4398046511104 bytes")
    bad("data_truncated", npy_bytes(ok, data3[:-1]),
        "truncated data: shape (3,) of float32 needs 12 bytes, the file has 11")
    bad("data_missing", npy_bytes(ok), "needs 12 bytes, the file has 0")
    bad("data_trailing", npy_bytes(ok, data3 + b"\0"), "1 unexpected trailing bytes")
    bad("data_shape_too_small", npy_bytes(padded(header(shape="(2, 1)")), data3),
        "shape (2, 1) of float32 is 8 bytes, but the file has 12")
    bad("data_f8_for_f4", npy_bytes(padded(header(descr="'<f8'")), data3),
        "needs 24 bytes, the file has 12")
    bad("dtype_object", npy_bytes(padded(header(descr="'|O'")), data3), "object dtype '|O'")
    bad("dtype_structured", npy_bytes(padded(header(descr="[('a', '<f4'), ('b', '<f4')]")), data3),
        "structured dtype (a list of fields)")
    bad("dtype_structured_dict", npy_bytes(padded(header(descr="{'names': ['a']}")), data3),
        "structured dtype (a dict of fields)")
    bad("dtype_subarray", npy_bytes(padded(header(descr="('<f4', (2,))")), data3),
        "subarray dtype")
    bad("dtype_complex64", npy_bytes(padded(header(descr="'<c8'")), data3), "complex dtype '<c8'")
    bad("dtype_complex128", npy_bytes(padded(header(descr="'>c16'")), data3), "complex dtype")
    bad("dtype_int32", npy_bytes(padded(header(descr="'<i4'")), data3), "integer dtype '<i4'")
    bad("dtype_uint8", npy_bytes(padded(header(descr="'|u1'")), data3), "integer dtype '|u1'")
    bad("dtype_int64", npy_bytes(padded(header(descr="'<i8'")), data3), "integer dtype '<i8'")
    bad("dtype_bool", npy_bytes(padded(header(descr="'|b1'")), data3), "boolean dtype")
    bad("dtype_unicode", npy_bytes(padded(header(descr="'<U5'")), data3), "string dtype '<U5'")
    bad("dtype_bytes", npy_bytes(padded(header(descr="'|S4'")), data3), "string dtype")
    bad("dtype_void", npy_bytes(padded(header(descr="'|V4'")), data3), "void (raw or structured)")
    bad("dtype_datetime", npy_bytes(padded(header(descr="'<M8[ns]'")), data3), "datetime dtype")
    bad("dtype_longdouble", npy_bytes(padded(header(descr="'<f16'")), data3),
        "float dtype '<f16' (16-byte floats) is not supported")
    bad("dtype_f3", npy_bytes(padded(header(descr="'<f3'")), data3), "(3-byte floats)")
    bad("dtype_f_nosize", npy_bytes(padded(header(descr="'<f'")), data3), "unknown dtype '<f'")
    bad("dtype_f4_suffix", npy_bytes(padded(header(descr="'<f4x'")), data3), "unknown dtype '<f4x'")
    bad("dtype_empty", npy_bytes(padded(header(descr="''")), data3), "unknown dtype ''")
    bad("dtype_unknown", npy_bytes(padded(header(descr="'xyz'")), data3), "unknown dtype 'xyz'")
    bad("dtype_nonascii", npy_bytes(padded(header(descr="'<f\u00e9'"), 3).encode("utf-8"), data3,
                                    version=3), "unknown dtype '<f\\xc3\\xa9'")
    bad("dtype_escape_terminal", npy_bytes(padded(header(descr="'\x1b[31m'")), data3),
        "unknown dtype '\\x1b[31m'")
    # beside each case, whether numpy itself reads the file (it reads some that
    # actent refuses on purpose: other dtypes, trailing bytes, lax headers)
    lines = []
    for row in rows:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                np.load(os.path.join(d, row.split("\t")[0] + ".npy"), allow_pickle=False)
            verdict = "numpy reads it"
        except Exception as e:  # noqa: BLE001 - any refusal will do
            verdict = "numpy refuses it: %s" % type(e).__name__
        lines.append(row + "\t" + verdict)
    with open(os.path.join(out, "bad.txt"), "w") as f:
        f.write("# name<TAB>text actent's message must contain (after the file name)<TAB>numpy\n")
        f.write("\n".join(lines) + "\n")


# ------------------------------------------------------- analysis of a file
def analyse(x, seed, bins, iterations, consistent):
    """The notebook's analysis of given values: np.random.seed(seed), then as
    gen_reference.notebook after its sample is drawn."""
    np.random.seed(seed)
    if consistent:
        hin, _ = np.histogram(x, bins=np.linspace(x.min(), x.max(), bins + 1))
    else:
        hin, _ = np.histogram(x, bins=bins)
    ent, ent_t = [], []
    for name in ORDER:
        y = activate(name, x)
        edges = np.linspace(y.min(), y.max(), bins + 1 if consistent else bins)
        d, _ = np.histogram(y, bins=edges)
        ent.append(stats.entropy(d, base=2))
        d2, _ = np.histogram(copy_neighbour(y, iterations), bins=edges)
        ent_t.append(stats.entropy(d2, base=2))
    return np.array([stats.entropy(hin, base=2)] + ent + ent_t, np.float64)


# name, seed, bins, iterations, consistent: the file is valid/<layer>.npy
ANALYSIS_CASES = [
    ("layer_f16_F", "notebook", 3, 30, 20, False),
    ("layer_f16_F", "consistent", 0, 17, 5, True),
    ("layer_be64_nan", "drop", 11, 40, 10, False),
]


def gen_analysis(out):
    rs = np.random.RandomState(11)
    layer = np.asfortranarray((rs.standard_normal((64, 50)) * 2.0).astype("<f2"))
    save_array(os.path.join(out, "valid", "layer_f16_F.npy"), layer, (1, 0))
    nan_layer = rs.standard_normal((40, 30)).astype(">f8")
    nan_layer[::7, 3] = np.nan
    nan_layer[5, 5] = -np.inf
    save_array(os.path.join(out, "valid", "layer_be64_nan.npy"), nan_layer, (2, 0))
    with np.errstate(all="ignore"):
        for layer_name, tag, seed, bins, iterations, consistent in ANALYSIS_CASES:
            x = np.load(os.path.join(out, "valid", layer_name + ".npy")).astype(np.float32).ravel()
            x = x[np.isfinite(x)]
            np.save(os.path.join(out, "analysis_%s_%s.npy" % (layer_name, tag)),
                    analyse(x, seed, bins, iterations, consistent))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "tests", "data",
                                                  "npy"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    gen_valid(args.out)
    gen_bad(args.out)
    gen_analysis(args.out)


if __name__ == "__main__":
    main()
