#!/usr/bin/python3
"""Real outputs against docs/*.schema.json: `actent experiment --json` in each
shape (one analysis, an option grid, an input file, each
--estimator, --population, --binning mass, --repeats), `actent verify --json`,
`actent infoplane --json` (binning with a sweep and a null, KDE's both bounds)
and an `actent-bench` file. Usage: test_schemas.py BUILD_DIR SOURCE_DIR"""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema
import numpy as np


def schema(src, name):
    with open(os.path.join(src, "docs", name + ".schema.json")) as f:
        s = json.load(f)
    jsonschema.Draft202012Validator.check_schema(s)
    return jsonschema.Draft202012Validator(s)


def run(cmd, out):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(out) as f:
        return json.load(f)


# what each run's activations must carry
WANT = {
    "miller-madow": ("estimate", "estimate_reduction"),
    "kde": ("estimate", "estimate_lower", "estimate_lower_reduction", "mi_lower", "mi_upper"),
    "population": ("population_entropy", "population_reduction", "limit_reduction"),
    "population normal": ("population_reduction", "limit_reduction"),
    "mass": ("bins_used",),
}


def main():
    build, src = sys.argv[1], sys.argv[2]
    actent = os.path.join(build, "actent")
    exp, ver, bench, ip = (schema(src, n) for n in ("experiment", "verify", "bench", "infoplane"))
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.json")
        layer = os.path.join(tmp, "layer.npy")
        np.save(layer, np.random.RandomState(3).normal(size=(8, 40)).astype(np.float32))
        docs = {
            "one analysis": [actent, "experiment", "--iterations", "3", "--json", out],
            "consistent": [actent, "experiment", "--mode", "consistent", "--json", out],
            "grid": [actent, "experiment", "--n", "100,200", "--dist", "normal", "--sigma",
                     "1,2", "--bins", "10,20", "--iterations", "0", "--json", out],
            "input file": [actent, "experiment", "--input", layer, "--bins", "8,9", "--json", out],
            "miller-madow": [actent, "experiment", "--estimator", "miller-madow", "--iterations",
                             "0", "--json", out],
            "grassberger": [actent, "experiment", "--estimator", "grassberger", "--iterations",
                            "0", "--json", out],
            "jackknife": [actent, "experiment", "--estimator", "jackknife", "--iterations", "0",
                          "--json", out],
            "kde": [actent, "experiment", "--estimator", "kde", "--noise-var", "0.1", "--n", "256",
                    "--iterations", "0", "--json", out],
            "population": [actent, "experiment", "--mode", "consistent", "--population", "--bins",
                           "10,49", "--iterations", "0", "--json", out],
            "population normal": [actent, "experiment", "--population", "--dist", "normal",
                                  "--iterations", "0", "--json", out],
            "mass": [actent, "experiment", "--mode", "consistent", "--binning", "mass",
                     "--iterations", "0", "--json", out],
            "repeats": [actent, "experiment", "--repeats", "3", "--estimator", "jackknife",
                        "--n", "500", "--bins", "10,20", "--iterations", "0", "--json", out],
        }
        for what, cmd in docs.items():
            doc = run(cmd, out)
            exp.validate(doc)
            assert doc["schema"] == "actent.experiment/2", what
            checked += 1
            keys = {k for r in doc["results"] for a in r.get("activations", []) for k in a}
            for k in WANT.get(what, ()):  # the option's keys are there, not only allowed
                assert k in keys, (what, k)
        reps = doc["results"]
        assert len(reps) == 2 and all(len(r["samples"]) == 3 for r in reps), "repeats shape"
        assert "estimate" in reps[0]["summary"]["activations"][0], "repeats: no estimate"
        # a document that breaks the schema is refused: the check can fail
        doc["results"][0]["samples"][0]["mode"] = "both"
        assert not exp.is_valid(doc), "a broken experiment document passed"
        doc = run(docs["population"], out)
        doc["results"][0]["activations"][0]["population_reduction"] = "1.5"
        assert not exp.is_valid(doc), "a string population_reduction passed"
        doc = run(docs["population"], out)
        del doc["results"][0]["activations"][0]["limit_reduction"]
        assert not exp.is_valid(doc), "population keys without limit_reduction passed"
        doc = run([actent, "verify", "--isa", "scalar", "--json", out], out)
        ver.validate(doc)
        checked += 1
        bad = dict(doc, schema="actent.verify/0")
        assert not ver.is_valid(bad), "a broken verify document passed"
        stack = os.path.join(tmp, "stack.npy")
        labels = os.path.join(tmp, "labels.npy")
        np.save(stack, np.tanh(np.random.RandomState(4).normal(size=(3, 200, 5))).astype(np.float32))
        np.save(labels, np.random.RandomState(5).randint(0, 4, 200))
        for args in (["--width", "0.1,0.5", "--shuffles", "2"],
                     ["--method", "mass", "--bootstrap", "3"],
                     ["--method", "kde", "--noise-var", "0.01,0.1"],
                     ["--method", "kde-lower"]):
            doc = run([actent, "infoplane", "--layer", stack, "--labels", labels, "--json", out]
                      + args, out)
            ip.validate(doc)
            checked += 1
            assert len(doc["rows"]) == 3 * (2 if "," in " ".join(args) else 1), args
        doc["rows"][0]["method"] = "kde-middle"
        assert not ip.is_valid(doc), "a broken infoplane document passed"
        del doc["rows"][0]["ixt"]
        doc["rows"][0]["method"] = "kde-lower"
        assert not ip.is_valid(doc), "an infoplane row without ixt passed"
        bench_exe = os.path.join(build, "actent-bench")
        if os.path.exists(bench_exe):
            doc = run([bench_exe, "--benchmark_filter=^activate/relu/scalar/unit/4096$",
                       "--benchmark_min_time=0.001", "--benchmark_out=" + out,
                       "--benchmark_out_format=json"], out)
            bench.validate(doc)
            checked += 1
    print("%d outputs valid against docs/*.schema.json" % checked)


if __name__ == "__main__":
    main()
