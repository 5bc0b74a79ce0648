#!/usr/bin/env bash
# cli_battery.sh ACTENT DATA_DIR - the command line against hostile input.
#
# Bad arguments: exit 2 and a message naming the argument. Bad files: exit 1
# and a message naming the file and the reason (tests/data/npy/bad.txt). In
# every failure: nothing on standard output, no JSON file, no temporary left,
# an earlier result file untouched, and no sanitizer report.
set -u
actent=$1
data=$2/npy
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0 runs=0

fail() {
    echo "FAIL: $*" >&2
    fails=$((fails + 1))
}

# leftovers: anything in $work besides the files a case expects
leftovers() {
    (cd "$work" && ls -A | grep -v -x -e out -e err -e prev.json -e fifo || true)
}

# expect STATUS TEXT ARGS...: actent ARGS exits STATUS, stderr has TEXT (and
# $also when set), stdout is empty (unless $stdout_ok: rows of analyses that
# finished before the failure), prev.json is unchanged and no other file appears.
also='' stdout_ok=''
expect() {
    local want=$1 text=$2
    shift 2
    runs=$((runs + 1))
    printf 'previous result\n' >"$work/prev.json"
    "$actent" "$@" >"$work/out" 2>"$work/err"
    local rc=$?
    local what="actent ${*:0:12}"
    [[ $rc == "$want" ]] || fail "$what: exit $rc, want $want ($(head -c 300 "$work/err"))"
    local t
    for t in "$text" ${also:+"$also"}; do
        grep -qF -- "$t" "$work/err" || fail "$what: stderr '$(head -c 300 "$work/err")' lacks '$t'"
    done
    ! grep -qE 'ERROR: [A-Za-z]+Sanitizer|runtime error:' "$work/err" || fail "$what: sanitizer report"
    [[ -n $stdout_ok || ! -s $work/out ]] || fail "$what: wrote to stdout: $(head -c 200 "$work/out")"
    [[ $(cat "$work/prev.json") == "previous result" ]] || fail "$what: prev.json changed"
    local extra
    extra=$(leftovers)
    [[ -z $extra ]] || fail "$what: left $extra"
    rm -f "$work/out" "$work/err"
}

# bad arguments: exit 2, whether the JSON goes to a file or to standard output
bad_args() {
    local text=$1
    shift
    expect 2 "$text" "$@" --json "$work/prev.json"
    expect 2 "$text" "$@" --json -
}

bad_args "unknown command 'experimnet'" experimnet
bad_args "--n must be from 1" experiment --n 0
bad_args "--n expects a whole number" experiment --n abc
bad_args "--n expects a whole number" experiment --n -5
bad_args "--n must be from 1 to 68719476736 (got 99999999999999999999)" experiment --n 99999999999999999999
bad_args "--n: the range '10:1' runs backwards" experiment --n 10:1
bad_args "--n step must be from 1" experiment --n 1:10:0
bad_args "--bins 1: notebook mode needs at least 2" experiment --bins 1
bad_args "--bins must be from 1" experiment --mode consistent --bins 0
bad_args "--bins expects a whole number from 1" experiment --bins 10,,20
bad_args "--bins lists more than 1000 values" experiment --bins 2:100000
bad_args "--bins lists 20 twice" experiment --bins 10:30:10,20
bad_args "--sigma expects a finite number above 0, not '0'" experiment --sigma 0
bad_args "--sigma expects a finite number above 0, not 'nan'" experiment --sigma nan
bad_args "--sigma expects a finite number above 0, not 'inf'" experiment --sigma inf
bad_args "--sigma expects a finite number above 0, not '1e999'" experiment --sigma 1e999
bad_args "--sigma lists several values, which needs --dist normal" experiment --sigma 1,2
bad_args "--sigma takes a list such as 0.5,1,2, not a range" experiment --dist normal --sigma 1:2
bad_args "--dist must be uniform or normal, not 'cauchy'" experiment --dist cauchy
bad_args "--mode must be notebook or consistent, not 'exact'" experiment --mode exact
bad_args "unknown activation 'swish'" experiment --activations relu,swish
bad_args "unknown activation ''" experiment --activations ''
bad_args "--nonfinite must be error or drop, not 'skip'" experiment --nonfinite skip
bad_args "--input expects an .npy file name" experiment --input ''
bad_args "--n does not apply with --input" experiment --input "$data/valid/vec7_f4.npy" --n 5
bad_args "--dist does not apply with --input" experiment --input "$data/valid/vec7_f4.npy" --dist normal
bad_args "--seed must be from 0 to 4294967295" experiment --seed 4294967296
bad_args "--seed expects a whole number" experiment --seed -1
bad_args "--iterations must be from 0 to 1048576" experiment --iterations 99999999
bad_args "unknown option '--frobnicate'" experiment --frobnicate 1
bad_args "unexpected argument 'foo'" experiment foo
bad_args "the option grid would make 1000000 analyses" experiment --n 1:1000 --bins 2:1001
bad_args "is too long for a value" experiment --n "$(printf '1%.0s' {1..100})"
bad_args "unknown ISA 'nosuch'" experiment --isa nosuch
# the estimators' options, alone and in combinations that mean nothing
v7="$data/valid/vec7_f4.npy"
bad_args "--estimator must be plugin, miller-madow, grassberger, jackknife or kde, not 'mle'" \
    experiment --estimator mle
