"""Stage helper: pause the cyclic garbage collector while a report's objects are made.

Parsing makes tens of thousands of small objects that form no reference cycles
(spans, citations, claims); each 700 new objects start a collection that walks
the young ones again, which was a quarter of the time of reading claims on large
reports (measured in ``docs/performance.md``). Reference counting still frees
everything at once; the collector is turned back on when the work ends, also
when it raises, and left alone if it was already off.
"""

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["collector_paused"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def collector_paused(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``function`` with the cyclic garbage collector off."""

    @functools.wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused
