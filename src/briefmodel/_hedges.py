"""Stage 8c: hedges and likelihood words, with the ICD 203 ranges.

Intelligence Community Directive 203 ties seven expressions to probability
ranges (``likely``: 55-80 %); other hedges mark hearsay (``reportedly``) or
say something is not known (``remains unclear``). One regex pass per sentence that
holds a hedge word, over the phrases whose last word it holds, longest phrase
first, so ``very unlikely`` is not also read as ``unlikely``.
"""

import functools
import re
from collections.abc import Callable

from briefmodel._claim_types import Hedge, HedgeKind
from briefmodel._model import Span
from briefmodel._shapes import search_word, token_forms

__all__ = ["CANNOT_VERIFY", "ICD_203", "read_hedges"]

#: The ICD 203 expressions of likelihood and their ranges.
ICD_203: dict[str, tuple[float, float]] = {
    "almost no chance": (0.01, 0.05),
    "remote": (0.01, 0.05),
    "very unlikely": (0.05, 0.20),
    "highly improbable": (0.05, 0.20),
    "unlikely": (0.20, 0.45),
    "improbable": (0.20, 0.45),
    "roughly even chance": (0.45, 0.55),
    "roughly even odds": (0.45, 0.55),
    "likely": (0.55, 0.80),
    "probable": (0.55, 0.80),
    "probably": (0.55, 0.80),
    "very likely": (0.80, 0.95),
    "highly probable": (0.80, 0.95),
    "almost certain": (0.95, 0.99),
    "almost certainly": (0.95, 0.99),
    "nearly certain": (0.95, 0.99),
}
_OTHER_LIKELIHOOD = ("may", "might", "could", "possibly", "possible", "perhaps")
_EVIDENTIAL = ("reportedly", "purportedly", "allegedly", "apparently", "unconfirmed", "ostensibly")
#: The phrases by which the author says it cannot check what a source says.
CANNOT_VERIFY = (
    "unable to independently verify",
    "unable to independently confirm",
    "unable to verify",
    "unable to confirm",
    "cannot independently verify",
    "cannot independently confirm",
    "cannot verify",
    "cannot confirm",
    "could not verify",
    "could not confirm",
)
_UNCERTAINTY = (
    *CANNOT_VERIFY,
    "it is unclear",
    "remains unclear",
    "remain unclear",
    "is unclear",
    "unclear",
    "unknown",
    "uncertain",
)
_KINDS = {
    **dict.fromkeys(ICD_203, HedgeKind.LIKELIHOOD),
    **dict.fromkeys(_OTHER_LIKELIHOOD, HedgeKind.LIKELIHOOD),
    **dict.fromkeys(_EVIDENTIAL, HedgeKind.EVIDENTIAL),
    **dict.fromkeys(_UNCERTAINTY, HedgeKind.UNCERTAINTY),
}
_FOLDED = ("it is unclear", "likely", "unlikely", "possibly", "reportedly", "purportedly", "allegedly")
"""Matched in any case (``It is unclear``, ``Likely``); the others only in lower case, for ``May`` is a month."""
_LONGEST_FIRST = sorted(_KINDS, key=len, reverse=True)
_TRIGGERS = frozenset(token_forms(phrase.split()[-1] for phrase in _KINDS))  # "it is unclear" → "unclear"
_PLAIN_LAST = tuple(sorted({phrase.rpartition(" ")[2] for phrase in _LONGEST_FIRST}))
_FOLDED_LAST = tuple(sorted({phrase.rpartition(" ")[2] for phrase in _FOLDED}))
_FOLD_SPECIAL = ("\u0131", "\u0130", "\u017f", "\u212a")
"""``ı``, ``İ``, ``ſ`` and the Kelvin sign: the characters that the regex engine's ignore-case matching takes
for an ASCII letter (``i``, ``s``, ``k``) where ``str.lower`` does not give that letter."""


@functools.lru_cache(maxsize=1024)
def _pattern(folded_words: frozenset[str], plain_words: frozenset[str]) -> "re.Pattern[str] | None":
    """The hedge phrases that can match a sentence, longest first: those matched in any case whose last
    word is in ``folded_words``, then the others whose last word is in ``plain_words`` (a sentence holds a
    few of the sixty phrases: a short alternation scans it several times faster than all of them)."""
    folded = "|".join(re.escape(p) for p in _FOLDED if p.rpartition(" ")[2] in folded_words)
    plain = "|".join(re.escape(p) for p in _LONGEST_FIRST if p.rpartition(" ")[2] in plain_words)
    parts = ([r"(?:(?i:" + folded + r"))\b"] if folded else []) + ([r"(?:" + plain + r")\b"] if plain else [])
    return re.compile("|".join(parts)) if parts else None  # led by the phrases: see search_word


def _possible(text: str) -> "re.Pattern[str] | None":
    """The pattern of the phrases whose last word is in ``text`` (as printed, or in any case for those matched
    in any case): leaving out phrases that cannot match anywhere finds exactly what all of them find."""
    if any(char in text for char in _FOLD_SPECIAL):
        return _pattern(frozenset(_FOLDED_LAST), frozenset(_PLAIN_LAST))
    lowered = text.lower()
    return _pattern(
        frozenset([word for word in _FOLDED_LAST if word in lowered]),
        frozenset([word for word in _PLAIN_LAST if word in text]),
    )


def read_hedges(text: str, tokens: set[str], span_of: Callable[[int, int], Span]) -> tuple[Hedge, ...]:
    """The hedges of a sentence, in order; ``span_of(start, end)`` makes spans of offsets in ``text``.

    ``tokens`` are the sentence's words: without a hedge word among them, the
    sentence is not scanned.
    """
    if _TRIGGERS.isdisjoint(tokens):
        return ()
    pattern = _possible(text)
    if pattern is None:
        return ()
    hedges = []
    position = 0
    while (match := search_word(pattern, text, position)) is not None:
        position = match.end()
        phrase = match.group().lower()
        kind = _KINDS.get(phrase)
        if kind is None:
            continue
        low, high = ICD_203.get(phrase, (None, None))
        hedges.append(Hedge(text=phrase, span=span_of(match.start(), match.end()), kind=kind, low=low, high=high))
    return tuple(hedges)
