/* npy_convert.h - an .npy file's elements to float32 in C order. */
#ifndef ACTENT_NPY_CONVERT_H
#define ACTENT_NPY_CONVERT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "npy_header.h"

/* The elements lie in C order already: C order, or Fortran order with at
 * most one axis longer than 1. */
bool actent_npy_c_layout(const struct actent_npy_header *h);

bool actent_host_little(void);

/* dst[0..n) = the n elements at src as float32 (numpy's astype), in C order;
 * ovf counts float64 values that are finite but round to +-inf. */
void actent_npy_convert(const unsigned char *src, const struct actent_npy_header *h, size_t n,
                        float *dst, uint64_t *ovf);

#endif
