"""How much entropy an activation function removes, and how fast this CPU
computes it: the actent library from Python.

The functions are the C extension's (actent._actent, over include/actent.h);
help(actent.analyse) and the others say what each argument means.
actent.torch watches a PyTorch model's activation modules as batches pass
(it imports torch when imported itself)."""
from . import _actent
from ._actent import (activate, activation_entropy, activations, analyse, entropy, histogram,
                      info_plane, max_ulp, tables, version)

__all__ = ["activate", "activation_entropy", "activations", "analyse", "entropy", "histogram",
           "info_plane", "max_ulp", "tables", "version"]
__version__ = version
__doc__ += "\n" + _actent.__doc__
