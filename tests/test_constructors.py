"""The positional constructors the parser and the claims reader use make what the checked ones make."""

import attrs
import pytest

import briefmodel as bm
from briefmodel._model.diagnostics import Code
from briefmodel._model.unchecked import (
    new_citation,
    new_claim,
    new_claim_citation,
    new_diagnostic,
    new_note,
    new_span,
    positional_constructor,
)


def test_each_positional_constructor_makes_what_the_checked_one_makes() -> None:
    span = new_span(4, 7, "[1]", 2, 5)
    assert span == bm.Span(start=4, end=7, text="[1]", line=2, column=5)
    note = new_note("1", 1, span, "https://t.me/a/1", (0,))
    assert note == bm.Note(label="1", number=1, span=span, text="https://t.me/a/1", cited_by=(0,))
    assert note.sources[0].url == "https://t.me/a/1"  # the cached property works on a note made this way
    citation = new_citation("1", 1, span, 1, note)
    assert citation == bm.Citation(label="1", number=1, span=span, block=1, note=note)
    diagnostic = new_diagnostic(Code.NOTE_GAP, "a gap", None)
    assert diagnostic == bm.Diagnostic(code="NOTE_GAP", severity=bm.Severity.WARNING, message="a gap")
    cited = new_claim_citation(citation, True)
    assert cited == bm.ClaimCitation(citation=citation, inferred=True)
    claim = new_claim("Forces advanced.", span, (cited,), bm.Attribution(), bm.Stance.BACKGROUND, (), ())
    assert claim == bm.Claim(text="Forces advanced.", span=span, citations=(cited,))
    for made in (span, note, citation, diagnostic, cited, claim):
        attrs.validate(made)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            made.text = "x"  # type: ignore[misc,union-attr]  # frozen, as the checked ones are


def test_a_positional_constructor_must_name_every_field() -> None:
    with pytest.raises(TypeError, match="Span has the fields"):
        positional_constructor(bm.Span, ("start", "end", "text", "line"))
