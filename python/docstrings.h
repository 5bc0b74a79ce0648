/* docstrings.h - the module's help: each starts with its signature in the
 * form CPython turns into __text_signature__ ("name(args)\n--\n\n"), so
 * inspect.signature(), help() and editors show the arguments; python/actent/__init__.pyi
 * carries the same signatures with types. */
#ifndef ACTENT_PY_DOCSTRINGS_H
#define ACTENT_PY_DOCSTRINGS_H

#include <Python.h>

PyDoc_STRVAR(doc_module,
             "How much entropy an activation function removes, and how fast this CPU computes "
             "it:\nthe actent library from Python.\n\n"
             "Arrays: anything exposing __dlpack__ (a PyTorch CPU tensor, numpy >= 1.22), the "
             "buffer\nprotocol or __array_interface__, of any shape and strides, read in place "
             "(C order).\nElements: float16, bfloat16, float32 or float64, each read as its "
             "float32 value.\n\n"
             "Errors: TypeError for an object that is not an array of numbers, ValueError for "
             "bad\nvalues (unknown names, bins, empty input), each message starting with the\n"
             "function's name.");

PyDoc_STRVAR(doc_activations, "activations($module, /)\n--\n\n"
                              "The activation names actent knows, in the notebook's order:\n"
                              "what activate, activation_entropy and analyse accept.");

PyDoc_STRVAR(doc_tables, "tables($module, /, all=False)\n--\n\n"
                         "The kernel table names this CPU runs, best first.\n\n"
                         "all: list every table built in, runnable here or not.");

PyDoc_STRVAR(doc_max_ulp,
             "max_ulp($module, name, table=None, /)\n--\n\n"
             "The ULP bound a table declares for one activation against the float32 reference\n"
             "(0: bit-exact). name: an activation (actent.activations()); table: a name from\n"
             "actent.tables(), or None for the best this CPU runs.");

PyDoc_STRVAR(doc_activate,
             "activate($module, /, x, name, table=None)\n--\n\n"
             "The activation applied to every element of x: a float32 array of x's shape.\n\n"
             "x: an array (see the module's help); name: an activation (actent.activations());\n"
             "table: a kernel table name, or None for the best this CPU runs.");

PyDoc_STRVAR(doc_histogram,
             "histogram($module, /, a, bins, table=None)\n--\n\n"
             "np.histogram(a, bins)[0], the same counts: an int64 array.\n\n"
             "a: an array, flattened; bins: a count of equal-width bins on [min(a), max(a)], "
             "or\n1-D increasing edges (the last bin closed, as numpy's); table: as activate's.");

PyDoc_STRVAR(doc_entropy, "entropy($module, counts, /)\n--\n\n"
                          "scipy.stats.entropy(counts, base=2): the Shannon entropy in bits of "
                          "the\ndistribution the counts describe (1-D, non-negative integers).");

PyDoc_STRVAR(doc_activation_entropy,
             "activation_entropy($module, /, x, name, bins=49, table=None, axis=None)\n--\n\n"
             "(bits, counts): the entropy of name(x) binned into bins equal-width bins on its\n"
             "[min, max], activated and counted in one fused pass, never storing name(x).\n\n"
             "x: an array; name: an activation; bins: a count (the notebook's outputs use 49);\n"
             "table: as activate's. counts is an int64 array of bins counts.\n"
             "axis: None (x flattened), or 0 / 1 for a 2-D x: each column's (0) or row's (1)\n"
             "own histogram in one call, (bits[d] float64, counts[d, bins] int64), read in\n"
             "place for float32 of any order (other types converted once).");

PyDoc_STRVAR(doc_analyse,
             "analyse($module, /, x, activations=None, bins=50, mode='notebook', iterations=0, "
             "seed=0,\n        table=None, estimator=None, binning=None, noise_var=None, "
             "threads=1,\n        kde_max_pairs=None, progress=None)\n--\n\n"
             "The notebook's analysis of x: one result of `actent experiment --json`\n"
             "(docs/experiment.schema.json) as a dict, its \"input\" describing x (source "
             "\"array\",\nits shape and dtype).\n\n"
             "activations: None (the notebook's 11), 'all', 'notebook', 'modern', a comma-"
             "separated\nstring or a list of names; bins: the input's bin count (K), or a list of "
             "counts:\na sweep, one result each, as the CLI's --bins 10,20,50; mode: "
             "'notebook' (outputs\nbinned into K - 1 bins, as the notebook) or 'consistent' "
             "(K bins everywhere);\niterations: copy-neighbour rounds after the activations (0: "
             "none); seed: the\nrounds' random stream, np.random.seed(seed); table: as "
             "activate's;\nestimator: beside the plug-in entropy, 'miller-madow', 'grassberger', "
             "'jackknife' or\n'kde' (with noise_var, the noise variance V), as the CLI's "
             "--estimator; binning:\n'width' or 'mass' (consistent mode); threads: at most "
             "this many (the numbers do\nnot depend on it); kde_max_pairs: KDE is O(N^2) and "
             "refuses more pairwise\nexponentials than this (10**12, minutes on one core) "
             "unless given a larger bound;\nprogress: called as progress(done, total) while "
             "long work (KDE, the copy-neighbour\nrounds) runs, on the calling thread; an "
             "exception it raises cancels the call.\nCtrl-C cancels.");

PyDoc_STRVAR(
    doc_info_plane,
    "info_plane($module, /, t, y, method='width', width=0.07, bins=30, noise_var=0.001,\n"
    "        estimator='plugin', shuffles=0, seed=0, x=None, table=None, threads=1)\n--\n\n"
    "The information plane of a layer: I(X;T), I(T;Y) and H(T) in bits as a dict,\n"
    "with patterns (the distinct rows of bin codes) and saturated (every row its own\n"
    "pattern: H(T) = log2 N, the estimate saturates). docs/infoplane.md.\n\n"
    "t: (N, d) activations, one row per sample, or (E, N, d), a stack (a list of E\n"
    "dicts, each with its epoch); y: N integer labels; method: 'width'\n"
    "(floor(t / width), ibsgd), 'idnns' (np.digitize on np.linspace(-1, 1, bins),\n"
    "IDNNs), 'count' (bins bins on the layer's [min, max]), 'mass' (equal-mass\n"
    "bins), 'kde-upper' or 'kde-lower' (Kolchinsky-Tracey bounds, noise variance\n"
    "noise_var). width, bins or noise_var may be a list: a sweep, one dict each (a\n"
    "KDE sweep shares one pass over the pairs). estimator: 'plugin',\n"
    "'miller-madow', 'grassberger' or 'jackknife' on the pattern counts; shuffles:\n"
    "I(T;Y) with y permuted this many times (np.random.RandomState(seed).shuffle),\n"
    "reported as ity_null_mean and ity_null_sd; bootstrap: binning's error bars,\n"
    "the sd of I(X;T) and I(T;Y) over this many resamples of the rows (ixt_sd,\n"
    "ity_sd; np.random.RandomState(seed).randint(0, N, N) each); x: input ids for\n"
    "IDNNs' I(X;T) =\n"
    "H(T) - H(T|X) (else I(X;T) = H(T)); threads: layers at once.");

#endif
