/* libs.c - the operator libraries this build found (bench/CMakeLists.txt
 * defines ACTENT_HAVE_<LIB> for each; configure prints which). */
#include "peers.h"

#ifdef ACTENT_HAVE_XNNPACK
extern const struct bench_lib bench_lib_xnnpack;
#endif
#ifdef ACTENT_HAVE_ONEDNN
extern const struct bench_lib bench_lib_onednn;
#endif

const struct bench_lib *const bench_libs[] = {
#ifdef ACTENT_HAVE_XNNPACK
    &bench_lib_xnnpack,
#endif
#ifdef ACTENT_HAVE_ONEDNN
    &bench_lib_onednn,
#endif
    NULL,
};
const size_t bench_nlibs = sizeof bench_libs / sizeof bench_libs[0] - 1;
