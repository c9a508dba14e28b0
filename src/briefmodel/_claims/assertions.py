"""Which body sentences are assertions, and so claims: the rules that keep labels, empty lines and
instructions to the reader out of the claims.

A body line the parser reads as a paragraph or a bullet is not always a
sentence. Contents lists (``• Supporting Effort 1—Kharkiv City``), headings a
scrape printed as body text (``Eastern Ukraine: (Eastern Kharkiv
Oblast-Western Luhansk Oblast)``), lists of names, image credits and lines that
hold only a callout stay in the report as blocks (nothing is dropped, the text
still round-trips) but are not claims. The rules, tried in this order:

- ``empty``: the sentence holds no letter (``[80]``, ``1.``, ``,``).
- ``label``: it does not end like a sentence (``.``, ``!``, ``?`` or ``…``,
  closing quotes and brackets after them allowed), has no finite verb outside
  parentheses (no lowercase word that is an auxiliary or a modal, ``is``,
  ``has``, ``will``, ``may`` ..., a reporting verb, ``shows``, ``states`` ...,
  a verb that leads a list, ``includes``, or a past form in ``-ed``), and is not
  a list's lead sentence (six words or more ending with ``:``). A list item that
  ends with ``;`` or ``; and`` and asserts something (``• Russian forces will
  likely capture Mariupol within the coming days;``) keeps its verb, and so is a
  claim.
- ``instruction``: it tells the reader where to look (``See topline text.``,
  ``Click here to see ISW's interactive map``).

Boilerplate paragraphs (``Note: ISW does not receive any classified material``,
``Click here …``) are read as ``boilerplate`` blocks by the sections stage and
so never reach the claims.
"""

import re

from briefmodel._claims.cues import FINITE_CUES
from briefmodel._read.callouts import strip_callouts

__all__ = ["NOT_A_CLAIM", "not_a_claim"]

NOT_A_CLAIM = ("empty", "label", "instruction")
"""The rules, by name, in the order they are tried."""

_SENTENCE_END = frozenset(".!?…")
_CLOSING = "\"”’')]"
_QUICK_TAIL = "0123456789[] \u00a0" + _CLOSING
"""Stripped from the end for the quick test: a sentence that ends ``.[12]`` or ``.”`` ends like one."""
_PARENTHESES = re.compile(r"\([^()]*\)")
_FINITE = frozenset(
    "is are was were be been has have had will would may might could can should must shall did does do "
    "remains remain continues continue includes include contains contain lists".split()
) | frozenset(FINITE_CUES)
"""Lowercase words that make a clause of a line without a sentence end (past forms in ``-ed`` too): auxiliaries,
modals, the reporting verbs, and the verbs that lead a list (``includes the following stages:``)."""
_LIST_LEAD_WORDS = 6
"""A line of at least this many words that ends with ``:`` leads a list, and says something."""
_INSTRUCTIONS = ("see ", "click ", "click\u00a0", "read more", "subscribe", "follow us", "sign up")
"""How an instruction to the reader opens (compared case-folded)."""


def not_a_claim(sentence: str) -> str | None:
    """The rule that keeps this body sentence (as printed, callouts included) out of the claims, or ``None``
    when it is an assertion."""
    if not sentence[:1].isalpha() and not any(char.isalpha() for char in sentence):
        return "empty"
    if sentence.rstrip(_QUICK_TAIL)[-1:] not in _SENTENCE_END:  # the usual sentence ends: no closer look
        text = strip_callouts(sentence, True).rstrip() if "[" in sentence else sentence  # "[iv]" too
        if text.rstrip(_CLOSING)[-1:] not in _SENTENCE_END and not _has_finite_verb(text) and not _leads_a_list(text):
            return "label"
    if sentence[:1] in "SsCcRrFf" and sentence[:12].casefold().startswith(_INSTRUCTIONS):
        return "instruction"
    return None


def _leads_a_list(text: str) -> bool:
    """Does the line end with ``:`` after enough words to be a sentence (``The IDF killed the following:``)?"""
    return text.endswith(":") and text.count(" ") + 1 >= _LIST_LEAD_WORDS


def _has_finite_verb(text: str) -> bool:
    """Does the text hold, outside parentheses, a lowercase auxiliary, modal or ``-ed`` word (no hyphen)?"""
    if "(" in text:
        text = _PARENTHESES.sub(" ", text)
    for word in text.split():
        if not word[:1].islower() or "-" in word or "—" in word:
            continue
        bare = word.rstrip(",;:.”’\"')")
        if bare in _FINITE or (len(bare) > 4 and bare.endswith("ed")):
            return True
    return False
