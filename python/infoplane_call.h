/* infoplane_call.h - actent.info_plane (infoplane_call.c). */
#ifndef ACTENT_PY_INFOPLANE_CALL_H
#define ACTENT_PY_INFOPLANE_CALL_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *py_info_plane(PyObject *self, PyObject *args, PyObject *kw);

#endif
