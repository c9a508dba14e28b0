"""``from_json`` is a validator: the attack corpus of ``tests/fixtures/json/``, the JSON Schema's verdict on each case
and on real reports, random edits of a report's JSON, and the reading of JSON text (nesting, duplicate keys, byte
order marks).

Each case of ``cases.json`` is a JSON document (a file of ``raw/``, or a JSON Patch applied to ``to_json`` of
``base.txt``), the layer that must refuse it and the path its ``DataError`` must name:

- ``json``: the text is not JSON a schema can judge (nesting past Python's reader, duplicate keys, ``NaN``, bad
  bytes), refused while reading the text;
- ``shape``: JSON the schema rejects; the loader rejects it too, by the schema's own checks;
- ``text`` and ``derived``: JSON the schema accepts (it cannot compare a span with the text, or follow an index)
  that contradicts the report's own text, or whose derived values (claims, sources, supports, the claims'
  diagnostics) differ from what the text gives; the loader alone refuses it;
- none: accepted, by both.

So the loader accepts exactly the documents the schema accepts, less those that contradict their own text.
"""

import copy
import functools
import json
import pickle
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import briefmodel as bm

from .conftest import CORPUS_FILES, ROOT, SEED

FIXTURES = Path(__file__).parent / "fixtures" / "json"
CASES: list[dict[str, Any]] = json.loads((FIXTURES / "cases.json").read_text(encoding="utf-8"))
SCHEMA = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
NOT_JSON = object()
"""What ``strict_data`` gives for a text that is not JSON data (the schema has no verdict on it)."""


# --------------------------------------------------------------------------- the cases


def _steps(pointer: str) -> list[str]:
    return [step.replace("~1", "/").replace("~0", "~") for step in pointer.split("/")[1:]]


def _parent(doc: Any, pointer: str) -> tuple[Any, str | int]:
    *steps, last = _steps(pointer)
    for step in steps:
        doc = doc[int(step)] if isinstance(doc, list) else doc[step]
    if isinstance(doc, list):
        return doc, len(doc) if last == "-" else int(last)
    return doc, last


def _get(doc: Any, pointer: str) -> Any:
    parent, key = _parent(doc, pointer)
    return parent[key]


def _remove(doc: Any, pointer: str) -> Any:
    parent, key = _parent(doc, pointer)
    return parent.pop(key)


def _add(doc: Any, pointer: str, value: Any) -> None:
    parent, key = _parent(doc, pointer)
    if isinstance(parent, list):
        parent.insert(int(key), value)
    else:
        parent[key] = value


def apply_patch(doc: Any, operations: list[dict[str, Any]]) -> Any:
    """RFC 6902 JSON Patch (add, remove, replace, copy, move), enough for the corpus."""
    for operation in operations:
        op, path = operation["op"], operation["path"]
        if op == "add":
            _add(doc, path, copy.deepcopy(operation["value"]))
        elif op == "remove":
            _remove(doc, path)
        elif op == "replace":
            parent, key = _parent(doc, path)
            parent[key] = copy.deepcopy(operation["value"])
        elif op == "copy":
            _add(doc, path, copy.deepcopy(_get(doc, operation["from"])))
        elif op == "move":
            _add(doc, path, _remove(doc, operation["from"]))
        else:
            raise ValueError(op)
    return doc


@functools.cache
def base_report(name: str) -> bm.Report:
    return bm.parse((FIXTURES / name).read_text(encoding="utf-8"))


