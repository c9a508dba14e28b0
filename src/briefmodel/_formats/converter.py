"""The model as plain JSON data, and back, through one cattrs converter.

The converter is made by ``make_converter`` (never cattrs' global one). A
report's JSON form carries a ``schema_version``; inside it, a citation names
its note by index into ``notes``, a takeaway names its citations by index into
``citations``, and a claim names each of its citations as ``{"citation": index,
"inferred": bool}``, so nothing is written twice. What is read from the stored
fields (``READ_AGAIN``: ``sources`` of the report and of each note, ``claims``,
the takeaways' ``supports`` and the diagnostics that reading claims adds) is
written for readers of the JSON, and checked when a report is read back: read
again from the text, it must be what the JSON says.

Reading a report back trusts nothing, in three steps, each answering every
problem it finds with its path: the data against the JSON Schema (``validate``,
no recursion), the spans, indexes and links against the report's own text
(``consistency``), then the derived values against what the text gives. Bad
data raises ``DataError`` (``expected an integer ≥ 0, got the string 'x' @
$.notes[3].number``). ``to_json`` writes a report piece by piece with the cyclic
collector paused, so its time and memory grow linearly with the report.
"""

import copy
import datetime as dt
import functools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar, cast

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.preconf.json import make_converter as make_json_converter

from briefmodel._errors import BriefmodelError
from briefmodel._formats.consistency import derived_problems, report_problems
from briefmodel._formats.jsontext import JSONTextError, read_json
from briefmodel._formats.schema import json_schema, object_schema
from briefmodel._formats.shape import SCHEMA_VERSION
from briefmodel._formats.validate import MAX_PROBLEMS, Node, check, compile_schema, describe, json_equal
from briefmodel._gc import collector_paused
from briefmodel._model.claims import Claim, Takeaway
from briefmodel._model.diagnostics import CLAIM_CODES, Code, Diagnostic
from briefmodel._model.notes import Citation, Note
from briefmodel._model.report import Report
from briefmodel._model.sources import Source
from briefmodel._model.text import Block, BlockKind, Span

__all__ = ["DataError", "from_dict", "from_json", "make_converter", "to_dict", "to_json"]

T = TypeVar("T")
_BATCH = 1_000
"""Items of a list written by one call of the JSON encoder."""


class DataError(ValueError, BriefmodelError):
    """Data that does not describe a valid model object; ``errors`` lists each problem with its path."""

    def __init__(self, errors: Sequence[str]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(self.errors))

    def __reduce__(self) -> tuple[object, ...]:
        return (DataError, (self.errors,))


def make_converter() -> cattrs.Converter:
    """A new converter for the model: dates as ISO strings, enums as their values.

    Its structure hook for ``Report`` checks the data as ``from_dict`` does.
    """
    converter = make_json_converter()
    for exact in (str, int, bool):
        converter.register_structure_hook(exact, _exactly(exact))
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(dt.date, _structure_date)
    note_fields = make_dict_unstructure_fn(Note, converter)
    converter.register_unstructure_hook(
        Note, lambda note: {**note_fields(note), "sources": converter.unstructure(note.sources, tuple[Source, ...])}
    )
    converter.register_unstructure_hook(Span, _unstructure_span)
    converter.register_unstructure_hook(Block, _unstructure_block)
    report_fields = make_dict_structure_fn(Report, converter)
    converter.register_unstructure_hook(Report, lambda report: _unstructure_report(converter, report))
    converter.register_structure_hook(Report, lambda data, _: _structure_report(converter, report_fields, data))
    return converter


def _exactly(cls: type[T]) -> Callable[[object, object], T]:
    """A structure hook that takes only values of ``cls`` itself (no ``str(5)``, no ``int("5")``, no ``True`` as 1)."""

    def structure(value: object, _: object) -> T:
        if not isinstance(value, cls) or type(value) is not cls:
            raise TypeError(f"expected {cls.__name__}, got {type(value).__name__} {value!r}")
        return value

    return structure


def _structure_date(value: object, _: object) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string, got {type(value).__name__}")
    return dt.date.fromisoformat(value)


def _unstructure_span(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text, "line": span.line, "column": span.column}


def _unstructure_block(block: Block) -> dict[str, Any]:
    return {"kind": block.kind.value, "text": block.text, "newline": block.newline}


class _Index:
    """The position of each item of a list, found by identity (what the readers share) and, for an equal item
    that is another object, by equality, looked up only then. Identity first: hashing a note hashes its
    ``cited_by``, which a tuple does not cache, so a note cited a million times would cost a million each."""

    __slots__ = ("_by_id", "_by_value", "_items")

    def __init__(self, items: Sequence[Any]) -> None:
        self._items = items
        self._by_id = {id(item): index for index, item in enumerate(items)}
        self._by_value: dict[Any, int] | None = None

    def __getitem__(self, item: object) -> int:
        found = self._by_id.get(id(item))
        if found is not None:
            return found
        if self._by_value is None:
            self._by_value = {}
            for index, each in enumerate(self._items):
                self._by_value.setdefault(each, index)
        return self._by_value[item]


