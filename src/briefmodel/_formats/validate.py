"""Check plain data against a JSON Schema of the JSON form, without recursion, naming the path of each problem.

The schemas ``schema.py`` makes use a few keywords: ``type``, ``const``, ``enum``,
``properties`` with ``required`` and ``additionalProperties: false``, ``items``,
``anyOf`` (of branches of different types), ``$ref`` into ``$defs``,
``minimum``, ``pattern``, ``not`` of a ``pattern``, and ``format: date``.
``compile_schema`` turns a schema into checks once, and refuses any other
keyword, so the schema and these checks cannot drift apart. ``check`` walks the
data with an explicit stack (its depth never follows the input) and accepts
exactly what a JSON Schema validator with its format checker accepts: a boolean
is never a number, and an integer may be written ``5.0`` (it is then made the
``int`` 5, so that the model gets the type its field has).
"""

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any

__all__ = ["MAX_PROBLEMS", "Node", "check", "compile_schema", "describe", "json_equal", "json_path"]

MAX_PROBLEMS = 100
"""The most problems ``check`` lists; it stops there and says that there are more."""

_ANNOTATIONS = frozenset({"$schema", "$defs", "title", "description"})
_KEYWORDS = frozenset(
    {"type", "const", "enum", "properties", "required", "additionalProperties", "items", "anyOf", "$ref"}
    | {"minimum", "pattern", "not", "format"}
)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_JSON_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array", dict: "object"}
_ARTICLES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "null": "null",
    "array": "an array",
    "object": "an object",
}

Path = tuple[Any, ...] | None
"""A value's place in the data: ``None`` for the root, else ``(parent's path, key or index)``."""


def json_path(path: Path) -> str:
    """``$.blocks[3].span.start`` for a path; long or odd keys are quoted and cut."""
    parts = []
    while path is not None:
        path, key = path
        if isinstance(key, int):
            parts.append(f"[{key}]")
        elif _NAME.fullmatch(key) and len(key) <= 64:
            parts.append(f".{key}")
        else:
            shown = key if len(key) <= 64 else key[:64] + "…"
            parts.append("[" + repr(shown) + "]")
    return "$" + "".join(reversed(parts))


def describe(value: object) -> str:
    """A short description of a JSON value for a message: ``the string 'Jane Doe'``, ``an array``, ``true``."""
    if type(value) not in _JSON_TYPES and value is not None:  # a tuple, a set, a subclass: not what json.loads gives
        return f"a Python {type(value).__name__} (not plain JSON data)"
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "…"
        return f"the string {shown!r}"
    if isinstance(value, (int, float)):
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:40] + "…"
        return f"the number {shown}"
    if isinstance(value, list):
        return f"an array of {len(value)}"
    if isinstance(value, dict):
        return "an object"
    return f"a Python {type(value).__name__} (not JSON data)"


def json_equal(a: object, b: object) -> bool:
    """Equality of two JSON scalars as JSON Schema has it: ``1 == 1.0``, but ``true != 1``."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b


def _is_date(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


class Node:
    """One compiled schema: what the value must be, as a fast test and, when it fails, a message."""

    __slots__ = (
        "constant",
        "expected",
        "fixes",
        "inline",
        "items",
        "keys",
        "kind",
        "ok",
        "plan",
        "required",
        "valid",
        "within",
    )

    def __init__(self) -> None:
        self.kind = ""
        """``object``, ``array``, ``scalar`` or ``choice`` (an ``anyOf``)."""
        self.ok: Callable[[object], bool] = _never
        """For a scalar: does the value pass, as it is?"""
        self.inline = "{c}({v})"
        """For a scalar: ``ok`` as an expression of the value ``{v}`` and the constant ``{c}``, for ``valid``."""
        self.constant: Any = None
        """The constant of ``inline``: ``ok`` itself, a pattern's search, a set of strings."""
        self.valid: Callable[[object], bool] = _never
        """Does the value pass, whole (generated code, no stack: a fast answer for good data)?"""
        self.fixes = False
        """For a scalar: may an integral float pass once made an ``int``?"""
        self.expected = ""
        """What the value must be, for a message: ``an integer ≥ 0``."""
        self.plan: tuple[tuple[str, Node, Callable[[object], bool]], ...] = ()
        """For an object: each property, its node, and the node's test if it is a scalar (else one that fails,
        so that the value is visited)."""
        self.keys: frozenset[str] = frozenset()
        self.required: frozenset[str] = frozenset()
        self.items: Node | None = None
        self.within: dict[str, Node] = {}
        """For a choice: the branch for each JSON type of value (``integer`` and ``number`` both for numbers)."""


