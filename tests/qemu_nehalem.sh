#!/bin/sh
# qemu_nehalem.sh ACTENT [sanitized]: the binary on an x86-64 without AVX (qemu-user's
# Nehalem model) starts, picks the scalar table, runs the experiment on it,
# refuses a table the CPU cannot run with a clear message (status 2), verify
# skips such tables rather than failing them, and the scalar table's digest
# is the one this CPU gives. Exit 77 (ctest: skipped)
# when qemu-x86_64 is not installed, or for a sanitizer build (whose shadow
# memory qemu-user cannot map).
actent=$1
expect=$(dirname "$0")/expect.sh
if [ "$2" = sanitized ]; then
    echo "sanitizer build: AddressSanitizer does not run under qemu-user: skipped"
    exit 77
fi
if ! command -v qemu-x86_64 >/dev/null 2>&1; then
    echo "qemu-x86_64 not found (Debian package qemu-user): skipped"
    exit 77
fi
set -- qemu-x86_64 -cpu Nehalem "$actent"
fail=0
"$expect" 0 'auto picks: scalar' "$@" isa || fail=1
"$expect" 0 'table scalar' "$@" experiment --iterations 2 || fail=1
# every table this CPU model cannot run is refused, and skipped by verify
tables=$("$@" isa | sed -n '/^tables built in/,/^$/s/^  \([a-z0-9-]*\) *cannot run here.*/\1/p' | tr '\n' ' ')
for t in $tables; do
    "$expect" 2 "ISA '$t' is built in, but this CPU cannot run it" \
        "$@" experiment --isa "$t" || fail=1
    "$expect" 0 "table $t .*cannot run it, skipped" \
        "$@" verify --quick --activations relu,sigmoid || fail=1
done
# the scalar table's digest does not depend on the CPU: glibc picks other
# exp/log1p/expm1 code without FMA, and the float32 results must not change
digest() { "$@" verify --quick --isa scalar | sed -n 's/^  digest \([0-9a-f]*\).*/\1/p'; }
native=$(digest "$actent")
emulated=$(digest "$@")
if [ -z "$native" ] || [ "$native" != "$emulated" ]; then
    echo "scalar digest: ${native:-none} here, ${emulated:-none} under -cpu Nehalem"
    fail=1
fi
echo "tables refused under -cpu Nehalem: ${tables:-none}; scalar digest $native on both"
exit $fail
