/* ops_neon_sleef.h - the neon-sleef table's own entries: the six transcendental
 * activations built on SLEEF's AdvSIMD vector functions, and the u35 peer. */
#ifndef ACT_OPS_NEON_SLEEF_H
#define ACT_OPS_NEON_SLEEF_H

#include "../kernels.h"

/* declared from the one list: the ops that are not exact (exact = 0) */
#define ACT_DECLARE_NEON_SLEEF_0(name)                                                             \
    extern const struct act_bound act_##name##_neon_sleef_bound;                                   \
    void act_##name##_neon_sleef(const float *x, float *y, size_t n);                              \
    void act_##name##_hist_neon_sleef(const float *x, size_t n, const struct act_edges *e,         \
                                      uint64_t *counts, struct act_seen *seen);
#define ACT_DECLARE_NEON_SLEEF_1(name)
#define ACT_DECLARE_NEON_SLEEF(E, name, exact) ACT_DECLARE_NEON_SLEEF_##exact(name)
ACT_LIST(ACT_DECLARE_NEON_SLEEF)
#undef ACT_DECLARE_NEON_SLEEF

/* SLEEF's 3.5-ulp tanh: the peer "sleef-u35" (SLEEF has no u35 exp, expm1 or log1p) */
void act_tanh_neon_sleef_u35(const float *x, float *y, size_t n);

#endif
