#!/bin/sh
# expect.sh CODE PATTERN COMMAND [ARGS...]
# Runs COMMAND; passes when it exits with status CODE and its output (standard
# output and error together) matches the extended regular expression PATTERN.
code=$1
pattern=$2
shift 2
out=$("$@" 2>&1)
rc=$?
if [ "$rc" -ne "$code" ]; then
    printf 'expected exit status %s, got %s from: %s\n%s\n' "$code" "$rc" "$*" "$out"
    exit 1
fi
if ! printf '%s\n' "$out" | grep -Eq -- "$pattern"; then
    printf 'output of %s lacks /%s/:\n%s\n' "$*" "$pattern" "$out"
    exit 1
fi
exit 0
