"""Every real report in ../shared/corpus: exact round trip and what it must read."""

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel import BlockKind

from .conftest import CORPUS, CORPUS_FILES, needs_corpus, read_exact

pytestmark = needs_corpus
_IDS = [p.name for p in CORPUS_FILES]
_BODY_CALLOUT = re.compile(r"\[([0-9]{1,3})\]")
_NOTE_LINE = re.compile(r"^[ \t\u00a0]*\[([0-9]{1,3})\]", re.M)
_LABEL_ALONE = re.compile(r"^[ \t\u00a0]*\[[0-9]{1,3}\][ \t\u00a0]*$", re.M)


def _manifest() -> dict[str, dict[str, str]]:
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        return {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}


@pytest.fixture(scope="module", params=CORPUS_FILES, ids=_IDS)
def case(request: pytest.FixtureRequest) -> tuple[Path, str, tuple[bm.Report, ...]]:
    path: Path = request.param
    text = read_exact(path)
    return path, text, bm.parse_all(text)


def test_round_trip_exact_and_one_report(case: tuple[Path, str, tuple[bm.Report, ...]]) -> None:
    _, text, reports = case
    assert "".join(bm.render(r) for r in reports) == text
    assert len(reports) == 1


def test_published_is_the_date_in_the_file_name(case: tuple[Path, str, tuple[bm.Report, ...]]) -> None:
    path, _, (report,) = case
    found = re.search(r"(\d{4}-\d{2}-\d{2})", path.name)
    assert found
    assert report.published == dt.date.fromisoformat(found.group(1))


def test_citations_and_notes_match_the_markers_and_note_lines(case: tuple[Path, str, tuple[bm.Report, ...]]) -> None:
    path, text, (report,) = case
    row = _manifest()[path.name]
    notes_at = report.line_starts[report.notes[0].span.line - 1] if report.notes else len(text)
    body_markers = _BODY_CALLOUT.findall(text[:notes_at])
    assert [c.label for c in report.citations] == body_markers
    # MANIFEST counts `[N] text` lines with a plain regex: our counts agree with it
    # except that we also count a note whose label stands alone on its line: an
    # empty note (NOTE_EMPTY), or one whose text is on the next line, which its
    # regex skips.
    alone = len(_LABEL_ALONE.findall(text[notes_at:]))
    assert len(report.citations) == int(row["marker_count"])
    assert len(report.notes) - alone == int(row["endnote_count"])
    empty = sum(d.code == "NOTE_EMPTY" for d in report.diagnostics)
    assert empty <= alone
    assert len(report.notes) == len(_NOTE_LINE.findall(text[notes_at:]))


def test_every_citation_with_a_note_resolves_to_it(case: tuple[Path, str, tuple[bm.Report, ...]]) -> None:
    _, _, (report,) = case
    labels = {note.label: note for note in report.notes}
    for citation in report.citations:
        if citation.label in labels:
            assert citation.note is labels[citation.label]
            assert citation.note.cited_by and report.citations[citation.note.cited_by[0]].label == citation.label
        else:
            assert citation.note is None
            assert any(d.code == "CALLOUT_UNRESOLVED" and d.span == citation.span for d in report.diagnostics)


def test_takeaways_found_where_a_key_takeaways_block_exists(case: tuple[Path, str, tuple[bm.Report, ...]]) -> None:
    _, text, (report,) = case
    has_block = re.search(r"^Key Takeaways:?\s*$", text, re.M) is not None
    assert bool(report.takeaways) == has_block
    for takeaway in report.takeaways:
        assert not takeaway.text.startswith(("•", "-"))
        assert len(takeaway.text) > 20


def test_notes_become_sources(case: tuple[Path, str, tuple[bm.Report, ...]]) -> None:
    _, _, (report,) = case
    for note in report.notes:
        if note.text:
            assert note.sources, note.text
        for source in note.sources:
            if source.url is not None:
                assert " dot " not in source.url
                assert source.url.startswith(("http://", "https://"))
                assert not source.url.endswith((".", ",", ";"))
    keys = [s.key for s in report.sources]  # distinct by key (a whole URL and its cut print may share a url)
    assert len(keys) == len(set(keys))


def test_every_span_tells_the_truth(case: tuple[Path, str, tuple[bm.Report, ...]]) -> None:
    _, _, (report,) = case
    text = report.text
    for span in report.iter_spans():
        assert text[span.start : span.end] == span.text
    kinds = {b.kind for b in report.blocks}
    assert BlockKind.ENDNOTE in kinds and BlockKind.PARAGRAPH in kinds


def test_the_whole_corpus_has_the_repairs_shapes_md_lists() -> None:
    sources = [s for p in CORPUS_FILES for r in bm.parse_all(read_exact(p)) for n in r.notes for s in n.sources]
    repairs = {repair for s in sources for repair in s.repairs}
    assert {"dot", "trailing"} <= repairs
    assert any(s.truncated for s in sources)
    assert any(s.url is None and s.kind is bm.SourceKind.TEXT for s in sources)
    assert any(s.raw.endswith("...") and s.truncated for s in sources)
