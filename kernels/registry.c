/* registry.c - every table built into this binary, best first, scalar last,
 * and the names of the activations. The one place that names ISAs behind #if:
 * CMake defines ACT_HAVE_<ISA> for each kernel folder it compiled. */
#include <math.h>
#include <string.h>

#include "kernels.h"

#ifdef ACT_HAVE_AVX512
extern const struct act_kernels act_table_avx512;
extern const struct act_f32_steps act_f32_steps_avx512;
#endif
#ifdef ACT_HAVE_AVX2
extern const struct act_kernels act_table_avx2;
extern const struct act_f32_steps act_f32_steps_avx2;
#endif
#ifdef ACT_HAVE_NEON
extern const struct act_kernels act_table_neon;
#endif
#ifdef ACT_HAVE_NEON_SLEEF
extern const struct act_kernels act_table_neon_sleef;
extern const struct act_peer act_peer_sleef_u35_neon;
#endif
#ifdef ACT_HAVE_AVX2_SLEEF
extern const struct act_kernels act_table_avx2_sleef;
extern const struct act_peer act_peer_sleef_u35;
#endif
#ifdef ACT_HAVE_AVX2_PEERS
#include "avx2_peers/peers_avx2.h"
#endif

const struct act_kernels *const act_tables[] = {
#ifdef ACT_HAVE_AVX512
    &act_table_avx512,
#endif
#ifdef ACT_HAVE_AVX2
    &act_table_avx2,
#endif
#ifdef ACT_HAVE_AVX2_SLEEF
    &act_table_avx2_sleef, /* after the hand kernels: it is their baseline */
#endif
#ifdef ACT_HAVE_NEON
    &act_table_neon,
#endif
#ifdef ACT_HAVE_NEON_SLEEF
    &act_table_neon_sleef, /* after the hand kernels: it is their baseline */
#endif
    &act_table_scalar,
};
const size_t act_ntables = sizeof act_tables / sizeof act_tables[0];

/* peers: the list ends with NULL so it is never empty */
const struct act_peer *const act_peers[] = {
#ifdef ACT_HAVE_NEON_SLEEF
    &act_peer_sleef_u35_neon,
#endif
#ifdef ACT_HAVE_AVX2_SLEEF
    &act_peer_sleef_u35,
#endif
#ifdef ACT_HAVE_AVX2_PEERS
    &act_peer_libmvec_avx2,
    &act_peer_plain_avx2,
#endif
    NULL,
};
const size_t act_npeers = sizeof act_peers / sizeof act_peers[0] - 1;

/* the float32 steps' array forms (kernels.h), for the tests */
const struct act_f32_steps *const act_f32_steps[] = {
#ifdef ACT_HAVE_AVX512
    &act_f32_steps_avx512,
#endif
#ifdef ACT_HAVE_AVX2
    &act_f32_steps_avx2,
#endif
    NULL,
};
const size_t act_nf32_steps = sizeof act_f32_steps / sizeof act_f32_steps[0] - 1;

static const char *const names[ACT_COUNT] = {
#define ACT_NAME(E, name, exact) [ACT_##E] = #name,
    ACT_LIST(ACT_NAME)
#undef ACT_NAME
};

static const bool exact[ACT_COUNT] = {
#define ACT_EXACT(E, name, ex) [ACT_##E] = ex,
    ACT_LIST(ACT_EXACT)
#undef ACT_EXACT
};

const char *act_name(enum act_op op) { return op < ACT_COUNT ? names[op] : "?"; }

bool act_exact(enum act_op op) { return op < ACT_COUNT && exact[op]; }

bool act_interior_min(enum act_op op, float *xstar)
{
    if (op >= ACT_COUNT || isnan(act_defs[op]->turn))
        return false;
    *xstar = (float)act_defs[op]->turn;
    return true;
}

enum act_op act_from_name(const char *name)
{
    for (int i = 0; i < ACT_COUNT; i++)
        if (strcmp(names[i], name) == 0)
            return (enum act_op)i;
    return ACT_COUNT;
}
