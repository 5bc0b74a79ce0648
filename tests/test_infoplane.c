/* test_infoplane.c - the information plane against scripts/gen_infoplane.py
 * (each research code's formula re-implemented in numpy) on random and real
 * layers, through every table this CPU runs; the tables' kernels against
 * the scalar ones; hostile input refused with a message naming it. */
#include "test_util.h"

#include <string.h>

#include "dispatch.h"
#include "histogram.h"
#include "infoplane.h"
#include "patterns.h"

#define MAX_CASES 512

static const struct act_kernels *best(void)
{
    const struct act_kernels *k = NULL;
    char why[256];
    if (actent_select(NULL, &k, why, sizeof why) != 0)
        fail_msg("no table: %s", why);
    return k;
}

struct ipcase {
    char name[64], data[64], method[16], est[16];
    double param;
    size_t shuffles;
    unsigned seed;
    int use_x;
    size_t boot;
};

static size_t read_cases(struct ipcase *c)
{
    char path[1024], line[256];
    const char *dir = getenv("ACTENT_TEST_DATA");
    snprintf(path, sizeof path, "%s/ip_cases.txt", dir && *dir ? dir : ACTENT_TEST_DATA);
    FILE *f = fopen(path, "r");
    if (!f)
        fail_msg("cannot open %s", path);
    size_t n = 0;
    while (n < MAX_CASES && fgets(line, sizeof line, f))
        if (line[0] != '#' &&
            sscanf(line, "%63s %63s %15s %lf %15s %zu %u %d %zu", c[n].name, c[n].data, c[n].method,
                   &c[n].param, c[n].est, &c[n].shuffles, &c[n].seed, &c[n].use_x, &c[n].boot) == 9)
            n++;
    fclose(f);
    return n;
}

struct layer {
    struct ref t, y, x;
    struct actent_ip_layer L;
};

static void load_layer(struct layer *l, const char *name, const char *data, int use_x)
{
    char p[128];
    snprintf(p, sizeof p, "ip_%s_t", name);
    ref_load(&l->t, p, "<f4");
    snprintf(p, sizeof p, "ip_%s_y", data);
    ref_load(&l->y, p, "<i4");
    const int32_t *y = l->y.data;
    size_t ny = 0;
    for (size_t i = 0; i < l->y.n; i++)
        ny = (size_t)y[i] + 1 > ny ? (size_t)y[i] + 1 : ny;
    l->L = (struct actent_ip_layer){
        .t = l->t.data, .n = l->y.n, .d = l->t.n / l->y.n, .y = y, .ny = ny};
    if (use_x) {
        snprintf(p, sizeof p, "ip_%s_x", data);
        ref_load(&l->x, p, "<i4");
        l->L.x = l->x.data;
        for (size_t i = 0; i < l->x.n; i++)
            l->L.nx = (size_t)l->L.x[i] + 1 > l->L.nx ? (size_t)l->L.x[i] + 1 : l->L.nx;
    }
}

static void free_layer(struct layer *l, int use_x)
{
    ref_free(&l->t);
    ref_free(&l->y);
    if (use_x)
        ref_free(&l->x);
}

/* Binning: 1e-12 bits (the codes and pattern counts are exact; the sums
 * agree to a few ulp, measured 3e-15) and the pattern count itself. KDE:
 * 1e-6 bits: the tables take distances and exponentials in float32 (scalar:
 * distances rounded once to float32), numpy all in float64; measured 3e-9
 * (scalar) and 4e-8 (avx2, avx512) on these layers. */
