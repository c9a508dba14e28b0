"""The reference pages document every public field and property of the model: each one has a docstring.

The reference (``docs/model.md``, rendered by mkdocstrings) shows a field's docstring,
the string literal on the line after the field, and a property's docstring. A field
or property without one shows up as a bare name, so this test reads the source of
each public model class (those exported in ``briefmodel.__all__``) with ``ast``:

- every annotated assignment of the class body (a field) whose name does not start
  with ``_``, or that is an ``attrs.field(...)`` with a public ``alias``
  (``Report._takeaways`` is the constructor's ``takeaways``), is followed at once by
  a string expression;
- every function decorated with ``property`` or ``functools.cached_property`` whose
  name does not start with ``_`` has a docstring;
- every model class and every enum class has a class docstring.

``attrs.fields`` of each class is compared with the fields the source check saw, so
a field made another way (not an annotated assignment of the class body) is noticed,
and ``test_the_checker_reports_what_is_missing`` runs the checker on a small class to
show that it reports what is missing.
"""

import ast
import enum
import functools
import inspect
import sys
from types import ModuleType

import attrs
import pytest

import briefmodel

# The model classes the reference documents field by field (a harness that finds fewer fails).
FIELD_CLASSES = frozenset(
    {
        "Agent",
        "Attribution",
        "Block",
        "Citation",
        "Claim",
        "ClaimCitation",
        "DateMention",
        "Diagnostic",
        "Hedge",
        "Note",
        "Report",
        "Source",
        "Span",
        "Support",
        "Takeaway",
    }
)
PROPERTY_DECORATORS = frozenset({"property", "cached_property", "functools.cached_property"})

PUBLIC_CLASSES: list[type] = [
    value for name in briefmodel.__all__ if inspect.isclass(value := getattr(briefmodel, name))
]
ATTRS_CLASSES: list[type] = [cls for cls in PUBLIC_CLASSES if attrs.has(cls)]
ENUM_CLASSES: list[type] = [cls for cls in PUBLIC_CLASSES if issubclass(cls, enum.Enum)]


def _is_string(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def _alias(value: ast.expr | None) -> str | None:
    """The ``alias=`` of a field made with a call such as ``attrs.field(..., alias="takeaways")``."""
    if not isinstance(value, ast.Call):
        return None
    for keyword in value.keywords:
        if keyword.arg == "alias" and isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
            return keyword.value.value
    return None


def _is_public_field(statement: ast.AnnAssign) -> bool:
    assert isinstance(statement.target, ast.Name)
    alias = _alias(statement.value)
    return not statement.target.id.startswith("_") or (alias is not None and not alias.startswith("_"))


def _is_property(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(ast.unparse(decorator) in PROPERTY_DECORATORS for decorator in function.decorator_list)


def find_class(tree: ast.Module, name: str) -> ast.ClassDef | None:
    """The top-level class ``name`` of a module's tree, or ``None``."""
    found = [node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == name]
    return found[0] if found else None


def field_docstrings(node: ast.ClassDef) -> dict[str, bool]:
    """Each annotated assignment (field) of a class body, in order, and whether a string follows it at once."""
    return {
        statement.target.id: following is not None and _is_string(following)
        for statement, following in zip(node.body, [*node.body[1:], None], strict=True)
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
    }


def property_names(node: ast.ClassDef) -> list[str]:
    """The names of the functions of a class body decorated as properties, in order."""
    return [
        statement.name
        for statement in node.body
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef) and _is_property(statement)
    ]


def missing_docstrings(source: str, class_name: str) -> list[str]:
    """The public fields and properties of class ``class_name`` in ``source`` that have no docstring, in order.

    A missing class docstring is reported as the class's own name.
    """
    node = find_class(ast.parse(source), class_name)
    assert node is not None, f"{class_name} is not a top-level class of the source"
    documented = field_docstrings(node)
    missing = [] if ast.get_docstring(node) else [class_name]
    for statement in node.body:
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            if _is_public_field(statement) and not documented[statement.target.id]:
                missing.append(statement.target.id)
        elif (
            isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef)
            and _is_property(statement)
            and not statement.name.startswith("_")
            and not ast.get_docstring(statement)
        ):
            missing.append(statement.name)
    return missing


