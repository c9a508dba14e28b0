"""The inputs of ``show``, ``parse``, ``check`` and ``render``: files, or standard input for ``-``, read into
reports one at a time.

Text files are read as ``load`` reads them (UTF-8, or UTF-16 and UTF-32 by
their byte-order marks; known binary formats named), and a file that looks
binary (a NUL byte among its first bytes) is refused too. JSON is read as
``from_json`` reads bytes (a UTF-8 BOM, UTF-16 and UTF-32 accepted), in one
of three shapes: JSON Lines (one report per line, read line by line, so one
report is in memory at a time), one indented report object, or an array of
report objects (both read whole; an array as strictly as ``from_json`` reads
an object, then each item with ``from_dict``). Each bad line or array item is an ``Item``
with its problem, so the good ones are still rendered.
"""

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from briefmodel._errors import BriefmodelError
from briefmodel._formats.converter import DataError, from_dict, from_json
from briefmodel._formats.jsontext import JSONTextError, read_json
from briefmodel._model.report import Report
from briefmodel._read.files import HTML_SUFFIXES, iter_reports, read_bytes, refuse_binary

__all__ = ["STDIN", "Item", "input_name", "json_reports", "text_reports"]

STDIN = "-"
"""The name that reads standard input."""


def input_name(path: str) -> str:
    """How messages name an input: its path, or ``<stdin>``."""
    return "<stdin>" if path == STDIN else path


def _stdin() -> BinaryIO:
    if sys.stdin is None:  # started with standard input closed
        raise BriefmodelError("cannot read <stdin>: standard input is closed")
    return sys.stdin.buffer


def text_reports(path: str, *, strict: bool = False) -> Iterator[Report]:
    """The reports of a text file (or of standard input for ``-``), one at a time.

    Raises ``BriefmodelError`` with a one-line message for a file that cannot be
    read or decoded, or looks binary; ``ParseError`` in strict mode.
    """
    name = input_name(path)
    if path == STDIN:
        try:
            data = _stdin().read()
        except OSError as error:
            raise BriefmodelError(f"cannot read {name}: {error.strerror or error}") from None
    else:
        data = read_bytes(path)
    refuse_binary(data, name)
    html = path != STDIN and Path(path).suffix.lower() in HTML_SUFFIXES
    return iter_reports(data, name, strict=strict, html=html)


class Item(NamedTuple):
    """One report read from JSON, or the problem that kept it from being read; ``where`` names its place."""

    where: str
    report: Report | None
    problem: str | None


def _item(where: str, read: Callable[[Any], Report], value: object) -> Item:
    """Read one report with ``read(value)`` (``from_json`` or ``from_dict``), its problem kept as text."""
    try:
        report = read(value)
    except DataError as error:
        return Item(where, None, " ".join(str(error).split("\n")))
    except RecursionError:
        return Item(where, None, "JSON nested too deep to read")
    if not isinstance(report, Report):  # pragma: no cover - from_json and from_dict give a Report
        return Item(where, None, "not a report")
    return Item(where, report, None)


def _open(path: str) -> BinaryIO:
    if path == STDIN:
        return _stdin()
    try:
        return open(path, "rb")  # closed by json_reports
    except OSError as error:
        raise BriefmodelError(f"cannot read {path}: {error.strerror or error}") from None


def json_reports(path: str) -> Iterator[Item]:
    """The reports of a JSON file (or of standard input for ``-``), one ``Item`` at a time, in order.

    ``BriefmodelError`` for a file that cannot be read; an empty file gives no item.
    """
    name = input_name(path)
    handle = _open(path)
    try:
        yield from _items(handle, name)
    except OSError as error:
        raise BriefmodelError(f"cannot read {name}: {error.strerror or error}") from None
    finally:
        if path != STDIN:
            handle.close()


def _items(handle: BinaryIO, name: str) -> Iterator[Item]:
    first = handle.readline()
    encoding = json.detect_encoding(first[:4] if len(first) >= 4 else first + handle.peek(4)[:4])  # type: ignore[attr-defined]
    if encoding not in ("utf-8", "utf-8-sig"):  # UTF-16 or UTF-32: lines cannot be split as bytes; read whole
        yield from _decoded_items(first + handle.read(), encoding, name)
        return
    number = 1
    head = first.removeprefix(b"\xef\xbb\xbf")
    consumed = [first]
    while not head.strip():  # the first line with something on it decides the shape
        line = handle.readline()
        if not line:
            return
        number += 1
        consumed.append(line)
        head = line
    shape = head.strip()
    if shape == b"{" or shape.startswith(b"["):
        yield from _whole(b"".join(consumed) + handle.read(), name)
        return
    del consumed
    yield _item(f"{name} line {number}", from_json, head)
    for later, line in enumerate(handle, start=number + 1):  # split at b"\n" only, as to_json's lines are
        if line.strip():
            yield _item(f"{name} line {later}", from_json, line)


def _decoded_items(data: bytes, encoding: str, name: str) -> Iterator[Item]:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise BriefmodelError(
            f"{name} is not valid {encoding.upper()}: {error.reason} at offset {error.start}"
        ) from None
    del data
    shape = text.lstrip()
    if shape.startswith("[") or shape.partition("\n")[0].strip() == "{":
        yield from _whole(text, name)
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _item(f"{name} line {number}", from_json, line)


def _whole(data: bytes | str, name: str) -> Iterator[Item]:
    """One indented report object, or an array of them."""
    shape = data.lstrip(b"\xef\xbb\xbf \t\r\n") if isinstance(data, bytes) else data.lstrip(" \t\r\n")
    if shape[:1] in (b"{", "{"):
        yield _item(name, from_json, data)
        return
    try:
        items = read_json(data)  # as strict as from_json: duplicate keys, NaN and too deep a nesting refused
    except JSONTextError as error:
        yield Item(name, None, str(error))
        return
    except RecursionError:
        yield Item(name, None, "JSON nested too deep to read")
        return
    del data
    if not isinstance(items, list):  # pragma: no cover - the shape began with "["
        yield Item(name, None, "not a report or an array of reports")
        return
    for index, value in enumerate(items):
        yield _item(f"{name}[{index}]", from_dict, value)
        items[index] = None  # each object freed once read