static void against_numpy(void **state)
{
    (void)state;
    static struct ipcase c[MAX_CASES];
    size_t nc = read_cases(c);
    assert_true(nc > 100);
    struct ref want;
    ref_load(&want, "ip_expect", "<f8");
    assert_int_equal(want.n, nc * 8);
    for (size_t ti = 0; ti < act_ntables; ti++) {
        const struct act_kernels *k = act_tables[ti];
        if (!k->cpu_ok())
            continue;
        double worst_bin = 0, worst_kde = 0;
        for (size_t i = 0; i < nc; i++) {
            struct layer l;
            load_layer(&l, c[i].name, c[i].data, c[i].use_x);
            struct actent_ip_params p = {.method = actent_ip_method_from_name(c[i].method),
                                         .width = c[i].param,
                                         .bins = (size_t)c[i].param,
                                         .noise_var = c[i].param,
                                         .est = actent_estimator_from_name(c[i].est),
                                         .shuffles = c[i].shuffles,
                                         .bootstrap = c[i].boot,
                                         .seed = c[i].seed};
            struct actent_ip_result r;
            char err[256];
            if (actent_ip_compute(k, &l.L, &p, &r, err, sizeof err) != 0)
                fail_msg("%s %s %s: %s", k->name, c[i].name, c[i].method, err);
            const double *w = (const double *)want.data + 8 * i;
            double got[8] = {r.ixt,       r.ity,     r.ht,     (double)r.patterns,
                             r.null_mean, r.null_sd, r.ixt_sd, r.ity_sd};
            bool kde = p.method >= ACTENT_IP_KDE_UPPER;
            double tol = kde ? 1e-6 : 1e-12;
            for (int j = 0; j < 8; j++) {
                if (isnan(w[j]) && isnan(got[j]))
                    continue;
                double e = fabs(got[j] - w[j]);
                if (!(e <= tol))
                    fail_msg("%s %s %s %g %s x=%d: value %d got %.17g want %.17g", k->name,
                             c[i].name, c[i].method, c[i].param, c[i].est, c[i].use_x, j, got[j],
                             w[j]);
                if (kde)
                    worst_kde = fmax(worst_kde, e);
                else
                    worst_bin = fmax(worst_bin, e);
            }
            free_layer(&l, c[i].use_x);
        }
        print_message("%-10s binning %.2g bits, KDE %.2g bits from numpy\n", k->name, worst_bin,
                      worst_kde);
    }
    ref_free(&want);
}

/* every table's floor(x / w) codes are the scalar table's, out-of-range included */
static void quant_codes(void **state)
{
    (void)state;
    uint64_t s = test_seed();
    enum { N = 4099 };
    static float x[N];
    static int32_t want[N], got[N];
    const float widths[] = {0.07f, 0.5f, 1e-30f, 3.0f};
    for (size_t i = 0; i < N; i++) {
        uint32_t r = (uint32_t)test_rand(&s);
        float v;
        memcpy(&v, &r, sizeof v);
        x[i] = isfinite(v) && fabsf(v) < 1e6f ? v : (float)(int32_t)r * 1e-7f;
    }
    for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
        bool ok_want = act_table_scalar.quant_width(x, N, widths[w], want);
        for (size_t ti = 0; ti < act_ntables; ti++) {
            const struct act_kernels *k = act_tables[ti];
            if (!k->cpu_ok())
                continue;
            for (size_t n = 0; n <= 40; n += 13) { /* tails of every length */
                bool ok = k->quant_width(x + 3, N - 3 - n, widths[w], got);
                if (ok != act_table_scalar.quant_width(x + 3, N - 3 - n, widths[w], want))
                    fail_msg("%s w=%g: range flag differs", k->name, widths[w]);
                for (size_t i = 0; ok && i < N - 3 - n; i++)
                    if (got[i] != want[i])
                        fail_msg("%s w=%g: code[%zu] = %d, scalar %d (x %a)", k->name, widths[w], i,
                                 got[i], want[i], x[3 + i]);
            }
        }
        assert_true(w == 2 ? !ok_want : ok_want); /* 1e-30 sends |x| >= 2^31 * 1e-30 out */
    }
    /* the edges of the range: -2^31 is a code, 2^31 is not; 3e38 / 0.07 is infinite */
    float lo[2] = {-1073741824.0f, 1.0f}, hi[2] = {1.0f, 1073741824.0f}, big[3] = {1, 3e38f, 2};
    for (size_t ti = 0; ti < act_ntables; ti++)
        if (act_tables[ti]->cpu_ok()) {
            const struct act_kernels *k = act_tables[ti];
            assert_true(k->quant_width(lo, 2, 0.5f, got));
            assert_int_equal(got[0], INT32_MIN);
            assert_false(k->quant_width(hi, 2, 0.5f, got));
            assert_false(k->quant_width(big, 3, 0.07f, got));
        }
}

