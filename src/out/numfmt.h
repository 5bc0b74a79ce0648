/* numfmt.h - doubles as the shortest text that reads back to the same value
 * (what Python's repr prints), so printed entropies compare with numpy's. */
#ifndef ACTENT_NUMFMT_H
#define ACTENT_NUMFMT_H

#include <stddef.h>

/* writes e.g. "5.634427827586692", "0", "nan", "inf"; returns buf */
char *actent_fmt_double(char *buf, size_t len, double v);

#endif
