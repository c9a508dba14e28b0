"""Split text into lines, keeping each line break exactly.

Only ``\\n``, ``\\r\\n`` and ``\\r`` end a line; ``\\v``, ``\\f``, ``\\x1c``-``\\x1e``,
``\\x85``, U+2028 and U+2029 are ordinary characters (``str.splitlines`` would
split on them, so it is never used).
"""

import re

__all__ = ["split_lines"]

_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|)")


def split_lines(text: str) -> tuple[list[str], list[str]]:
    """Return the lines of ``text`` and their line breaks (``""`` for a last line without one).

    ``"".join(a + b for a, b in zip(*split_lines(t))) == t`` for every ``t``. An empty
    text has no lines; a text ending with a line break has no empty last line.
    """
    if "\r" not in text:
        lines = text.split("\n")
        breaks = ["\n"] * len(lines)
        if lines[-1] == "":
            lines.pop()
            breaks.pop()
        else:
            breaks[-1] = ""
        return lines, breaks
    lines = []
    breaks = []
    end = len(text)
    for match in _LINE.finditer(text):
        if match.start() == end:
            break
        lines.append(match.group(1))
        breaks.append(match.group(2))
    return lines, breaks
