#!/usr/bin/env bash
# oom.sh ACTENT SANITIZED - allocation failure is a clear error: under a
# memory limit, a sample or a file too large for it gets a message naming
# what could not be allocated, exit 1, and no result file.
#
# The limit is `ulimit -v`; a sanitizer build reserves terabytes of address
# space at start, so there the allocator's own limit stands in for it.
set -u
actent=$1
sanitized=${2:-0}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0

# a 1.6 GB float64 .npy file that takes no disk: a header, then a hole
n=200000000
hdr=$(printf "{'descr': '<f8', 'fortran_order': False, 'shape': (%d,), }" "$n")
{
    printf '\x93NUMPY\x01\x00\x76\x00'
    printf '%-117s\n' "$hdr"
} >"$work/big.npy"
truncate -s $((128 + 8 * n)) "$work/big.npy"

limited() {
    if ((sanitized)); then
        ASAN_OPTIONS=allocator_may_return_null=1:max_allocation_size_mb=512 "$@"
    else
        (ulimit -v 1048576 && exec "$@")
    fi
}

check() {
    local want=$1
    shift
    limited "$actent" "$@" --json "$work/r.json" >"$work/out" 2>"$work/err"
    local rc=$?
    echo "actent $*: exit $rc: $(cat "$work/err")"
    [[ $rc == 1 ]] || { echo "FAIL: exit $rc, want 1" >&2; fails=$((fails + 1)); }
    grep -qE "$want" "$work/err" || { echo "FAIL: message lacks /$want/" >&2; fails=$((fails + 1)); }
    ! grep -qE 'ERROR: [A-Za-z]+Sanitizer|runtime error:' "$work/err" || { echo "FAIL: sanitizer report" >&2; fails=$((fails + 1)); }
    [[ ! -e $work/r.json ]] && ! compgen -G "$work/r.json.*" >/dev/null ||
        { echo "FAIL: a result file was left" >&2; fails=$((fails + 1)); }
}

check "out of memory: 400000000 values for the sample \(1525\.9 MiB\)" experiment --n 400000000
# mapping fails under ulimit -v; under the sanitizer's limit the conversion's buffer does
if ((!sanitized)); then
    # half the size: the mapping fits the limit, the float32 copy beside it does not
    truncate -s 0 "$work/big.npy"
    hdr=$(printf "{'descr': '<f8', 'fortran_order': False, 'shape': (%d,), }" $((n / 2)))
    {
        printf '\x93NUMPY\x01\x00\x76\x00'
        printf '%-117s\n' "$hdr"
    } >"$work/big.npy"
    truncate -s $((128 + 4 * n)) "$work/big.npy"
    check "$work/big.npy: out of memory for 100000000 float32 values \(381\.5 MiB\)" \
        experiment --input "$work/big.npy"
fi
truncate -s 0 "$work/big.npy"
{
    printf '\x93NUMPY\x01\x00\x76\x00'
    printf '%-117s\n' "$(printf "{'descr': '<f8', 'fortran_order': False, 'shape': (%d,), }" "$n")"
} >"$work/big.npy"
truncate -s $((128 + 8 * n)) "$work/big.npy"
check "$work/big.npy: (cannot map 1600000128 bytes: Cannot allocate memory|out of memory for 200000000 float32 values \(762\.9 MiB\))" \
    experiment --input "$work/big.npy"
((fails == 0))
