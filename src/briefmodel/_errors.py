"""The exceptions briefmodel raises: one base class, and a positioned parse error."""

import importlib
from typing import Any

__all__ = ["BriefmodelError", "ParseError", "require"]


class BriefmodelError(Exception):
    """Base class of every error briefmodel raises on purpose."""


def require(module: str, *, extra: str, purpose: str) -> Any:
    """Import an optional dependency, or raise ``BriefmodelError`` naming the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.partition(".")[0]
        raise BriefmodelError(f"{purpose}: {top} is not installed; pip install 'briefmodel[{extra}]'") from None


class ParseError(ValueError, BriefmodelError):
    """A problem found by ``parse(..., strict=True)``, with its place in the text.

    ``str()`` gives one line of message and the offending line with a caret under
    the column. Instances pickle and unpickle to an equal error.
    """

    def __init__(
        self, code: str, message: str, *, line: int, column: int, snippet: str = "", caret: int | None = None
    ) -> None:
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.snippet = snippet
        self.caret = column if caret is None else caret
        """1-based column of the caret in ``snippet`` (differs from ``column`` when a long line was cut)."""
        super().__init__(code, message, line, column, snippet)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.code, self.message, self.line, self.column, self.snippet, self.caret))

    def __str__(self) -> str:
        head = f"{self.code}: {self.message} (line {self.line}, column {self.column})"
        if not self.snippet:
            return head
        caret = " " * (self.caret - 1) + "^"
        return f"{head}\n    {self.snippet}\n    {caret}"


def _rebuild(code: str, message: str, line: int, column: int, snippet: str, caret: int) -> ParseError:
    return ParseError(code, message, line=line, column=column, snippet=snippet, caret=caret)


def make_snippet(line_text: str, column: int, width: int = 120) -> tuple[str, int]:
    """Cut ``line_text`` to at most ``width`` code points around ``column``; return it and the new column."""
    printable = "".join(ch if ch.isprintable() else " " for ch in line_text)
    if len(printable) <= width:
        return printable, column
    start = max(0, min(column - 1 - width // 2, len(printable) - width))
    return printable[start : start + width], column - start
