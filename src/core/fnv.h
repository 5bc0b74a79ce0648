/* fnv.h - 64-bit FNV-1a, the hash behind every digest: the bytes of a value,
 * little-endian, whatever the host's order, so digests compare across ISAs. */
#ifndef ACTENT_FNV_H
#define ACTENT_FNV_H

#include <stdint.h>

#define ACTENT_FNV_BASIS 0xcbf29ce484222325u

/* h extended by the low `bytes` bytes of v, least significant first */
static inline uint64_t actent_fnv1a(uint64_t h, uint64_t v, int bytes)
{
    for (int b = 0; b < bytes; b++)
        h = (h ^ ((v >> (8 * b)) & 0xffu)) * 0x100000001b3u;
    return h;
}

#endif