def _never(_: object) -> bool:
    return False


def compile_schema(schema: dict[str, Any]) -> Node:
    """The checks of a schema (and of the ``$defs`` it refers to, each compiled once)."""
    defs: dict[str, Any] = schema.get("$defs", {})
    done: dict[str, Node] = {}
    pending: list[tuple[Node, dict[str, Any]]] = []

    def node_of(part: dict[str, Any]) -> Node:
        if "$ref" in part:
            if set(part) - _ANNOTATIONS != {"$ref"}:
                raise ValueError(f"a $ref with other keywords is not supported: {sorted(part)}")
            name = part["$ref"].removeprefix("#/$defs/")
            if name not in done:
                done[name] = Node()
                pending.append((done[name], defs[name]))
            return done[name]
        node = Node()
        pending.append((node, part))
        return node

    root = node_of(schema)
    filled = []
    while pending:  # a work list, not recursion: the schema's own nesting does not matter either
        node, part = pending.pop()
        _fill(node, part, node_of, defs)
        filled.append(node)
    for node in filled:  # every node is filled now: an object takes the tests of its scalar properties
        node.plan = tuple((name, child, child.ok if child.kind == "scalar" else _never) for name, child, _ in node.plan)
    _generate(filled)
    return root


def _generate(nodes: list[Node]) -> None:
    """Give each node ``valid``: one generated function per container, one boolean expression each, which
    calls the functions of the containers it holds (as deep as the schema, never as deep as the data).

    Good data is answered here, about 3x faster than by the walk of ``check``,
    which runs only for data this finds bad, to name its problems.
    """
    names = {id(node): f"v{index}" for index, node in enumerate(nodes)}
    namespace: dict[str, Any] = {"_never": _never}
    lines = []
    for node in nodes:
        name = names[id(node)]
        if node.kind == "scalar":
            namespace[name] = node.ok
            namespace[f"c{name}"] = node.constant
            continue
        if node.kind == "object":
            namespace[f"K{name}"] = node.keys
            terms = ["type(x) is dict", f"x.keys() == K{name}"]
            for key, child, _ in node.plan:
                value = f"x[{key!r}]"
                if child.kind == "scalar":
                    terms.append("(" + child.inline.format(v=value, c=f"c{names[id(child)]}") + ")")
                else:
                    terms.append(f"{names[id(child)]}({value})")
            body = " and ".join(terms)
        elif node.kind == "array":
            assert node.items is not None
            body = f"type(x) is list and all(map({names[id(node.items)]}, x))"
        else:
            branches = list({id(branch): branch for branch in node.within.values()}.values())
            body = " or ".join(f"{names[id(branch)]}(x)" for branch in branches)
        lines.append(f"def {name}(x):\n    return {body}")
    exec("\n".join(lines), namespace)  # the source is built here from the schema's keys and fixed templates
    for node in nodes:
        node.valid = namespace[names[id(node)]]


def _type_of(part: dict[str, Any], defs: dict[str, Any]) -> str:
    """The one JSON type a schema's values have (a referred-to object, an enum of strings), for an anyOf."""
    if "$ref" in part:
        part = defs[part["$ref"].removeprefix("#/$defs/")]
    if "type" in part:
        return str(part["type"])
    if "enum" in part and all(isinstance(member, str) for member in part["enum"]):
        return "string"
    raise ValueError(f"an anyOf branch needs one type: {part}")


