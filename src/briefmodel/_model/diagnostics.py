"""Diagnostics: problems the lenient parser and the claims reader keep as data, and the one registry of codes.

Every code a diagnostic can carry is a member of ``Code``, with its severity, the
stage that finds it and a one-line meaning. Readers name the code; the severity
comes from here, never from a literal at the call site. ``docs/diagnostics.md``
is checked against this table by the test suite.
"""

import enum

import attrs

from briefmodel._model.text import Span

__all__ = ["CLAIM_CODES", "Code", "Diagnostic", "Severity", "diagnostic_order"]


class Severity(enum.Enum):
    """How bad a ``Diagnostic`` is. ``strict=True`` raises on warnings and errors."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Code(enum.Enum):
    """The registry of diagnostic codes: each member's name is the code, its value (severity, stage, meaning).

    ``stage`` is the part of the flow that finds it: ``header``, ``sections``,
    ``callouts``, ``notes``, ``text`` and ``html`` while parsing, ``claims`` while reading
    the claims (those are made again, not loaded, when a report is read back
    from JSON).
    """

    CALLOUT_UNRESOLVED = (Severity.WARNING, "callouts", "A callout has no note with its label.")
    ENDNOTES_MISSING = (Severity.WARNING, "callouts", "The body has callouts but the report has no endnotes.")
    CALLOUT_OUT_OF_ORDER = (Severity.INFO, "callouts", "A callout's number is lower than one used before it.")
    CALLOUT_REPEATED = (Severity.INFO, "callouts", "A callout's number was used before.")
    BRACKET_NOT_CALLOUT = (Severity.INFO, "callouts", "A bracket in the body that is not a callout.")
    NOTE_EMPTY = (Severity.WARNING, "notes", "A note label with no text.")
    NOTE_UNUSED = (Severity.WARNING, "notes", "No callout uses the note.")
    NOTE_DUPLICATE = (Severity.WARNING, "notes", "A note has the same label as an earlier note.")
    NOTE_GAP = (Severity.WARNING, "notes", "The note numbers skip values, or the first note is not [1].")
    ENDNOTES_STRAY_TEXT = (Severity.INFO, "sections", "A line among the endnotes that is not a note.")
    TAKEAWAYS_EMPTY = (Severity.WARNING, "sections", "A Key Takeaways heading with no items after it.")
    REPORT_EMPTY = (Severity.WARNING, "header", "The document has no text.")
    REPORT_NO_TITLE = (Severity.WARNING, "header", "No header line was read as a title.")
    REPORT_NO_DATE = (Severity.WARNING, "header", "No publication date.")
    CLAIM_UNCITED = (Severity.INFO, "claims", "A body sentence that no callout covers.")
    TAKEAWAY_UNSUPPORTED = (Severity.INFO, "claims", "No body sentence restates the Key Takeaway.")
    DATE_AMBIGUOUS_YEAR = (Severity.INFO, "claims", "A date without a year in a report with no date.")
    DATE_AFTER_REPORT = (Severity.INFO, "claims", "A date with an explicit year after the report's date.")
    TEXT_CONTROL_CHARACTER = (Severity.WARNING, "text", "The text holds a C0 control character.")
    TEXT_BIDI_CONTROL = (Severity.WARNING, "text", "The text holds a bidirectional control character.")
    TEXT_REPLACEMENT_CHARACTER = (Severity.WARNING, "text", "The text holds U+FFFD, the mark of a failed decoding.")
    TEXT_DECODED = (Severity.INFO, "text", "The file was not UTF-8: it was decoded by its byte-order mark.")
    HTML_NESTING_DEEP = (Severity.WARNING, "html", "HTML nested deeper than the limit; deeper content read as text.")
    DIAGNOSTICS_CAPPED = (Severity.INFO, "text", "More diagnostics of one code than the cap; the rest are counted.")

    @property
    def severity(self) -> Severity:
        """How bad a diagnostic of this code is."""
        severity: Severity = self.value[0]
        return severity

    @property
    def stage(self) -> str:
        """The part of the flow that finds it."""
        stage: str = self.value[1]
        return stage

    @property
    def meaning(self) -> str:
        """One line: what it means."""
        meaning: str = self.value[2]
        return meaning


CLAIM_CODES = frozenset(code.name for code in Code if code.stage == "claims")
"""The codes that reading claims adds; the parser's own are the others."""


@attrs.frozen(kw_only=True)
class Diagnostic:
    """A problem the lenient parser found and kept as data."""

    code: str
    """Stable code such as ``CALLOUT_UNRESOLVED``; see the diagnostics page."""
    severity: Severity
    """``error`` or ``warning`` (``strict=True`` raises on these) or ``info``."""
    message: str
    """One line for a person: what was found, and where it points."""
    span: Span | None = None
    """Where the problem is, when it has a place."""


_FIRST_AT_A_PLACE = {Code.ENDNOTES_MISSING.name: 0}


def diagnostic_order(diagnostic: Diagnostic) -> tuple[int, int, str]:
    """Sort key: by place; at one place the diagnostic that explains the others comes first."""
    start = diagnostic.span.start if diagnostic.span else -1
    return (start, _FIRST_AT_A_PLACE.get(diagnostic.code, 1), diagnostic.code)