def _report_parts(converter: cattrs.Converter, report: Report) -> Iterator[tuple[str, Any]]:
    """The keys of a report's JSON form in order, each with its value, or with an iterator of the items of its
    list (made one at a time, so that ``to_json`` can write them as they come)."""
    notes = _Index(report.notes)
    citations = _Index(report.citations)
    unstructure = converter.unstructure

    def takeaway(item: Takeaway) -> dict[str, Any]:
        return {
            "text": item.text,
            "span": _unstructure_span(item.span),
            "citations": [citations[c] for c in item.citations],
            "supports": unstructure(item.supports),
        }

    def claim(item: Claim) -> dict[str, Any]:
        return {
            "text": item.text,
            "span": _unstructure_span(item.span),
            "citations": [{"citation": citations[c.citation], "inferred": c.inferred} for c in item.citations],
            "attribution": unstructure(item.attribution),
            "stance": item.stance.value,
            "hedges": unstructure(item.hedges),
            "dates": unstructure(item.dates),
        }

    def citation(item: Citation) -> dict[str, Any]:
        return {
            "label": item.label,
            "number": item.number,
            "span": _unstructure_span(item.span),
            "block": item.block,
            "note": None if item.note is None else notes[item.note],
        }

    yield "schema_version", SCHEMA_VERSION
    yield "title", report.title
    yield "publisher", report.publisher
    yield "authors", list(report.authors)
    yield "published", None if report.published is None else report.published.isoformat()
    yield "cutoff", report.cutoff
    yield "series", report.series
    yield "url", report.url
    yield "bom", report.bom
    yield "blocks", map(_unstructure_block, report.blocks)
    yield "notes", (unstructure(note, Note) for note in report.notes)
    yield "citations", map(citation, report.citations)
    yield "takeaways", map(takeaway, report.takeaways)
    yield "claims", map(claim, report.claims)
    yield "sources", (unstructure(source, Source) for source in report.sources)
    yield "diagnostics", (unstructure(diagnostic, Diagnostic) for diagnostic in report.diagnostics)


def _unstructure_report(converter: cattrs.Converter, report: Report) -> dict[str, Any]:
    return {key: value if isinstance(value, _PLAIN) else list(value) for key, value in _report_parts(converter, report)}


_PLAIN = (str, int, bool, list, type(None))


def _read_from_claims(diagnostic: Mapping[str, Any]) -> bool:
    """Is a diagnostic of the JSON one that reading claims makes (not stored: it is read again)?

    Those of the claims codes, and the summary of one of them past the cap,
    whose message names the code it counts.
    """
    code = diagnostic["code"]
    if code in CLAIM_CODES:
        return True
    return code == Code.DIAGNOSTICS_CAPPED.name and not CLAIM_CODES.isdisjoint(diagnostic["message"].split())


@functools.cache
def _schema_of(cls: type) -> Node:
    return compile_schema(json_schema() if cls is Report else object_schema(cls))


def _checked_shape(data: object, cls: type) -> Any:  # Any: the shape of cls's JSON form
    """``data`` when it has the JSON form's shape (an integral float of an integer field made an ``int``, in a
    copy), else ``DataError``."""
    root = _schema_of(cls)
    problems, needs_fix = check(data, root, fix=False)
    if problems:
        raise DataError(problems)
    if needs_fix:  # rare: a 5.0 where an integer goes; the caller's data is left as it was
        data = copy.deepcopy(data)
        check(data, root, fix=True)
    return data


def _structure_report(
    converter: cattrs.Converter, report_fields: Callable[[Mapping[str, Any], Any], Report], data: object
) -> Report:
    if isinstance(data, dict) and "schema_version" in data and not json_equal(data["schema_version"], SCHEMA_VERSION):
        # another version's form: its other problems would only follow from that one
        found = describe(data["schema_version"]).removeprefix("the number ")
        raise DataError([f"expected schema_version {SCHEMA_VERSION}, got {found} @ $.schema_version"])
    shaped: dict[str, Any] = _checked_shape(data, Report)
    problems = report_problems(shaped, MAX_PROBLEMS)
    if problems:
        raise DataError(problems)
    try:
        report = _build_report(converter, report_fields, shaped)
    except Exception as error:  # the checks above leave nothing for the classes' own checks to refuse
        raise DataError(_messages(error, "$")) from None
    problems = derived_problems(_derived(converter, report, shaped))
    if problems:
        raise DataError(problems)
    return report


