/* bench_families.h - each family registers its benchmarks, named
 * <family>/<op>/<impl>/<input>/<n> (the shim appends n). */
#ifndef ACTENT_BENCH_FAMILIES_H
#define ACTENT_BENCH_FAMILIES_H

#define BENCH_BINS 49 /* np.linspace(min, max, 50) edges: the notebook's output histograms */

void bench_activate_register(void);
void bench_read_register(void);
void bench_minmax_register(void);
void bench_histogram_register(void);
void bench_unfused_register(void);
void bench_fused_register(void);
void bench_composed_register(void);
void bench_analysis_register(void);
void bench_kde_register(void);
void bench_infoplane_register(void);
void bench_scale_register(void);

/* the context: machine, build, tables, peers, how cycles are obtained */
void bench_context_add(void);

#endif
