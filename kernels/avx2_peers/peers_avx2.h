/* peers_avx2.h - peers that need AVX2 code of their own: glibc's libmvec
 * activations and the plain AVX2 histogram baseline. Never dispatched; the
 * benchmark suite measures them beside the tables (kernels/registry.c). */
#ifndef ACT_PEERS_AVX2_H
#define ACT_PEERS_AVX2_H

#include "../kernels.h"

extern const struct act_peer act_peer_libmvec_avx2;
extern const struct act_peer act_peer_plain_avx2;

#endif
