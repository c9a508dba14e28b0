"""``parse`` and ``parse_all``: run the stages over a text, build its reports, and raise in strict mode.

text → lines → documents → header → sections → notes ⇄ callouts → assemble →
checks → Report. ``parse`` and ``parse_all`` never raise on a ``str`` unless
``strict=True``; problems become diagnostics on the report. Sources and claims
are read lazily from the finished report (``Note.sources``, ``Report.claims``).
"""

from array import array
from collections.abc import Iterator
from itertools import accumulate
from operator import add
from pathlib import PurePath

from briefmodel._errors import ParseError, make_snippet
from briefmodel._gc import collector_paused
from briefmodel._model.diagnostics import Severity
from briefmodel._model.report import Report
from briefmodel._model.text import BlockKind
from briefmodel._model.unchecked import new_blocks
from briefmodel._read.assemble import Document, make_citations, make_notes, make_takeaways
from briefmodel._read.callouts import find_callouts
from briefmodel._read.checks import check_header, check_text, diagnose_brackets, diagnose_stray_lines
from briefmodel._read.documents import split_documents
from briefmodel._read.header import read_header
from briefmodel._read.lines import split_lines
from briefmodel._read.notes import read_notes, resolve
from briefmodel._read.roman import uses_roman_labels
from briefmodel._read.sections import read_sections

__all__ = ["iter_all", "parse", "parse_all"]

BOM = "\ufeff"
_BLOCKING = (Severity.ERROR, Severity.WARNING)


@collector_paused
def parse(text: str, *, strict: bool = False) -> Report:
    """Read ``text`` as one report.

    With ``strict=True`` the first warning or error raises ``ParseError``.
    ``text`` must be a ``str``: bytes or a path raise ``TypeError`` saying how
    to decode them or read the file (``load``).
    """
    _require_text(text, "parse")
    bom = text.startswith(BOM)
    body = text[1:] if bom else text
    lines, breaks = split_lines(body)
    report = _read_document(body, lines, breaks, bom)
    if strict:
        _raise_first(report)
    return report


@collector_paused
def parse_all(text: str, *, strict: bool = False) -> tuple[Report, ...]:
    """Read a text holding one or more documents; rendering them in order gives ``text`` back."""
    _require_text(text, "parse_all")
    return tuple(_documents(text, strict))


def iter_all(text: str, *, strict: bool = False) -> Iterator[Report]:
    """``parse_all`` one report at a time: only the report being read and the text's lines are held."""
    _require_text(text, "iter_all")
    return _documents(text, strict)  # the collector is paused per report, never across a yield


def _documents(text: str, strict: bool) -> Iterator[Report]:
    bom = text.startswith(BOM)
    body = text[1:] if bom else text
    lines, breaks = split_lines(body)
    ranges = split_documents(lines) if lines else [(0, 0)]
    if len(ranges) == 1:
        report = _read_paused(body, lines, breaks, bom)
        if strict:
            _raise_first(report)
        yield report
        return
    offsets = array("q", accumulate(map(add, map(len, lines), map(len, breaks)), initial=0))  # 8 bytes a line
    for k, (a, b) in enumerate(ranges):
        report = _read_paused(body[offsets[a] : offsets[b]], lines[a:b], breaks[a:b], bom and k == 0)
        if strict:
            _raise_first(report, a)
        yield report


def _require_text(text: object, name: str) -> None:
    if isinstance(text, str):
        return
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"{name}() takes the text as str, not {type(text).__name__}: decode it first "
            "(data.decode('utf-8')), or read the file with briefmodel.load(path), which also reads UTF-16 "
            "and UTF-32 by their byte-order marks"
        )
    if isinstance(text, PurePath):
        raise TypeError(f"{name}() takes the text as str, not a path: read the file with briefmodel.load(path)")
    raise TypeError(f"{name}() takes the text as str, not {type(text).__name__}")


def _raise_first(report: Report, lines_before: int = 0) -> None:
    """Raise the report's first blocking diagnostic; ``lines_before`` makes its line count in the whole text."""
    for diagnostic in report._diagnostics:  # the parser's own: reading claims adds only info
        if diagnostic.severity in _BLOCKING:
            span = diagnostic.span
            line, column = (span.line, span.column) if span else (1, 1)
            line_text = report.blocks[line - 1].text if report.blocks else ""
            snippet, caret = make_snippet(line_text, column)
            raise ParseError(
                diagnostic.code,
                diagnostic.message,
                line=line + lines_before,
                column=column,
                snippet=snippet,
                caret=caret,
            ) from None


@collector_paused
def _read_paused(text: str, lines: list[str], breaks: list[str], bom: bool) -> Report:
    return _read_document(text, lines, breaks, bom)


def _read_document(text: str, lines: list[str], breaks: list[str], bom: bool) -> Report:
    """Read one document: ``text`` is exactly its ``lines`` with their ``breaks``."""
    doc = Document(text, lines, breaks)
    stripped = [line.strip() for line in lines]  # once: every stage looks at lines without their white space
    blank, other = BlockKind.BLANK, BlockKind.OTHER
    kinds = [other if line else blank for line in stripped]
    header = read_header(lines, kinds)
    sections = read_sections(lines, stripped, kinds, header.body_start)
    del stripped  # a copy of every line with white space around it: not kept while the objects are made
    drafts = read_notes(lines, sections.note_firsts, sections.note_lasts)
    roman = uses_roman_labels([draft.label for draft in drafts])
    callouts, brackets = find_callouts(text, doc.starts, kinds, sections.notes_start, roman)
    resolution = resolve(callouts.labels, drafts)

    notes = make_notes(doc, drafts, resolution)
    del drafts
    citations = make_citations(doc, callouts, resolution, notes)
    del callouts, resolution  # a callout's offsets, line, label and note, once its citation is made
    diagnose_brackets(doc, brackets)
    diagnose_stray_lines(doc, sections.stray_lines)
    takeaways = make_takeaways(doc, sections, citations, roman)
    check_header(doc, kinds, header)
    check_text(doc)
    diagnostics = doc.finish()
    del doc  # its line offsets (8 bytes a line) are not needed by the blocks
    return Report(
        title=header.title,
        publisher=header.publisher,
        authors=header.authors,
        published=header.published,
        cutoff=header.cutoff,
        series=header.series,
        url=header.url,
        bom=bom,
        blocks=new_blocks(kinds, lines, breaks),
        takeaways=takeaways,
        citations=citations,
        notes=notes,
        diagnostics=diagnostics,
    )
