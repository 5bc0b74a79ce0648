#!/bin/sh
# qemu_nehalem.sh ACTENT [sanitized]: the binary on an x86-64 without AVX (qemu-user's
# Nehalem model) starts, picks the scalar table, runs the experiment on it,
# refuses a table the CPU cannot run with a clear message (status 2), and
# verify skips such tables rather than failing them. Exit 77 (ctest: skipped)
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
tables=$("$@" isa | sed -n '/^tables built in/,/^$/s/^  \([a-z0-9-]*\) *cannot run here.*/\1/p')
for t in $tables; do
    "$expect" 2 "ISA '$t' is built in, but this CPU cannot run it" \
        "$@" experiment --isa "$t" || fail=1
    "$expect" 0 "table $t .*cannot run it, skipped" \
        "$@" verify --quick --activations relu,sigmoid || fail=1
done
echo "tables refused under -cpu Nehalem: ${tables:-none}"
exit $fail
