#!/usr/bin/env bash
# scripts/check_paths.py on a throwaway repository: a comment naming a file
# that exists passes, one naming a file that does not fails and names it, and
# placeholders (kernels/<isa>/) are left alone.
set -euo pipefail
check=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
git init -q .
mkdir -p src/core kernels
echo '/* see src/core/pipeline.c and kernels/<isa>/loop_<isa>.h */' >src/core/a.c
echo 'int x;' >src/core/pipeline.c
git add . && git -c user.email=t@t -c user.name=t commit -qm one
/usr/bin/python3 "$check" "$work" || { echo "a path that exists was refused" >&2; exit 1; }
echo '/* the old home: src/pipeline.c */' >src/core/b.c
git add .
if out=$(/usr/bin/python3 "$check" "$work" 2>&1); then
  echo "a missing path passed" >&2
  exit 1
fi
grep -q "src/core/b.c:1: src/pipeline.c does not exist" <<<"$out" ||
  { echo "the miss is not named: $out" >&2; exit 1; }
echo "check_paths: passes what exists, names what does not"
