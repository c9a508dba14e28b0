"""Claims against hand-made gold data: per-field precision and recall, with the floors the project promises.

``gold/seed_claims.jsonl``: the seed's 36 body sentences, annotated by hand
(see ``gold/README.md``). ``gold/sentences.tsv``: 283 sentence boundaries in 74
paragraphs of the seed and the corpus (see ``gold/SENTENCES.md``). Run with
``-s`` to see the table.
"""

import json
import re
from pathlib import Path

import briefmodel as bm
from briefmodel._claims.sentences import sentence_bounds

from .conftest import CORPUS, ROOT, SEED, needs_corpus, read_exact

GOLD = Path(__file__).parent / "gold"
FLOORS = {"sentence": 0.99, "speaker": 0.9, "cue": 0.9, "stance": 0.85, "dates": 0.9}


def _score(found: int, predicted: int, expected: int) -> tuple[float, float]:
    return (found / predicted if predicted else 1.0, found / expected if expected else 1.0)


def _claim_fields(claim: bm.Claim) -> dict[str, object]:
    attribution = claim.attribution
    return {
        "markers": [c.label for c in claim.citations if not c.inferred],
        "speaker": attribution.speaker.span.text if attribution.speaker else None,
        "reporter": attribution.reporter.span.text if attribution.reporter else None,
        "cue": attribution.cue,
        "stance": claim.stance.value,
        "hedges": [h.text for h in claim.hedges],
        "dates": [
            (d.text, d.start and d.start.isoformat(), d.end and d.end.isoformat(), d.precision.value, d.role.value)
            for d in claim.dates
        ],
    }


def test_seed_claims_against_the_gold_file() -> None:
    gold = [json.loads(line) for line in (GOLD / "seed_claims.jsonl").read_text(encoding="utf-8").splitlines()]
    report = bm.parse_all(read_exact(SEED))[0]
    text = report.text
    first, last = text.index(gold[0]["sentence"]), text.index(gold[-1]["sentence"]) + len(gold[-1]["sentence"])
    body = [claim for claim in report.claims if first <= claim.span.start < last]  # the annotated paragraphs
    by_text = {claim.span.text: claim for claim in body}
    counts: dict[str, list[int]] = {}  # field: [found, predicted, expected]

    def count(field: str, found: int, predicted: int, expected: int) -> None:
        totals = counts.setdefault(field, [0, 0, 0])
        for i, value in enumerate((found, predicted, expected)):
            totals[i] += value

    count("sentence", sum(g["sentence"] in by_text for g in gold), len(body), len(gold))
    for entry in gold:
        claim = by_text.get(entry["sentence"])
        got = _claim_fields(claim) if claim else {}
        want = dict(entry)
        want["dates"] = [(d["text"], d["start"], d["end"], d["precision"], d["role"]) for d in entry["dates"]]
        for field in ("speaker", "reporter", "cue", "stance"):
            value, expected = got.get(field), want[field]
            count(
                field, int(value is not None and value == expected), int(value is not None), int(expected is not None)
            )
        for field in ("markers", "hedges", "dates"):
            items, expected_items = list(got.get(field, [])), list(want[field])  # type: ignore[call-overload]
            matched = sum(1 for x in expected_items if x in items)
            count(field, matched, len(items), len(expected_items))
    print("\nfield       precision  recall   (seed gold, 36 sentences)")
    for field, (found, predicted, expected) in counts.items():
        precision, recall = _score(found, predicted, expected)
        print(f"{field:<11} {precision:9.3f} {recall:7.3f}")
        if field in FLOORS:
            assert min(precision, recall) >= FLOORS[field], (field, precision, recall)
    assert counts["sentence"][0] == len(gold)


_LINE_END = re.compile(r"\r\n|\r|\n")


def _gold_paragraphs() -> list[tuple[str, str, set[int]]]:
    """(source, paragraph, expected sentence ends) for each row of ``gold/sentences.tsv``.

    The file holds positions only, never text of the corpus: each paragraph is read
    from its file (by line, counting ``\\n``, ``\\r\\n`` and ``\\r``, and column).
    """
    paragraphs = []
    for row in (GOLD / "sentences.tsv").read_text(encoding="utf-8").splitlines():
        if row.startswith("#") or not row:
            continue
        source, line, column, ends_text = row.split("\t")
        path = ROOT / "seeds" / source if source.startswith("000_") else CORPUS / source
        text = read_exact(path)
        line_starts = [0, *(match.end() for match in _LINE_END.finditer(text))]
        ends = [int(end) for end in ends_text.split()]
        start = line_starts[int(line) - 1] + int(column) - 1
        paragraph = text[start : start + ends[-1]]
        assert len(paragraph) == ends[-1] and not paragraph[-1:].isspace(), (source, line)
        paragraphs.append((source, paragraph, set(ends)))
    return paragraphs


@needs_corpus
def test_sentence_boundaries_against_the_gold_set() -> None:
    paragraphs = _gold_paragraphs()
    right = false_splits = missed = 0
    for _, paragraph, ends in paragraphs:
        got = {end for _, end in sentence_bounds(paragraph)}
        right += len(got & ends)
        false_splits += len(got - ends)
        missed += len(ends - got)
    precision, recall = _score(right, right + false_splits, right + missed)
    print(
        f"\nsentence boundaries: {right} right, {false_splits} false splits, {missed} missed "
        f"(precision {precision:.4f}, recall {recall:.4f}) over {len(paragraphs)} paragraphs"
    )
    assert len(paragraphs) >= 70 and right + missed >= 200
    assert precision >= 0.99 and recall >= 0.99
