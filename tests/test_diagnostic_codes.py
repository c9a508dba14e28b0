"""One registry of diagnostic codes (``Code``): the diagnostics page lists exactly it, and readers name codes."""

import ast
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import briefmodel as bm
from briefmodel._model.diagnostics import CLAIM_CODES, Code

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(bm.__file__).resolve().parent
READERS = ("_read", "_claims", "_sources")


def _codes_table(markdown: str) -> dict[str, str]:
    """Code → severity, from the rows of the table under the page's ``Codes`` heading."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    rows: list[list[str]] = []
    section = None
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            section = tokens[index + 1].content
        elif section != "Codes":
            continue
        elif token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(token.content)
    table = {}
    for cells in rows:
        if len(cells) >= 2 and cells[0].startswith("`") and cells[0].endswith("`"):
            table[cells[0].strip("`")] = cells[1]
    return table


def test_the_diagnostics_page_lists_every_registered_code_with_its_severity() -> None:
    table = _codes_table((ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8"))
    assert table == {code.name: code.severity.value for code in Code}


def test_the_table_reader_sees_a_missing_row() -> None:
    page = "## Codes\n\n| Code | Severity |\n| --- | --- |\n| `NOTE_GAP` | warning |\n\n## Other\n\n| `X` | y |\n"
    assert _codes_table(page) == {"NOTE_GAP": "warning"}
    assert _codes_table(page) != {code.name: code.severity.value for code in Code}


def test_every_code_has_a_stage_and_a_one_line_meaning() -> None:
    for code in Code:
        assert code.stage in {"header", "sections", "callouts", "notes", "text", "html", "claims"}, code
        assert code.meaning.endswith(".") and "\n" not in code.meaning, code
    assert {"CLAIM_UNCITED", "TAKEAWAY_UNSUPPORTED", "DATE_AMBIGUOUS_YEAR", "DATE_AFTER_REPORT"} == CLAIM_CODES


@pytest.mark.parametrize("part", READERS)
def test_readers_name_the_code_never_a_severity(part: str) -> None:
    found = []
    for path in sorted((PACKAGE / part).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            called = ast.unparse(node.func)
            arguments = [*node.args, *(keyword.value for keyword in node.keywords)]
            if called.endswith("Diagnostic") or any(ast.unparse(a).startswith("Severity.") for a in arguments):
                found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert not found, found


def test_diagnostics_carry_their_codes_severity() -> None:
    text = "Title\n\nDecember 14, 2024\n\nA sentence, they said.[1][2]\n\n[1] https://t.me/a/1\n[3] x\n"
    for diagnostic in bm.parse(text).diagnostics:
        assert diagnostic.severity is Code[diagnostic.code].severity
