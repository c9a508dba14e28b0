"""A report's JSON data against its own text: every span, index and link, before any object is made.

``report_problems`` runs on data that has the JSON form's shape (``validate``
checked it) and answers what the schema cannot say, each problem with its path:

- the blocks make one text: only the last line may lack a line break, and a
  line ending ``\\r`` is not followed by an empty line ending ``\\n`` (the two
  would read as one ``\\r\\n``);
- every span of a citation, note, takeaway and diagnostic lies in that text,
  holds its text (``text[start:end]``) and has the line and column of its start;
- a citation is a callout of the text (its span is ``[label]``, on the line
  ``block`` names), its number is its label's value, citations come in text
  order, and its note is the one its label resolves to: the first note with
  that label (for a number, the first with that number), or none when no note
  has it;
- a note's span starts with ``[label]``, its text is the rest of the span,
  stripped, and ``cited_by`` lists exactly the citations that resolve to it;
- a takeaway's citations are the callouts of its line;
- a diagnostic has its code's severity.

One pass over each list, dicts for the lookups: linear in the report's size.
"""

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from briefmodel._model.diagnostics import Code

__all__ = ["derived_problems", "label_value", "report_problems"]

_LABEL = re.compile(r"[0-9]{1,9}|[ivxlcdm]{1,9}")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_CANONICAL = re.compile(r"m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_SEVERITY = {code.name: code.severity.value for code in Code}


def label_value(label: str) -> int | None:
    """The value of a callout or note label as the reader gives it: ``12`` → 12, ``iv`` → 4 (a lowercase roman
    numeral in canonical form), anything else ``None``. (The reader's own function lives with the readers,
    which a writer may not import; a test holds the two equal.)"""
    if label.isdigit() and label.isascii():
        return int(label)
    if not label or not _ROMAN_CANONICAL.fullmatch(label):
        return None
    total = 0
    for i, char in enumerate(label):
        value = _ROMAN[char]
        total += -value if i + 1 < len(label) and _ROMAN[label[i + 1]] > value else value
    return total


class _Text:
    """The report's text as its blocks make it, with the offset of each line."""

    __slots__ = ("ends", "starts", "text")

    def __init__(self, blocks: list[dict[str, Any]]) -> None:
        starts = []
        ends = []
        pieces: list[str] = []
        offset = 0
        for block in blocks:
            text, newline = block["text"], block["newline"]
            starts.append(offset)
            ends.append(offset + len(text))
            pieces += (text, newline)
            offset += len(text) + len(newline)
        self.starts = starts
        self.ends = ends
        """The offset just past each line's text (before its line break)."""
        self.text = "".join(pieces)

    def span_problem(self, span: dict[str, Any]) -> str | None:
        """What is wrong with a span against the text, or ``None``."""
        start, end, text = span["start"], span["end"], span["text"]
        if not start <= end <= len(self.text):
            return f"offsets {start}:{end} lie outside the report's text of {len(self.text)} code points"
        if self.text[start:end] != text:
            found = self.text[start:end]
            found = found if len(found) <= 40 else found[:40] + "…"
            return f"the span's text is not the report's text at {start}:{end} ({found!r})"
        line = bisect_right(self.starts, start)
        column = start - self.starts[line - 1] + 1 if line else start + 1
        if span["line"] != line or span["column"] != column:
            return f"offset {start} is at line {line}, column {column}, not {span['line']}:{span['column']}"
        return None


def report_problems(data: dict[str, Any], limit: int) -> list[str]:
    """Every problem of a report's data (shaped as the schema says) against its own text, up to ``limit``."""
    blocks = data["blocks"]
    problems = _line_breaks(blocks)
    text = _Text(blocks)

    def span(item: dict[str, Any], path: str) -> bool:
        problem = text.span_problem(item["span"])
        if problem is not None:
            problems.append(f"{problem} @ {path}.span")
        return problem is None

    notes: list[dict[str, Any]] = data["notes"]
    citations: list[dict[str, Any]] = data["citations"]
    cited_by = _citations(citations, notes, text, span, problems)
    previous_end = 0
    for index, note in enumerate(notes):
        if _note(note, f"$.notes[{index}]", span, problems):
            if note["span"]["start"] < previous_end:
                problems.append(f"notes come in text order; this one starts before the last ends @ $.notes[{index}]")
            previous_end = max(previous_end, note["span"]["end"])
        if cited_by is not None and note["cited_by"] != cited_by[index]:
            problems.append(
                f"cited_by is {_short(note['cited_by'])}, but the citations that resolve to this note are "
                f"{_short(cited_by[index])} @ $.notes[{index}].cited_by"
            )
        if len(problems) >= limit:
            return problems
    by_block: dict[int, list[int]] = {}
    for index, citation in enumerate(citations):
        by_block.setdefault(citation["block"], []).append(index)
    for index, takeaway in enumerate(data["takeaways"]):
        where = f"$.takeaways[{index}]"
        if span(takeaway, where):
            line = takeaway["span"]["line"] - 1
            if takeaway["span"]["end"] > text.ends[line]:
                problems.append(f"a takeaway is one line; its span goes past the end of line {line + 1} @ {where}.span")
            own = by_block.get(line, [])
            if takeaway["citations"] != own:
                problems.append(
                    f"a takeaway's citations are the callouts of its line: {_short(own)}, "
                    f"not {_short(takeaway['citations'])} @ {where}.citations"
                )
    for index, diagnostic in enumerate(data["diagnostics"]):
        where = f"$.diagnostics[{index}]"
        if diagnostic["span"] is not None:
            span(diagnostic, where)
        severity = _SEVERITY[diagnostic["code"]]
        if diagnostic["severity"] != severity:
            problems.append(f"{diagnostic['code']} has the severity {severity!r} @ {where}.severity")
        if len(problems) >= limit:
            break
    return problems


def _line_breaks(blocks: list[dict[str, Any]]) -> list[str]:
    problems = []
    last = len(blocks) - 1
    for index, block in enumerate(blocks):
        newline = block["newline"]
        if newline == "" and index != last:
            problems.append(f"only the last line may end without a line break @ $.blocks[{index}].newline")
        elif newline == "\r" and index != last:
            following = blocks[index + 1]
            if following["text"] == "" and following["newline"] == "\n":
                problems.append(
                    f"a line ending \\r before an empty line ending \\n reads as one \\r\\n line break "
                    f"@ $.blocks[{index + 1}]"
                )
    return problems


def _citations(
    citations: list[dict[str, Any]], notes: list[dict[str, Any]], text: _Text, span: Any, problems: list[str]
) -> list[list[int]] | None:
    """Check the citations; the citations that resolve to each note, or ``None`` when a link was wrong."""
    first: dict[str, int] = {}
    for index, note in enumerate(notes):
        first.setdefault(note["label"], index)
    cited_by: list[list[int]] = [[] for _ in notes]
    linked = True
    previous_end = 0
    blocks = len(text.starts)
    for index, citation in enumerate(citations):
        where = f"$.citations[{index}]"
        label = citation["label"]
        value = label_value(label) if _LABEL.fullmatch(label) else None
        if value is None:
            problems.append(f"a callout's label is 1 to 9 digits or a roman numeral, not {label!r} @ {where}.label")
        elif citation["number"] != value:
            problems.append(f"the label [{label}] has the value {value}, not {citation['number']!r} @ {where}.number")
        block = citation["block"]
        if block >= blocks:
            problems.append(f"expected an index below {blocks} (the number of blocks), got {block} @ {where}.block")
        if span(citation, where):
            start, end = citation["span"]["start"], citation["span"]["end"]
            if citation["span"]["text"] != f"[{label}]":
                problems.append(f"a citation's span is its callout [{label}] @ {where}.span.text")
            if block < blocks and not (text.starts[block] <= start and end <= text.ends[block]):
                problems.append(f"the callout is not on block {block} (line {block + 1}) @ {where}.block")
            if start < previous_end:
                problems.append(f"citations come in text order; this one starts before the last ends @ {where}")
            previous_end = max(previous_end, end)
        note = citation["note"]
        resolved = first.get(label)
        if resolved is None and value is not None and label.isdigit():
            resolved = first.get(str(value))
        if note is not None and note >= len(notes):
            problems.append(f"expected an index below {len(notes)} (the number of notes), got {note} @ {where}.note")
            linked = False
        elif note != resolved:
            names = f"{_note_name(resolved, notes)}, not {_note_name(note, notes)}"
            problems.append(f"[{label}] resolves to {names} @ {where}.note")
            linked = False
        elif note is not None:
            cited_by[note].append(index)
    return cited_by if linked else None


def _note(note: dict[str, Any], where: str, span: Any, problems: list[str]) -> bool:
    """Check one note; is its span true?"""
    label = note["label"]
    value = label_value(label) if _LABEL.fullmatch(label) else None
    if not _LABEL.fullmatch(label):
        problems.append(f"a note's label is 1 to 9 digits or letters of a roman numeral, not {label!r} @ {where}.label")
    elif note["number"] != value:
        problems.append(f"the label [{label}] has the value {value!r}, not {note['number']!r} @ {where}.number")
    if not span(note, where):
        return False
    printed = note["span"]["text"]
    if not printed.startswith(f"[{label}]"):
        problems.append(f"a note's span starts with its label [{label}] @ {where}.span.text")
    elif note["text"] != printed[len(label) + 2 :].strip():
        problems.append(f"a note's text is its span after the label, stripped @ {where}.text")
    return True


def _note_name(index: int | None, notes: list[dict[str, Any]]) -> str:
    return "no note" if index is None else f"note {index} [{notes[index]['label']}]"


def _short(indexes: list[int]) -> str:
    return str(indexes) if len(indexes) <= 8 else str(indexes[:8])[:-1] + ", …]"


def derived_problems(pairs: Iterable[tuple[Any, Any, str]]) -> list[str]:
    """For each (value in the JSON, value read again from the stored fields, path): where the two differ.

    Equal values cost one ``==`` (lists and dicts compare in C); only a
    difference is looked for, with a loop and a stack, to name its path.
    """
    problems = []
    for found, expected, path in pairs:
        if found != expected:
            problems.append(_difference(found, expected, path))
    return problems


def _difference(found: Any, expected: Any, path: str) -> str:
    """The first place where two unequal JSON values differ, as a message."""
    stack = [(found, expected, path)]
    while stack:
        found, expected, path = stack.pop()
        if isinstance(found, dict) and isinstance(expected, dict):
            missing = [key for key in expected if key not in found]
            if missing:
                return f"the text gives a key {missing[0]!r} here{_DERIVED} @ {path}"
            extra = [key for key in found if key not in expected]
            if extra:
                return f"the text gives no key {extra[0]!r} here{_DERIVED} @ {path}"
            unequal = [key for key in expected if found[key] != expected[key]]
            stack.extend((found[key], expected[key], f"{path}.{key}") for key in reversed(unequal))
        elif isinstance(found, list) and isinstance(expected, list):
            for index, (a, b) in enumerate(zip(found, expected, strict=False)):  # then the lengths
                if a != b:
                    stack.append((a, b, f"{path}[{index}]"))
                    break
            else:
                count = min(len(found), len(expected))
                return f"the text gives {len(expected)} items, not {len(found)}{_DERIVED} @ {path}[{count}]"
        else:
            return f"the text gives {_shown(expected)}, not {_shown(found)}{_DERIVED} @ {path}"
    return f"the text gives another value{_DERIVED} @ {path}"  # pragma: no cover - unequal values differ somewhere


_DERIVED = " (this value is read from the report's text, not loaded: edit the text to change it)"


def _shown(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:60] + "…"
