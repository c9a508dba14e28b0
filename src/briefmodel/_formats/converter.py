"""The model as plain JSON data, and back, through one cattrs converter.

The converter is made by ``make_converter`` (never cattrs' global one). A
report's JSON form carries a ``schema_version``; inside it, a citation names
its note by index into ``notes``, a takeaway names its citations by index into
``citations``, and a claim names each of its citations as ``{"citation": index,
"inferred": bool}``, so nothing is written twice. What is read from the stored
fields is written for readers of the JSON but read again, not loaded, when a
report is read back: ``sources`` (of the report and of each note), ``claims``,
the takeaways' ``supports`` and the diagnostics that reading claims adds.

Bad data raises ``DataError``, whose messages name the path of each bad
value (``expected int @ $.notes[3].number``).
"""

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.preconf.json import make_converter as make_json_converter

from briefmodel._errors import BriefmodelError
from briefmodel._formats.shape import READ_AGAIN, SCHEMA_VERSION
from briefmodel._model.claims import Claim, Takeaway
from briefmodel._model.diagnostics import CLAIM_CODES, Diagnostic
from briefmodel._model.notes import Citation, Note
from briefmodel._model.report import Report
from briefmodel._model.sources import Source

__all__ = ["DataError", "from_dict", "from_json", "make_converter", "to_dict", "to_json"]

T = TypeVar("T")


class DataError(ValueError, BriefmodelError):
    """Data that does not describe a valid model object; ``errors`` lists each problem with its path."""

    def __init__(self, errors: Sequence[str]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(self.errors))

    def __reduce__(self) -> tuple[object, ...]:
        return (DataError, (self.errors,))


def make_converter() -> cattrs.Converter:
    """A new converter for the model: dates as ISO strings, enums as their values."""
    converter = make_json_converter()
    for exact in (str, int, bool):
        converter.register_structure_hook(exact, _exactly(exact))
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(dt.date, _structure_date)
    note_fields = make_dict_unstructure_fn(Note, converter)
    converter.register_unstructure_hook(
        Note, lambda note: {**note_fields(note), "sources": converter.unstructure(note.sources, tuple[Source, ...])}
    )
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


def _unstructure_report(converter: cattrs.Converter, report: Report) -> dict[str, Any]:
    note_index = {note: i for i, note in enumerate(report.notes)}
    citation_index = {citation: i for i, citation in enumerate(report.citations)}

    def takeaway(item: Takeaway) -> dict[str, Any]:
        return {
            "text": item.text,
            "span": converter.unstructure(item.span),
            "citations": [citation_index[c] for c in item.citations],
            "supports": converter.unstructure(item.supports),
        }

    def claim(item: Claim) -> dict[str, Any]:
        return {
            "text": item.text,
            "span": converter.unstructure(item.span),
            "citations": [{"citation": citation_index[c.citation], "inferred": c.inferred} for c in item.citations],
            "attribution": converter.unstructure(item.attribution),
            "stance": item.stance.value,
            "hedges": converter.unstructure(item.hedges),
            "dates": converter.unstructure(item.dates),
        }

    return {
        "schema_version": SCHEMA_VERSION,
        "title": report.title,
        "publisher": report.publisher,
        "authors": list(report.authors),
        "published": None if report.published is None else report.published.isoformat(),
        "cutoff": report.cutoff,
        "series": report.series,
        "url": report.url,
        "bom": report.bom,
        "blocks": converter.unstructure(report.blocks),
        "notes": [converter.unstructure(note, Note) for note in report.notes],
        "citations": [
            {
                "label": c.label,
                "number": c.number,
                "span": converter.unstructure(c.span),
                "block": c.block,
                "note": None if c.note is None else note_index[c.note],
            }
            for c in report.citations
        ],
        "takeaways": [takeaway(t) for t in report.takeaways],
        "claims": [claim(c) for c in report.claims],
        "sources": converter.unstructure(report.sources, tuple[Source, ...]),
        "diagnostics": converter.unstructure(report.diagnostics),
    }


