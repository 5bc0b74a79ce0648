/* cross_isa.c - do two machines compute the same bits? Run on one machine with
 * `write FILE`, on the other with `check FILE` (tests/cross_isa.cmake runs the
 * native build and the emulated one that way, in both directions).
 *
 * The inputs are fixed and built from integers only: every 16381st float32
 * bit pattern, a grid on [-20, 20], the specials, and the notebook's samples. The
 * file holds this machine's scalar outputs for every activation, the samples
 * themselves, and the double results of the libm calls the scalar reference
 * makes. `check` fails when
 *   - a sample or a scalar activation differs in any bit (NaN payloads aside),
 *   - an exact activation of any table here differs from the file's scalar,
 * and reports, without failing, how far each other table's transcendental
 * activations are from the file's scalar and how many libm double results
 * differ: libm is allowed to differ in the last bit of a double, and a float32
 * result moves only when that bit decides a rounding. It also reports whether
 * the tables dispatch picks on the two machines (avx2, neon) give the same
 * bits: their transcendental kernels take the same steps.
 *
 * `digest STRIDE [TABLE [ACTIVATION]]` hashes every table's (or one table's)
 * outputs, of every activation or one, over every STRIDE-th bit pattern, for
 * comparisons beyond the fixed set (all 2^32 with STRIDE 1). */
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fnv.h"
#include "kernels.h"
#include "rng.h"
#include "sample.h"

#define STRIDE 16381u
#define GRID 65536u
#define NSAMPLE 4096u

static const char magic[8] = "actxisa3";

/* the libm calls of kernels/scalar, on the inputs they see there */
enum libm_fn { EXP_NEG, EXP_NEG_ABS, LOG1P_EXP, TANH, EXPM1, ERFC, NLIBM };
static const char *const libm_name[NLIBM] = {"exp(-x)", "exp(-|x|)", "log1p(exp(-|x|))",
                                             "tanh(x)", "expm1(x)",  "erfc(-x/sqrt 2)"};

static double libm_call(enum libm_fn f, float x)
{
    double d = x;
    switch (f) {
    case EXP_NEG:
        return exp(-d);
    case EXP_NEG_ABS:
        return exp(-fabs(d));
    case LOG1P_EXP:
        return log1p(exp(-fabs(d)));
    case TANH:
        return tanh(d);
    case EXPM1:
        return expm1(d);
    default:
        return erfc(-d * 0.70710678118654752440); /* gelu's, as gelu_scalar.c calls it */
    }
}

struct data {
    size_t n;
    float *x;                /* the inputs */
    float *uniform, *normal; /* the notebook's samples (also among the inputs) */
    float *act[ACT_COUNT];   /* scalar outputs */
    double *libm[NLIBM];
    char best[32];              /* the table dispatch picks on this machine */
    float *best_act[ACT_COUNT]; /* and its outputs */
};

static void *xmalloc(size_t bytes)
{
    void *p = malloc(bytes ? bytes : 1);
    if (!p) {
        fprintf(stderr, "cross_isa: out of memory (%zu bytes)\n", bytes);
        exit(2);
    }
    return p;
}

static void free_data(struct data *d)
{
    free(d->x);
    for (int op = 0; op < ACT_COUNT; op++)
        free(d->act[op]);
    for (int f = 0; f < NLIBM; f++)
        free(d->libm[f]);
    for (int op = 0; op < ACT_COUNT; op++)
        free(d->best_act[op]);
}

/* the first table this CPU runs: the one dispatch picks by default */
static const struct act_kernels *best_table(void)
{
    for (size_t t = 0; t < act_ntables; t++)
        if (act_tables[t]->cpu_ok())
            return act_tables[t];
    return &act_table_scalar;
}

