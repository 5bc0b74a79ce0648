/* ops_neon_sleef.h - the neon-sleef table's own entries: the six transcendental
 * activations built on SLEEF's AdvSIMD vector functions, and the u35 peer. */
#ifndef ACT_OPS_NEON_SLEEF_H
#define ACT_OPS_NEON_SLEEF_H

#include "../kernels.h"

#define ACT_DECLARE_NEON_SLEEF(name)                                                               \
    void act_##name##_neon_sleef(const float *x, float *y, size_t n);                              \
    void act_##name##_hist_neon_sleef(const float *x, size_t n, const struct act_edges *e,         \
                                      uint64_t *counts, struct act_seen *seen);
ACT_DECLARE_NEON_SLEEF(sigmoid)
ACT_DECLARE_NEON_SLEEF(tanh)
ACT_DECLARE_NEON_SLEEF(softsign)
ACT_DECLARE_NEON_SLEEF(softplus)
ACT_DECLARE_NEON_SLEEF(selu)
ACT_DECLARE_NEON_SLEEF(elu)
#undef ACT_DECLARE_NEON_SLEEF

/* SLEEF's 3.5-ulp tanh: the peer "sleef-u35" (SLEEF has no u35 exp, expm1 or log1p) */
void act_tanh_neon_sleef_u35(const float *x, float *y, size_t n);

#endif
