"""The JSON Schema of the JSON form, made from the model's classes so the two cannot drift apart.

Each attrs class becomes an object in ``$defs`` with one property per field
(every property is required: ``to_json`` writes them all) and no others. The
report's own shape is spelled out where the JSON form differs from the fields:
a citation names its note by index, a takeaway its citations by index, a claim
each citation as ``{"citation": index, "inferred": bool}``, and a note carries
its ``sources``.
"""

import datetime as dt
import enum
import types
import typing
from typing import Any

import attrs

from briefmodel._formats.shape import INDEXED, READ_AGAIN, SCHEMA_VERSION
from briefmodel._model.claims import Claim, Takeaway
from briefmodel._model.notes import Citation, Note
from briefmodel._model.report import Report
from briefmodel._model.sources import Source

__all__ = ["DIALECT", "json_schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_SCALARS: dict[object, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    dt.date: {"type": "string", "format": "date"},
    type(None): {"type": "null"},
}


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


def _object(cls: type, defs: dict[str, Any], **changed: dict[str, Any]) -> dict[str, Any]:
    """An object schema with one property per field of ``cls``, ``changed`` replacing or adding some."""
    hints = typing.get_type_hints(cls)
    properties = {str(field.alias): _schema_of(hints[field.name], defs) for field in attrs.fields(cls)}
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
    index = {"type": "integer", "minimum": 0}
    defs["Note"] = _object(Note, defs, sources=_array(_schema_of(Source, defs)))
    indexed = {name: field for name, (field, _) in INDEXED.items()}
    defs["Citation"] = _object(Citation, defs, **{indexed["Citation"]: {"anyOf": [index, {"type": "null"}]}})
    defs["Takeaway"] = _object(Takeaway, defs, **{indexed["Takeaway"]: _array(index)})
    claim_citation = {
        "description": "A citation as it bears on one claim: the index into the report's citations.",
        "type": "object",
        "properties": {"citation": index, "inferred": {"type": "boolean"}},
        "required": ["citation", "inferred"],
        "additionalProperties": False,
    }
    defs["Claim"] = _object(Claim, defs, **{indexed["Claim"]: _array(claim_citation)})
    hints = typing.get_type_hints(Report)
    report_fields = {str(f.alias): _schema_of(hints[f.name], defs) for f in attrs.fields(Report)}
    properties: dict[str, Any] = {
        "schema_version": {"const": SCHEMA_VERSION},
        **report_fields,
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
