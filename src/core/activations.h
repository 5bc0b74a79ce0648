/* activations.h - which activations a run uses, from a list. */
#ifndef ACTENT_ACTIVATIONS_H
#define ACTENT_ACTIVATIONS_H

#include <stdbool.h>
#include <stddef.h>

/* "relu,tanh", a set ("all", "notebook", "modern") or both into use[ACT_COUNT]:
 * which activations run (always in the list's order). 0, or -1 naming an
 * unknown or repeated name. */
int actent_activations_parse(const char *s, bool *use, char *err, size_t len);

#endif
