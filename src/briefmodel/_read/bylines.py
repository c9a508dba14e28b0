"""Bylines: the authors' names of a line such as ``By A and B`` or ``A, B, and C``."""

import re

__all__ = ["read_byline"]

#: One author's name: capitalized words, initials allowed (``Frederick W. Kagan``).
_NAME = r"[A-Z][A-Za-z'’.\-]*(?: (?:[A-Z][A-Za-z'’.\-]*|de|van|von|al|bin))*"
BYLINE_SPLIT = re.compile(r",? (?:and|&) |, ")
NAME = re.compile(_NAME)

_NOT_IN_NAMES = frozenset("the a an of for to in on at with from by your our my we us is are this that".split())


_NAME_SUFFIXES = ("Jr.", "Sr.")


def _ends_a_sentence(stripped: str) -> bool:
    """Does the line end with a full word and a period (``… and Russian forces.``)? A byline ends with a name,
    or with an initial or a suffix (``Frederick W.``, ``Jr.``)."""
    if not stripped.endswith("."):
        return False
    last = stripped.rpartition(" ")[2]
    return len(last) > 2 and not last.endswith(_NAME_SUFFIXES)


def read_byline(stripped: str) -> tuple[str, ...] | None:
    """The authors of a byline (``A, B, and C``; ``By A and B``), or ``None`` if it is not one."""
    if len(stripped) > 400 or _ends_a_sentence(stripped):
        return None
    body = stripped[3:] if stripped.startswith(("By ", "by ")) else stripped
    names = BYLINE_SPLIT.split(body)
    if len(names) < 2 and body is stripped:
        return None
    for name in names:
        words = name.split()
        if not NAME.fullmatch(name) or not 2 <= len(words) <= 5 or any(w.lower() in _NOT_IN_NAMES for w in words):
            return None  # two to five words, none of them a function word: "Secure Your Legacy" is no name

    return tuple(names)
