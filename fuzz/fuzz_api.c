/* fuzz_api.c - libFuzzer target: the public C API (include/actent.h) on any
 * bytes. The first eight bytes choose the call and its arguments; the rest
 * are the elements.
 *
 *   byte 0  the call: activation histogram (typed), input entropy (typed),
 *           histogram by edges, activate, the whole analysis as JSON, the
 *           information plane (the values as rows of 1 + bins % 6 units,
 *           labels from the elements' first bytes)
 *   byte 1  the element type (actent_dtype, or an invalid one)
 *   byte 2  the table (actent_table_at, or NULL: the best; or a forged handle)
 *   byte 3  the activation (0 .. count + 1: one past the end is refused)
 *   byte 4  bins (0 .. 255; 0 is refused)
 *   byte 5  threads (0 .. 3)
 *   bytes 6, 7  the notebook or consistent mode, copy-neighbour iterations
 *
 * Properties checked beyond "no crash, no sanitizer report": every call
 * returns 0 or -1, and -1 with a message; a histogram that succeeds counts
 * every value (the edges' counts every value inside them); its entropy is in
 * [0, log2 bins]; a typed call gives the float32 call's result on the
 * widened values, counts and bits; activate maps every value of a table that
 * runs here; the analysis's JSON is one object; a binned information plane
 * has 0 <= I(T;Y) <= H(T) <= log2 N (plug-in), patterns <= N, saturated
 * exactly when patterns = N, and a KDE one finite bounds. */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actent.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void require(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_api: property violated: %s\n", what);
        abort();
    }
}

static uint64_t sum(const uint64_t *c, size_t n)
{
    uint64_t s = 0;
    for (size_t i = 0; i < n; i++)
        s += c[i];
    return s;
}

/* the values as float32, as the library's widening defines them */
static void widen(actent_dtype dt, const uint8_t *p, size_t n, float *y)
{
    for (size_t i = 0; i < n; i++) {
        if (dt == ACTENT_FLOAT64) {
            double d;
            memcpy(&d, p + 8 * i, 8);
            y[i] = (float)d;
        } else if (dt == ACTENT_FLOAT32) {
            memcpy(&y[i], p + 4 * i, 4);
        } else {
            uint16_t h;
            memcpy(&h, p + 2 * i, 2);
            uint32_t u;
            if (dt == ACTENT_BFLOAT16) {
                u = (uint32_t)h << 16;
            } else { /* IEEE binary16, by arithmetic: no bit tricks shared with the library */
                int e = (h >> 10) & 0x1f;
                float m = (float)(h & 0x3ff), s = h & 0x8000 ? -1.0f : 1.0f;
                float f = e == 0    ? s * ldexpf(m, -24)
                          : e == 31 ? (m != 0 ? NAN : s * INFINITY)
                                    : s * ldexpf(m + 1024.0f, e - 25);
                memcpy(&u, &f, 4);
            }
            memcpy(&y[i], &u, 4);
        }
    }
}

static void histograms(int call, const actent_table *t, int act, actent_dtype dt, const uint8_t *x,
                       size_t n, size_t bins, unsigned threads)
{
    uint64_t c[256], c2[256];
    double bits = -1, bits2 = -1;
    char err[256] = "", err2[256] = "";
    int rc = call == 0 ? actent_activation_histogram_typed(t, act, x, dt, n, bins, c, &bits, NULL,
                                                           NULL, threads, err, sizeof err)
                       : actent_input_entropy_typed(t, x, dt, n, bins, c, &bits, err, sizeof err);
    require(rc == 0 || rc == -1, "a call returns 0 or -1");
    require(rc == 0 || err[0], "a refusal has a message");
    if (rc != 0 || (unsigned)dt > ACTENT_FLOAT64)
        return;
    require(sum(c, bins) == n, "a histogram counts every value");
    require(bits >= 0 && bits <= log2((double)bins) + 1e-9, "entropy in [0, log2 bins]");
    float *y = malloc(n * sizeof *y + 1);
    require(y != NULL, "memory");
    widen(dt, x, n, y);
    int rc2 = call == 0 ? actent_activation_histogram_mt(t, act, y, n, bins, c2, &bits2, NULL, NULL,
                                                         threads, err2, sizeof err2)
                        : actent_input_entropy(t, y, n, bins, c2, &bits2, err2, sizeof err2);
    require(rc2 == 0, "the float32 call accepts what the typed call accepted");
    require(memcmp(c, c2, bins * sizeof *c) == 0, "typed counts = float32 counts");
    require(memcmp(&bits, &bits2, sizeof bits) == 0, "typed bits = float32 bits");
    free(y);
}