def _structure_report(
    converter: cattrs.Converter, report_fields: Callable[[Mapping[str, Any], Any], Report], data: object
) -> Report:
    if not isinstance(data, Mapping):
        raise DataError([f"expected an object, got {type(data).__name__} @ $"])
    errors: list[str] = []
    if data.get("schema_version") != SCHEMA_VERSION:
        errors.append(
            f"expected schema_version {SCHEMA_VERSION}, got {data.get('schema_version')!r} @ $.schema_version"
        )

    def part(value: object, cls: Any, path: str) -> Any:
        try:
            return converter.structure(value, cls)
        except Exception as error:  # cattrs gathers the failures; give them their paths
            errors.extend(_messages(error, path))
            return None

    notes = part(data.get("notes", []), tuple[Note, ...], "$.notes")
    citations = _refer(converter, data.get("citations", []), notes, "$.citations", "note", Citation, errors)
    takeaways = _refer(converter, data.get("takeaways", []), citations, "$.takeaways", "citations", Takeaway, errors)
    diagnostics = part(
        [d for d in data.get("diagnostics", []) if not (isinstance(d, Mapping) and d.get("code") in CLAIM_CODES)],
        tuple[Diagnostic, ...],
        "$.diagnostics",
    )
    rest = {k: v for k, v in data.items() if k not in _DERIVED}
    try:
        base = report_fields(rest, Report)
    except Exception as error:
        errors.extend(_messages(error, "$"))
    if errors:
        raise DataError(errors)
    stored = tuple(attrs.evolve(t, supports=()) for t in takeaways or ())
    return attrs.evolve(
        base, notes=notes or (), citations=citations or (), takeaways=stored, diagnostics=diagnostics or ()
    )


_DERIVED = frozenset({"schema_version", *READ_AGAIN, "notes", "citations", "takeaways", "diagnostics"})


def _refer(
    converter: cattrs.Converter,
    items: object,
    targets: Sequence[Any] | None,
    path: str,
    key: str,
    cls: type[T],
    errors: list[str],
) -> tuple[T, ...] | None:
    """Structure items whose ``key`` holds an index (or a list of indexes) into ``targets``.

    ``targets`` is ``None`` when they failed to load: their errors are reported
    already, so the indexes into them are not checked (no cascade of errors).
    """
    if not isinstance(items, list):
        errors.append(f"expected a list, got {type(items).__name__} @ {path}")
        return ()
    result = []
    for i, item in enumerate(items):
        where = f"{path}[{i}]"
        if not isinstance(item, Mapping):
            errors.append(f"expected an object, got {type(item).__name__} @ {where}")
            continue
        ref = item.get(key)
        refs = ref if isinstance(ref, list) else [ref]
        resolved: list[Any] = []
        failed = False
        for j, index in enumerate(refs):
            at = f"{where}.{key}[{j}]" if isinstance(ref, list) else f"{where}.{key}"
            if targets is None:
                failed = True
            elif index is None and not isinstance(ref, list):
                resolved.append(None)
            elif isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(targets):
                resolved.append(targets[index])
            else:
                errors.append(f"expected an index below {len(targets)}, got {index!r} @ {at}")
                failed = True
        try:
            value = converter.structure({**item, key: [] if isinstance(ref, list) else None}, cls)
        except Exception as error:
            errors.extend(_messages(error, where))
            continue
        if failed:
            continue
        changes = {key: tuple(resolved) if isinstance(ref, list) else resolved[0]}
        result.append(attrs.evolve(value, **changes))  # type: ignore[misc]  # cls is an attrs class
    return tuple(result) if targets is not None and len(result) == len(items) else None


def _messages(error: Exception, path: str) -> list[str]:
    if isinstance(error, (cattrs.ClassValidationError, cattrs.IterableValidationError)):
        return list(cattrs.transform_error(error, path=path))
    return [f"{error} @ {path}"]


_CONVERTER = make_converter()


def to_dict(obj: object) -> Any:
    """Plain data (dicts, lists, strings, numbers) for a model object."""
    return _CONVERTER.unstructure(obj)


def from_dict(data: object, cls: type[T] = Report) -> T:  # type: ignore[assignment]
    """The model object of class ``cls`` that ``data`` describes; ``DataError`` if it describes none."""
    try:
        return _CONVERTER.structure(data, cls)
    except DataError:
        raise
    except Exception as error:
        raise DataError(_messages(error, "$")) from None


def to_json(obj: object, *, indent: int | None = None) -> str:
    """The JSON text of a model object (UTF-8 characters kept as they are)."""
    return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent)


def from_json(data: str | bytes, cls: type[T] = Report) -> T:  # type: ignore[assignment]
    """Read JSON text written by ``to_json`` back into an equal object."""
    try:
        loaded = json.loads(data)
    except (ValueError, TypeError) as error:
        raise DataError([f"invalid JSON: {error} @ $"]) from None
    return from_dict(loaded, cls)
