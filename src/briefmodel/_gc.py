"""Stage helper: pause the cyclic garbage collector's automatic runs while a report's objects are made.

Parsing makes tens of thousands of small objects that form no reference cycles
(spans, citations, claims); each 700 new objects start a collection that walks
the young ones again, which was a quarter of the time of reading claims on large
reports (measured in ``docs/performance.md``). Reference counting still frees
everything at once.

The pause never touches the collector's on/off switch (``gc.enable``,
``gc.disable``, ``gc.isenabled``): that is the user's alone, from any thread, at
any time. It sets the first collection threshold to 0 instead (``gc.set_threshold``),
which stops the automatic runs. The exact rule, with threads:

- the pauses running at once, in every thread, are counted under one lock;
- when the first begins, the thresholds are saved and the first set to 0;
- when the last ends (normally or by an exception), the saved thresholds are put
  back, if the thresholds are still the ones the pause set; if anything else set
  them meanwhile, theirs stay.

``gc.collect()`` still collects during a pause.
"""

import functools
import gc
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["collector_paused"]

_P = ParamSpec("_P")
_R = TypeVar("_R")

_lock = threading.Lock()
_running = 0
"""Pauses running now, in every thread."""
_saved: tuple[int, int, int] = (0, 0, 0)
"""The thresholds before the first of the running pauses began."""
_during: tuple[int, int, int] = (0, 0, 0)
"""The thresholds the pause set."""


def _begin() -> None:
    global _running, _saved, _during
    with _lock:
        if _running == 0:
            _saved = gc.get_threshold()
            _during = (0, _saved[1], _saved[2])
            gc.set_threshold(*_during)
        _running += 1


def _end() -> None:
    global _running
    with _lock:
        _running -= 1
        if _running == 0 and gc.get_threshold() == _during:
            gc.set_threshold(*_saved)


def collector_paused(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``function`` with the collector's automatic runs paused (see the module's rule)."""

    @functools.wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        _begin()
        try:
            return function(*args, **kwargs)
        finally:
            _end()

    return paused
