"""Places and units against the shared hand-checked gold set (``../shared/gold/entities.dev.jsonl``, 207
sentences, guideline ``../shared/gold/ENTITIES.md``): precision, recall and F1 per measure, printed as a table
(run with ``-s``), and the floors of the issue below which the test fails.

Scored as the shared scorer (``score_entities.py``) scores: a gold sentence is matched to the claim whose span
overlaps it most; texts are case-folded with a leading "the " ignored; repeated mentions are separate items
(micro F1 over multisets). Measures: places (text + kind), relations (text + relation, over all places),
anchors (text + anchor text + anchor relation, for places with an anchor), units (text + echelon), unit fields
(text + number + echelon + side), parents (text + parent text, for units with a parent). The figures are in
the accuracy table of docs/entities.md.
"""

import collections
import hashlib
import json
from collections.abc import Sequence

import pytest

import briefmodel as bm

from .conftest import ROOT, read_exact

GOLD_FILE = ROOT.parent / "shared" / "gold" / "entities.dev.jsonl"
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = ROOT.parent / "shared" / "seeds" / "000_bf36c77dcd078e5e.txt"
FLOORS = {"places": 0.95, "anchors": 0.95, "units": 0.95, "parents": 0.95}
MEASURES = ("places", "relations", "anchors", "units", "unit fields", "parents")

pytestmark = pytest.mark.skipif(not GOLD_FILE.is_file(), reason="../shared/gold is absent")


def _norm(value: object) -> str:
    text = str(value or "").strip().casefold()
    return text[4:] if text.startswith("the ") else text


def _value(value: object) -> str:
    return _norm(getattr(value, "value", value)) if value is not None else ""


Key = tuple[object, ...]


def _gold_items(record: dict[str, object], where: Key) -> dict[str, list[Key]]:
    items: dict[str, list[Key]] = collections.defaultdict(list)
    for place in record["places"]:  # type: ignore[attr-defined]
        text = _norm(place["text"])
        items["places"].append((*where, text, place["kind"]))
        items["relations"].append((*where, text, place["relation"] or ""))
        if place["anchor"]:
            items["anchors"].append((*where, text, _norm(place["anchor"]), _norm(place["anchor_relation"])))
    for unit in record["units"]:  # type: ignore[attr-defined]
        text = _norm(unit["text"])
        items["units"].append((*where, text, unit["echelon"]))
        items["unit fields"].append((*where, text, unit["number"], unit["echelon"], unit["side"] or "unknown"))
        if unit["parent"]:
            items["parents"].append((*where, text, _norm(unit["parent"])))
    return items


def _found_items(claim: bm.Claim, where: Key) -> dict[str, list[Key]]:
    items: dict[str, list[Key]] = collections.defaultdict(list)
    for place in claim.places:
        text = _norm(place.text)
        items["places"].append((*where, text, _value(place.kind)))
        items["relations"].append((*where, text, place.relation or ""))
        if place.anchor is not None:
            items["anchors"].append((*where, text, _norm(place.anchor.text), _norm(place.anchor_relation)))
    for unit in claim.units:
        text = _norm(unit.text)
        items["units"].append((*where, text, _value(unit.echelon)))
        items["unit fields"].append((*where, text, unit.number, _value(unit.echelon), _value(unit.side)))
        if unit.parent is not None:
            items["parents"].append((*where, text, _norm(unit.parent.text)))
    return items


def score(gold: Sequence[Key], found: Sequence[Key]) -> tuple[float, float, float, int, int, int]:
    """Precision, recall, F1 and the counts (right, gold, found) of two multisets."""
    want, got = collections.Counter(gold), collections.Counter(found)
    right = sum((want & got).values())
    precision = right / len(found) if found else 1.0
    recall = right / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, right, len(gold), len(found)


def tally() -> dict[str, tuple[list[Key], list[Key]]]:
    """Every measure's gold and found items over the gold file."""
    records = [json.loads(line) for line in GOLD_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_file: dict[str, list[dict[str, object]]] = collections.defaultdict(list)
    for record in records:
        by_file[str(record["file"])].append(record)
    measures: dict[str, tuple[list[Key], list[Key]]] = {name: ([], []) for name in MEASURES}
    for name, entries in by_file.items():
        text = read_exact(SEED if name == "seed" else CORPUS / name)
        claims: list[tuple[int, int, bm.Claim]] = []
        offset = 0
        for report in bm.parse_all(text):
            claims += [(offset + c.span.start, offset + c.span.end, c) for c in report.claims]
            offset += len(bm.render(report))
        for entry in entries:
            start, end = int(entry["start"]), int(entry["end"])  # type: ignore[call-overload]
            if name == "seed":
                start = text.find(str(entry["sentence"]))
                end = start + len(str(entry["sentence"]))
            assert hashlib.sha1(text[start:end].encode()).hexdigest()[:12] == entry["sha1"] or name == "seed"
            where = (name, start)
            for measure, items in _gold_items(entry, where).items():
                measures[measure][0].extend(items)
            best = max(claims, key=lambda item: min(item[1], end) - max(item[0], start), default=None)
            if best is None or min(best[1], end) - max(best[0], start) <= 0:
                continue
            for measure, items in _found_items(best[2], where).items():
                measures[measure][1].extend(items)
    return measures


def test_places_and_units_against_the_shared_dev_gold() -> None:
    measures = tally()
    lines = [
        "",
        "| Measure | Precision | Recall | F1 | Right | Gold | Found | Floor |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    below = {}
    for name in MEASURES:
        precision, recall, f1, right, gold, found = score(*measures[name])
        floor = FLOORS.get(name)
        lines.append(
            f"| {name} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {right} | {gold} | {found} | {floor or ''} |"
        )
        if floor is not None and f1 < floor:
            below[name] = round(f1, 3)
    print("\n".join(lines))
    assert not below, f"below the floors {FLOORS}: {below}"


def test_the_score_counts_repeated_mentions_as_separate_items() -> None:
    gold = [("f", 0, "soledar", "settlement")] * 2
    assert score(gold, gold[:1])[:3] == (1.0, 0.5, pytest.approx(2 / 3))
    assert score(gold, [("f", 0, "soledar", "region")] * 2)[2] == 0.0
