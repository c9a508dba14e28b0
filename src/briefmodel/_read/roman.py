"""Lowercase roman numerals, as some reports label their endnotes (``[iv]``)."""

import re

__all__ = ["roman_label", "roman_value", "uses_roman_labels"]

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_CANONICAL = re.compile(r"m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")


def roman_value(label: str) -> int | None:
    """The value of a lowercase roman numeral in canonical form, else ``None``."""
    if not label or not _ROMAN_CANONICAL.fullmatch(label):
        return None
    total = 0
    for i, ch in enumerate(label):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(label) and _ROMAN[label[i + 1]] > value else value
    return total


_ROMAN_DIGITS = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def roman_label(value: int) -> str:
    """The canonical lowercase roman numeral of a positive number (``roman_value``'s inverse)."""
    digits = []
    for step, numeral in _ROMAN_DIGITS:
        count, value = divmod(value, step)
        digits.append(numeral * count)
    return "".join(digits)


def uses_roman_labels(labels: list[str]) -> bool:
    """Are most of these note labels lowercase roman numerals (``[i]``, ``[iv]``)?"""
    return bool(labels) and sum(not label.isdigit() for label in labels) * 2 > len(labels)