static size_t build_inputs(float *x)
{
    static const float sp[] = {0.0f,      -0.0f,      INFINITY, -INFINITY, NAN,  FLT_MIN, -FLT_MIN,
                               0x1p-149f, -0x1p-149f, FLT_MAX,  -FLT_MAX,  2.5f, -2.5f,   6.0f};
    size_t n = 0;
    for (uint64_t u = 0; u <= 0xffffffffu; u += STRIDE) {
        uint32_t bits = (uint32_t)u;
        memcpy(&x[n++], &bits, sizeof bits);
    }
    for (uint32_t i = 0; i < GRID; i++)
        x[n++] = (float)((double)i * (40.0 / GRID) - 20.0);
    for (size_t i = 0; i < sizeof sp / sizeof sp[0]; i++)
        x[n++] = sp[i];
    return n;
}

static size_t max_inputs(void) { return (0xffffffffu / STRIDE + 1) + GRID + 64 + 2 * NSAMPLE; }

static void compute(struct data *d)
{
    d->x = xmalloc(max_inputs() * sizeof *d->x);
    size_t n = build_inputs(d->x);
    struct actent_rng r;
    d->uniform = d->x + n;
    actent_rng_seed(&r, 0);
    actent_sample(&r, ACTENT_UNIFORM, -1.0, 1.0, d->uniform, NSAMPLE);
    d->normal = d->uniform + NSAMPLE;
    actent_rng_seed(&r, 0);
    actent_sample(&r, ACTENT_NORMAL, 0.0, 1.0, d->normal, NSAMPLE);
    d->n = n + 2 * NSAMPLE;
    for (int op = 0; op < ACT_COUNT; op++) {
        d->act[op] = xmalloc(d->n * sizeof(float));
        act_table_scalar.activate[op](d->x, d->act[op], d->n);
    }
    for (int f = 0; f < NLIBM; f++) {
        d->libm[f] = xmalloc(d->n * sizeof(double));
        for (size_t i = 0; i < d->n; i++)
            d->libm[f][i] = libm_call((enum libm_fn)f, d->x[i]);
    }
    const struct act_kernels *k = best_table();
    snprintf(d->best, sizeof d->best, "%s", k->name);
    for (int op = 0; op < ACT_COUNT; op++) {
        d->best_act[op] = xmalloc(d->n * sizeof(float));
        if (k->activate[op])
            k->activate[op](d->x, d->best_act[op], d->n);
        else
            memcpy(d->best_act[op], d->act[op], d->n * sizeof(float));
    }
}

/* float bits, every NaN as one pattern: tables promise NaN, not its payload */
static uint32_t fbits(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return f != f ? 0x7fc00000u : u;
}

static uint64_t fnv_f32(const float *v, size_t n)
{
    uint64_t h = ACTENT_FNV_BASIS;
    for (size_t i = 0; i < n; i++)
        h = actent_fnv1a(h, fbits(v[i]), 4);
    return h;
}

static int io(FILE *f, void *p, size_t size, size_t n, int writing)
{
    return (writing ? fwrite(p, size, n, f) : fread(p, size, n, f)) == n ? 0 : -1;
}

/* magic, n, the inputs, the scalar outputs, the libm doubles, the best table's
 * name and outputs; host byte order */
static int transfer(FILE *f, struct data *d, int writing)
{
    char m[8];
    uint64_t n = d->n;
    memcpy(m, magic, sizeof m);
    if (io(f, m, 1, sizeof m, writing) || memcmp(m, magic, sizeof m) != 0 ||
        io(f, &n, sizeof n, 1, writing) || n > max_inputs())
        return -1;
    d->n = (size_t)n;
    if (!writing) {
        d->x = xmalloc(d->n * sizeof *d->x);
        for (int op = 0; op < ACT_COUNT; op++)
            d->act[op] = xmalloc(d->n * sizeof(float));
        for (int fn = 0; fn < NLIBM; fn++)
            d->libm[fn] = xmalloc(d->n * sizeof(double));
        for (int op = 0; op < ACT_COUNT; op++)
            d->best_act[op] = xmalloc(d->n * sizeof(float));
    }
    int bad = io(f, d->x, sizeof(float), d->n, writing);
    for (int op = 0; op < ACT_COUNT; op++)
        bad |= io(f, d->act[op], sizeof(float), d->n, writing);
    for (int fn = 0; fn < NLIBM; fn++)
        bad |= io(f, d->libm[fn], sizeof(double), d->n, writing);
    bad |= io(f, d->best, 1, sizeof d->best, writing);
    d->best[sizeof d->best - 1] = '\0';
    for (int op = 0; op < ACT_COUNT; op++)
        bad |= io(f, d->best_act[op], sizeof(float), d->n, writing);
    return bad;
}

