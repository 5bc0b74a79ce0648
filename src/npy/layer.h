/* layer.h - one layer's activations from an .npy file, ready to analyse.
 *
 * NaN and +-inf cannot be binned. They are counted; by default the file is
 * refused with the count and the first one's index, and with
 * ACTENT_NONFINITE_DROP they are left out and the number left out is kept
 * for the report. */
#ifndef ACTENT_LAYER_H
#define ACTENT_LAYER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "npy.h"

/* Where the values came from, for the experiment's report (core/experiment.h
 * carries a pointer to it). */
struct actent_input_info {
    const char *path;
    const char *dtype;  /* the file's dtype, byte order first: "<f4" */
    bool fortran_order; /* as the file stores it; the values are analysed in C order */
    int ndim;
    const uint64_t *shape;
    uint64_t values;            /* in the file */
    uint64_t nonfinite_dropped; /* left out by --nonfinite drop */
};

enum actent_nonfinite { ACTENT_NONFINITE_ERROR, ACTENT_NONFINITE_DROP };

struct actent_layer {
    struct actent_npy npy;
    const float *x; /* the values analysed, C order, the non-finite ones left out */
    size_t n;
    uint64_t nan, pinf, ninf;      /* non-finite values in the file */
    uint64_t first_bad;            /* C-order index of the first; meaningless if none */
    float *kept;                   /* owned copy when values were left out */
    struct actent_input_info info; /* for the experiment's report */
};

/* Reads and checks the file. 0, or -1 with "path: reason" in err. */
int actent_layer_load(const char *path, enum actent_nonfinite policy, struct actent_layer *l,
                      char *err, size_t len);
void actent_layer_free(struct actent_layer *l);

/* The header and the sizes only, so a run can refuse a bad file before it
 * spends time on good ones. */
int actent_layer_check(const char *path, char *err, size_t len);

/* Counts NaN, +inf and -inf in x[0..n); the index of the first, or n. */
uint64_t actent_count_nonfinite(const float *x, size_t n, uint64_t *nan, uint64_t *pinf,
                                uint64_t *ninf);

#endif
