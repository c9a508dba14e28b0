"""Claims against the shared hand-checked gold set (``../shared/gold/claims.dev.jsonl``, 227 sentences of seven
corpus reports, guideline ``../shared/gold/README.md``): precision and recall per field, printed as a table
(run with ``-s``), and floors below which the test fails.

A gold sentence is matched to the claim whose span overlaps it most, as the shared scorer
(``score_claims.py``) does; speakers compare leniently (case, a leading article, one holding the other),
cues by their first four letters, dates as the set of (start, end) of dated mentions.

The floors are the project's targets (the shared scorer's defaults); the figures are in the accuracy
table of docs/claims.md.
"""

import json
from collections import defaultdict

import pytest

import briefmodel as bm

from .conftest import ROOT, read_exact

GOLD_FILE = ROOT.parent / "shared" / "gold" / "claims.dev.jsonl"
CORPUS = ROOT.parent / "shared" / "corpus"
FLOORS = {"sentence": 0.99, "speaker": 0.95, "cue": 0.95, "stance": 0.90, "dates": 0.95}

pytestmark = pytest.mark.skipif(not GOLD_FILE.is_file(), reason="../shared/gold is absent")


def _agent(name: str | None) -> str:
    folded = (name or "").lower().strip(" '\"“”‘’")
    for article in ("the ", "a ", "an "):
        if folded.startswith(article):
            return folded[len(article) :]
    return folded


def _same_agent(gold: str | None, found: bm.Agent | None) -> bool:
    want, got = _agent(gold), _agent(found.name if found else None)
    return (not got) if not want else bool(got) and (want in got or got in want)


class Tally:
    """Per field: correct predictions, predictions, gold values (precision = correct / predicted, recall =
    correct / gold); ``accuracy`` counts every gold sentence, as the shared scorer does."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])  # correct, predicted, gold, hit, n

    def add(self, field: str, *, correct: int, predicted: int, gold: int, hit: int, total: int) -> None:
        for index, value in enumerate((correct, predicted, gold, hit, total)):
            self.counts[field][index] += value

    def row(self, field: str) -> tuple[float, float, float]:
        correct, predicted, gold, hit, total = self.counts[field]
        return (
            correct / predicted if predicted else 1.0,
            correct / gold if gold else 1.0,
            hit / total if total else 1.0,
        )


def _tally() -> Tally:
    gold = [json.loads(line) for line in GOLD_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_file: dict[str, list[dict[str, object]]] = defaultdict(list)
    for entry in gold:
        by_file[str(entry["file"])].append(entry)
    tally = Tally()
    for name, entries in by_file.items():
        text = read_exact(CORPUS / name)
        claims: list[tuple[int, int, bm.Claim]] = []
        offset = 0
        for report in bm.parse_all(text):
            claims += [(offset + c.span.start, offset + c.span.end, c) for c in report.claims]
            offset += len(bm.render(report))
        position = 0
        for entry in entries:
            sentence = str(entry["sentence"])
            start = text.index(sentence, position)
            end = position = start + len(sentence)
            best = max(claims, key=lambda item: min(item[1], end) - max(item[0], start), default=None)
            if best is None or min(best[1], end) - max(best[0], start) <= 0:
                _missed(tally, entry)
                continue
            _compare(tally, entry, text[best[0] : best[1]].strip() == sentence.strip(), best[2])
    return tally


def _missed(tally: Tally, entry: dict[str, object]) -> None:
    tally.add("sentence", correct=0, predicted=0, gold=1, hit=0, total=1)
    for field in ("speaker", "cue", "reporter"):
        tally.add(field, correct=0, predicted=0, gold=entry[field] is not None, hit=0, total=1)
    tally.add("stance", correct=0, predicted=0, gold=1, hit=0, total=1)
    dated = [d for d in entry["dates"] if d["start"]]  # type: ignore[attr-defined,index]
    tally.add("dates", correct=0, predicted=0, gold=len(dated), hit=0, total=len(dated))


def _compare(tally: Tally, entry: dict[str, object], exact: bool, claim: bm.Claim) -> None:
    tally.add("sentence", correct=exact, predicted=1, gold=1, hit=exact, total=1)
    who = claim.attribution
    for field, found in (("speaker", who.speaker), ("reporter", who.reporter)):
        ok = _same_agent(entry[field], found)  # type: ignore[arg-type]
        tally.add(
            field,
            correct=ok and found is not None,
            predicted=found is not None,
            gold=entry[field] is not None,
            hit=ok,
            total=1,
        )
    want_cue, got_cue = str(entry["cue"] or "").lower()[:4], (who.cue or "").lower()[:4]
    tally.add(
        "cue",
        correct=bool(got_cue) and got_cue == want_cue,
        predicted=bool(got_cue),
        gold=bool(want_cue),
        hit=got_cue == want_cue,
        total=1,
    )
    stance = claim.stance.value == entry["stance"]
    tally.add("stance", correct=stance, predicted=1, gold=1, hit=stance, total=1)
    want = {(d["start"], d["end"]) for d in entry["dates"] if d["start"]}  # type: ignore[attr-defined,index]
    got = {(d.start.isoformat(), d.end.isoformat()) for d in claim.dates if d.start and d.end}
    tally.add(
        "dates", correct=len(want & got), predicted=len(got), gold=len(want), hit=len(want & got), total=len(want)
    )


def test_claims_against_the_shared_dev_gold() -> None:
    tally = _tally()
    lines = [
        "",
        "| Field | Precision | Recall | Accuracy | Floor |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for field in ("sentence", "speaker", "reporter", "cue", "stance", "dates"):
        precision, recall, accuracy = tally.row(field)
        lines.append(f"| {field} | {precision:.3f} | {recall:.3f} | {accuracy:.3f} | {FLOORS.get(field, '')} |")
    print("\n".join(lines))
    below = {f: round(tally.row(f)[2], 3) for f, floor in FLOORS.items() if tally.row(f)[2] < floor}
    assert not below, f"below the floors {FLOORS}: {below}"


def test_the_tally_fails_a_wrong_stance() -> None:
    tally = Tally()
    entry = {"speaker": None, "reporter": None, "cue": None, "stance": "assessed", "dates": []}
    claim = bm.Claim(text="x", span=bm.Span(start=0, end=1, text="x", line=1, column=1))
    _compare(tally, entry, True, claim)  # the claim is background
    assert tally.row("stance")[2] == 0.0
    assert tally.row("speaker")[2] == 1.0  # no speaker on either side is a hit
