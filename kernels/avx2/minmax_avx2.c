/* minmax_avx2.c - min and max, four accumulators of 8 lanes to hide latency.
 * minps/maxps return their second operand when either is NaN, so with the
 * accumulator second a NaN lane is skipped. Zero is reported as +0.0. */
#include "loop_avx2.h"
#include "ops_avx2.h"

void act_minmax_avx2(const float *x, size_t n, float *lo, float *hi)
{
    const __m256 inf = _mm256_set1_ps(INFINITY), ninf = _mm256_set1_ps(-INFINITY);
    __m256 l0 = inf, l1 = inf, l2 = inf, l3 = inf, h0 = ninf, h1 = ninf, h2 = ninf, h3 = ninf;
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        __m256 a = _mm256_loadu_ps(x + i), b = _mm256_loadu_ps(x + i + 8);
        __m256 c = _mm256_loadu_ps(x + i + 16), d = _mm256_loadu_ps(x + i + 24);
        l0 = _mm256_min_ps(a, l0);
        h0 = _mm256_max_ps(a, h0);
        l1 = _mm256_min_ps(b, l1);
        h1 = _mm256_max_ps(b, h1);
        l2 = _mm256_min_ps(c, l2);
        h2 = _mm256_max_ps(c, h2);
        l3 = _mm256_min_ps(d, l3);
        h3 = _mm256_max_ps(d, h3);
    }
    for (; i + 8 <= n; i += 8) {
        __m256 a = _mm256_loadu_ps(x + i);
        l0 = _mm256_min_ps(a, l0);
        h0 = _mm256_max_ps(a, h0);
    }
    if (i < n) {
        __m256i m = tail_mask_v8(n - i);
        __m256 a = _mm256_maskload_ps(x + i, m);
        l1 = _mm256_min_ps(_mm256_blendv_ps(inf, a, _mm256_castsi256_ps(m)), l1);
        h1 = _mm256_max_ps(_mm256_blendv_ps(ninf, a, _mm256_castsi256_ps(m)), h1);
    }
    l0 = _mm256_min_ps(_mm256_min_ps(l0, l1), _mm256_min_ps(l2, l3));
    h0 = _mm256_max_ps(_mm256_max_ps(h0, h1), _mm256_max_ps(h2, h3));
    reduce_minmax_v8(l0, h0, lo, hi);
}

/* the samples inside the window, gathered until f runs on a block of them */
struct turn_block {
    float in[ACT_TURN_BLOCK + 8], out[ACT_TURN_BLOCK + 8];
    size_t nin;
    float flo;
    act_unary_fn f;
};

static void turn_flush(struct turn_block *t)
{
    t->f(t->in, t->out, t->nin);
    for (size_t j = 0; j < t->nin; j++)
        t->flo = t->out[j] < t->flo ? t->out[j] : t->flo;
    t->nin = 0;
}

/* rare (the window is a few ulps of f wide): out of line, so the loop's
 * accumulators stay in registers */
static __attribute__((noinline)) void turn_gather(struct turn_block *t, __m256 a, unsigned bits)
{
    float lane[8];
    _mm256_storeu_ps(lane, a);
    for (; bits; bits &= bits - 1)
        t->in[t->nin++] = lane[__builtin_ctz(bits)];
    if (t->nin >= ACT_TURN_BLOCK)
        turn_flush(t);
}

/* the lanes of a with |a - c| <= r (a NaN fails the compare), as bits */
static inline unsigned turn_in(__m256 a, __m256 c, __m256 r)
{
    const __m256 abs = _mm256_castsi256_ps(_mm256_set1_epi32(0x7fffffff));
    __m256 d = _mm256_and_ps(_mm256_sub_ps(a, c), abs);
    return (unsigned)_mm256_movemask_ps(_mm256_cmp_ps(d, r, _CMP_LE_OQ));
}

void act_minmax_turn_avx2(const float *x, size_t n, float c, float r, act_unary_fn f,
                          struct act_turn_scan *s)
{
    const __m256 vc = _mm256_set1_ps(c), vr = _mm256_set1_ps(r);
    const __m256 inf = _mm256_set1_ps(INFINITY), ninf = _mm256_set1_ps(-INFINITY);
    __m256 l0 = inf, l1 = inf, h0 = ninf, h1 = ninf;
    struct turn_block t;
    t.nin = 0;
    t.flo = INFINITY;
    t.f = f;
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m256 p = _mm256_loadu_ps(x + i), q = _mm256_loadu_ps(x + i + 8);
        l0 = _mm256_min_ps(p, l0);
        h0 = _mm256_max_ps(p, h0);
        l1 = _mm256_min_ps(q, l1);
        h1 = _mm256_max_ps(q, h1);
        unsigned ip = turn_in(p, vc, vr), iq = turn_in(q, vc, vr);
        if (__builtin_expect((ip | iq) != 0, 0)) {
            if (ip)
                turn_gather(&t, p, ip);
            if (iq)
                turn_gather(&t, q, iq);
        }
    }
    for (; i < n; i += 8) {
        /* the tail padded with NaN, which every accumulator and compare skips */
        float pad[8];
        for (size_t j = 0; j < 8; j++)
            pad[j] = i + j < n ? x[i + j] : NAN;
        __m256 p = _mm256_loadu_ps(pad);
        l0 = _mm256_min_ps(p, l0);
        h0 = _mm256_max_ps(p, h0);
        unsigned ip = turn_in(p, vc, vr);
        if (ip)
            turn_gather(&t, p, ip);
    }
    if (t.nin)
        turn_flush(&t);
    reduce_minmax_v8(_mm256_min_ps(l0, l1), _mm256_max_ps(h0, h1), &s->lo, &s->hi);
    s->flo = t.flo;
}