def _fill(node: Node, part: dict[str, Any], node_of: Callable[[dict[str, Any]], Node], defs: dict[str, Any]) -> None:
    unknown = set(part) - _KEYWORDS - _ANNOTATIONS
    if unknown:
        raise ValueError(f"schema keywords this validator does not know: {sorted(unknown)}")
    if "anyOf" in part:
        node.kind = "choice"
        names = []
        for branch in part["anyOf"]:
            kind = _type_of(branch, defs)
            for json_type in ("integer", "number") if kind in ("integer", "number") else (kind,):
                if json_type in node.within:
                    raise ValueError(f"anyOf branches of one type are not supported: {part}")
                node.within[json_type] = node_of(branch)
            names.append(_ARTICLES[kind])
        node.expected = " or ".join(names)
        return
    kind = str(part.get("type", ""))
    if kind == "object":
        node.kind = "object"
        properties = part.get("properties", {})
        if part.get("additionalProperties") is not False:
            raise ValueError(f"objects must forbid other properties: {part}")
        node.plan = tuple((key, node_of(value), _never) for key, value in properties.items())
        node.keys = frozenset(properties)
        node.required = frozenset(part.get("required", ()))
        node.expected = "an object"
        return
    if kind == "array":
        node.kind = "array"
        node.items = node_of(part["items"])
        node.expected = "an array"
        return
    node.kind = "scalar"
    node.ok, node.expected = _scalar(part)
    node.fixes = kind == "integer"
    node.constant = node.ok
    inline = _inline(part)
    if inline is not None:  # the same test in one expression: 4x faster, and a report has a scalar per 20 characters
        node.inline, node.constant = inline
        test = "lambda v: " + node.inline.format(v="v", c="c")
        node.ok = eval(test, {"c": node.constant})  # the source is a fixed template of this module


def _scalar(part: dict[str, Any]) -> tuple[Callable[[object], bool], str]:
    """The test of a value that is no container, and what it expects in words."""
    kind = part.get("type")
    tests: list[Callable[[object], bool]] = []
    words = [_ARTICLES[kind]] if kind else []
    if kind == "string":
        tests.append(lambda v: type(v) is str)
    elif kind == "integer":
        tests.append(lambda v: type(v) is int)
    elif kind == "number":
        tests.append(lambda v: type(v) is int or type(v) is float)
    elif kind == "boolean":
        tests.append(lambda v: v is True or v is False)
    elif kind == "null":
        tests.append(lambda v: v is None)
    elif kind is not None:
        raise ValueError(f"unknown type {kind!r}")
    if "const" in part:
        const = part["const"]
        tests.append(lambda v: json_equal(v, const))
        words = [json.dumps(const)]
    if "enum" in part:
        members = part["enum"]
        if all(isinstance(m, str) for m in members):
            strings = frozenset(members)
            tests.append(lambda v: type(v) is str and v in strings)
        else:
            tests.append(lambda v: any(json_equal(v, m) for m in members))
        shown = ", ".join(repr(m) for m in members[:12]) + (", …" if len(members) > 12 else "")
        words.append(f"one of {shown}")
    if "minimum" in part:
        low = part["minimum"]
        tests.append(lambda v: not isinstance(v, (int, float)) or isinstance(v, bool) or v >= low)
        words.append(f"≥ {low}")
    if "format" in part:
        if part["format"] != "date":
            raise ValueError(f"unknown format {part['format']!r}")
        tests.append(lambda v: not isinstance(v, str) or _is_date(v))
        words = ["a date written YYYY-MM-DD"]
    if "pattern" in part:
        search = re.compile(part["pattern"]).search
        tests.append(lambda v: not isinstance(v, str) or search(v) is not None)
        if "format" not in part:
            words.append(f"matching {part['pattern']!r}")
    if "not" in part:
        inner = part["not"]
        if set(inner) - _ANNOTATIONS != {"pattern"}:
            raise ValueError(f"only a not of a pattern is supported: {inner}")
        search = re.compile(inner["pattern"]).search
        tests.append(lambda v: not isinstance(v, str) or search(v) is None)
        words.append("without " + inner.get("description", f"a match of {inner['pattern']!r}"))
    if len(tests) == 1:
        return tests[0], " ".join(words)
    first, *rest = tests
    return (lambda v: first(v) and all(test(v) for test in rest)), " ".join(words)


