"""The cap on diagnostics: at most ``CAP`` of one code in one report, the rest counted in one summary.

Hostile text (``[1]`` or ``[a]`` a million times) would otherwise give a
diagnostic, with its message and span, per callout or bracket. ``Diagnostics``
keeps the first ``CAP`` of each code, in the order they are found (text order
for each code), counts the rest without making them, and ends with one
``DIAGNOSTICS_CAPPED`` per capped code, placed at the first one left out, with
the count in its message. Nothing of the text is dropped: only diagnostics.
The parser and the claims reader each collect their own codes with one.
"""

from collections.abc import Iterable

from briefmodel._model.diagnostics import Code, Diagnostic
from briefmodel._model.text import Span
from briefmodel._model.unchecked import new_diagnostic

__all__ = ["CAP", "Diagnostics", "Tally"]

CAP = 1_000
"""The most diagnostics of one code a report keeps."""


class Tally:
    """One code's count while a report is read: the room left under the cap, and what was left out."""

    __slots__ = ("code", "first", "left_out", "room")

    def __init__(self, code: Code) -> None:
        self.code = code
        self.room = CAP
        self.left_out = 0
        self.first: Span | None = None
        """The span of the first diagnostic left out."""

    def takes(self, span: Span | None) -> bool:
        """Is one more diagnostic kept? If not it is counted, and ``span`` kept when it is the first left out."""
        if self.room:
            self.room -= 1
            return True
        if not self.left_out:
            self.first = span
        self.left_out += 1
        return False

    def leave_out(self, count: int, first: Span | None) -> None:
        """Count ``count`` diagnostics left out without being offered one by one; ``first`` is the span of the
        first of them."""
        if count <= 0:
            return
        if not self.left_out:
            self.first = first
        self.left_out += count


class Diagnostics:
    """A report's diagnostics while they are found: the first ``CAP`` of each code, the others counted."""

    __slots__ = ("_tallies", "kept")

    def __init__(self) -> None:
        self.kept: list[Diagnostic] = []
        self._tallies: dict[Code, Tally] = {}

    def tally(self, code: Code) -> Tally:
        """The count of ``code``: a loop that may find many takes it once and asks it ``takes`` per item."""
        found = self._tallies.get(code)
        if found is None:
            found = self._tallies[code] = Tally(code)
        return found

    def add(self, code: Code, message: str, span: Span | None) -> None:
        """Keep a diagnostic of ``code`` (its severity is the code's) while under the cap, else count it."""
        if self.tally(code).takes(span):
            self.keep(code, message, span)

    def keep(self, code: Code, message: str, span: Span | None) -> None:
        """Keep a diagnostic its code's ``Tally.takes`` has let in."""
        self.kept.append(new_diagnostic(code, message, span))

    def extend(self, found: Iterable[tuple[Code, str, Span | None]]) -> None:
        """``add`` each (code, message, span)."""
        for code, message, span in found:
            self.add(code, message, span)

    def finish(self) -> list[Diagnostic]:
        """The kept diagnostics and one ``DIAGNOSTICS_CAPPED`` per code past the cap, in the order found
        (summaries last; the caller sorts by place)."""
        summaries = [
            new_diagnostic(
                Code.DIAGNOSTICS_CAPPED,
                f"{tally.left_out:,} more {tally.code.name} diagnostics left out from here "
                f"(the first {CAP:,} are kept)",
                tally.first,
            )
            for tally in self._tallies.values()
            if tally.left_out
        ]
        return self.kept + summaries if summaries else self.kept
