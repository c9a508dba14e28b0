"""How fast this machine runs pure-Python text work, against the machine the budgets were set on.

The budgets of the perf suite are seconds measured on one machine (``REFERENCE_SECONDS`` is
what ``reference_work`` took there). On a slower or busier machine a budget scales by
``slowdown()``, the ratio of the same work's time here to that reference, and never below 1: a
faster machine keeps the budget as it is. The work is independent of briefmodel (regex scans,
``str`` methods, dict updates, small slotted objects: what a parse spends its time on), so a
slower briefmodel cannot raise its own budget.
"""

import re
import time

__all__ = ["REFERENCE_SECONDS", "cache_slowdown", "reference_work", "slowdown"]

REFERENCE_SECONDS = 0.15
"""``reference_work``'s mean time over 1.5 s on the machine the budgets were measured on, idle."""

_TEXT = (
    "Russian forces advanced near Pokrovsk on December 14, the Ukrainian General Staff reported.[12] "
    "ISW cannot independently verify these claims. “The GUR stated that,” a milblogger claimed.[13][14]\n"
) * 6000
_WORD = re.compile(r"[^\W_]{3,}")
_CALLOUT = re.compile(r"\[([0-9]{1,9})\]")


_SCAN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\ufffd]")


def _touch(text: str) -> float:
    """Best of 3: the time of the plain ``str`` and regex passes every parse makes over a text (split into
    lines, strip, scan for suspicious characters), none of them briefmodel's code."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        text.split("\n")
        (text + " ").strip()
        _SCAN.search(text)
        best = min(best, time.perf_counter() - start)
    return best


def cache_slowdown(small: str, large: str) -> float:
    """How many times more per character the machine's own passes over ``large`` take than over ``small``
    (at least 1).

    A text that fits the processor's caches is read far faster per character
    than one that does not: here a split, a strip and a regex scan of 10 times
    the text took 16 to 30 times as long. A linear-time check allows a parse
    the same growth, which is the machine's, not the parser's.
    """
    return max(1.0, _touch(large) / max(_touch(small), 1e-6) * len(small) / len(large))


class _Item:
    __slots__ = ("number", "text")

    def __init__(self, number: int, text: str) -> None:
        self.number = number
        self.text = text


def reference_work() -> int:
    """A fixed amount of parser-like work; returns a count so nothing is optimized away.

    Like a parse of a large report it keeps what it makes until the end (an
    object per word), so it feels the memory system as much as the processor.
    """
    counts: dict[str, int] = {}
    for word in _WORD.findall(_TEXT.casefold()):
        counts[word] = counts.get(word, 0) + 1
    items = [_Item(int(m.group(1)), m.group()) for m in _CALLOUT.finditer(_TEXT)]
    lines = [line.strip().split() for line in _TEXT.split("\n")]
    words = [_Item(index, word) for index, word in enumerate(_TEXT.split())]
    sentences = [part for line in _TEXT.split("\n") for part in line.split(". ") if part]
    return len(counts) + len(items) + len(lines) + len(words) + sum(len(s) for s in sentences)


def slowdown(seconds: float = 1.5) -> float:
    """How many times slower than the reference machine this one runs ``reference_work`` now (at least 1).

    The work is repeated for ``seconds`` and its mean time taken: a busy machine
    shares its cores among the processes over seconds, and a short burst of work
    would often get a whole core to itself and tell of no load at all.
    """
    runs = 0
    start = time.perf_counter()
    while True:
        reference_work()
        runs += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return max(1.0, elapsed / runs / REFERENCE_SECONDS)
