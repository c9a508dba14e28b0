"""Markdown in: a Markdown brief with ``[^n]`` footnotes turned into the text shape briefs have, then parsed.

``parse_markdown`` reads Markdown written by ``to_markdown`` (and Markdown briefs
written by hand or by other tools) by turning it into the text shape briefs have,
one line for one line, and parsing that: the report's text is that text view, and
its spans point into it. One pass over the lines.
"""

import re

from briefmodel._model.report import Report
from briefmodel._read.lines import split_lines
from briefmodel._read.pipeline import parse

__all__ = ["markdown_to_text", "parse_markdown"]

_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]+|$)")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_DEFINITION = re.compile(r" {0,3}\[\^([^\]\s]{1,64})\]:[ \t]?")
_ITEM = re.compile(r" {0,3}[-*+][ \t]+")
_INDENT = re.compile(r"(?: {4}|\t)")
_MARKUP = re.compile(
    r"\\(?P<escaped>[!-/:-@\[-`{-~])"
    r"|\[\^(?P<label>[^\]\s]{1,64})\]"
    r"|<(?P<autolink>https?://[^>\s]+)>"
    r"|!?\[(?P<text>[^\]\n\\]{0,500})\]\((?P<href>[^)\s]{1,2000})\)"
)


def _unmark(match: "re.Match[str]") -> str:
    if match["escaped"] is not None:
        return match["escaped"]
    if match["label"] is not None:
        return f"[{match['label']}]"
    if match["autolink"] is not None:
        return match["autolink"]
    text, href = match["text"], match["href"]
    return href if text in (href, "") or text.startswith(("http://", "https://")) else f"{text} {href}"


def markdown_to_text(markdown: str) -> str:
    """The text view of a Markdown brief: what ``parse_markdown`` parses."""
    lines, breaks = split_lines(markdown)
    out = []
    in_note = False
    for line, newline in zip(lines, breaks, strict=True):
        if not line.strip():
            out.append(line + newline)
            continue
        definition = _DEFINITION.match(line)
        if definition is not None:
            text = f"[{definition.group(1)}] " + line[definition.end() :]
            in_note = True
        elif in_note and _INDENT.match(line):
            text = line.lstrip(" \t")
        else:
            in_note = False
            heading = _HEADING.match(line)
            item = _ITEM.match(line) if heading is None else None
            if heading is not None:
                text = _CLOSING_HASHES.sub("", line[heading.end() :])
            elif item is not None:  # "- ", as text writes it too: a bullet, never the title, on the first line
                text = "- " + line[item.end() :]
            else:
                text = line
        out.append(_MARKUP.sub(_unmark, text) + newline)
    return "".join(out)


def parse_markdown(markdown: str, *, strict: bool = False) -> Report:
    """Read a Markdown brief with ``[^n]`` footnotes; the report's text is its text view (see the docs)."""
    return parse(markdown_to_text(markdown), strict=strict)
