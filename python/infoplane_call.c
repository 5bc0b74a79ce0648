/* infoplane_call.c - actent.info_plane: a layer (N, d) or a stack of them
 * (E, N, d) with labels, one dict per layer (and per swept width, bin count
 * or noise variance), the layers spread over threads with the GIL released. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "actent.h"
#include "args.h"
#include "arrays.h"
#include "infoplane_call.h"

#define MAX_SWEEP 1000

/* integer labels (any values >= 0), one per sample, as int64 (the library
 * numbers the distinct values) */
static int labels(PyObject *o, const char *what, size_t n, int64_t **out)
{
    struct view v;
    if (view_get(o, what, &v) != 0)
        return -1;
    int rc = -1;
    size_t bad;
    *out = NULL;
    if (v.ndim != 1 || v.n != n) {
        PyErr_Format(PyExc_ValueError,
                     "%s has %d dimensions and %zu values: one integer per sample (%zu) is needed",
                     what, v.ndim, v.n, n);
        goto out;
    }
    if (v.type.kind != 'i' && v.type.kind != 'u') {
        char dt[16];
        view_dtype(&v, dt, sizeof dt);
        PyErr_Format(PyExc_TypeError, "%s has elements of type '%s': integer labels are needed",
                     what, dt);
        goto out;
    }
    *out = PyMem_Malloc((n ? n : 1) * sizeof **out);
    if (!*out) {
        PyErr_NoMemory();
        goto out;
    }
    if (view_to_u64(&v, (uint64_t *)*out, &bad) != 0) {
        PyErr_Format(PyExc_ValueError, "%s[%zu] is negative: labels are integers >= 0", what, bad);
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        if ((*out)[i] < 0) { /* a uint64 above 2^63 - 1 */
            PyErr_Format(PyExc_ValueError, "%s[%zu] is above 2**63 - 1", what, i);
            goto out;
        }
    rc = 0;
out:
    if (rc != 0) {
        PyMem_Free(*out);
        *out = NULL;
    }
    view_release(&v);
    return rc;
}

/* the work: every (layer, swept value), or every layer for a KDE sweep */
struct job {
    const actent_table *tb;
    const float *t;
    size_t layers, n, d;
    const int64_t *y, *x;
    struct actent_ip_options o;
    int kde;           /* the KDE methods: one call per layer for every variance */
    const double *val; /* the swept values (width, bins or noise_var) */
    size_t nval;
    char sweep;                          /* 'w', 'b', 'v' */
    struct actent_ip_result *res, *res2; /* layers x nval; res2: the other KDE bound */
    atomic_size_t next;
    atomic_int failed;
    char err[ERRLEN];
    pthread_mutex_t mu;
};

static void *worker(void *arg)
{
    struct job *j = arg;
    char err[ERRLEN];
    size_t items = j->kde ? j->layers : j->layers * j->nval;
    for (;;) {
        size_t it = atomic_fetch_add(&j->next, 1);
        if (it >= items || atomic_load(&j->failed))
            break;
        size_t layer = j->kde ? it : it / j->nval, v = j->kde ? 0 : it % j->nval;
        const float *t = j->t + layer * j->n * j->d;
        int rc;
        if (j->kde) {
            struct actent_ip_result *up = j->res + layer * j->nval, *lo = j->res2 + layer * j->nval;
            rc = actent_info_plane_kde(j->tb, t, j->n, j->d, j->y, j->val, j->nval, &j->o, up, lo,
                                       err, sizeof err);
        } else {
            struct actent_ip_options o = j->o;
            if (j->sweep == 'w')
                o.width = j->val[v];
            else if (j->sweep == 'b')
                o.bins = (size_t)j->val[v];
            rc = actent_info_plane(j->tb, t, j->n, j->d, j->y, j->x, &o, j->res + it, err,
                                   sizeof err);
        }
        if (rc != 0) {
            pthread_mutex_lock(&j->mu);
            if (!atomic_exchange(&j->failed, 1))
                snprintf(j->err, sizeof j->err, "%s", err);
            pthread_mutex_unlock(&j->mu);
        }
    }
    return NULL;
}

static void run(struct job *j, unsigned threads)
{
    pthread_t th[64];
    unsigned started = 0;
    size_t items = j->kde ? j->layers : j->layers * j->nval;
    if (threads > items)
        threads = (unsigned)items;
    for (unsigned i = 1; i < threads; i++)
        if (pthread_create(&th[started], NULL, worker, j) == 0)
            started++;
    worker(j);
    for (unsigned i = 0; i < started; i++)
        pthread_join(th[i], NULL);
}

static int put(PyObject *d, const char *k, PyObject *v)
{
    int rc = v ? PyDict_SetItemString(d, k, v) : -1;
    Py_XDECREF(v);
    return rc;
}

/* the values of one result; suffix "" or, for method "kde" (both bounds), "_upper" / "_lower" */
static int values(PyObject *d, const struct job *j, const struct actent_ip_result *r,
                  const char *suffix)
{
    static const char *const keys[] = {"ixt",         "ity",    "ht",    "ity_null_mean",
                                       "ity_null_sd", "ixt_sd", "ity_sd"};
    const double v[] = {r->ixt, r->ity, r->ht, r->null_mean, r->null_sd, r->ixt_sd, r->ity_sd};
    for (size_t i = 0; i < 7; i++) {
        if ((i >= 3 && i < 5 && !j->o.shuffles) || (i >= 5 && !j->o.bootstrap))
            continue;
        char key[32];
        snprintf(key, sizeof key, "%s%s", keys[i], suffix);
        if (put(d, key, PyFloat_FromDouble(v[i])) != 0)
            return -1;
    }
    return 0;
}

static PyObject *row(const struct job *j, const char *method, const struct actent_ip_result *r,
                     const struct actent_ip_result *lower, size_t layer, size_t v)
{
    PyObject *d = PyDict_New();
    int bad = !d;
    bad = bad || put(d, "method", PyUnicode_FromString(method));
    if (j->layers > 1)
        bad = bad || put(d, "epoch", PyLong_FromSize_t(layer));
    double val = j->nval ? j->val[v] : 0;
    if (!strcmp(method, "width"))
        bad = bad || put(d, "width", PyFloat_FromDouble(j->sweep == 'w' ? val : j->o.width));
    else if (!strncmp(method, "kde", 3))
        bad = bad || put(d, "noise_var", PyFloat_FromDouble(val));
    else
        bad = bad || put(d, "bins", PyLong_FromSize_t(j->sweep == 'b' ? (size_t)val : j->o.bins));
    if (strncmp(method, "kde", 3))
        bad = bad ||
              put(d, "estimator", PyUnicode_FromString(j->o.estimator ? j->o.estimator : "plugin"));
    bad = bad || put(d, "n", PyLong_FromSize_t(j->n)) || put(d, "d", PyLong_FromSize_t(j->d));
    if (lower) /* "kde": both bounds */
        bad = bad || values(d, j, r, "_upper") || values(d, j, lower, "_lower");
    else
        bad = bad || values(d, j, r, "");
    if (strncmp(method, "kde", 3))
        bad = bad || put(d, "patterns", PyLong_FromUnsignedLongLong(r->patterns)) ||
              put(d, "saturated", PyBool_FromLong(r->saturated));
    if (j->o.shuffles)
        bad = bad || put(d, "shuffles", PyLong_FromSize_t(j->o.shuffles));
    if (j->o.bootstrap)
        bad = bad || put(d, "bootstrap", PyLong_FromSize_t(j->o.bootstrap));
    if (j->o.shuffles || j->o.bootstrap)
        bad = bad || put(d, "seed", PyLong_FromUnsignedLong(j->o.seed));
    if (bad)
        Py_CLEAR(d);
    return d;
}

/* the swept argument (a list) or the one value; sets j->val, j->nval, j->sweep */
static int sweep_arg(PyObject *o, char which, const char *what, double dflt, struct job *j,
                     double *vals)
{
    j->val = vals;
    if (!o || !(PyList_Check(o) || PyTuple_Check(o))) {
        vals[0] = dflt;
        j->nval = 1;
        return o && arg_real(o, what, &vals[0]) != 0 ? -1 : 0;
    }
    Py_ssize_t m = PySequence_Size(o);
    if (m < 1 || m > MAX_SWEEP) {
        PyErr_Format(PyExc_ValueError, "%s lists %zd values: a sweep takes 1 to %d", what, m,
                     MAX_SWEEP);
        return -1;
    }
    for (Py_ssize_t i = 0; i < m; i++) {
        PyObject *e = PySequence_GetItem(o, i);
        int bad = !e || arg_real(e, what, &vals[i]) != 0;
        Py_XDECREF(e);
        if (bad)
            return -1;
    }
    j->nval = (size_t)m;
    j->sweep = which;
    return 0;
}

PyObject *py_info_plane(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = {"t",         "y",         "method",   "width",     "bins",
                            "noise_var", "estimator", "shuffles", "bootstrap", "seed",
                            "x",         "table",     "threads",  NULL};
    PyObject *to, *yo, *mo = NULL, *wo = NULL, *bo = NULL, *vo = NULL, *eo = NULL, *so = NULL;
    PyObject *seedo = NULL, *xo = Py_None, *table = Py_None, *tho = NULL, *bso = NULL;
    (void)self;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|OOOOOOOOOOO:info_plane", names, &to, &yo, &mo,
                                     &wo, &bo, &vo, &eo, &so, &bso, &seedo, &xo, &table, &tho))
        return NULL;
    struct job j = {.o = {.method = "width", .width = 0.07, .bins = 30, .noise_var = 1e-3}};
    if (arg_table(table, &j.tb) != 0)
        return NULL;
    if (mo && mo != Py_None && !(j.o.method = arg_text(mo, "method")))
        return NULL;
    if (eo && eo != Py_None && !(j.o.estimator = arg_text(eo, "estimator")))
        return NULL;
    static const char *const methods[] = {"width", "idnns",     "count",    "mass",
                                          "kde",   "kde-upper", "kde-lower"};
    size_t mi = 0;
    while (mi < 7 && strcmp(j.o.method, methods[mi]))
        mi++;
    if (mi == 7)
        return PyErr_Format(PyExc_ValueError,
                            "unknown method '%s' (width, idnns, count, mass, kde, kde-upper, "
                            "kde-lower)",
                            j.o.method);
    j.kde = mi >= 4;
    uint64_t shuffles = 0, seed = 0, threads = 1, bins = 30, boot = 0;
    if ((so && arg_range(so, "shuffles", 1u << 20, "at most 2**20 permutations", &shuffles)) ||
        (seedo && arg_range(seedo, "seed", UINT32_MAX, "numpy's seed, 0 .. 2**32 - 1", &seed)) ||
        (tho && arg_range(tho, "threads", 64, "at most 64 threads", &threads)) ||
        (bso && arg_range(bso, "bootstrap", 1u << 20, "at most 2**20 replicates", &boot)))
        return NULL;
    j.o.bootstrap = (size_t)boot;
    j.o.shuffles = (size_t)shuffles;
    j.o.seed = (uint32_t)seed;
    double *vbuf = PyMem_Malloc(MAX_SWEEP * sizeof *vbuf);
    if (!vbuf)
        return PyErr_NoMemory();
    int rc;
    if (j.kde)
        rc = sweep_arg(vo, 'v', "noise_var", 1e-3, &j, vbuf);
    else if (!strcmp(j.o.method, "width"))
        rc = sweep_arg(wo, 'w', "width", 0.07, &j, vbuf);
    else {
        rc = sweep_arg(bo, 'b', "bins", 30, &j, vbuf);
        for (size_t i = 0; rc == 0 && i < j.nval; i++)
            if (vbuf[i] != floor(vbuf[i]) || !(vbuf[i] >= 1 && vbuf[i] <= 1e9)) {
                PyErr_Format(PyExc_ValueError, "bins %g: a whole number >= 1 is needed", vbuf[i]);
                rc = -1;
            }
        bins = (uint64_t)vbuf[0];
    }
    j.o.bins = (size_t)bins;
    j.o.width = j.kde || strcmp(j.o.method, "width") ? j.o.width : vbuf[0];
    struct f32 t = {0};
    int64_t *y = NULL, *x = NULL;
    PyObject *out = NULL;
    if (rc != 0 || f32_get(to, "t", &t) != 0)
        goto done;
    if (t.v.ndim != 2 && t.v.ndim != 3) {
        PyErr_Format(PyExc_ValueError,
                     "t has %d dimensions: (N, d) for one layer or (E, N, d) for a stack",
                     t.v.ndim);
        goto done;
    }
    j.t = t.x;
    j.layers = t.v.ndim == 3 ? (size_t)t.v.shape[0] : 1;
    j.n = (size_t)t.v.shape[t.v.ndim - 2];
    j.d = (size_t)t.v.shape[t.v.ndim - 1];
    if (labels(yo, "y", j.n, &y) != 0 || (xo != Py_None && labels(xo, "x", j.n, &x) != 0))
        goto done;
    if (j.o.bootstrap && j.kde) {
        PyErr_Format(PyExc_ValueError, "bootstrap applies to the binning methods, not %s",
                     j.o.method);
        goto done;
    }
    if (x && j.kde) {
        PyErr_Format(PyExc_ValueError,
                     "x (input ids) applies to the binning methods; %s bounds H(T | X) by the "
                     "noise's entropy",
                     j.o.method);
        goto done;
    }
    j.y = y;
    j.x = x;
    size_t cells = j.layers * j.nval;
    j.res = PyMem_Calloc(cells ? cells : 1, sizeof *j.res);
    j.res2 = PyMem_Calloc(cells ? cells : 1, sizeof *j.res2);
    if (!j.res || !j.res2) {
        PyErr_NoMemory();
        goto done;
    }
    pthread_mutex_init(&j.mu, NULL);
    Py_BEGIN_ALLOW_THREADS run(&j, (unsigned)(threads ? threads : 1));
    Py_END_ALLOW_THREADS pthread_mutex_destroy(&j.mu);
    if (j.failed) {
        arg_fail("info_plane", j.err);
        goto done;
    }
    int lower = !strcmp(j.o.method, "kde-lower"), both = !strcmp(j.o.method, "kde");
    out = PyList_New(0);
    for (size_t l = 0; out && l < j.layers; l++) {
        PyObject *per = j.sweep ? PyList_New(0) : NULL;
        for (size_t v = 0; out && v < j.nval; v++) {
            size_t at = l * j.nval + v;
            PyObject *r =
                row(&j, j.o.method, (lower ? j.res2 : j.res) + at, both ? j.res2 + at : NULL, l, v);
            if (!r || PyList_Append(per ? per : out, r) != 0)
                Py_CLEAR(out);
            Py_XDECREF(r);
        }
        if (per && out && PyList_Append(out, per) != 0)
            Py_CLEAR(out);
        Py_XDECREF(per);
    }
    if (out && t.v.ndim == 2) {
        PyObject *one = Py_NewRef(PyList_GET_ITEM(out, 0));
        Py_SETREF(out, one);
    }
done:
    f32_release(&t);
    PyMem_Free(y);
    PyMem_Free(x);
    PyMem_Free(j.res);
    PyMem_Free(j.res2);
    PyMem_Free(vbuf);
    return out;
}