static int info_plane(const actent_table *t, const float *v, size_t nv, const uint8_t *data,
                      const uint8_t *raw, char *err, size_t len)
{
    static const char *const methods[] = {"width", "idnns",     "count",    "mass",
                                          "kde",   "kde-upper", "kde-lower"};
    size_t d = 1 + data[4] % 6, n = nv / d;
    int64_t *y = malloc((n ? n : 1) * sizeof *y);
    require(y != NULL, "memory");
    for (size_t i = 0; i < n; i++)
        y[i] = raw[i] % 4;
    const char *m = methods[data[6] % 7];
    struct actent_ip_options o = {.method = m,
                                  .width = data[4] / 16.0,
                                  .bins = data[4] % 40,
                                  .noise_var = data[4] / 64.0,
                                  .estimator = data[5] & 4 ? "miller-madow" : NULL,
                                  .shuffles = data[7] % 3,
                                  .bootstrap = data[5] % 3,
                                  .seed = data[7]};
    struct actent_ip_result r = {0};
    int rc = actent_info_plane(t, v, n, d, y, NULL, &o, &r, err, len);
    require(rc == 0 || rc == -1, "a call returns 0 or -1");
    bool kde = strncmp(m, "kde", 3) == 0;
    if (rc == 0 && kde)
        require(isfinite(r.ixt) && isfinite(r.ity) && isfinite(r.ht), "KDE bounds are finite");
    if (rc == 0 && !kde) {
        require(r.patterns >= 1 && r.patterns <= n, "patterns in [1, N]");
        require(r.saturated == (r.patterns == n), "saturated exactly when every row differs");
        if (!o.estimator)
            require(r.ity >= -1e-9 && r.ity <= r.ht + 1e-9 && r.ht <= log2((double)n) + 1e-9,
                    "0 <= I(T;Y) <= H(T) <= log2 N");
    }
    free(y);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 8)
        return 0;
    int call = data[0] % 6;
    actent_dtype dt = (actent_dtype)(data[1] % 5); /* 4: not a type */
    int ti = data[2] % (actent_table_count() + 2);
    const actent_table *t = ti < actent_table_count() ? actent_table_at(ti) : NULL;
    if (ti == actent_table_count() + 1)
        t = (const actent_table *)(const void *)data; /* forged: must be refused */
    int act = data[3] % (actent_activation_count() + 2) - 1;
    size_t bins = data[4];
    unsigned threads = data[5] % 4;
    size_t esize = dt == ACTENT_FLOAT64 ? 8 : dt == ACTENT_FLOAT32 || dt > 3 ? 4 : 2;
    const uint8_t *body = data + 8;
    size_t n = (size - 8) / esize;
    /* the elements at an address of their own alignment, as the API asks */
    uint8_t *x = malloc(n * esize + 8);
    require(x != NULL, "memory");
    memcpy(x, body, n * esize);
    if (call <= 1) {
        histograms(call, t, act, dt, x, n, bins, threads);
    } else {
        float *v = malloc(n * sizeof *v + 4);
        require(v != NULL, "memory");
        widen(dt > 3 ? ACTENT_FLOAT32 : dt, x, n, v);
        char err[256] = "";
        int rc;
        if (call == 2) {
            /* edges from the first values, the rest binned */
            size_t ne = bins % 9 + 1;
            double edges[10];
            for (size_t i = 0; i < ne; i++)
                edges[i] = i < n ? v[i] : (double)i;
            uint64_t c[9];
            rc = actent_histogram_edges(v, n, edges, ne - 1, c, err, sizeof err);
            require(rc == 0 || rc == -1, "a call returns 0 or -1");
            require(rc != 0 || sum(c, ne - 1) <= n, "edges count at most every value");
        } else if (call == 3) {
            float *y = malloc(n * sizeof *y + 4);
            require(y != NULL, "memory");
            rc = actent_activate(t, act, v, y, n);
            require(rc == 0 || rc == -1, "a call returns 0 or -1");
            if (t && t != (const actent_table *)(const void *)data && actent_table_runs_here(t) &&
                act >= 0 && act < actent_activation_count())
                require(rc == 0, "activate runs a valid activation on a table that runs here");
            free(y);
            rc = 0; /* activate gives no message */
        } else if (call == 5) {
            rc = info_plane(t, v, n > 1024 ? 1024 : n, data, x, err, sizeof err);
        } else {
            struct actent_options o = {.mode = data[6] & 1 ? "consistent" : "notebook",
                                       .bins = bins,
                                       .iterations = data[7] % 3,
                                       .activations = data[3] & 1 ? "all" : NULL,
                                       .threads = threads};
            char *json = NULL;
            rc = actent_analyse_json(t, v, n > 512 ? 512 : n, &o, &json, err, sizeof err);
            require(rc == 0 || rc == -1, "a call returns 0 or -1");
            size_t len = json ? strlen(json) : 0;
            while (len && (json[len - 1] == '\n' || json[len - 1] == ' '))
                len--;
            require(rc != 0 || (json && json[0] == '{' && len && json[len - 1] == '}'),
                    "the analysis is one JSON object");
            actent_free(json);
        }
        require(rc == 0 || err[0], "a refusal has a message");
        free(v);
    }
    free(x);
    return 0;
}