/* index of the first bit difference, or n */
static size_t first_diff(const float *a, const float *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fbits(a[i]) != fbits(b[i]))
            return i;
    return n;
}

static uint32_t ulps(float a, float b)
{
    if (a != a || b != b)
        return a != a && b != b ? 0 : UINT32_MAX;
    int64_t ia = (int32_t)fbits(a), ib = (int32_t)fbits(b);
    ia = ia < 0 ? INT32_MIN - ia : ia;
    ib = ib < 0 ? INT32_MIN - ib : ib;
    return (uint32_t)(ia > ib ? ia - ib : ib - ia);
}

static int same(const char *what, const float *here, const float *there, const float *x, size_t n)
{
    size_t i = first_diff(here, there, n);
    printf("%-24s %016" PRIx64 " %s\n", what, fnv_f32(here, n), i == n ? "same" : "DIFFERS");
    if (i < n)
        printf("  first at x=%a: here %a, there %a\n", (double)x[i], (double)here[i],
               (double)there[i]);
    return i == n ? 0 : 1;
}

static int check(const struct data *here, const struct data *there)
{
    size_t n = here->n;
    int bad = 0;
    char what[64];
    if (there->n != n || first_diff(here->x, there->x, n - 2 * NSAMPLE) != n - 2 * NSAMPLE) {
        printf("the file's inputs are not this program's: different versions?\n");
        return 1;
    }
    bad |= same("sample/uniform", here->uniform, there->x + (n - 2 * NSAMPLE), here->x, NSAMPLE);
    bad |= same("sample/normal", here->normal, there->x + (n - NSAMPLE), here->x, NSAMPLE);
    float *y = xmalloc(n * sizeof *y);
    for (size_t t = 0; t < act_ntables; t++) {
        const struct act_kernels *k = act_tables[t];
        if (!k->cpu_ok()) {
            printf("%-24s skipped: this CPU cannot run it\n", k->name);
            continue;
        }
        for (int op = 0; op < ACT_COUNT; op++) {
            snprintf(what, sizeof what, "%s/%s", act_name((enum act_op)op), k->name);
            if (!k->activate[op]) {
                printf("%-24s no kernel (the table test fails for it)\n", what);
                continue;
            }
            k->activate[op](here->x, y, n);
            if (k == &act_table_scalar || act_exact((enum act_op)op)) {
                bad |= same(what, y, there->act[op], here->x, n);
                continue;
            }
            uint32_t worst = 0;
            size_t differ = 0;
            for (size_t i = 0; i < n; i++) {
                uint32_t u = ulps(y[i], there->act[op][i]);
                differ += u != 0;
                worst = u > worst ? u : worst;
            }
            printf("%-24s %016" PRIx64 " %zu differ, at most %" PRIu32 " ulp (bound %" PRIu32
                   ", not checked here)\n",
                   what, fnv_f32(y, n), differ, worst, act_max_ulp(k, op));
        }
    }
    free(y);
    for (int f = 0; f < NLIBM; f++) {
        size_t differ = 0;
        for (size_t i = 0; i < n; i++)
            differ += memcmp(&here->libm[f][i], &there->libm[f][i], sizeof(double)) != 0 &&
                      !(isnan(here->libm[f][i]) && isnan(there->libm[f][i]));
        printf("libm %-19s %zu of %zu double results differ (information only)\n", libm_name[f],
               differ, n);
    }
    /* the tables dispatch picks on each machine: the same steps give the same bits */
    for (int op = 0; op < ACT_COUNT; op++) {
        size_t differ = 0;
        uint32_t worst = 0;
        for (size_t i = 0; i < n; i++) {
            uint32_t u = ulps(here->best_act[op][i], there->best_act[op][i]);
            differ += fbits(here->best_act[op][i]) != fbits(there->best_act[op][i]);
            worst = u > worst ? u : worst;
        }
        printf("%-12s %s here, %s there: %s", act_name((enum act_op)op), here->best, there->best,
               differ ? "" : "identical\n");
        if (differ)
            printf("%zu differ, at most %" PRIu32 " ulp (information only)\n", differ, worst);
    }
    return bad;
}

