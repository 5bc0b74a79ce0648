#!/usr/bin/env bash
# install_example.sh BUILD_DIR SOURCE_DIR - `cmake --install` into a temporary
# prefix, then build examples/notebook_entropy.c against the installed tree
# both ways (pkg-config; a separate CMake project with find_package), run
# each, and compare its numbers with `actent experiment --json`'s.
set -euo pipefail
build=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null

for f in include/actent.h lib/libactent.so lib/libactent.a bin/actent lib/pkgconfig/actent.pc \
    lib/cmake/actent/actentConfig.cmake lib/cmake/actent/actentConfigVersion.cmake; do
    [[ -e $prefix/$f ]] || { echo "install: $f is missing under the prefix" >&2; exit 1; }
done
soname=$(readelf -d "$prefix/lib/libactent.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[[ $soname == libactent.so.0 ]] || { echo "SONAME is '$soname', not libactent.so.0" >&2; exit 1; }
others=$(nm -D --defined-only "$prefix/lib/libactent.so" | awk '{print $3}' | grep -v '^actent_' || true)
[[ -z $others ]] || { echo "libactent.so exports more than actent_*: $others" >&2; exit 1; }

# pkg-config, against the shared library
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
cc -std=c11 -Wall -Werror "$src/examples/notebook_entropy.c" $(pkg-config --cflags --libs actent) \
    -o "$work/by_pkgconfig"
LD_LIBRARY_PATH=$prefix/lib "$work/by_pkgconfig" relu tanh linear >"$work/pkgconfig.txt"
# pkg-config --static, against libactent.a
cc -std=c11 -Wall -Werror "$src/examples/notebook_entropy.c" -static-libgcc \
    $(pkg-config --cflags actent) "$prefix/lib/libactent.a" $(pkg-config --static --libs-only-l actent | sed 's/-lactent//') \
    -o "$work/by_static"
"$work/by_static" relu tanh linear >"$work/static.txt"

# find_package, from a throwaway CMake project
cmake -S "$src/examples" -B "$work/cmake" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/cmake" >/dev/null
LD_LIBRARY_PATH=$prefix/lib "$work/cmake/notebook_entropy" relu tanh linear >"$work/cmake.txt"

cmp "$work/pkgconfig.txt" "$work/cmake.txt"
cmp "$work/pkgconfig.txt" "$work/static.txt"
"$prefix/bin/actent" experiment --iterations 0 --json "$work/exp.json" >/dev/null
/usr/bin/python3 - "$work/pkgconfig.txt" "$work/exp.json" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().split("\n")
got = dict(l.split() for l in lines[1:] if l)
res = json.load(open(sys.argv[2]))["results"][0]
want = {"input": res["input_entropy"]}
want.update({a["name"]: a["entropy"] for a in res["activations"]})
for k, v in got.items():
    if float(v) != want[k]:
        sys.exit("example %s = %s, actent experiment says %r" % (k, v, want[k]))
print("example (pkg-config, static, find_package) = actent experiment: " +
      ", ".join("%s %s" % kv for kv in got.items()))
PY