def document(case: dict[str, Any]) -> bytes:
    """The bytes of a case's JSON document."""
    if "file" in case:
        return (FIXTURES / case["file"]).read_bytes()
    data = apply_patch(bm.to_dict(base_report(case["base"])), case["patch"])
    return json.dumps(data, ensure_ascii=False).encode(case.get("encoding", "utf-8"))


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    made = dict(pairs)
    if len(made) != len(pairs):
        raise ValueError("duplicate key")
    return made


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def strict_data(raw: bytes) -> Any:
    """The JSON data of a text as RFC 8259 has it (no NaN, unique member names), read by Python's own reader;
    ``NOT_JSON`` when it is none, or too deep for that reader."""
    try:
        return json.loads(raw, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        return NOT_JSON


def loader_errors(raw: bytes | str) -> list[str] | None:
    """``from_json``'s problems with a document, or ``None`` when it loads."""
    try:
        bm.from_json(raw)
    except bm.DataError as error:
        return error.errors
    return None


def _id(case: dict[str, Any]) -> str:
    return str(case["name"])


# --------------------------------------------------------------------------- the corpus


def test_the_corpus_covers_every_kind_of_attack() -> None:
    layers = {case["layer"] for case in CASES}
    assert layers == {"json", "shape", "text", "derived", None}
    names = {case["name"] for case in CASES}
    for needed in (
        "nested-arrays-1000",
        "duplicate-key",
        "authors-string",
        "schema-version-true",
        "unknown-field",
        "claims-garbage",
        "published-compact",
        "missing-blocks",
        "span-text-contradicts",
        "span-line-huge",
        "citation-block-negative",
        "citation-note-other-label",
        "citation-not-a-callout",
        "claim-stance-edited",
    ):
        assert needed in names, needed
    assert len(names) == len(CASES) >= 90


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_every_case_is_answered_as_the_corpus_says(case: dict[str, Any]) -> None:
    raw = document(case)
    errors = loader_errors(raw)
    if case["layer"] is None:
        assert errors is None
        report = bm.from_json(raw)
        assert report == base_report(case["base"])
        assert report.claims == base_report(case["base"]).claims
        return
    assert errors, "loaded"
    assert any(case["refused_at"] in error for error in errors), errors
    assert all(" @ $" in error for error in errors), errors
    with pytest.raises(bm.DataError) as caught:
        bm.from_json(raw.decode("utf-8", "surrogateescape") if case["layer"] != "json" else raw)
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, bm.BriefmodelError)


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_schema_accepts_a_case_exactly_when_the_loader_does_or_only_the_text_refuses_it(
    case: dict[str, Any],
) -> None:
    raw = document(case)
    data = strict_data(raw)
    if case["layer"] == "json":
        assert data is NOT_JSON
        return
    schema_accepts = VALIDATOR.is_valid(data)
    loader_accepts = loader_errors(raw) is None
    assert schema_accepts == (case["layer"] in (None, "text", "derived")), list(VALIDATOR.iter_errors(data))[:3]
    assert loader_accepts == (case["layer"] is None)


# --------------------------------------------------------------------------- real reports


REAL = [SEED, *CORPUS_FILES]


@pytest.mark.parametrize("path", REAL, ids=[p.name for p in REAL])
def test_real_reports_are_accepted_by_the_schema_and_the_loader(path: Path) -> None:
    for report in bm.load(path):
        raw = bm.to_json(report)
        assert VALIDATOR.is_valid(json.loads(raw)), path.name
        again = bm.from_json(raw)
        assert again == report
        assert again.claims == report.claims and again.diagnostics == report.diagnostics
        text = again.text
        for span in again.iter_spans():  # spans tell the truth in a loaded report too
            assert text[span.start : span.end] == span.text
            line = span.line - 1
            assert again.line_starts[line] + span.column - 1 == span.start


def test_the_corpus_is_there_or_skipped() -> None:
    if not CORPUS_FILES:
        pytest.skip("../shared/corpus is absent: only the seed is checked")
    assert len(REAL) > 1


# --------------------------------------------------------------------------- random edits


def _pointers(doc: Any) -> list[str]:
    """Every JSON Pointer into a document (a loop, no recursion)."""
    found = []
    stack: list[tuple[Any, str]] = [(doc, "")]
    while stack:
        value, pointer = stack.pop()
        found.append(pointer)
        if isinstance(value, dict):
            stack.extend(
                (child, f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}") for key, child in value.items()
            )
        elif isinstance(value, list):
            stack.extend((child, f"{pointer}/{index}") for index, child in enumerate(value))
    return sorted(found)


BASE = bm.to_dict(base_report("base.txt"))
POINTERS = _pointers(BASE)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.integers(min_value=-2, max_value=400)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from([0.0, 1.0, 9.0, 12.0, 0.5])
    | st.text(max_size=12)
    | st.sampled_from(
        [
            *["2024-12-14", "20241214", "2024-02-30", "paragraph", "title", "\n", "\r\n", "", "[1]", "1", "iv"],
            *["telegram", "x", "info", "warning", "assessed", "reported", "NOTE_UNUSED", "CLAIM_UNCITED"],
        ]
    )
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=6,
)


