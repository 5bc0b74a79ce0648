/* args.h - the module's arguments and results: names to activations and
 * tables, bins, edges and counts in, numpy arrays out. */
#ifndef ACTENT_PY_ARGS_H
#define ACTENT_PY_ARGS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

#include "actent.h"
#include "arrays.h"

/* the library's messages fit here */
#define ERRLEN 512

/* ValueError "fn: err" (a message of the library's); NULL */
PyObject *arg_fail(const char *fn, const char *err);

/* a str argument as UTF-8, NULL with TypeError (not a str) or ValueError (a
 * lone surrogate, or an embedded NUL that C would silently cut the name at) */
const char *arg_text(PyObject *o, const char *what);

/* activation by name; -1 with ValueError naming the known ones */
int arg_activation(PyObject *name, int *act);

/* None: the best table this CPU runs (*t = NULL); a name: that table, or -1
 * with ValueError (unknown, or this CPU cannot run it) */
int arg_table(PyObject *name, const actent_table **t);

/* a count of bins, >= 1; -1 with ValueError (or TypeError) naming what */
int arg_bins(PyObject *o, const char *what, size_t *bins);

/* A whole number in [0, max] (anything with __index__): -1 with TypeError,
 * or ValueError saying "what is V: rule" (or that it cannot be negative) */
int arg_range(PyObject *o, const char *what, uint64_t max, const char *rule, uint64_t *out);

/* 1-D numbers (array or list) as doubles in *out (PyMem_Free it); TypeError
 * or ValueError */
int arg_edges(PyObject *o, double **out, size_t *n);

/* 1-D non-negative integers (array or list) as uint64 in *out (PyMem_Free it) */
int arg_counts(PyObject *o, uint64_t **out, size_t *n);

/* None (leaves *out) or a real number; -1 with TypeError */
int arg_real(PyObject *o, const char *what, double *out);

/* A new, uninitialised C-contiguous array of the given shape: numpy's
 * (dtype "float32", "float64" or "int64") when numpy imports, else a memoryview over a
 * bytearray. *mem is its memory. NULL with an exception. */
PyObject *new_array(const struct view *like, size_t n1, const char *dtype, void **mem);

#endif
