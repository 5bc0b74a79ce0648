/* ops_avx512.h - the AVX-512 table's entries, declared from the one list. */
#ifndef ACT_OPS_AVX512_H
#define ACT_OPS_AVX512_H

#include "../kernels.h"

#define ACT_DECLARE_AVX512(E, name, exact)                                                         \
    extern const struct act_bound act_##name##_avx512_bound;                                       \
    void act_##name##_avx512(const float *x, float *y, size_t n);                                  \
    void act_##name##_hist_avx512(const float *x, size_t n, const struct act_edges *e,             \
                                  uint64_t *counts, struct act_seen *seen);
ACT_LIST(ACT_DECLARE_AVX512)
#undef ACT_DECLARE_AVX512

/* widen_avx512.c: float16, bfloat16, float64 to float32 (kernels.h, act_widen_fn) */
void act_widen_f16_avx512(const void *x, float *y, size_t n);
void act_widen_bf16_avx512(const void *x, float *y, size_t n);
void act_widen_f64_avx512(const void *x, float *y, size_t n);
void act_minmax_avx512(const float *x, size_t n, float *lo, float *hi);
void act_minmax_turn_avx512(const float *x, size_t n, float c, float r, act_unary_fn f,
                            struct act_turn_scan *s);
void act_hist_edges_avx512(const float *y, size_t n, const struct act_edges *e, uint64_t *counts);
void act_hist_uniform_avx512(const float *y, size_t n, const struct act_edges *e, uint64_t *counts);
void act_kde_rows_avx512(const float *y, size_t n, size_t i0, size_t i1, double c, double *s,
                         float *col);

/* quant_avx512.c and kdetile_avx512.c: the information plane's kernels */
bool act_quant_width_avx512(const float *x, size_t n, float w, int32_t *code);
void act_quant_edges_avx512(const float *x, size_t n, const float *thr, size_t m, float first,
                            float inv, int32_t *count);
void act_kde_dist_avx512(const float *a, size_t nr, size_t lda, const float *bt, size_t nc,
                         size_t ldb, size_t d, float *D, size_t ldd);
void act_kde_tile_avx512(const float *D, size_t nr, size_t nc, size_t ldd, double cf,
                         const int32_t *yr, const int32_t *yc, double *rs, double *cs, double *rsy,
                         double *csy);

#endif
