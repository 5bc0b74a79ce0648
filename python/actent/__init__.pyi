# Signatures of the actent package (python/actent_module.c, re-exported by
# python/actent/__init__.py), for editors and
# type checkers; python/docstrings.h says what each argument means.
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np
import numpy.typing as npt

version: str

ArrayLike = Any  # __dlpack__, the buffer protocol or __array_interface__

def activations() -> List[str]: ...
def tables(all: bool = False) -> List[str]: ...
def max_ulp(name: str, table: Optional[str] = None, /) -> int: ...
def activate(x: ArrayLike, name: str, table: Optional[str] = None) -> npt.NDArray[np.float32]: ...
def histogram(
    a: ArrayLike, bins: Union[int, Sequence[float], ArrayLike], table: Optional[str] = None
) -> npt.NDArray[np.int64]: ...
def entropy(counts: Union[Sequence[int], ArrayLike], /) -> float: ...
def activation_entropy(
    x: ArrayLike, name: str, bins: int = 49, table: Optional[str] = None,
    axis: Optional[int] = None
) -> Tuple[Any, npt.NDArray[np.int64]]: ...
def analyse(
    x: ArrayLike,
    activations: Union[None, str, Sequence[str]] = None,
    bins: Union[int, Sequence[int]] = 50,
    mode: str = "notebook",
    iterations: int = 0,
    seed: int = 0,
    table: Optional[str] = None,
    estimator: Optional[str] = None,
    binning: Optional[str] = None,
    noise_var: Optional[float] = None,
    threads: int = 1,
    kde_max_pairs: Optional[float] = None,
    progress: Optional[Callable[[int, int], Any]] = None,
) -> Union[Dict[str, Any], List[Dict[str, Any]]]: ...
def info_plane(
    t: ArrayLike,
    y: ArrayLike,
    method: str = "width",
    width: Union[float, Sequence[float]] = 0.07,
    bins: Union[int, Sequence[int]] = 30,
    noise_var: Union[float, Sequence[float]] = 1e-3,
    estimator: str = "plugin",
    shuffles: int = 0,
    bootstrap: int = 0,
    seed: int = 0,
    x: Optional[ArrayLike] = None,
    table: Optional[str] = None,
    threads: int = 1,
) -> Union[Dict[str, Any], List[Any]]: ...
