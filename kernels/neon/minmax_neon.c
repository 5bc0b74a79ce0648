/* minmax_neon.c - min and max, four accumulators of 4 lanes to hide latency.
 * Compare-and-select rather than FMIN/FMINNM: FMIN propagates NaN and FMINNM
 * turns a signalling NaN into a NaN result, while an ordered compare is
 * false for any NaN and leaves the accumulator alone. Zero is reported as +0.0. */
#include "loop_neon.h"
#include "ops_neon.h"

static inline void acc_v4(float32x4_t a, float32x4_t *lo, float32x4_t *hi)
{
    *lo = vbslq_f32(vcltq_f32(a, *lo), a, *lo);
    *hi = vbslq_f32(vcgtq_f32(a, *hi), a, *hi);
}

void act_minmax_neon(const float *x, size_t n, float *lo, float *hi)
{
    const float32x4_t inf = vdupq_n_f32(INFINITY), ninf = vdupq_n_f32(-INFINITY);
    float32x4_t l0 = inf, l1 = inf, l2 = inf, l3 = inf, h0 = ninf, h1 = ninf, h2 = ninf, h3 = ninf;
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        acc_v4(vld1q_f32(x + i), &l0, &h0);
        acc_v4(vld1q_f32(x + i + 4), &l1, &h1);
        acc_v4(vld1q_f32(x + i + 8), &l2, &h2);
        acc_v4(vld1q_f32(x + i + 12), &l3, &h3);
    }
    for (; i + 4 <= n; i += 4)
        acc_v4(vld1q_f32(x + i), &l0, &h0);
    /* the tail padded with NaN, which no compare selects */
    if (i < n)
        acc_v4(load_part_v4(x + i, n - i, NAN), &l1, &h1);
    /* the accumulators hold no NaN: FMIN/FMAX may combine them */
    l0 = vminq_f32(vminq_f32(l0, l1), vminq_f32(l2, l3));
    h0 = vmaxq_f32(vmaxq_f32(h0, h1), vmaxq_f32(h2, h3));
    reduce_minmax_v4(l0, h0, lo, hi);
}

/* the samples inside the window, gathered until f runs on a block of them */
struct turn_block {
    float in[ACT_TURN_BLOCK + 4], out[ACT_TURN_BLOCK + 4];
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
static __attribute__((noinline)) void turn_gather(struct turn_block *t, float32x4_t a,
                                                  uint32x4_t in)
{
    float lane[4];
    uint32_t m[4];
    vst1q_f32(lane, a);
    vst1q_u32(m, in);
    for (size_t j = 0; j < 4; j++)
        if (m[j])
            t->in[t->nin++] = lane[j];
    if (t->nin >= ACT_TURN_BLOCK)
        turn_flush(t);
}

void act_minmax_turn_neon(const float *x, size_t n, float c, float r, act_unary_fn f,
                          struct act_turn_scan *s)
{
    const float32x4_t vc = vdupq_n_f32(c), vr = vdupq_n_f32(r);
    float32x4_t l0 = vdupq_n_f32(INFINITY), h0 = vdupq_n_f32(-INFINITY), l1 = l0, h1 = h0;
    struct turn_block t;
    t.nin = 0;
    t.flo = INFINITY;
    t.f = f;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        float32x4_t p = vld1q_f32(x + i), q = vld1q_f32(x + i + 4);
        acc_v4(p, &l0, &h0);
        acc_v4(q, &l1, &h1);
        /* |x - c| <= r: an ordered compare, false for NaN */
        uint32x4_t ip = vcleq_f32(vabdq_f32(p, vc), vr), iq = vcleq_f32(vabdq_f32(q, vc), vr);
        if (__builtin_expect(vmaxvq_u32(vorrq_u32(ip, iq)) != 0, 0)) {
            turn_gather(&t, p, ip);
            turn_gather(&t, q, iq);
        }
    }
    for (; i < n; i += 4) {
        float32x4_t p = i + 4 <= n ? vld1q_f32(x + i) : load_part_v4(x + i, n - i, NAN);
        acc_v4(p, &l0, &h0);
        uint32x4_t ip = vcleq_f32(vabdq_f32(p, vc), vr);
        if (vmaxvq_u32(ip))
            turn_gather(&t, p, ip);
    }
    if (t.nin)
        turn_flush(&t);
    /* the accumulators hold no NaN: FMIN/FMAX may combine them */
    reduce_minmax_v4(vminq_f32(l0, l1), vmaxq_f32(h0, h1), &s->lo, &s->hi);
    s->flo = t.flo;
}