def _inline(part: dict[str, Any]) -> tuple[str, Any] | None:
    """The usual scalar tests as an expression of the value ``{v}``, with the constant ``{c}`` it uses (the same
    answer as ``_scalar``'s test), or ``None`` to call that test."""
    keywords = set(part) - _ANNOTATIONS
    kind = part.get("type")
    if keywords == {"type"}:
        return _TYPE_TESTS[str(kind)], None
    if keywords == {"type", "minimum"} and kind == "integer" and type(part["minimum"]) is int:
        return "type({v}) is int and {v} >= {c}", part["minimum"]
    if keywords == {"type", "not"} and kind == "string":
        return "type({v}) is str and {c}({v}) is None", re.compile(part["not"]["pattern"]).search
    strings = keywords in ({"type", "enum"}, {"enum"}) and all(isinstance(member, str) for member in part["enum"])
    if strings and kind in ("string", None):
        return "type({v}) is str and {v} in {c}", frozenset(part["enum"])
    return None


_TYPE_TESTS = {
    "string": "type({v}) is str",
    "integer": "type({v}) is int",
    "number": "type({v}) is int or type({v}) is float",
    "boolean": "{v} is True or {v} is False",
    "null": "{v} is None",
}


def _json_type(value: object) -> str:
    found = _JSON_TYPES.get(type(value))
    if found is None:
        return "null" if value is None else "other"
    if found == "number" and value.is_integer():  # type: ignore[attr-defined]  # a float: 5.0 is an integer
        return "integer"
    return found


def check(data: object, root: Node, *, fix: bool) -> tuple[list[str], bool]:
    """The problems of ``data`` against ``root`` (at most ``MAX_PROBLEMS``, each ``message @ path``), and whether
    an integral float must become an ``int`` (done in place when ``fix``; the data is then changed)."""
    if root.valid(data):
        return [], False
    problems: list[str] = []
    needs_fix = False
    holder = [data]  # the root has a container too, so that every value is checked the same way
    stack: list[tuple[Any, Any, Node, Path]] = [(holder, 0, root, None)]
    while stack and len(problems) < MAX_PROBLEMS:
        container, key, node, path = stack.pop()
        value = container[key]
        kind = node.kind
        if kind == "choice":
            branch = node.within.get(_json_type(value))
            if branch is None:
                problems.append(f"expected {node.expected}, got {describe(value)} @ {json_path(path)}")
                continue
            node, kind = branch, branch.kind
        if kind == "scalar":
            if node.ok(value):
                continue
            if node.fixes and type(value) is float and value.is_integer() and node.ok(int(value)):
                needs_fix = True
                if fix:
                    container[key] = int(value)
                continue
            problems.append(f"expected {node.expected}, got {describe(value)} @ {json_path(path)}")
        elif kind == "object":
            if type(value) is not dict:
                problems.append(f"expected {node.expected}, got {describe(value)} @ {json_path(path)}")
                continue
            if value.keys() == node.keys:  # the usual case: a scalar that passes needs no visit
                children = [(value, name, child, (path, name)) for name, child, ok in node.plan if not ok(value[name])]
            else:
                keys = node.keys  # in the order of the data and of the schema: the same messages every time
                problems += [
                    f"unknown key (the JSON form has no such field) @ {json_path((path, name))}"
                    for name in value
                    if name not in keys
                ]
                problems += [
                    f"missing key @ {json_path((path, name))}"
                    for name, _, _ in node.plan
                    if name in node.required and name not in value
                ]
                children = [(value, name, child, (path, name)) for name, child, _ in node.plan if name in value]
            stack.extend(reversed(children))
        elif kind == "array":
            if type(value) is not list:
                problems.append(f"expected {node.expected}, got {describe(value)} @ {json_path(path)}")
                continue
            items = node.items
            assert items is not None
            if items.kind == "scalar":  # the common array of scalars: checked here, without the stack
                ok = items.ok
                for index, item in enumerate(value):
                    if not ok(item):
                        stack.append((value, index, items, (path, index)))
                continue
            stack.extend((value, index, items, (path, index)) for index in range(len(value) - 1, -1, -1))
    if stack:
        problems.append(f"more problems not listed (only the first {MAX_PROBLEMS} are) @ $")
    return problems, needs_fix
