/* test_f32math.c - the float32 steps the modern kernels share
 * (kernels/<isa>/f32_<isa>.h) against IEEE arithmetic, where the headers
 * claim IEEE's results: the reciprocal is correctly rounded for every float
 * mantissa at several exponents but the all-ones one (an ulp low there, by
 * design), Markstein's quotient equals the division on
 * random and adversarial operands, the AVX2 scaling equals vscalefps, and the
 * exact product's low part is exact. x86 only (the NEON steps are compared by
 * their outputs in cross_isa); each ISA's case is skipped, visibly, on a CPU
 * without it. */
#include "test_util.h"

#include <string.h>

#include "cpu.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define AVX512_TARGET __attribute__((target("avx512f,avx512dq,avx512bw,avx512vl,avx2,fma")))
#define AVX2_TARGET __attribute__((target("avx2,fma")))

#pragma GCC push_options
#pragma GCC target("avx512f,avx512dq,avx512bw,avx512vl,avx2,fma")
#include "avx512/f32_avx512.h"
#pragma GCC pop_options
#pragma GCC push_options
#pragma GCC target("avx2,fma")
#include "avx2/f32_avx2.h"
#pragma GCC pop_options

static float from_bits(uint32_t u)
{
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
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

AVX512_TARGET static uint64_t recip_avx512(int e, uint32_t *bad_bits)
{
    uint64_t bad = 0;
    for (uint32_t m = 0; m < (1u << 23); m += 16) {
        float b[16], y[16];
        for (int l = 0; l < 16; l++)
            b[l] = from_bits((uint32_t)(127 + e) << 23 | (m + (uint32_t)l));
        _mm512_storeu_ps(y, recip_v16(_mm512_loadu_ps(b)));
        for (int l = 0; l < 16; l++)
            if (!recip_ok(b[l], y[l]) && !bad++)
                memcpy(bad_bits, &b[l], 4);
    }
    return bad;
}

AVX2_TARGET static uint64_t recip_avx2(int e, uint32_t *bad_bits)
{
    uint64_t bad = 0;
    for (uint32_t m = 0; m < (1u << 23); m += 8) {
        float b[8], y[8];
        for (int l = 0; l < 8; l++)
            b[l] = from_bits((uint32_t)(127 + e) << 23 | (m + (uint32_t)l));
        _mm256_storeu_ps(y, recip_v8(_mm256_loadu_ps(b)));
        for (int l = 0; l < 8; l++)
            if (!recip_ok(b[l], y[l]) && !bad++)
                memcpy(bad_bits, &b[l], 4);
    }
    return bad;
}

/* every mantissa at each exponent: the reciprocal is RN(1/b) (but one) */
static void reciprocal(void **state)
{
    (void)state;
    bool any = false;
    for (size_t i = 0; i < sizeof exps / sizeof exps[0]; i++) {
        uint32_t bits = 0;
        if (act_cpu_avx512()) {
            any = true;
            uint64_t bad = recip_avx512(exps[i], &bits);
            if (bad)
                fail_msg("avx512 recip: %llu of 2^23 mantissas at 2^%d not RN(1/b), first b = %a",
                         (unsigned long long)bad, exps[i], (double)from_bits(bits));
        }
        if (act_cpu_avx2_fma()) {
            any = true;
            uint64_t bad = recip_avx2(exps[i], &bits);
            if (bad)
                fail_msg("avx2 recip: %llu of 2^23 mantissas at 2^%d not RN(1/b), first b = %a",
                         (unsigned long long)bad, exps[i], (double)from_bits(bits));
        }
    }
    if (!any)
        skip();
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

AVX512_TARGET static uint64_t markstein_avx512(uint64_t *seed, float *fa, float *fb)
{
    uint64_t bad = 0;
    for (int it = 0; it < 1 << 16; it++) {
        float a[16], b[16], q[16];
        operands(seed, a, b, 16);
        __m512 vb = _mm512_loadu_ps(b);
        _mm512_storeu_ps(q, div_v16(_mm512_loadu_ps(a), vb, recip_v16(vb)));
        for (int l = 0; l < 16; l++)
            if (q[l] != a[l] / b[l] && !bad++)
                *fa = a[l], *fb = b[l];
    }
    return bad;
}

AVX2_TARGET static uint64_t markstein_avx2(uint64_t *seed, float *fa, float *fb)
{
    uint64_t bad = 0;
    for (int it = 0; it < 1 << 17; it++) {
        float a[8], b[8], q[8];
        operands(seed, a, b, 8);
        __m256 vb = _mm256_loadu_ps(b);
        _mm256_storeu_ps(q, div_v8(_mm256_loadu_ps(a), vb, recip_v8(vb)));
        for (int l = 0; l < 8; l++)
            if (q[l] != a[l] / b[l] && !bad++)
                *fa = a[l], *fb = b[l];
    }
    return bad;
}

/* a * RN(1/b) corrected by the exact residual is RN(a / b) */
static void quotient(void **state)
{
    (void)state;
    uint64_t seed = test_seed() | 1;
    float a = 0, b = 0;
    if (!act_cpu_avx2_fma())
        skip();
    uint64_t bad = markstein_avx2(&seed, &a, &b);
    if (bad)
        fail_msg("avx2: %llu quotients differ from IEEE's, first %a / %a (seed %llu)",
                 (unsigned long long)bad, (double)a, (double)b, (unsigned long long)test_seed());
    if (act_cpu_avx512() && (bad = markstein_avx512(&seed, &a, &b)))
        fail_msg("avx512: %llu quotients differ from IEEE's, first %a / %a",
                 (unsigned long long)bad, (double)a, (double)b);
}

AVX512_TARGET static void scalef16(const float *a, const float *k, float *out)
{
    _mm512_storeu_ps(out, _mm512_scalef_ps(_mm512_loadu_ps(a), _mm512_loadu_ps(k)));
}

AVX2_TARGET static void scale8(const float *a, const float *k, float *out)
{
    _mm256_storeu_ps(out, scale_v8(_mm256_loadu_ps(a), _mm256_loadu_ps(k)));
}

/* scale_v8 rounds a 2^k once, as vscalefps does, for k in [-190, 127] and
 * |a| in [2^-10, 2^10] (the kernels' range), subnormal results included */
static void scaling(void **state)
{
    (void)state;
    if (!act_cpu_avx2_fma() || !act_cpu_avx512())
        skip();
    uint64_t seed = test_seed() | 1;
    for (int it = 0; it < 1 << 16; it++) {
        float a[16], k[16], want[16], got[16];
        for (int l = 0; l < 16; l++) {
            a[l] = from_bits((uint32_t)(117 + xorshift(&seed) % 20) << 23 |
                             (xorshift(&seed) & 0x7fffff) | (xorshift(&seed) & 1u) << 31);
            k[l] = (float)((int)(xorshift(&seed) % 318) - 190);
        }
        scalef16(a, k, want);
        scale8(a, k, got);
        scale8(a + 8, k + 8, got + 8);
        for (int l = 0; l < 16; l++)
            if (memcmp(&got[l], &want[l], 4) != 0)
                fail_msg("scale_v8(%a, %g) = %a, vscalefps %a", (double)a[l], (double)k[l],
                         (double)got[l], (double)want[l]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(reciprocal), cmocka_unit_test(quotient),
                                       cmocka_unit_test(scaling)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}

#else

int main(void)
{
    printf("test_f32math: x86 only (the NEON steps are compared by their outputs in cross_isa)\n");
    return 77;
}

#endif
