"""Hedges and likelihood words, with the ICD 203 ranges.

Intelligence Community Directive 203 ties seven expressions to probability
ranges (``likely``: 55-80 %); other hedges mark hearsay (``reportedly``) or
say something is not known (``remains unclear``). One regex pass per sentence,
longest phrase first, so ``very unlikely`` is not also read as ``unlikely``.
"""

import re
from collections.abc import Callable

from briefmodel._claims.words import token_forms, trie
from briefmodel._model.claims import Hedge, HedgeKind
from briefmodel._model.text import Span

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
_OTHER_LIKELIHOOD = (
    "may",
    "might",
    "could",
    "possibly",
    "possible",
    "perhaps",
    "potential",
    "potentially",
    "presumably",
    "appears",
    "appear",
    "seems",
    "seem",
    "likelihood",
    "probability",
)
"""Likelihood words without an ICD 203 range: the modals, ``possible``, ``potential``, ``presumably``, the verbs
``appear`` and ``seem`` (``X appears to be …``: the author's inference), and the nouns ``likelihood`` and
``probability``."""
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
    "not observed independent verification",
    "not observed independent confirmation",
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
# case-sensitive on purpose: "May" is a month; "It is unclear" and "Likely" are matched through (?i:...)
_ANY_CASE = (
    "it is unclear",
    "likely",
    "unlikely",
    "possibly",
    "potentially",
    "presumably",
    "reportedly",
    "purportedly",
    "allegedly",
)
_HEDGE = re.compile(r"\b(?:(?i:" + trie(_ANY_CASE) + r")\b|" + trie(_KINDS) + r"\b)")
"""The phrases of ``_ANY_CASE`` in any case first, then every phrase as printed, longest first at each place."""
_ASCII_HEDGE = re.compile(_HEDGE.pattern, re.ASCII)
"""``_HEDGE`` for ASCII text, where ASCII word boundaries and case mean the same: no Unicode lookups."""


_TRIGGERS = frozenset(token_forms(phrase.split()[-1] for phrase in _KINDS))  # "it is unclear" → "unclear"


def read_hedges(text: str, tokens: set[str], span_of: Callable[[int, int], Span]) -> tuple[Hedge, ...]:
    """The hedges of a sentence, in order; ``span_of(start, end)`` makes spans of offsets in ``text``.

    ``tokens`` are the sentence's words: without a hedge word among them, the
    sentence is not scanned.
    """
    if _TRIGGERS.isdisjoint(tokens):
        return ()
    hedges = []
    for match in (_ASCII_HEDGE if text.isascii() else _HEDGE).finditer(text):
        phrase = match.group().lower()
        kind = _KINDS.get(phrase)
        if kind is None:
            continue
        low, high = ICD_203.get(phrase, (None, None))
        hedges.append(Hedge(text=phrase, span=span_of(match.start(), match.end()), kind=kind, low=low, high=high))
    return tuple(hedges)
