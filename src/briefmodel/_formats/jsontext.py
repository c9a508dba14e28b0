"""JSON text to plain data, strictly: RFC 8259 JSON only, no duplicate keys, and problems placed by their path.

``read_json`` takes ``str`` or ``bytes``. Bytes are decoded as ``json.loads``
decodes them (UTF-8, or UTF-16 or UTF-32 found from the first bytes). A byte
order mark before the JSON is skipped, in bytes and in ``str`` alike (RFC 8259
lets a reader ignore it). ``NaN`` and ``Infinity`` are not JSON and are refused,
and so is an object with two members of one name (Python's reader would keep
the last silently). Python's reader recurses in C; JSON nested deeper than it
allows is refused as too deep instead of raising ``RecursionError``. The path
of a duplicate or of too deep a value is found by a second, linear scan of the
text that runs only then.
"""

import json
import re
from typing import Any

__all__ = ["MAX_DEPTH", "JSONTextError", "read_json"]

MAX_DEPTH = 64
"""How deep the scan that places a problem follows the nesting (the JSON form itself is at most 8 deep)."""

_BOM = "\ufeff"
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},:]')


class JSONTextError(ValueError):
    """Text that is not strict JSON: ``message`` says why and ``path`` where (``$`` when the place has none)."""

    def __init__(self, message: str, path: str = "$") -> None:
        self.message = message
        self.path = path
        super().__init__(f"{message} @ {path}")


class _Duplicate(ValueError):
    pass


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    made = dict(pairs)
    if len(made) != len(pairs):
        raise _Duplicate
    return made


def _constant(name: str) -> object:
    raise JSONTextError(f"invalid JSON: {name} is not a JSON number")


def read_json(data: str | bytes | bytearray) -> object:
    """The data of a JSON text, or ``JSONTextError``."""
    if isinstance(data, (bytes, bytearray)):
        data = bytes(data)
        if data.startswith(b"\xef\xbb\xbf"):  # one mark, as for str (json.loads would skip it, and then another)
            try:
                data = data[3:].decode("utf-8", "surrogatepass")
            except UnicodeDecodeError as error:
                raise JSONTextError(f"invalid JSON: {error}") from None
    elif isinstance(data, str):
        data = data.removeprefix(_BOM)
    else:
        raise JSONTextError(f"expected JSON text (str or bytes), got a Python {type(data).__name__}")
    try:
        return json.loads(data, object_pairs_hook=_object, parse_constant=_constant)
    except JSONTextError:
        raise
    except _Duplicate:
        text = data if isinstance(data, str) else _decoded(data)
        problem = _place(text)
        raise JSONTextError(*problem) if problem else JSONTextError("duplicate key") from None
    except RecursionError:
        text = data if isinstance(data, str) else _decoded(data)
        problem = _place(text)
        raise JSONTextError(*problem) if problem else JSONTextError("JSON nested too deep") from None
    except json.JSONDecodeError as error:
        raise JSONTextError(f"invalid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from None
    except (ValueError, TypeError) as error:  # undecodable bytes, a number of too many digits
        raise JSONTextError(f"invalid JSON: {error}") from None


def _decoded(data: bytes) -> str:
    return data.decode(json.detect_encoding(data), "surrogatepass")


def _place(text: str) -> tuple[str, str] | None:
    """The first duplicate key or the first value nested deeper than ``MAX_DEPTH``: (message, path).

    One pass over the strings and punctuation of the text, keeping for each open
    container its path and, for an object, the keys seen so far.
    """
    frames: list[list[Any]] = []  # [path, is_object, keys seen, current key or index, expecting a key]
    path = "$"
    for match in _TOKEN.finditer(text):
        token = match.group()
        frame = frames[-1] if frames else None
        if token in "[{":
            if frame is not None:
                path = frame[0] + (f"[{frame[3]}]" if not frame[1] else _member(frame[3]))
            if len(frames) >= MAX_DEPTH:
                return f"JSON nested deeper than {MAX_DEPTH} levels", _short(path)
            frames.append([path, token == "{", set(), 0 if token == "[" else None, token == "{"])
        elif token in "]}":
            if frames:
                frames.pop()
        elif token == ",":
            if frame is not None:
                if frame[1]:
                    frame[4] = True
                else:
                    frame[3] += 1
        elif token == ":":
            if frame is not None:
                frame[4] = False
        elif frame is not None and frame[1] and frame[4]:  # a string where a key goes
            key = json.loads(token)
            if key in frame[2]:
                return "duplicate key", frame[0] + _member(key)
            frame[2].add(key)
            frame[3] = key
    return None


def _member(key: str) -> str:
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key) and len(key) <= 64:
        return f".{key}"
    return "[" + repr(key if len(key) <= 64 else key[:64] + "…") + "]"


def _short(path: str) -> str:
    """A path of a deep value, its middle cut: ``$.title[0][0][0]…[0]``."""
    return path if len(path) <= 80 else path[:60] + "…" + path[-12:]