/* `digest STRIDE [TABLE [ACTIVATION]]`: every table's (or TABLE's) outputs on
 * every STRIDE-th bit pattern, hashed per activation (or for ACTIVATION only),
 * to compare machines over far more inputs than the file holds (STRIDE 1: all
 * 2^32; one activation per process lets the slow emulated runs go in parallel) */
static int digest(uint64_t stride, const char *only, const char *only_op)
{
    enum { B = 4096 };
    static float x[B], y[B];
    for (size_t t = 0; t < act_ntables; t++) {
        const struct act_kernels *k = act_tables[t];
        if (!k->cpu_ok() || (only && strcmp(only, k->name) != 0))
            continue;
        for (int op = 0; op < ACT_COUNT; op++) {
            if (only_op && strcmp(only_op, act_name((enum act_op)op)) != 0)
                continue;
            uint64_t h = ACTENT_FNV_BASIS, count = 0;
            size_t m = 0;
            for (uint64_t u = 0; u <= 0xffffffffu; u += stride) {
                uint32_t bits = (uint32_t)u;
                memcpy(&x[m++], &bits, sizeof bits);
                if (m < B && u + stride <= 0xffffffffu)
                    continue;
                k->activate[op](x, y, m);
                for (size_t i = 0; i < m; i++)
                    h = actent_fnv1a(h, fbits(y[i]), 4);
                count += m;
                m = 0;
            }
            printf("%-12s %-12s %016" PRIx64 " over %" PRIu64 " inputs\n", k->name,
                   act_name((enum act_op)op), h, count);
            fflush(stdout);
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && argc <= 5 && strcmp(argv[1], "digest") == 0 && strtoull(argv[2], NULL, 0) > 0)
        return digest(strtoull(argv[2], NULL, 0), argc >= 4 ? argv[3] : NULL,
                      argc == 5 ? argv[4] : NULL);
    if (argc != 3 || (strcmp(argv[1], "write") != 0 && strcmp(argv[1], "check") != 0)) {
        fprintf(stderr,
                "usage: cross_isa write FILE | cross_isa check FILE | cross_isa digest STRIDE "
                "[TABLE [ACTIVATION]]\n");
        return 2;
    }
    int writing = argv[1][0] == 'w';
    struct data here, there = {0};
    compute(&here);
    FILE *f = fopen(argv[2], writing ? "wb" : "rb");
    if (!f) {
        fprintf(stderr, "cross_isa: cannot open %s\n", argv[2]);
        return 2;
    }
    int bad = transfer(f, writing ? &here : &there, writing), status = 0;
    bad |= fclose(f) != 0;
    if (bad) {
        status = 2;
        fprintf(stderr, "cross_isa: %s %s failed (short, or not written by cross_isa)\n",
                writing ? "writing" : "reading", argv[2]);
        if (writing)
            remove(argv[2]);
    } else if (!writing) {
        printf("%zu inputs: the bit patterns at stride %u, a grid on [-20, 20], specials, the "
               "samples\n",
               here.n, STRIDE);
        status = check(&here, &there);
        printf(status ? "cross-ISA check FAILED\n" : "cross-ISA check passed\n");
    }
    free_data(&here);
    free_data(&there);
    return status;
}