def defining_module(cls: type) -> ModuleType:
    """The module whose source defines ``cls``.

    ``inspect.getsourcefile(cls)`` reads the file of ``sys.modules[cls.__module__]``, and
    ``briefmodel/__init__.py`` sets ``__module__ = "briefmodel"`` on the public names, so it
    names ``__init__.py``. The module that defines a class is loaded (it made the class), so
    it is the one module of the package that holds the class and has it as a top-level class.
    """
    found = [
        module
        for name, module in sorted(sys.modules.items())
        if name.startswith("briefmodel.")
        and vars(module).get(cls.__name__) is cls
        and find_class(ast.parse(inspect.getsource(module)), cls.__name__) is not None
    ]
    assert len(found) == 1, f"{cls.__name__} is defined in {[module.__name__ for module in found]}"
    return found[0]


@functools.cache
def class_source(cls: type) -> tuple[str, ast.ClassDef]:
    """The source of the module that defines ``cls``, and its class node."""
    source = inspect.getsource(defining_module(cls))
    node = find_class(ast.parse(source), cls.__name__)
    assert node is not None
    return source, node


def test_the_public_model_classes_are_all_found() -> None:
    assert {cls.__name__ for cls in ATTRS_CLASSES} >= FIELD_CLASSES
    assert len(ENUM_CLASSES) >= 9  # AgentKind, BlockKind, DateRole, HedgeKind, Platform, Precision, ...
    for cls in ATTRS_CLASSES + ENUM_CLASSES:
        assert defining_module(cls).__name__ != "briefmodel"  # the file that defines it, not the one that exports it


@pytest.mark.parametrize("cls", ATTRS_CLASSES + ENUM_CLASSES, ids=lambda cls: cls.__name__)
def test_every_public_field_and_property_has_a_docstring(cls: type) -> None:
    source, _ = class_source(cls)
    assert missing_docstrings(source, cls.__name__) == []


@pytest.mark.parametrize("cls", ATTRS_CLASSES, ids=lambda cls: cls.__name__)
def test_the_source_check_covers_every_attrs_field(cls: type) -> None:
    """Every field attrs knows is an annotated field of the class body (or of a base's), so the check saw it.

    A field is a constructor parameter under its alias, so one with a public alias is public
    whatever its name (``_takeaways`` is ``takeaways=``) and must be documented too.
    """
    documented: dict[str, bool] = {}
    for klass in reversed(cls.__mro__):  # a subclass's field overrides its base's
        if attrs.has(klass):
            documented.update(field_docstrings(class_source(klass)[1]))
    fields = attrs.fields(cls)
    assert [field.name for field in fields if field.name not in documented] == []
    public = [field.name for field in fields if field.init and not field.alias.startswith("_")]
    assert [name for name in public if not documented[name]] == []


@pytest.mark.parametrize("cls", ATTRS_CLASSES + ENUM_CLASSES, ids=lambda cls: cls.__name__)
def test_the_source_check_covers_every_property(cls: type) -> None:
    """Every public ``property`` of the class is a decorated function of its body, so the check saw it.

    (Slotted attrs classes replace a ``cached_property`` with a slot, so only ``property`` is seen here.)
    """
    _, node = class_source(cls)
    properties = [name for name, value in vars(cls).items() if isinstance(value, property) and not name.startswith("_")]
    assert [name for name in properties if name not in property_names(node)] == []
    assert [name for name in properties if not inspect.getdoc(getattr(cls, name))] == []


SAMPLE = '''
import enum
import functools
from functools import cached_property

import attrs


@attrs.frozen(kw_only=True)
class Sample:
    """A class to check the checker on."""

    documented: int
    """A number, in code points."""
    undocumented: str
    # A comment is not a docstring.
    commented: int = 0
    _private: int = 0
    _aliased: tuple[int, ...] = attrs.field(default=(), alias="aliased")
    _private_alias: int = attrs.field(default=0, alias="_hidden")
    late: int = 0
    x = 1
    """Not a docstring of ``late``: another statement comes between."""

    @property
    def plain(self) -> int:
        return 1

    @functools.cached_property
    def cached(self) -> int:
        return 2

    @cached_property
    def bare_cached(self) -> int:
        return 3

    @property
    def _hidden_property(self) -> int:
        return 4

    @property
    def fine(self) -> int:
        """Documented."""
        return 5

    def method(self) -> int:
        return 6

    last: int = 0


class Kind(enum.Enum):
    ONE = "one"
'''


def test_the_checker_reports_what_is_missing() -> None:
    assert missing_docstrings(SAMPLE, "Sample") == [
        "undocumented",
        "commented",
        "_aliased",
        "late",
        "plain",
        "cached",
        "bare_cached",
        "last",
    ]
    assert missing_docstrings(SAMPLE, "Kind") == ["Kind"]
    documented = SAMPLE.replace("    undocumented: str\n", '    undocumented: str\n    """Now documented."""\n')
    assert "undocumented" not in missing_docstrings(documented, "Sample")
