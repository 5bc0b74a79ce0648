/* minmax_avx512.c - min and max, 16 lanes, four accumulators to hide latency.
 *
 * Algorithm: minps/maxps return their second operand when either is NaN, so with the
 * accumulator second a NaN lane is skipped; the tail is a masked min/max (absent lanes keep
 * the accumulator). Zero is reported as +0.0. Bound: exact. */
#include "loop_avx512.h"
#include "ops_avx512.h"

void act_minmax_avx512(const float *x, size_t n, float *lo, float *hi)
{
    const __m512 inf = _mm512_set1_ps(INFINITY), ninf = _mm512_set1_ps(-INFINITY);
    __m512 l0 = inf, l1 = inf, l2 = inf, l3 = inf, h0 = ninf, h1 = ninf, h2 = ninf, h3 = ninf;
    size_t i = 0;
    for (; i + 64 <= n; i += 64) {
        __m512 a = _mm512_loadu_ps(x + i), b = _mm512_loadu_ps(x + i + 16);
        __m512 c = _mm512_loadu_ps(x + i + 32), d = _mm512_loadu_ps(x + i + 48);
        l0 = _mm512_min_ps(a, l0);
        h0 = _mm512_max_ps(a, h0);
        l1 = _mm512_min_ps(b, l1);
        h1 = _mm512_max_ps(b, h1);
        l2 = _mm512_min_ps(c, l2);
        h2 = _mm512_max_ps(c, h2);
        l3 = _mm512_min_ps(d, l3);
        h3 = _mm512_max_ps(d, h3);
    }
    for (; i + 16 <= n; i += 16) {
        __m512 a = _mm512_loadu_ps(x + i);
        l0 = _mm512_min_ps(a, l0);
        h0 = _mm512_max_ps(a, h0);
    }
    if (i < n) {
        __mmask16 m = tail_mask_v16(n - i);
        __m512 a = _mm512_maskz_loadu_ps(m, x + i);
        l1 = _mm512_mask_min_ps(l1, m, a, l1);
        h1 = _mm512_mask_max_ps(h1, m, a, h1);
    }
    l0 = _mm512_min_ps(_mm512_min_ps(l0, l1), _mm512_min_ps(l2, l3));
    h0 = _mm512_max_ps(_mm512_max_ps(h0, h1), _mm512_max_ps(h2, h3));
    reduce_minmax_v16(l0, h0, lo, hi);
}

/* the samples inside the window, gathered until f runs on a block of them */
struct turn_block {
    float in[ACT_TURN_BLOCK + 16], out[ACT_TURN_BLOCK + 16];
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
static __attribute__((noinline)) void turn_gather(struct turn_block *t, __m512 a, __mmask16 in)
{
    /* compress in a register and store all 16 (the block has the room): a
     * compressing store to memory is microcoded on some cores */
    _mm512_storeu_ps(t->in + t->nin, _mm512_maskz_compress_ps(in, a));
    t->nin += (size_t)__builtin_popcount(in);
    if (t->nin >= ACT_TURN_BLOCK)
        turn_flush(t);
}

void act_minmax_turn_avx512(const float *x, size_t n, float c, float r, act_unary_fn f,
                            struct act_turn_scan *s)
{
    const __m512 vc = _mm512_set1_ps(c), vr = _mm512_set1_ps(r);
    const __m512 inf = _mm512_set1_ps(INFINITY), ninf = _mm512_set1_ps(-INFINITY);
    __m512 l0 = inf, l1 = inf, h0 = ninf, h1 = ninf;
    struct turn_block t;
    t.nin = 0;
    t.flo = INFINITY;
    t.f = f;
    size_t i = 0;
    /* two vectors a step: min, max, and |x - c| <= r (a NaN fails it) */
    for (; i + 32 <= n; i += 32) {
        __m512 p = _mm512_loadu_ps(x + i), q = _mm512_loadu_ps(x + i + 16);
        l0 = _mm512_min_ps(p, l0);
        h0 = _mm512_max_ps(p, h0);
        l1 = _mm512_min_ps(q, l1);
        h1 = _mm512_max_ps(q, h1);
        __mmask16 ip = _mm512_cmp_ps_mask(_mm512_abs_ps(_mm512_sub_ps(p, vc)), vr, _CMP_LE_OQ);
        __mmask16 iq = _mm512_cmp_ps_mask(_mm512_abs_ps(_mm512_sub_ps(q, vc)), vr, _CMP_LE_OQ);
        if (__builtin_expect((ip | iq) != 0, 0)) {
            if (ip)
                turn_gather(&t, p, ip);
            if (iq)
                turn_gather(&t, q, iq);
        }
    }
    for (; i < n; i += 16) {
        __mmask16 m = tail_mask_v16(n - i < 16 ? n - i : 16);
        __m512 p = _mm512_maskz_loadu_ps(m, x + i);
        l0 = _mm512_mask_min_ps(l0, m, p, l0);
        h0 = _mm512_mask_max_ps(h0, m, p, h0);
        __mmask16 ip =
            _mm512_mask_cmp_ps_mask(m, _mm512_abs_ps(_mm512_sub_ps(p, vc)), vr, _CMP_LE_OQ);
        if (ip)
            turn_gather(&t, p, ip);
    }
    if (t.nin)
        turn_flush(&t);
    reduce_minmax_v16(_mm512_min_ps(l0, l1), _mm512_max_ps(h0, h1), &s->lo, &s->hi);
    s->flo = t.flo;
}