@st.composite
def edited_reports(draw: st.DrawFn) -> Any:
    """The base report's JSON with one to three random edits: a value replaced, a member or item removed, an
    unknown member added, a value moved into another place."""
    doc = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        pointers = _pointers(doc)
        pointer = draw(st.sampled_from(pointers))
        action = draw(st.sampled_from(["replace", "remove", "add", "move"]))
        if pointer == "" or action == "replace":
            if pointer == "":
                doc = draw(VALUES)
                continue
            parent, key = _parent(doc, pointer)
            parent[key] = draw(VALUES)
        elif action == "remove":
            _remove(doc, pointer)
        elif action == "add":
            target = _get(doc, pointer)
            if isinstance(target, dict):
                target[draw(st.text(max_size=6))] = draw(VALUES)
            elif isinstance(target, list):
                target.insert(draw(st.integers(0, len(target))), draw(VALUES))
        else:
            other = draw(st.sampled_from(pointers))
            if other and not pointer.startswith(other) and not other.startswith(pointer):
                value = copy.deepcopy(_get(doc, other))
                parent, key = _parent(doc, pointer)
                parent[key] = value
        if not isinstance(doc, dict):
            break
    return doc


@settings(max_examples=300, deadline=None)
@given(edited_reports())
def test_random_edits_are_refused_by_the_loader_whenever_the_schema_refuses_them(doc: Any) -> None:
    raw = json.dumps(doc, ensure_ascii=False)
    schema_accepts = VALIDATOR.is_valid(doc)
    errors = loader_errors(raw)
    if not schema_accepts:
        assert errors, "the loader took what the schema refuses"
    if errors is None:
        assert schema_accepts
        assert bm.from_json(raw) == bm.from_json(bm.to_json(bm.from_json(raw)))
    else:
        assert all(" @ $" in error for error in errors), errors


# --------------------------------------------------------------------------- the text: nesting, keys, byte order marks


@pytest.mark.parametrize("depth", [1_000, 100_000])
@pytest.mark.parametrize(("opening", "closing"), [("[", "]"), ('{"a": ', "}")])
def test_nesting_past_the_reader_is_a_data_error_naming_where(depth: int, opening: str, closing: str) -> None:
    text = '{"schema_version": 1, "title": ' + opening * depth + "0" + closing * depth + "}"
    for raw in (text, text.encode("utf-8")):
        with pytest.raises(bm.DataError, match=r"nested deeper than 64 levels @ \$\.title"):
            bm.from_json(raw)


def test_nesting_the_reader_follows_is_refused_by_the_schema_without_recursion() -> None:
    text = '{"schema_version": 1, "title": ' + "[" * 500 + "]" * 500 + "}"
    with pytest.raises(bm.DataError) as caught:
        bm.from_json(text)
    assert "expected a string or null, got an array of 1 @ $.title" in caught.value.errors


def test_a_duplicate_key_is_named_by_its_path_even_when_escaped() -> None:
    report = base_report("base.txt")
    raw = bm.to_json(report).replace('"series": ', '"ser\\u0069es": "Iran Update", "series": ', 1)
    with pytest.raises(bm.DataError, match=r"^duplicate key @ \$\.series$"):
        bm.from_json(raw)
    raw = bm.to_json(report).replace('"newline": ', '"newline": "\\n", "newline": ', 3)
    with pytest.raises(bm.DataError, match=r"duplicate key @ \$\.blocks\[0\]\.newline"):
        bm.from_json(raw)


def test_a_byte_order_mark_before_the_json_is_skipped_in_bytes_and_in_text() -> None:
    report = base_report("base.txt")
    text = bm.to_json(report)
    assert bm.from_json(b"\xef\xbb\xbf" + text.encode("utf-8")) == report
    assert bm.from_json("\ufeff" + text) == report
    assert bm.from_json(text.encode("utf-16")) == report
    assert bm.from_json(text.encode("utf-32")) == report
    with pytest.raises(bm.DataError, match="invalid JSON"):
        bm.from_json("\ufeff\ufeff" + text)  # one mark is skipped; a second is text before the JSON
    with pytest.raises(bm.DataError, match="invalid JSON"):
        bm.from_json(b"\xef\xbb\xbf\xef\xbb\xbf" + text.encode("utf-8"))


def test_only_json_text_is_read() -> None:
    with pytest.raises(bm.DataError, match=r"expected JSON text \(str or bytes\), got a Python dict @ \$"):
        bm.from_json({"schema_version": 1})  # type: ignore[arg-type]
    with pytest.raises(bm.DataError, match=r"invalid JSON: .*digits.* @ \$"):
        bm.from_json('{"schema_version": ' + "1" * 5000 + "}")


# --------------------------------------------------------------------------- the answers


def test_problems_are_listed_up_to_a_hundred_then_counted_out() -> None:
    data = bm.to_dict(base_report("base.txt"))
    data["blocks"] = [{"kind": "paragraph", "text": 5, "newline": "\n"}] * 500
    with pytest.raises(bm.DataError) as caught:
        bm.from_dict(data)
    assert len(caught.value.errors) == 101
    assert caught.value.errors[0] == "expected a string without a line break, got the number 5 @ $.blocks[0].text"
    assert caught.value.errors[-1] == "more problems not listed (only the first 100 are) @ $"