/* every table's edge counts are the definition's (a binary search on the
 * double edges), for tables of thresholds that fit two registers (m + 2 <=
 * 32) and that do not, values on, next to and beyond the edges */
static void quant_edges_counts(void **state)
{
    (void)state;
    uint64_t s = test_seed();
    enum { N = 2051 };
    static float x[N];
    static int32_t got[N];
    const size_t ms[] = {2, 8, 30, 31, 100};
    for (size_t mi = 0; mi < sizeof ms / sizeof ms[0]; mi++) {
        size_t m = ms[mi];
        double e[101], lo = -1.3, hi = 2.9;
        actent_linspace(lo, hi, m, e);
        float thr[103];
        thr[0] = -INFINITY;
        for (size_t k = 0; k < m; k++)
            thr[1 + k] = actent_f32_ceil(e[k]);
        thr[m + 1] = INFINITY;
        for (size_t i = 0; i < N; i++) {
            uint32_t r = (uint32_t)test_rand(&s);
            size_t k = r % m;
            float on = (float)e[k];
            switch (r >> 29) {
            case 0:
                x[i] = on;
                break;
            case 1:
                x[i] = nextafterf(on, INFINITY);
                break;
            case 2:
                x[i] = nextafterf(on, -INFINITY);
                break;
            case 3:
                x[i] = (r & 1 ? 1e30f : -1e30f);
                break;
            default:
                x[i] = (float)(lo - 0.5 + (hi - lo + 1.0) * (r >> 3) / 536870912.0);
                break;
            }
        }
        float first = (float)e[0], inv = (float)((double)(m - 1) / (e[m - 1] - e[0]));
        for (size_t ti = 0; ti < act_ntables; ti++) {
            const struct act_kernels *k = act_tables[ti];
            if (!k->cpu_ok())
                continue;
            for (size_t n = N; n + 20 > N; n -= 7) { /* tails */
                k->quant_edges(x, n, thr, m, first, inv, got);
                for (size_t i = 0; i < n; i++) {
                    int32_t want = 0; /* edges <= x[i], by their doubles */
                    for (size_t q = 0; q < m; q++)
                        want += e[q] <= (double)x[i];
                    if (got[i] != want)
                        fail_msg("%s m=%zu: count[%zu] = %d, want %d (x %a)", k->name, m, i, got[i],
                                 want, x[i]);
                }
            }
        }
    }
}

/* a sweep over the noise variance shares the tiles: each result equals its own call, bit for bit */
static void kde_sweep_shares(void **state)
{
    (void)state;
    struct layer l;
    load_layer(&l, "tanh_d3", "tanh_d3", 0);
    const struct act_kernels *k = best();
    double vars[3] = {1e-3, 0.1, 1.0};
    struct actent_ip_result up[3], lo[3], one_up, one_lo;
    char err[256];
    assert_int_equal(actent_ip_kde(k, &l.L, vars, 3, 0, 0, up, lo, err, sizeof err), 0);
    for (int v = 0; v < 3; v++) {
        assert_int_equal(
            actent_ip_kde(k, &l.L, &vars[v], 1, 0, 0, &one_up, &one_lo, err, sizeof err), 0);
        assert_memory_equal(&one_up.ixt, &up[v].ixt, sizeof(double));
        assert_memory_equal(&one_lo.ity, &lo[v].ity, sizeof(double));
        assert_true(lo[v].ht <= up[v].ht);
    }
    free_layer(&l, 0);
}

