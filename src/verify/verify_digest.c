/* verify_digest.c - a fingerprint of a table's outputs, for comparing machines.
 *
 * The inputs are fixed: the special values, the notebook's sample (seed 0,
 * 4096 uniform values) and every 65521st float32 bit pattern. The digest is
 * 64-bit FNV-1a over each output's 4 bytes, little-endian, with every NaN
 * written as 0x7fc00000: NaN payloads and signs are not part of any result
 * (x86 makes 0xffc00000 where AArch64 makes 0x7fc00000), everything else is.
 *
 * Two machines running the same table give the same digest when their
 * instructions round alike, which IEEE 754 guarantees for the operations
 * the kernels use. The scalar table is the one to watch: its transcendental
 * activations call the C library in double and round that double to
 * float32, a double rounding. Libms are not correctly rounded, and even one
 * glibc runs different code on different CPUs (its exp, log1p and expm1
 * have FMA variants, picked at load time). Two doubles an ulp apart give
 * different floats only when they straddle a float32 rounding boundary
 * (about 2^-29 of inputs), so over these 6 x ~70,000 values the scalar
 * digest almost always matches: tests/qemu_nehalem.sh checks that this
 * CPU (FMA code) and qemu's Nehalem (no FMA) give the same one. Where two
 * machines differ, the per-activation digests name the function. */
#include "verify.h"

#include <stdlib.h>
#include <string.h>

#include "experiment.h"
#include "fnv.h"
#include "rng.h"
#include "sample.h"

enum { DIGEST_STRIDE = 65521 };

static float *digest_inputs(size_t *n)
{
    static float *x;
    static size_t nx;
    if (x) {
        *n = nx;
        return x;
    }
    size_t ns;
    const float *sp = actent_verify_specials(&ns);
    size_t nsweep = 0xffffffffu / DIGEST_STRIDE + 1;
    float *v = malloc((ns + ACTENT_NOTEBOOK_N + nsweep) * sizeof *v);
    if (!v)
        return NULL;
    memcpy(v, sp, ns * sizeof *v);
    struct actent_rng r;
    actent_rng_seed(&r, 0);
    actent_sample(&r, ACTENT_UNIFORM, -1.0, 1.0, v + ns, ACTENT_NOTEBOOK_N);
    for (size_t k = 0; k < nsweep; k++) {
        uint32_t bits = (uint32_t)(k * DIGEST_STRIDE);
        memcpy(&v[ns + ACTENT_NOTEBOOK_N + k], &bits, sizeof bits);
    }
    x = v;
    nx = ns + ACTENT_NOTEBOOK_N + nsweep;
    *n = nx;
    return x;
}

uint64_t actent_verify_digest(act_unary_fn f, uint64_t *ninputs)
{
    size_t n;
    const float *x = digest_inputs(&n);
    float *y = x ? malloc(n * sizeof *y) : NULL;
    if (!y) {
        *ninputs = 0;
        return 0;
    }
    f(x, y, n);
    uint64_t h = ACTENT_FNV_BASIS;
    for (size_t i = 0; i < n; i++) {
        uint32_t u;
        memcpy(&u, &y[i], sizeof u);
        if (actent_ulp_isnan_bits(u))
            u = 0x7fc00000u;
        h = actent_fnv1a(h, u, 4);
    }
    free(y);
    *ninputs = n;
    return h;
}
