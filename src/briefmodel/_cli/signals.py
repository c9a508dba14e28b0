"""Signals during an export: SIGTERM raises like Ctrl-C does, and the last steps are not cut in two.

Python turns SIGINT (Ctrl-C) into ``KeyboardInterrupt`` but lets SIGTERM end
the process at once, with no ``finally`` run; ``sigterm_raises`` makes SIGTERM
raise ``Terminated`` instead, so the temporary folder of an export is removed
either way. ``held`` ignores both for the few steps that must not stop half way
(putting a finished export in place, removing a temporary folder). Signal
handlers can only be set from the main thread: elsewhere both do nothing. A
handler set outside Python (``signal.signal`` reports it as ``None``) is put back
as the default one.
"""

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = ["Terminated", "held", "sigterm_raises"]


class Terminated(BaseException):
    """SIGTERM arrived (a ``BaseException``, like ``KeyboardInterrupt``: no ``except Exception`` swallows it)."""


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextlib.contextmanager
def sigterm_raises() -> Iterator[None]:
    """Within the block, SIGTERM raises ``Terminated``; the handler before is put back after."""
    if not _main_thread():
        yield
        return
    before = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if before is None else before)


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM are ignored; the handlers before are put back after."""
    if not _main_thread():
        yield
        return
    before = {number: signal.signal(number, signal.SIG_IGN) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)
