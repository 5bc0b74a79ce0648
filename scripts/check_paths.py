#!/usr/bin/python3
"""Every repository path a comment or a document names exists.

    /usr/bin/python3 scripts/check_paths.py [ROOT]   (default: this checkout; exit 1 naming
                                                       each miss)

Scans the tracked C, C++, CMake, Python and shell sources and the Markdown
documents for words that look like paths into the repository's top-level
folders (`src/core/pipeline.c`, `kernels/avx2/loop_avx2.h`, `docs/agreement.md`)
and checks that each names a file or folder of the checkout. Patterns with a
placeholder (`kernels/<isa>/`, `fig-*.png`, `{a,b}`) and paths under
`results/<machine>/` that a run writes are left alone; so are build outputs
(`build/...`). scripts/test runs it in its format stage.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOP = ("src", "kernels", "bench", "tests", "scripts", "docs", "cmake", "include", "fuzz",
       "examples", "python", "results")
EXT = (".c", ".h", ".cc", ".py", ".md", ".cmake", ".txt", ".json", ".jsonl", ".png", ".sh",
       ".in", ".toml", ".cfg")
PATH = re.compile(r"(?<![\w./$-])((?:%s)/[A-Za-z0-9_.+/-]*[A-Za-z0-9_])" % "|".join(TOP))
SOURCES = re.compile(r"\.(c|h|cc|py|md|cmake|sh)$|(^|/)(CMakeLists\.txt|run|test|setup|build|bench|verify)$")


def tracked(root):
    out = subprocess.run(["git", "-C", root, "ls-files"], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    # tests/data/ holds fixtures; test_check_paths.sh plants missing paths on purpose
    return [f for f in out if f and SOURCES.search(f) and not f.startswith("tests/data/") and
            f != "tests/test_check_paths.sh"]


def candidates(text):
    for m in PATH.finditer(text):
        p = m.group(1).rstrip(".")
        end = m.end(1)
        nxt = text[end:end + 1]
        if nxt in "<*{$":  # a pattern, not a path
            continue
        if "<" in p or "*" in p or "$" in p:
            continue
        # only names that end like a file, or a folder with a trailing slash
        if not (p.endswith(EXT) or nxt == "/"):
            continue
        yield p


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else ROOT
    missing = []
    for f in tracked(root):
        try:
            with open(os.path.join(root, f), encoding="utf-8", errors="replace") as fh:
                lines = fh.read().split("\n")
        except OSError:
            continue
        for k, line in enumerate(lines, 1):
            for p in candidates(line):
                if p.startswith("results/") and p.count("/") >= 2 and \
                        not os.path.exists(os.path.join(root, p)):
                    # results/<machine>/... of a machine not committed: a run writes it
                    if not os.path.isdir(os.path.join(root, os.path.dirname(p))):
                        continue
                if not os.path.exists(os.path.join(root, p)):
                    missing.append("%s:%d: %s" % (f, k, p))
    for m in missing:
        print("check_paths: %s does not exist" % m)
    if missing:
        print("check_paths: %d path%s named in comments or documents do not exist" % (
            len(missing), "" if len(missing) == 1 else "s"), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