bad_args "--estimator kde needs --noise-var V (the noise variance)" experiment --estimator kde
bad_args "--noise-var applies only to --estimator kde" experiment --noise-var 0.1
bad_args "--noise-var applies only to --estimator kde" \
    experiment --estimator jackknife --noise-var 1
bad_args "--noise-var expects a finite number above 0, not '0'" \
    experiment --estimator kde --noise-var 0
bad_args "--noise-var expects a finite number above 0, not 'nan'" \
    experiment --estimator kde --noise-var nan
bad_args "--noise-var 1e-13: must lie in [1e-12, 1e12]" experiment --estimator kde --noise-var 1e-13
bad_args "--noise-var 1e13: must lie in [1e-12, 1e12]" experiment --estimator kde --noise-var 1e13
bad_args "--binning must be width or mass, not 'quantile'" experiment --binning quantile
bad_args "--binning mass bins input and outputs alike: it needs --mode consistent" \
    experiment --binning mass
bad_args "--population needs a sample (uniform or normal), not --input" \
    experiment --population --input "$v7"
bad_args "--population is defined for --binning width only" \
    experiment --mode consistent --binning mass --population
bad_args "--repeats must be from 1 to 10000 (got 0)" experiment --repeats 0
bad_args "--repeats must be from 1 to 10000 (got 10001)" experiment --repeats 10001
bad_args "--repeats expects a whole number from 1 to 10000, not 'x'" experiment --repeats x
bad_args "--seed 4294967295 with --repeats 2 runs past seed 4294967295" \
    experiment --seed 4294967295 --repeats 2
bad_args "--seed 4294967290 with --repeats 10 runs past seed 4294967295" \
    experiment --repeats 10 --seed 4294967290
bad_args "--repeats draws new samples: it does not apply with --input" \
    experiment --repeats 3 --input "$v7"
expect 2 "option --estimator needs a value" experiment --estimator
expect 2 "option --noise-var needs a value" experiment --estimator kde --noise-var
expect 2 "--json expects a file name" experiment --json ''
expect 2 "option --seed needs a value" experiment --mode consistent --seed
expect 2 "--isa expects a table name" experiment --isa ''

