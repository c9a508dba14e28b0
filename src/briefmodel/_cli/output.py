"""Where a command writes its reports: standard output as they come, or a file put in place only when complete.

``-o OUT`` is written into a hidden temporary file beside ``OUT`` (same folder,
so one rename puts it in place), flushed to disk and renamed over ``OUT`` when
the command has written at least one report. If the command is interrupted,
fails, or wrote no report, the temporary file is removed and ``OUT`` is left as
it was. Text is encoded as UTF-8 before anything is written, so a report that
cannot be encoded (a lone surrogate) raises ``UnicodeEncodeError`` with nothing
of it written.
"""

import contextlib
import os
import tempfile
from collections.abc import Iterator
from typing import BinaryIO, TextIO

from briefmodel._errors import BriefmodelError

__all__ = ["STDOUT", "Output", "describe", "open_output"]

STDOUT = "-"
"""The name of standard output for ``-o``."""
_BUFFER = 1 << 20


def describe(error: OSError) -> str:
    """An ``OSError``'s cause in a few words (``No space left on device``), without its path."""
    return error.strerror or type(error).__name__


class Output:
    """A stream of reports' text; ``reports`` counts those written."""

    def __init__(self, name: str, binary: BinaryIO | None, text: TextIO | None) -> None:
        self.name = name
        self.reports = 0
        self._binary = binary
        self._text = text

    def write(self, text: str) -> None:
        """Write one report's text, encoded as UTF-8 (``UnicodeEncodeError`` before anything is written)."""
        data = text.encode("utf-8")
        try:
            if self._binary is not None:
                self._binary.write(data)
            elif self._text is not None:
                self._text.write(text)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise BriefmodelError(f"cannot write {self.name}: {describe(error)}") from None
        self.reports += 1


@contextlib.contextmanager
def open_output(target: str | None, stdout: TextIO) -> Iterator[Output]:
    """The file ``target`` (replaced only when complete), or ``stdout`` for ``None`` or ``-``."""
    if target is None or target == STDOUT:
        binary = getattr(stdout, "buffer", None)
        stdout.flush()  # what was printed as text comes before the bytes
        yield Output("standard output", binary, None if binary is not None else stdout)
        try:
            (binary or stdout).flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise BriefmodelError(f"cannot write standard output: {describe(error)}") from None
        return
    with _replacing(target) as output:
        yield output


@contextlib.contextmanager
def _replacing(target: str) -> Iterator[Output]:
    real = os.path.realpath(target)  # a link to a file: the file it names is replaced
    if os.path.isdir(real):
        raise BriefmodelError(f"cannot write {target}: it is a folder")
    folder, base = os.path.split(real)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{base}.", suffix=".partial", dir=folder)
    except OSError as error:
        raise BriefmodelError(f"cannot write {target}: {describe(error)}") from None
    try:
        with open(handle, "wb", buffering=_BUFFER) as stream:
            output = Output(target, stream, None)
            yield output
            if output.reports:
                stream.flush()
                os.fsync(stream.fileno())
        if output.reports:
            os.chmod(temporary, _mode(real))
            os.replace(temporary, real)
    except OSError as error:
        raise BriefmodelError(f"cannot write {target}: {describe(error)}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _mode(path: str) -> int:
    """The permissions of the file at ``path``, or those a new file gets (``0o666`` less the umask)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