static void refused(const struct actent_ip_layer *L, const struct actent_ip_params *p,
                    const char *needle)
{
    char err[256] = "";
    struct actent_ip_result r = {.ixt = 42.0};
    if (actent_ip_compute(best(), L, p, &r, err, sizeof err) != -1)
        fail_msg("accepted; expected an error naming '%s'", needle);
    if (!strstr(err, needle))
        fail_msg("message '%s' does not name '%s'", err, needle);
    assert_true(r.ixt == 42.0); /* nothing written */
}

static void hostile(void **state)
{
    (void)state;
    float t[12] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    int32_t y[4] = {0, 1, 0, 1}, bad_y[4] = {0, 1, 2, 1}, neg[4] = {0, -1, 0, 1};
    struct actent_ip_layer L = {.t = t, .n = 4, .d = 3, .y = y, .ny = 2};
    struct actent_ip_params p = {.method = ACTENT_IP_WIDTH, .width = 0.07};
    struct actent_ip_layer b = L;
    b.n = 1;
    refused(&b, &p, "at least 2");
    b = L, b.d = 0;
    refused(&b, &p, "d = 0");
    b = L, b.y = bad_y;
    refused(&b, &p, "y[2] is 2");
    b = L, b.y = neg;
    refused(&b, &p, "y[1] is -1");
    t[5] = NAN;
    refused(&L, &p, "t[1, 2] is NaN");
    t[5] = INFINITY;
    refused(&L, &p, "infinite");
    t[5] = 5;
    struct actent_ip_params q = p;
    q.width = 0;
    refused(&L, &q, "width 0");
    q.width = 1e300; /* infinite as float32 */
    refused(&L, &q, "width");
    q = p, q.method = ACTENT_IP_IDNNS, q.bins = 1;
    refused(&L, &q, "bins 1");
    q = p, q.method = ACTENT_IP_COUNT, q.bins = 0;
    refused(&L, &q, "bins 0");
    q = p, q.method = ACTENT_IP_KDE_UPPER, q.noise_var = 0;
    refused(&L, &q, "noise_var 0");
    q.noise_var = -1;
    refused(&L, &q, "noise_var -1");
    q = p, q.est = ACTENT_EST_KDE;
    refused(&L, &q, "estimator kde");
    q = p, q.width = 1e-40; /* a float32 subnormal: floor(11 / w) leaves int32 */
    refused(&L, &q, "int32");
}

static bool copy_rows(void *ctx, size_t i0, size_t i1, int32_t *out)
{
    const int32_t *code = ctx;
    memcpy(out, code + i0 * 33, (i1 - i0) * 33 * sizeof *out);
    return true;
}

/* patterns: equal rows one id, unequal rows never, whatever the hash (many
 * rows that differ in one code only) */
static void patterns_exact(void **state)
{
    (void)state;
    enum { N = 5000, D = 33 };
    static int32_t code[N * D];
    for (size_t i = 0; i < N; i++)
        for (size_t j = 0; j < D; j++)
            code[i * D + j] = j == (i % D) ? (int32_t)(i % 1000) + 1 : 0;
    struct actent_patterns p;
    assert_int_equal(actent_patterns_find(copy_rows, code, N, D, &p), 0);
    /* row i is (column i % D holds i % 1000 + 1): distinct while (i % D, i % 1000) differ */
    size_t want = 0;
    static bool seen[D][1000];
    for (size_t i = 0; i < N; i++)
        if (!seen[i % D][i % 1000])
            seen[i % D][i % 1000] = true, want++;
    assert_int_equal(p.npat, want);
    for (size_t i = 0; i < N; i++)
        for (size_t j = i + 1; j < N && j < i + 70; j++)
            assert_int_equal(p.id[i] == p.id[j],
                             memcmp(code + i * D, code + j * D, D * sizeof *code) == 0);
    actent_patterns_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(against_numpy),    cmocka_unit_test(quant_codes),
        cmocka_unit_test(kde_sweep_shares), cmocka_unit_test(hostile),
        cmocka_unit_test(patterns_exact),   cmocka_unit_test(quant_edges_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