def test_every_problem_is_found_in_one_pass() -> None:
    data = bm.to_dict(base_report("base.txt"))
    data["title"] = 5
    data["notes"][1]["label"] = 2
    del data["blocks"][3]["kind"]
    data["colour"] = "red"
    with pytest.raises(bm.DataError) as caught:
        bm.from_dict(data)
    assert caught.value.errors == [
        "unknown key (the JSON form has no such field) @ $.colour",
        "expected a string or null, got the number 5 @ $.title",
        "missing key @ $.blocks[3].kind",
        "expected a string, got the number 2 @ $.notes[1].label",
    ]
    assert str(caught.value) == "; ".join(caught.value.errors)
    assert pickle.loads(pickle.dumps(caught.value)).errors == caught.value.errors


def test_an_integer_written_as_a_float_loads_and_the_callers_data_is_left_alone() -> None:
    data = bm.to_dict(base_report("base.txt"))
    data["citations"][0]["span"]["line"] = 9.0
    data["notes"][0]["cited_by"] = [0.0, 1]
    assert bm.from_dict(data) == base_report("base.txt")
    assert type(data["citations"][0]["span"]["line"]) is float and type(data["notes"][0]["cited_by"][0]) is float


def test_a_loaded_report_carries_its_claims_read_once() -> None:
    report = bm.from_json(bm.to_json(base_report("base.txt")))
    assert [claim.stance.value for claim in report.claims] == ["confirmed", "reported", "assessed"]
    assert report.takeaways[0].supports[0].claim == 0


def test_other_model_objects_are_checked_too() -> None:
    report = base_report("base.txt")
    note = bm.to_dict(report.notes[0])
    assert bm.from_dict(note, bm.Note) == report.notes[0]
    edited = copy.deepcopy(note)
    edited["sources"][0]["platform"] = "x"
    with pytest.raises(bm.DataError, match=r"the text gives 'telegram', not 'x'.* @ \$\.sources\[0\]\.platform"):
        bm.from_dict(edited, bm.Note)
    with pytest.raises(bm.DataError, match=r"unknown key .* @ \$\.colour"):
        bm.from_dict({**note, "colour": "red"}, bm.Note)
    with pytest.raises(bm.DataError, match=r"missing key @ \$\.sources"):
        bm.from_dict({key: value for key, value in note.items() if key != "sources"}, bm.Note)
    claim = bm.to_dict(report.claims[1])
    assert bm.from_dict(claim, bm.Claim) == report.claims[1]
    claim["citations"][0]["citation"]["note"]["sources"] = []
    with pytest.raises(bm.DataError, match=r"@ \$\.citations\[0\]\.citation\.note\.sources\[0\]"):
        bm.from_dict(claim, bm.Claim)
    span = bm.to_dict(report.citations[0].span)
    with pytest.raises(bm.DataError, match=r"@ \$"):
        bm.from_dict({**span, "end": span["end"] + 1}, bm.Span)  # a span's own check: its text is end - start long


def test_claims_diagnostics_past_the_cap_round_trip() -> None:
    """Reading claims can add more diagnostics of one code than the cap keeps; their summary is read again too."""
    body = "".join(f"Russian forces attacked near Pokrovsk on December {i % 28 + 1}.\n\n" for i in range(1_100))
    report = bm.parse(
        f"A Title Line\n\nDecember 30, 2024\n\n{body}Russian forces advanced.[1]\n\n[1] https://t.me/a/1\n"
    )
    assert sum(d.code == "CLAIM_UNCITED" for d in report.diagnostics) >= 1_000
    again = bm.from_json(bm.to_json(report))
    assert again == report and again.diagnostics == report.diagnostics


def test_data_must_be_plain_json_data() -> None:
    data = bm.to_dict(base_report("base.txt"))
    data["authors"] = tuple(data["authors"])
    with pytest.raises(
        bm.DataError, match=r"^expected an array, got a Python tuple \(not plain JSON data\) @ \$\.authors$"
    ):
        bm.from_dict(data)


def test_labels_have_the_values_the_reader_gives_them() -> None:
    from briefmodel._formats.consistency import label_value
    from briefmodel._read.roman import roman_label, roman_value

    labels = [roman_label(n) for n in range(1, 4000)] + ["iiii", "vv", "ic", "", "x1", "0", "007", "123456789"]
    for label in labels:
        assert label_value(label) == (int(label) if label.isdigit() else roman_value(label)), label