def _build_report(
    converter: cattrs.Converter, report_fields: Callable[[Mapping[str, Any], Any], Report], data: dict[str, Any]
) -> Report:
    """The report of data that passed every check: the stored fields only (what is read again is not loaded).

    The many small objects (blocks, notes, citations) are made here from data whose shape is checked (3x
    faster than through cattrs); the metadata goes through the converter.
    """
    blocks = tuple(
        Block(kind=BlockKind(item["kind"]), text=item["text"], newline=item["newline"]) for item in data["blocks"]
    )
    notes = tuple(
        Note(
            label=item["label"],
            number=item["number"],
            span=Span(**item["span"]),
            text=item["text"],
            cited_by=tuple(item["cited_by"]),
        )
        for item in data["notes"]
    )
    citations = tuple(
        Citation(
            label=item["label"],
            number=item["number"],
            span=Span(**item["span"]),
            block=item["block"],
            note=None if item["note"] is None else notes[item["note"]],
        )
        for item in data["citations"]
    )
    takeaways = tuple(
        Takeaway(text=item["text"], span=Span(**item["span"]), citations=tuple(citations[i] for i in item["citations"]))
        for item in data["takeaways"]
    )
    stored = [item for item in data["diagnostics"] if not _read_from_claims(item)]
    return attrs.evolve(
        report_fields({key: data[key] for key in _METADATA}, Report),
        blocks=blocks,
        notes=notes,
        citations=citations,
        takeaways=takeaways,
        diagnostics=converter.structure(stored, tuple[Diagnostic, ...]),
    )


_METADATA = ("title", "publisher", "authors", "published", "cutoff", "series", "url", "bom")


def _derived(converter: cattrs.Converter, report: Report, data: dict[str, Any]) -> Iterator[tuple[Any, Any, str]]:
    """What the JSON form says that is read from the stored fields, with the same read again from them."""
    unstructure = converter.unstructure
    for index, note in enumerate(report.notes):
        sources = unstructure(note.sources, tuple[Source, ...])
        yield data["notes"][index]["sources"], sources, f"$.notes[{index}].sources"
    for index, takeaway in enumerate(report.takeaways):
        yield data["takeaways"][index]["supports"], unstructure(takeaway.supports), f"$.takeaways[{index}].supports"
    parts = dict(_report_parts(converter, report))
    for key in ("claims", "sources", "diagnostics"):
        yield data[key], list(parts[key]), f"$.{key}"


def _messages(error: Exception, path: str) -> list[str]:
    if isinstance(error, (cattrs.ClassValidationError, cattrs.IterableValidationError)):
        return list(cattrs.transform_error(error, path=path))
    return [f"{error} @ {path}"]


_CONVERTER = make_converter()


@collector_paused
def to_dict(obj: object) -> Any:
    """Plain data (dicts, lists, strings, numbers) for a model object."""
    return _CONVERTER.unstructure(obj)


@collector_paused
def from_dict(data: object, cls: type[T] = Report) -> T:  # type: ignore[assignment]
    """The model object of class ``cls`` that ``data`` describes; ``DataError`` if it describes none.

    A report's data is checked against the JSON Schema, against its own text
    (spans, indexes, links) and its derived values against what the text gives;
    another model class's data against its schema (``to_json(obj)``'s form) and
    its notes' sources against their text.
    """
    try:
        if cls is Report or not attrs.has(cls):
            return _CONVERTER.structure(data, cls)
        data = _checked_shape(data, cls)
        made = cast(T, _CONVERTER.structure(data, cls))
        again = _CONVERTER.unstructure(made, cls)
    except DataError:
        raise
    except RecursionError:
        raise DataError(["data nested too deep @ $"]) from None
    except Exception as error:
        raise DataError(_messages(error, "$")) from None
    problems = derived_problems([(data, again, "$")])
    if problems:
        raise DataError(problems)
    return made


def to_json(obj: object, *, indent: int | None = None) -> str:
    """The JSON text of a model object (UTF-8 characters kept as they are).

    A report is written piece by piece: its time and memory grow linearly with
    its size.
    """
    if isinstance(obj, Report) and indent is None:
        return _report_json(obj)
    return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent)


@collector_paused
def _report_json(report: Report) -> str:
    """``json.dumps(to_dict(report), ensure_ascii=False)``, written a thousand items of a list at a time (the
    same text, without the whole report as dicts in memory at once)."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    pieces = ["{"]
    for key, value in _report_parts(_CONVERTER, report):
        if len(pieces) > 1:
            pieces.append(", ")
        pieces.append(encode(key) + ": ")
        if isinstance(value, _PLAIN):
            pieces.append(encode(value))
            continue
        pieces.append("[")
        first = True
        for batch in _batches(value):
            if not first:
                pieces.append(", ")
            pieces.append(encode(batch)[1:-1])
            first = False
        pieces.append("]")
    pieces.append("}")
    return "".join(pieces)


def _batches(items: Iterable[Any]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


@collector_paused
def from_json(data: str | bytes, cls: type[T] = Report) -> T:  # type: ignore[assignment]
    """Read JSON text written by ``to_json`` back into an equal object, checking everything as ``from_dict`` does.

    The text must be strict JSON: no duplicate keys, no ``NaN``. ``bytes`` may be
    UTF-8, UTF-16 or UTF-32; a byte order mark before the JSON is skipped (in
    ``str`` too).
    """
    try:
        loaded = read_json(data)
    except JSONTextError as error:
        raise DataError([str(error)]) from None
    return from_dict(loaded, cls)
