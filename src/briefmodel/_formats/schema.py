"""The JSON Schema of the JSON form, made from the model's classes so the two cannot drift apart.

Each attrs class becomes an object in ``$defs`` with one property per field
(every property is required: ``to_json`` writes them all) and no others. The
report's own shape is spelled out where the JSON form differs from the fields:
a citation names its note by index, a takeaway its citations by index, a claim
each citation as ``{"citation": index, "inferred": bool}``, and a note carries
its ``sources``. The checks a model class makes on one field (a span's offsets
are not negative, a block's text holds no line break, a takeaway holds no
callout, ...) are stated here too (``_CHECKS``), so data the schema accepts
builds its objects. ``from_json`` checks data against this schema first
(``validate``); what one value cannot say of another (a span against the
report's text, an index against the list it points into) is checked after.
"""

import datetime as dt
import enum
import types
import typing
from typing import Any

import attrs

from briefmodel._formats.shape import INDEXED, READ_AGAIN, SCHEMA_VERSION
from briefmodel._model.claims import Claim, Support, Takeaway
from briefmodel._model.diagnostics import Code, Diagnostic
from briefmodel._model.notes import Citation, Note
from briefmodel._model.report import Report
from briefmodel._model.sources import Source
from briefmodel._model.text import MAX_LABEL_DIGITS, Block, Span

__all__ = ["DIALECT", "json_schema", "object_schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_SCALARS: dict[object, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    # the pattern holds without a format checker (formats only annotate by default); the format adds real dates
    dt.date: {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
    type(None): {"type": "null"},
}
_INDEX = {"type": "integer", "minimum": 0}
# "Not this pattern" rather than "^[^\r\n]*$": a Python validator's $ also matches before a final "\n".
_CALLOUT = rf"\[[0-9]{{1,{MAX_LABEL_DIGITS}}}\]"
_ONE_LINE = {"not": {"description": "a line break", "pattern": r"[\r\n]"}}
_ONE_LINE_NO_CALLOUT = {"not": {"description": "a line break or a callout", "pattern": rf"[\r\n]|{_CALLOUT}"}}
_NO_CALLOUT = {"not": {"description": "a callout", "pattern": _CALLOUT}}
_CHECKS: dict[tuple[type, str], dict[str, Any]] = {
    (Span, "start"): {"minimum": 0},
    (Span, "end"): {"minimum": 0},
    (Span, "line"): {"minimum": 1},
    (Span, "column"): {"minimum": 1},
    (Block, "text"): _ONE_LINE,
    (Block, "newline"): {"enum": ["\n", "\r\n", "\r", ""]},
    (Report, "title"): _ONE_LINE,
    (Report, "publisher"): _ONE_LINE,
    (Takeaway, "text"): _ONE_LINE_NO_CALLOUT,
    (Claim, "text"): _NO_CALLOUT,
    (Citation, "block"): {"minimum": 0},
    (Note, "cited_by"): {"minimum": 0},
    (Support, "claim"): {"minimum": 0},
    (Diagnostic, "code"): {"enum": [code.name for code in Code]},
}
"""The checks of the model's classes on one field, as schema keywords (for a sequence: on each item; for an
optional value: on the value when it is not null)."""


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def _summary(cls: type) -> str:
    return (cls.__doc__ or cls.__name__).strip().split("\n\n")[0].replace("\n", " ")


def _schema_of(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """The schema of one annotated type; classes and enums go into ``defs`` once and are referred to."""
    if hint in _SCALARS:
        return dict(_SCALARS[hint])
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        return {"anyOf": [_schema_of(arg, defs) for arg in typing.get_args(hint)]}
    if origin is tuple:
        item, *rest = typing.get_args(hint)
        if rest != [Ellipsis]:
            raise TypeError(f"only tuple[X, ...] has a JSON form, not {hint!r}")
        return {"type": "array", "items": _schema_of(item, defs)}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        if hint.__name__ not in defs:
            defs[hint.__name__] = {"description": _summary(hint), "enum": [member.value for member in hint]}
        return _ref(hint.__name__)
    if isinstance(hint, type) and attrs.has(hint):
        if hint.__name__ not in defs:
            defs[hint.__name__] = {}  # taken before the fields are read: a class may refer to itself
            defs[hint.__name__] = _object(hint, defs)
        return _ref(hint.__name__)
    raise TypeError(f"no JSON form for {hint!r}")


def _checked(schema: dict[str, Any], check: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with ``check`` added where it applies: to each item of an array, to a value that is not null."""
    if "anyOf" in schema:
        branches = schema["anyOf"]
        return {"anyOf": [branch if branch == {"type": "null"} else _checked(branch, check) for branch in branches]}
    if schema.get("type") == "array":
        return {**schema, "items": _checked(schema["items"], check)}
    return {**schema, **check}


def _fields(cls: type, defs: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """One property per field of ``cls``, with the checks the class makes on it."""
    hints = typing.get_type_hints(cls)
    properties = {}
    for field in attrs.fields(cls):
        schema = _schema_of(hints[field.name], defs)
        check = _CHECKS.get((cls, str(field.alias)))
        properties[str(field.alias)] = schema if check is None else _checked(schema, check)
    return properties


def _object(cls: type, defs: dict[str, Any], **changed: dict[str, Any]) -> dict[str, Any]:
    """An object schema with one property per field of ``cls``, ``changed`` replacing or adding some."""
    properties = _fields(cls, defs)
    properties.update(changed)
    return {
        "description": _summary(cls),
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that ``to_json(report)`` output is valid against."""
    defs: dict[str, Any] = {}
    defs["Note"] = _object(Note, defs, sources=_array(_schema_of(Source, defs)))
    indexed = {name: field for name, (field, _) in INDEXED.items()}
    defs["Citation"] = _object(Citation, defs, **{indexed["Citation"]: {"anyOf": [_INDEX, {"type": "null"}]}})
    defs["Takeaway"] = _object(Takeaway, defs, **{indexed["Takeaway"]: _array(_INDEX)})
    claim_citation = {
        "description": "A citation as it bears on one claim: the index into the report's citations.",
        "type": "object",
        "properties": {"citation": _INDEX, "inferred": {"type": "boolean"}},
        "required": ["citation", "inferred"],
        "additionalProperties": False,
    }
    defs["Claim"] = _object(Claim, defs, **{indexed["Claim"]: _array(claim_citation)})
    properties: dict[str, Any] = {
        "schema_version": {"const": SCHEMA_VERSION},
        **_fields(Report, defs),
        "notes": _array(_ref("Note")),
        "citations": _array(_ref("Citation")),
        "takeaways": _array(_ref("Takeaway")),
    }
    read_again = {"claims": _array(_ref("Claim")), "sources": _array(_ref("Source"))}
    properties.update({key: read_again[key] for key in READ_AGAIN})
    properties["diagnostics"] = properties.pop("diagnostics")  # the order to_json writes
    return {
        "$schema": DIALECT,
        "title": "briefmodel report",
        "description": _summary(Report),
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def object_schema(cls: type) -> dict[str, Any]:
    """The JSON Schema of ``to_json(obj)`` for a model object of class ``cls`` on its own (not a report).

    Its fields are written as they are: a citation holds its note, a claim its
    citations, and every note carries its ``sources``.
    """
    defs: dict[str, Any] = {}
    defs["Note"] = _object(Note, defs, sources=_array(_schema_of(Source, defs)))
    root = _schema_of(cls, defs)
    return {"$schema": DIALECT, **root, "$defs": dict(sorted(defs.items()))}
