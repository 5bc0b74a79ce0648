#!/usr/bin/env bash
# interrupt.sh ACTENT - SIGINT or SIGTERM in the middle of a long run, or a
# reader that closes the pipe (SIGPIPE): the process dies by the signal, the
# previous result file is untouched and no temporary is left beside it.
set -u
actent=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
set -m # job control: a background job keeps SIGINT instead of ignoring it
fails=0

for sig in INT TERM; do
    printf 'previous result\n' >"$work/r.json"
    # minutes of work: 1000 copy-neighbour iterations over two million values
    "$actent" experiment --n 2000000 --iterations 1000 --json "$work/r.json" >/dev/null \
        2>"$work/err" &
    pid=$!
    # the temporary appears when the run starts; then let it get into the work
    for _ in $(seq 1 600); do
        compgen -G "$work/r.json.tmp.*" >/dev/null && break
        sleep 0.05
    done
    compgen -G "$work/r.json.tmp.*" >/dev/null || { echo "FAIL: no temporary appeared" >&2; fails=$((fails + 1)); }
    sleep 0.5
    kill -s "$sig" "$pid"
    wait "$pid"
    rc=$?
    want=$((128 + $(kill -l "$sig")))
    [[ $rc == "$want" ]] || { echo "FAIL: SIG$sig: exit $rc, want $want: $(cat "$work/err")" >&2; fails=$((fails + 1)); }
    [[ $(cat "$work/r.json") == "previous result" ]] || { echo "FAIL: SIG$sig: r.json changed" >&2; fails=$((fails + 1)); }
    left=$(cd "$work" && ls -A | grep -v -x -e r.json -e err)
    [[ -z $left ]] || { echo "FAIL: SIG$sig: left $left" >&2; fails=$((fails + 1)); }
    ! grep -qE 'ERROR: [A-Za-z]+Sanitizer|runtime error:' "$work/err" || { echo "FAIL: sanitizer: $(cat "$work/err")" >&2; fails=$((fails + 1)); }
    echo "SIG$sig: exit $rc, previous result intact, no temporary left"
done
# the report piped into a reader that stops after a few bytes: the next row
# raises SIGPIPE in the middle of a sweep
printf 'previous result\n' >"$work/r.json"
"$actent" experiment --n 200000 --iterations 5 --activations relu --bins 2:200 \
    --json "$work/r.json" 2>"$work/err" | head -c 10 >/dev/null
rc=${PIPESTATUS[0]}
[[ $rc == $((128 + $(kill -l PIPE))) ]] || { echo "FAIL: SIGPIPE: exit $rc: $(cat "$work/err")" >&2; fails=$((fails + 1)); }
[[ $(cat "$work/r.json") == "previous result" ]] || { echo "FAIL: SIGPIPE: r.json changed" >&2; fails=$((fails + 1)); }
left=$(cd "$work" && ls -A | grep -v -x -e r.json -e err)
[[ -z $left ]] || { echo "FAIL: SIGPIPE: left $left" >&2; fails=$((fails + 1)); }
echo "SIGPIPE: exit $rc, previous result intact, no temporary left"
((fails == 0))
