/* test_f32math.c - the float32 steps the modern kernels share
 * (kernels/<isa>/f32_<isa>.h, through their array forms in act_f32_steps[])
 * against IEEE arithmetic, where the headers claim IEEE's results: the
 * reciprocal is correctly rounded for every float mantissa at several
 * exponents but the all-ones one (an ulp low there, by design), Markstein's
 * quotient equals the division on random and adversarial operands, and the
 * scaling by 2^k rounds once, as vscalefps and ldexpf do. Every ISA folder
 * with the steps is checked where the CPU runs it; where none runs (aarch64:
 * the NEON steps are compared by their outputs in cross_isa) the test is
 * skipped, visibly. */
#include "test_util.h"

#include <string.h>

#include "kernels.h"

static float from_bits(uint32_t u)
{
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

/* the entries this CPU runs; skips the test when there is none */
static size_t runnable(const struct act_f32_steps **out)
{
    size_t k = 0;
    for (size_t i = 0; i < act_nf32_steps; i++)
        if (act_f32_steps[i]->cpu_ok())
            out[k++] = act_f32_steps[i];
    return k;
}

/* RN(1/b), or an ulp low where b's significand is all ones (Markstein's
 * last step ties there and rounds to even: f32_avx512.h) */
static bool recip_ok(float b, float y)
{
    uint32_t u;
    memcpy(&u, &b, 4);
    float want = 1.0f / b;
    if ((u & 0x7fffff) == 0x7fffff)
        return y == want || y == nextafterf(want, 0.0f);
    return y == want;
}

/* the exponents the kernels' denominators take: [1, 2^64) and a few beyond */
static const int exps[] = {0, 1, 7, 23, 40, 63, 95};

#define CHUNK 4096

static uint64_t recip_bad(const struct act_f32_steps *st, int e, uint32_t *bad_bits)
{
    static float b[CHUNK], y[CHUNK];
    uint64_t bad = 0;
    for (uint32_t m = 0; m < (1u << 23); m += CHUNK) {
        for (uint32_t l = 0; l < CHUNK; l++)
            b[l] = from_bits((uint32_t)(127 + e) << 23 | (m + l));
        st->recip(b, y, CHUNK);
        for (uint32_t l = 0; l < CHUNK; l++)
            if (!recip_ok(b[l], y[l]) && !bad++)
                memcpy(bad_bits, &b[l], 4);
    }
    return bad;
}

/* every mantissa at each exponent: the reciprocal is RN(1/b) (but one) */
static void reciprocal(void **state)
{
    (void)state;
    const struct act_f32_steps *run[8];
    size_t nrun = runnable(run);
    if (!nrun)
        skip();
    for (size_t r = 0; r < nrun; r++)
        for (size_t i = 0; i < sizeof exps / sizeof exps[0]; i++) {
            uint32_t bits = 0;
            uint64_t bad = recip_bad(run[r], exps[i], &bits);
            if (bad)
                fail_msg("%s recip: %llu of 2^23 mantissas at 2^%d not RN(1/b), first b = %a",
                         run[r]->isa, (unsigned long long)bad, exps[i], (double)from_bits(bits));
        }
}

static uint32_t xorshift(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return (uint32_t)(*s >> 16);
}

/* a in [2^-20, 2^20), b in [1, 2^40): the range the kernels divide in */
static void operands(uint64_t *s, float *a, float *b, int n)
{
    for (int i = 0; i < n; i++) {
        a[i] = from_bits((uint32_t)(107 + xorshift(s) % 40) << 23 | (xorshift(s) & 0x7fffff));
        b[i] = from_bits((uint32_t)(127 + xorshift(s) % 40) << 23 | (xorshift(s) & 0x7fffff));
        if (i % 4 == 1) /* quotients near a rounding boundary: b just off a power of two */
            b[i] = from_bits((uint32_t)(127 + i % 9) << 23 | (0x7fffff - xorshift(s) % 4));
    }
}

/* a * RN(1/b) corrected by the exact residual is RN(a / b), on 2^20 pairs */
static void quotient(void **state)
{
    (void)state;
    const struct act_f32_steps *run[8];
    size_t nrun = runnable(run);
    if (!nrun)
        skip();
    for (size_t r = 0; r < nrun; r++) {
        uint64_t seed = test_seed() | 1, bad = 0;
        float fa = 0, fb = 0;
        for (int it = 0; it < 1 << 16; it++) {
            float a[16], b[16], q[16];
            operands(&seed, a, b, 16);
            run[r]->div(a, b, q, 16);
            for (int l = 0; l < 16; l++)
                if (q[l] != a[l] / b[l] && !bad++)
                    fa = a[l], fb = b[l];
        }
        if (bad)
            fail_msg("%s: %llu quotients differ from IEEE's, first %a / %a (seed %llu)",
                     run[r]->isa, (unsigned long long)bad, (double)fa, (double)fb,
                     (unsigned long long)test_seed());
    }
}

/* a 2^k rounded once (vscalefps; ldexpf, whose result C defines as exact
 * scaling rounded once) for k in [-190, 127] and |a| in [2^-10, 2^10] (the
 * kernels' range), subnormal results included */
static void scaling(void **state)
{
    (void)state;
    const struct act_f32_steps *run[8];
    size_t nrun = runnable(run);
    if (!nrun)
        skip();
    for (size_t r = 0; r < nrun; r++) {
        uint64_t seed = test_seed() | 1;
        for (int it = 0; it < 1 << 16; it++) {
            float a[16], k[16], got[16];
            for (int l = 0; l < 16; l++) {
                a[l] = from_bits((uint32_t)(117 + xorshift(&seed) % 20) << 23 |
                                 (xorshift(&seed) & 0x7fffff) | (xorshift(&seed) & 1u) << 31);
                k[l] = (float)((int)(xorshift(&seed) % 318) - 190);
            }
            run[r]->scale(a, k, got, 16);
            for (int l = 0; l < 16; l++) {
                float want = ldexpf(a[l], (int)k[l]);
                if (memcmp(&got[l], &want, 4) != 0)
                    fail_msg("%s scale(%a, %g) = %a, a 2^k rounded once %a", run[r]->isa,
                             (double)a[l], (double)k[l], (double)got[l], (double)want);
            }
        }
    }
}

/* the array forms' tails: lengths that are not a multiple of any vector */
static void tails(void **state)
{
    (void)state;
    const struct act_f32_steps *run[8];
    size_t nrun = runnable(run);
    if (!nrun)
        skip();
    float a[23], b[23], q[23], y[23];
    for (int i = 0; i < 23; i++)
        a[i] = (float)(i + 1), b[i] = (float)(2 * i + 3);
    for (size_t r = 0; r < nrun; r++)
        for (size_t n = 1; n <= 23; n++) {
            memset(q, 0xff, sizeof q);
            memset(y, 0xff, sizeof y);
            run[r]->div(a, b, q, n);
            run[r]->recip(b, y, n);
            for (size_t i = 0; i < 23; i++) {
                uint32_t uq, uy;
                memcpy(&uq, &q[i], 4);
                memcpy(&uy, &y[i], 4);
                if (i < n && (q[i] != a[i] / b[i] || !recip_ok(b[i], y[i])))
                    fail_msg("%s n = %zu: lane %zu wrong", run[r]->isa, n, i);
                if (i >= n && (uq != 0xffffffffu || uy != 0xffffffffu))
                    fail_msg("%s n = %zu: wrote past the end at %zu", run[r]->isa, n, i);
            }
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(reciprocal), cmocka_unit_test(quotient),
                                       cmocka_unit_test(scaling), cmocka_unit_test(tails)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
