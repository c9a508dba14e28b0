"""How fast this machine runs pure-Python text work, against the machine the budgets were set on.

The budgets of the perf suite are seconds measured on one machine (``REFERENCE_SECONDS`` is
what ``reference_work`` took there, best of 5). On a slower or busier machine a budget scales by
``slowdown()``, the ratio of the same work's time here to that reference, and never below 1: a
faster machine keeps the budget as it is. The work is independent of briefmodel (regex scans,
``str`` methods, dict updates, small slotted objects: what a parse spends its time on), so a
slower briefmodel cannot raise its own budget.
"""

import re
import time

__all__ = ["REFERENCE_SECONDS", "reference_work", "slowdown"]

REFERENCE_SECONDS = 0.075
"""``reference_work``'s best of 5 on the machine the budgets were measured on."""

_TEXT = (
    "Russian forces advanced near Pokrovsk on December 14, the Ukrainian General Staff reported.[12] "
    "ISW cannot independently verify these claims. “The GUR stated that,” a milblogger claimed.[13][14]\n"
) * 6000
_WORD = re.compile(r"[^\W_]{3,}")
_CALLOUT = re.compile(r"\[([0-9]{1,9})\]")


class _Item:
    __slots__ = ("number", "text")

    def __init__(self, number: int, text: str) -> None:
        self.number = number
        self.text = text


def reference_work() -> int:
    """A fixed amount of parser-like work; returns a count so nothing is optimized away."""
    counts: dict[str, int] = {}
    for word in _WORD.findall(_TEXT.casefold()):
        counts[word] = counts.get(word, 0) + 1
    items = [_Item(int(m.group(1)), m.group()) for m in _CALLOUT.finditer(_TEXT)]
    lines = [line.strip().split() for line in _TEXT.split("\n")]
    sentences = [part for line in _TEXT.split("\n") for part in line.split(". ") if part]
    return len(counts) + len(items) + len(lines) + sum(len(s) for s in sentences)


def slowdown(runs: int = 3) -> float:
    """How many times slower than the reference machine this one runs ``reference_work`` now (at least 1)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        reference_work()
        best = min(best, time.perf_counter() - start)
    return max(1.0, best / REFERENCE_SECONDS)
