"""Stage 8e: the body claims each Key Takeaways item restates.

A takeaway usually repeats the bold lead sentence of a topline paragraph with
small edits (``had deployed`` → ``has deployed``). Each takeaway is compared
with each claim by the overlap of their word sets (Dice coefficient); a claim
that shares at least ``THRESHOLD`` of the words supports it.
"""

import re

from briefmodel._claim_types import Claim, Support, Takeaway

__all__ = ["THRESHOLD", "find_support"]

THRESHOLD = 0.6
_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in _WORD.findall(text) if len(word) > 2)


def find_support(takeaways: tuple[Takeaway, ...], claims: tuple[Claim, ...]) -> list[tuple[Support, ...]]:
    """For each takeaway, the claims that restate it, best first."""
    if not takeaways:
        return []
    claim_words = [_words(claim.text) for claim in claims]
    found = []
    for takeaway in takeaways:
        words = _words(takeaway.text)
        scored = []
        for index, other in enumerate(claim_words):
            if not words or not other:
                continue
            score = 2 * len(words & other) / (len(words) + len(other))
            if score >= THRESHOLD and claims[index].span.start != takeaway.span.start:
                scored.append(Support(claim=index, score=round(score, 3)))
        scored.sort(key=lambda support: (-support.score, support.claim))
        found.append(tuple(scored))
    return found
