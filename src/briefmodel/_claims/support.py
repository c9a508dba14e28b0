"""The body claims each Key Takeaways item restates.

A takeaway usually repeats the bold lead sentence of a topline paragraph with
small edits (``had deployed`` → ``has deployed``). Each takeaway is compared
with each claim by the overlap of their word sets (Dice coefficient, words of
three letters or more); a claim scoring ``THRESHOLD`` or more supports it.

A report has a handful of takeaways, and comparing each with every claim is
cheapest. When takeaways times claims pass ``EXHAUSTIVE_PAIRS`` (a scraped text
with thousands of bullets under its heading), a word index keeps the time
linear: a claim scoring ``THRESHOLD`` shares at least ``0.3 * len(words)`` of
the takeaway's words, so it holds one of the takeaway's rarest
``len(words) - ceil(0.3 * len(words)) + 1`` words, and only the claims holding
one of those are scored. Words found in more than ``COMMON`` claims do not
bring candidates: a claim reached only through such words is missed.
"""

import math
import re
from collections.abc import Sequence

from briefmodel._model.claims import Claim, Support, Takeaway

__all__ = ["COMMON", "EXHAUSTIVE_PAIRS", "THRESHOLD", "find_support", "restatements"]

THRESHOLD = 0.6
EXHAUSTIVE_PAIRS = 200_000
"""Up to this many (takeaway, claim) pairs, every pair is scored."""
COMMON = 1_000
"""Past ``EXHAUSTIVE_PAIRS``, a word held by more claims than this does not bring candidates."""
_WORD = re.compile(r"[^\W_]{3,}")
_ASCII_WORD = re.compile(r"[a-z0-9]{3,}")
"""``_WORD`` on case-folded ASCII text, where it means the same: a plain class, scanned without Unicode lookups."""


def _words(text: str) -> frozenset[str]:
    """The words of three letters or more, case-folded: one C-level scan."""
    folded = text.casefold()
    return frozenset((_ASCII_WORD if folded.isascii() else _WORD).findall(folded))


def find_support(takeaways: tuple[Takeaway, ...], claims: tuple[Claim, ...]) -> list[tuple[Support, ...]]:
    """For each takeaway, the claims that restate it, best first."""
    if not takeaways:
        return []
    found = restatements([takeaway.text for takeaway in takeaways], [claim.text for claim in claims])
    return [tuple([Support(claim=number, score=score) for number, score in scored]) for scored in found]


def restatements(texts: Sequence[str], among: Sequence[str]) -> list[list[tuple[int, float]]]:
    """For each of ``texts``, the indexes in ``among`` of the texts that restate it (Dice of their words at least
    ``THRESHOLD``) with the score rounded to three places, best first: the similarity of takeaway support, also
    what ``diff`` calls a near-repeat."""
    if not texts:
        return []
    claim_words = [_words(text) for text in among]
    index: dict[str, list[int]] | None = None
    if len(texts) * len(among) > EXHAUSTIVE_PAIRS:
        index = {}
        for number, words in enumerate(claim_words):
            for word in words:
                index.setdefault(word, []).append(number)
    everything = range(len(among))
    found = []
    for text in texts:
        words = _words(text)
        need = THRESHOLD * len(words) / 2  # Dice >= THRESHOLD needs at least this much overlap
        candidates: range | list[int] = everything
        if index is not None:
            rarest = sorted(words, key=lambda word: len(index.get(word, ())))
            chosen: set[int] = set()
            for word in rarest[: len(words) - math.ceil(need) + 1]:
                holders = index.get(word, ())
                if len(holders) <= COMMON:
                    chosen.update(holders)
            candidates = sorted(chosen)
        scored = []
        for number in candidates:
            shared = len(words & claim_words[number])
            if shared and shared >= need:
                score = 2 * shared / (len(words) + len(claim_words[number]))
                if score >= THRESHOLD:
                    scored.append((number, round(score, 3)))
        scored.sort(key=lambda pair: (-pair[1], pair[0]))
        found.append(scored)
    return found
