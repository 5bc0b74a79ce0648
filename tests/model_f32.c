/* model_f32.c - the steps of the hand-written 4-lane transcendental kernels
 * (kernels/neon: exp_neon.h and the six <op>_neon.c), one value at a time in
 * plain C: float32 operations and fmaf, each rounding where the vector code
 * rounds. Any machine can then sweep all 2^32 inputs at native speed:
 *
 *   model_f32 sweep STRIDE BOUND   every STRIDE-th bit pattern against the
 *                                  scalar table; fails above BOUND ulp
 *   model_f32 agree TABLE STRIDE   the model against TABLE's kernels, bit for
 *                                  bit (NaN against NaN); fails on any difference
 *
 * `agree` under qemu ties the model to the vector code; `sweep 1 1` on x86-64
 * is the exhaustive measurement quoted in README.md. Both use two threads.
 * The model is kept in step with the kernels by the `model_agrees` test. */
#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernels.h"

struct split {
    float hi, lo;
};

static float from_bits(uint32_t u)
{
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static uint32_t to_bits(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

/* FMAX and FMIN return a NaN operand; fmaxf and fminf would drop it */
static float vmax(float a, float b) { return a != a || b != b ? a + b : fmaxf(a, b); }
static float vmin(float a, float b) { return a != a || b != b ? a + b : fminf(a, b); }

static float pow2i(int n) { return from_bits((uint32_t)(n + 127) << 23); }

/* exp_neon.h: exp_split_v4 */
static struct split exp_split(float z)
{
    const float ln2_hi = 0x1.62e43p-1f, ln2_lo = -0x1.05c61p-29f;
    z = vmax(z, -110.0f);
    float n = rintf(z * 0x1.715476p+0f);
    float rh = fmaf(-n, ln2_hi, z);
    float r = fmaf(-n, ln2_lo, rh);
    float rl = fmaf(-n, ln2_lo, rh - r);
    float r2 = r * r;
    float p01 = fmaf(r, 0x1.555554p-3f, 0x1p-1f), p23 = fmaf(r, 0x1.1112dcp-7f, 0x1.5554f8p-5f);
    float p45 = fmaf(r, 0x1.9e6af0p-13f, 0x1.6d3a2cp-10f);
    float p = fmaf(r2, fmaf(r2, p45, p23), p01);
    float r2l = fmaf(r, r, -r2);
    float h = r2 * p;
    float hl = fmaf(r2l, p, fmaf(r2, p, -h));
    float qh = r + h;
    float ql = ((h - (qh - r)) + hl) + fmaf(rl, r, rl);
    float mh = 1.0f + qh, ml = ((1.0f - mh) + qh) + ql;
    /* NaN converts to 0, as FCVTZS does */
    int ni = n == n ? (int)n : 0, n1 = ni >> 1, n2 = ni - n1;
    float s1 = pow2i(n1), s2 = pow2i(n2);
    return (struct split){(mh * s1) * s2, ml * (s1 * s2)};
}

/* exp_neon.h: expm1_split_v4 */
static struct split expm1_split(float x)
{
    struct split e = exp_split(x);
    float s = e.hi - 1.0f, err = (-1.0f - s) + e.hi, t = err + e.lo;
    float hi = s + t;
    return (struct split){hi, t - (hi - s)};
}

/* exp_neon.h: div_corr_v4 */
static float div_corr(float num, float numl, float d, float dl)
{
    float r0 = 1.0f / d;
    float t0 = num * r0;
    float rho = fmaf(-t0, d, num) + numl;
    float corr = fmaf(-t0, dl, rho);
    return fmaf(corr, r0, t0);
}

/* exp_neon.h: one_plus_v4 */
static struct split one_plus(struct split v)
{
    float hi = 1.0f + v.hi;
    return (struct split){hi, ((1.0f - hi) + v.hi) + v.lo};
}

static float model_sigmoid(float x)
{
    struct split e = exp_split(-fabsf(x));
    struct split d = one_plus(e);
    int neg = x < 0.0f;
    return div_corr(neg ? e.hi : 1.0f, neg ? e.lo : 0.0f, d.hi, d.lo);
}

static float model_tanh(float x)
{
    float a = fabsf(x);
    float x2 = x * x, x4 = x2 * x2;
    float p01 = fmaf(x2, 0x1.11107ap-3f, -0x1.555554p-2f);
    float p23 = fmaf(x2, 0x1.63a55p-6f, -0x1.b9f188p-5f);
    float p45 = fmaf(x2, 0x1.1a27fep-9f, -0x1.0c5ecep-7f);
    float p = fmaf(x4, fmaf(x4, p45, p23), p01);
    float small = fmaf(x * x2, p, x);
    struct split u = exp_split(a * -2.0f);
    float num = 1.0f - u.hi, numl = ((1.0f - num) - u.hi) - u.lo;
    struct split d = one_plus(u);
    float big = copysignf(div_corr(num, numl, d.hi, d.lo), x);
    return a < 0.625f ? small : big;
}

static float model_softsign(float x)
{
    float a = vmin(fabsf(x), 0x1p26f);
    float d = 1.0f + a, dl = (vmax(1.0f, a) - d) + vmin(1.0f, a);
    return copysignf(div_corr(a, 0.0f, d, dl), x);
}

static float model_softplus(float x)
{
    static const float c[9] = {-0x1.fffff8p-2f, 0x1.55555p-2f,   -0x1.000438p-2f,
                               0x1.99a428p-3f,  -0x1.542402p-3f, 0x1.226b2ap-3f,
                               -0x1.0f4f0ep-3f, 0x1.087e6p-3f,   -0x1.383ebcp-4f};
    float xp = vmax(x, 0.0f);
    struct split w = one_plus(exp_split(-fabsf(x)));
    int k = w.hi > 0x1.6a09e6p+0f;
    float m = k ? w.hi * 0.5f : w.hi, kl = k ? 0x1.62e43p-1f : 0.0f;
    float kll = k ? -0x1.05c61p-29f : 0.0f;
    float f = m - 1.0f, f2 = f * f, f4 = f2 * f2;
    float p01 = fmaf(f, c[1], c[0]), p23 = fmaf(f, c[3], c[2]), p45 = fmaf(f, c[5], c[4]);
    float p67 = fmaf(f, c[7], c[6]);
    float hi = fmaf(f4, c[8], fmaf(f2, p67, p45));
    float p = fmaf(f4, hi, fmaf(f2, p23, p01));
    float lh = kl + f, ll = (kl - lh) + f;
    float tail = fmaf(f2, p, ll + (w.lo / w.hi + kll));
    float s = xp + lh, bb = s - xp, err = (xp - (s - bb)) + (lh - bb);
    float r = s + (err + tail);
    return x > 16.0f ? x : r;
}

static float model_selu(float x)
{
    const float s_hi = 0x1.0cfabep+0f, s_lo = -0x1.2adddap-25f;
    const float c_hi = 0x1.c212ccp+0f, c_lo = 0x1.903c0cp-26f;
    float p = x * s_hi, pe = fmaf(x, s_hi, -p);
    float pos = p + fmaf(x, s_lo, pe);
    pos = fabsf(p) == INFINITY ? p : pos;
    struct split m = expm1_split(vmin(x, 0.0f));
    float q = c_hi * m.hi, qe = fmaf(c_hi, m.hi, -q);
    float neg = q + (qe + fmaf(c_hi, m.lo, c_lo * m.hi));
    return x > 0.0f ? pos : neg;
}

static float model_elu(float x)
{
    struct split m = expm1_split(vmin(x, 0.0f));
    return x > 0.0f ? x : m.hi;
}

static float (*const model[ACT_COUNT])(float) = {
    [ACT_SIGMOID] = model_sigmoid,   [ACT_TANH] = model_tanh, [ACT_SOFTSIGN] = model_softsign,
    [ACT_SOFTPLUS] = model_softplus, [ACT_SELU] = model_selu, [ACT_ELU] = model_elu,
};

static uint32_t ulps(float a, float b)
{
    if (a != a || b != b)
        return a != a && b != b ? 0 : UINT32_MAX;
    int64_t ia = (int32_t)to_bits(a), ib = (int32_t)to_bits(b);
    ia = ia < 0 ? INT32_MIN - ia : ia;
    ib = ib < 0 ? INT32_MIN - ib : ib;
    return (uint32_t)(ia > ib ? ia - ib : ib - ia);
}

enum { THREADS = 2, BATCH = 4096 };

struct job {
    enum act_op op;
    const struct act_kernels *against; /* NULL: the scalar reference, by ulps */
    uint64_t first, step;
    uint32_t worst;   /* max ulps, or differences when against a table */
    float worst_x;    /* the lowest bit pattern reaching it */
    uint64_t hist[3]; /* 0, 1, more ulps */
};

static void *run(void *arg)
{
    struct job *j = arg;
    float x[BATCH], ref[BATCH];
    size_t m = 0;
    for (uint64_t u = j->first; u <= 0xffffffffu; u += j->step) {
        x[m++] = from_bits((uint32_t)u);
        if (m < BATCH && u + j->step <= 0xffffffffu)
            continue;
        (j->against ? j->against : &act_table_scalar)->activate[j->op](x, ref, m);
        for (size_t i = 0; i < m; i++) {
            float y = model[j->op](x[i]);
            uint32_t d;
            if (j->against)
                d = (y != y || ref[i] != ref[i]) ? (y != y) != (ref[i] != ref[i])
                                                 : to_bits(y) != to_bits(ref[i]);
            else if (x[i] != x[i])
                continue; /* NaN input: the reference's NaN, whatever its payload */
            else
                d = ulps(y, ref[i]);
            j->hist[d < 2 ? d : 2]++;
            if (d > j->worst || (d == j->worst && d && to_bits(x[i]) < to_bits(j->worst_x))) {
                j->worst = d;
                j->worst_x = x[i];
            }
        }
        m = 0;
    }
    return NULL;
}

/* one activation over the bit patterns, on THREADS threads; 0 when within bound */
static int sweep(enum act_op op, const struct act_kernels *against, uint64_t stride, uint32_t bound)
{
    struct job j[THREADS];
    pthread_t th[THREADS];
    for (int t = 0; t < THREADS; t++) {
        j[t] = (struct job){op, against, (uint64_t)t * stride, THREADS * stride, 0, 0, {0}};
        if (pthread_create(&th[t], NULL, run, &j[t]) != 0) {
            fprintf(stderr, "model_f32: cannot start a thread\n");
            exit(2);
        }
    }
    struct job all = {op, against, 0, stride, 0, 0, {0}};
    for (int t = 0; t < THREADS; t++) {
        pthread_join(th[t], NULL);
        if (j[t].worst > all.worst ||
            (j[t].worst == all.worst && to_bits(j[t].worst_x) < to_bits(all.worst_x))) {
            all.worst = j[t].worst;
            all.worst_x = j[t].worst_x;
        }
        for (int k = 0; k < 3; k++)
            all.hist[k] += j[t].hist[k];
    }
    if (against && all.hist[1])
        printf("%-9s model vs %s: %" PRIu64 " of %" PRIu64 " differ, first at x = %a\n",
               act_name(op), against->name, all.hist[1], all.hist[0] + all.hist[1],
               (double)all.worst_x);
    else if (against)
        printf("%-9s model vs %s: all %" PRIu64 " agree\n", act_name(op), against->name,
               all.hist[0]);
    else
        printf("%-9s model vs scalar: max %" PRIu32 " ulp (bound %" PRIu32 "), at x = %a;"
               " %" PRIu64 " at 0, %" PRIu64 " at 1, %" PRIu64 " above\n",
               act_name(op), all.worst, bound, (double)all.worst_x, all.hist[0], all.hist[1],
               all.hist[2]);
    fflush(stdout);
    return against ? all.hist[1] != 0 : all.worst > bound;
}

int main(int argc, char **argv)
{
    const struct act_kernels *against = NULL;
    uint64_t stride = 0;
    uint32_t bound = 0;
    if (argc == 4 && strcmp(argv[1], "sweep") == 0) {
        stride = strtoull(argv[2], NULL, 0);
        bound = (uint32_t)strtoul(argv[3], NULL, 0);
    } else if (argc == 4 && strcmp(argv[1], "agree") == 0) {
        for (size_t t = 0; t < act_ntables; t++)
            if (strcmp(act_tables[t]->name, argv[2]) == 0)
                against = act_tables[t];
        if (!against) {
            fprintf(stderr, "model_f32: no table '%s' in this build\n", argv[2]);
            return 2;
        }
        stride = strtoull(argv[3], NULL, 0);
    }
    if (stride == 0) {
        fprintf(stderr, "usage: model_f32 sweep STRIDE BOUND | model_f32 agree TABLE STRIDE\n");
        return 2;
    }
    if (against && !against->cpu_ok()) {
        printf("table %s: this CPU cannot run it\n", against->name);
        return 77;
    }
    int bad = 0;
    for (int op = 0; op < ACT_COUNT; op++)
        if (model[op])
            bad |= sweep((enum act_op)op, against, stride, bound);
    return bad;
}
