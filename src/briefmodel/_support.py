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
_PROBES = 3
"""How many of a takeaway's rarest words find its candidate claims: a restatement shares them all."""
_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in _WORD.findall(text) if len(word) > 2)


def find_support(takeaways: tuple[Takeaway, ...], claims: tuple[Claim, ...]) -> list[tuple[Support, ...]]:
    """For each takeaway, the claims that restate it, best first.

    Candidates come from an index of words to claims, looked up by the
    takeaway's rarest words, so a takeaway is compared with a few claims, not all.
    """
    if not takeaways:
        return []
    claim_words = [_words(claim.text) for claim in claims]
    index: dict[str, list[int]] = {}
    for number, words in enumerate(claim_words):
        for word in words:
            index.setdefault(word, []).append(number)
    found = []
    for takeaway in takeaways:
        words = _words(takeaway.text)
        rare = sorted((word for word in words if word in index), key=lambda word: (len(index[word]), word))[:_PROBES]
        candidates = sorted({number for word in rare for number in index[word]})
        scored = []
        for number in candidates:
            other = claim_words[number]
            score = 2 * len(words & other) / (len(words) + len(other))
            if score >= THRESHOLD:
                scored.append(Support(claim=number, score=round(score, 3)))
        scored.sort(key=lambda support: (-support.score, support.claim))
        found.append(tuple(scored))
    return found
