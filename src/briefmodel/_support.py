"""Stage 8e: the body claims each Key Takeaways item restates.

A takeaway usually repeats the bold lead sentence of a topline paragraph with
small edits (``had deployed`` → ``has deployed``). Each takeaway is compared
with each claim by the overlap of their word sets (Dice coefficient, words of
three letters or more); a claim scoring ``THRESHOLD`` or more supports it.
"""

import re

from briefmodel._claim_types import Claim, Support, Takeaway

__all__ = ["THRESHOLD", "find_support"]

THRESHOLD = 0.6
_WORD = re.compile(r"[^\W_]{3,}")


def _words(text: str) -> frozenset[str]:
    """The words of three letters or more, case-folded: one C-level scan."""
    return frozenset(_WORD.findall(text.casefold()))


def find_support(takeaways: tuple[Takeaway, ...], claims: tuple[Claim, ...]) -> list[tuple[Support, ...]]:
    """For each takeaway, the claims that restate it, best first.

    A takeaway is compared with every claim, but only by the size of the
    intersection of two small sets (C speed); reports have a handful of takeaways.
    """
    if not takeaways:
        return []
    claim_words = [_words(claim.text) for claim in claims]
    found = []
    for takeaway in takeaways:
        words = _words(takeaway.text)
        need = THRESHOLD * len(words) / 2  # Dice >= THRESHOLD needs at least this much overlap
        scored = []
        for number, other in enumerate(claim_words):
            shared = len(words & other)
            if shared and shared >= need:
                score = 2 * shared / (len(words) + len(other))
                if score >= THRESHOLD:
                    scored.append(Support(claim=number, score=round(score, 3)))
        scored.sort(key=lambda support: (-support.score, support.claim))
        found.append(tuple(scored))
    return found