# bad files: exit 1 naming the file and the reason, before or without output
while IFS=$'\t' read -r name text _; do
    [[ $name == \#* || -z $name ]] && continue
    f=$data/bad/$name.npy
    also="actent: experiment: $f: "
    expect 1 "$text" experiment --input "$f" --json "$work/prev.json"
    # a good file first: the bad one is found before any analysis
    expect 1 "$text" experiment --input "$data/valid/vec7_f4.npy" --input "$f" --json -
    also=''
done <"$data/bad.txt"

v=$data/valid
expect 1 "$work/none.npy: cannot open: No such file or directory" experiment --input "$work/none.npy"
expect 1 "$v: is a directory, not an .npy file" experiment --input "$v"
expect 1 "/dev/null: not a regular file" experiment --input /dev/null
mkfifo "$work/fifo"
expect 1 "$work/fifo: not a regular file" experiment --input "$work/fifo"
rm -f "$work/fifo"
expect 1 "$v/empty_2d_f8.npy: shape (4, 0, 3) holds no values" experiment --input "$v/empty_2d_f8.npy"
nf="$v/nonfinite_f4.npy: 3 non-finite values (1 NaN, 1 +inf, 1 -inf), the first at index 5 [1, 1]"
expect 1 "$nf" experiment --input "$v/nonfinite_f4.npy" --json "$work/prev.json"
# a failure after a first file was analysed and streamed into the temporary
stdout_ok=1
expect 1 "$nf" experiment --input "$v/vec7_f4.npy" --input "$v/nonfinite_f4.npy" --json "$work/prev.json"
stdout_ok=''
expect 1 "$nf" experiment --input "$v/vec7_f4.npy" --input "$v/nonfinite_f4.npy" --json -
expect 1 "all 4 values are non-finite" experiment --input "$v/all_nan_f4.npy" --nonfinite drop
expect 1 "1 of them finite float64 values beyond float32's range" experiment --input "$v/overflow_f8.npy"
expect 1 "$v/wide_range_f4.npy: the input's range [-3e+38, 3e+38] is wider than float32 can hold" \
    experiment --input "$v/wide_range_f4.npy"
expect 1 "cannot write '$work/no/such/dir.json': its folder '$work/no/such' cannot be reached: No such file or directory" experiment --n 10 --json "$work/no/such/dir.json"
expect 1 "cannot write '$work': it is a directory" experiment --n 10 --json "$work"

cp "$v/vec7_f4.npy" "$work/prev.json.npy"
also="--json '$work/prev.json.npy' is the input file '$work/prev.json.npy': the result would replace it"
runs=$((runs + 1))
"$actent" experiment --input "$work/prev.json.npy" --json "$work/prev.json.npy" >"$work/out" 2>&1
[[ $? == 2 ]] && grep -qF -- "$also" "$work/out" && cmp -s "$v/vec7_f4.npy" "$work/prev.json.npy" ||
    fail "an input given as the JSON destination: $(cat "$work/out")"
also=''
rm -f "$work/prev.json.npy" "$work/out"

# what does work: files, a sweep, and the JSON they write
runs=$((runs + 1))
if ! "$actent" experiment --input "$v/layer_f16_F.npy" --input "$v/layer_be64_nan.npy" \
    --nonfinite drop --bins 10,20 --iterations 2 --json "$work/ok.json" >"$work/out" 2>"$work/err"; then
    fail "the good run failed: $(cat "$work/err")"
fi
for want in '"results": [' '"file": "'"$v/layer_f16_F.npy"'"' '"shape": [64, 50]' \
    '"dtype": ">f8"' '"fortran_order": true' '"nonfinite_dropped": 7' '"bins": [10, 20]'; do
    grep -qF -- "$want" "$work/ok.json" || fail "ok.json lacks $want"
done
grep -qF "layer_be64_nan.npy: shape (40, 30), dtype >f8, n = 1193 (7 non-finite values left out)" \
    "$work/out" || fail "the report lacks the file line: $(cat "$work/out")"
if [[ -x /usr/bin/python3 ]]; then
    /usr/bin/python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); assert len(r["results"]) == 4' \
        "$work/ok.json" || fail "ok.json is not the JSON expected"
fi
rm -f "$work/ok.json" "$work/out" "$work/err"

# refused in one place, refused everywhere: sets that repeat a name, options
# that would be ignored, commands that take no argument, a bad environment
bad_args "the list names 'relu' twice ('all' and 'relu' both hold it)" experiment --activations all,relu
bad_args "the list names 'gelu' twice ('modern' and 'all' both hold it)" \
    experiment --activations modern,all
bad_args "--sigma is the normal's scale: it needs --dist normal" experiment --sigma 2
bad_args "--nonfinite applies to --input files" experiment --nonfinite drop
expect 2 "help: no command 'bogus'" help bogus
expect 2 "help: unexpected argument 'more'" help experiment more
expect 2 "version: unexpected argument 'extra'" version extra
expect 2 "machine: unexpected argument 'extra'" machine extra
also="unknown ISA 'bogus'"
ACTENT_ISA=bogus expect 2 "ACTENT_ISA=bogus (from the environment)" experiment --n 10
ACTENT_ISA=bogus expect 2 "ACTENT_ISA=bogus (from the environment)" isa
also="unknown ISA 'nosuch'"
expect 2 "--isa nosuch:" verify --isa nosuch
also=''

# what a command prints must arrive: a full device is a failure (exit 1), for
# every command, not only experiment
for cmd in "verify --quick --activations relu" isa help version machine "help experiment"; do
    runs=$((runs + 1))
    # shellcheck disable=SC2086
    "$actent" $cmd >/dev/full 2>"$work/err"
    rc=$?
    [[ $rc == 1 ]] && grep -qF "cannot write to standard output: No space left on device" "$work/err" ||
        fail "actent $cmd >/dev/full: exit $rc, $(head -c 200 "$work/err")"
    rm -f "$work/err"
done

# --json into what is not a regular file: written into (a device, a FIFO),
# followed (a symbolic link), or refused, never replaced by a regular file
json_into() { # json_into WHAT PATH: a good run writing its JSON to PATH
    runs=$((runs + 1))
    "$actent" experiment --n 64 --iterations 0 --activations relu --json "$2" >/dev/null 2>"$work/err"
}
if mknod "$work/full" c 1 7 2>/dev/null; then # a copy of /dev/full (root only)
    json_into device "$work/full"
    rc=$?
    [[ $rc == 1 && -c $work/full ]] && grep -qF "cannot write '$work/full': No space left on device" "$work/err" ||
        fail "--json to a full device: exit $rc, $(ls -l "$work/full") $(cat "$work/err")"
    rm -f "$work/full"
fi
json_into null /dev/null && [[ -c /dev/null ]] || fail "--json /dev/null: $(cat "$work/err")"
mkfifo "$work/pipe"
cat "$work/pipe" >"$work/piped" &
json_into fifo "$work/pipe" || fail "--json to a FIFO failed: $(cat "$work/err")"
wait
[[ -p $work/pipe ]] && grep -qF '"schema": "actent.experiment/2"' "$work/piped" ||
    fail "--json to a FIFO: the FIFO was replaced, or nothing came through it"
rm -f "$work/pipe" "$work/piped"
echo old >"$work/target.json"
ln -s target.json "$work/link.json"
json_into link "$work/link.json" || fail "--json to a symbolic link failed: $(cat "$work/err")"
[[ -L $work/link.json ]] && grep -qF '"schema"' "$work/target.json" ||
    fail "--json to a symbolic link: the link was replaced, or its target not written"
ln -s missing.json "$work/dangling.json"
json_into dangling "$work/dangling.json" && fail "--json to a dangling link succeeded"
grep -qF "is a symbolic link to a missing file" "$work/err" || fail "dangling link: $(cat "$work/err")"
[[ -L $work/dangling.json && ! -e $work/missing.json ]] || fail "dangling link: changed"
rm -f "$work/target.json" "$work/link.json" "$work/dangling.json"
if [[ -e /proc/version ]]; then
    json_into proc /proc/version && fail "--json /proc/version succeeded"
    grep -qF "none can be created in '/proc'" "$work/err" || fail "--json /proc/version: $(cat "$work/err")"
fi
rm -f "$work/err"

# a file name that is not UTF-8 is still valid JSON (U+FFFD for each bad byte)
bad_name=$work/$'bad\xff\xfe.npy'
cp "$v/vec7_f4.npy" "$bad_name"
runs=$((runs + 1))
"$actent" experiment --input "$bad_name" --iterations 0 --json "$work/utf8.json" >/dev/null 2>&1 ||
    fail "a file name with bytes 0xff 0xfe: the run failed"
if grep -q $'\xff' "$work/utf8.json"; then
    fail "raw 0xff bytes in the JSON"
fi
grep -qF 'bad\ufffd\ufffd.npy' "$work/utf8.json" || fail "the bad bytes are not U+FFFD: $(grep file "$work/utf8.json")"
if [[ -x /usr/bin/python3 ]]; then
    /usr/bin/python3 -c 'import json, sys; json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))' \
        "$work/utf8.json" || fail "the JSON does not decode as UTF-8"
fi
rm -f "$bad_name" "$work/utf8.json"

echo "cli battery: $runs runs, $fails failures"
((fails == 0))
