"""The reporting verbs (cues) the claim readers look for: one vocabulary, and the views each reader takes of it.

Attribution takes every cue (``CUE_WORDS``); the date reader takes the past
forms that date a statement (``STATEMENT_CUES``: ``stated on December 14``);
the stance takes the cues by which evidence shows something (``SHOWING_CUES``).
"""

__all__ = [
    "CALLING",
    "CUE_WORDS",
    "FINITE_CUES",
    "PARTICIPLE_CUES",
    "SHOWING",
    "SHOWING_CUES",
    "SPEECH_PARTICIPLES",
    "STATEMENT_CUES",
]

FINITE_CUES = (
    "stated states claimed claims reported reports noted notes said says told tells announced announces "
    "acknowledged acknowledges amplified amplifies posted posts published publishes characterized characterizes "
    "shows showed warned warns added adds asserted asserts denied denies confirmed confirms indicated indicates "
    "suggested suggests argued argues alleged alleges wrote writes declared declares admitted admits revealed "
    "reveals observed assessed assesses assess claim report state say show note accused accuses "
    "criticized criticizes ridiculed ridicules emphasized emphasizes estimated estimates expressed expresses "
    "deny accuse called calls"
).split()
"""The finite forms of the reporting verbs: speech acts that convey what the source said or thinks (claims,
denials, accusations, criticism, estimates; ``called`` only in ``called for``)."""
CALLING = frozenset({"called", "calls"})
"""Cues only before ``for`` (``called for the imprisonment of …``): ``a town called Pokrovsk`` relays nothing."""
PARTICIPLE_CUES = "claiming stating reporting saying showing noting suggesting indicating alleging portraying".split()
"""The ``-ing`` forms (``X posted footage claiming that``)."""
CUE_WORDS = frozenset(FINITE_CUES + PARTICIPLE_CUES + ["according to"])
"""Every cue attribution reads."""
SPEECH_PARTICIPLES = frozenset({"claiming", "stating", "saying", "reporting", "noting", "alleging", "portraying"})
"""After a comma these relay the subject's words; ``suggesting`` and ``indicating`` are the author's inference."""
SHOWING = frozenset({"shows", "showed", "show", "indicates", "indicated"})
"""The cues by which footage or a document shows something."""
SHOWING_CUES = SHOWING | {"showing", "confirms", "confirmed"}
"""Evidence that *shows* or *confirms* something confirms it; footage ``claiming`` something only relays a claim."""

_PAST = frozenset(word for word in FINITE_CUES if word.endswith("ed") or word in ("said", "told", "wrote"))
_NOT_DATING = frozenset({"accused", "alleged", "argued", "assessed", "observed", "showed"})
"""Past cues that the date reader does not take as dating a statement."""
STATEMENT_CUES = (
    (_PAST - _NOT_DATING) | {"released", "issued"} | (SPEECH_PARTICIPLES - {"noting", "alleging", "portraying"})
)
"""The cues that make a date before or after them the date of a statement, not of an event."""
