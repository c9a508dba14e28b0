"""The claim readers' faster patterns match exactly what the plain ones they replace match.

The hedge, month and cue patterns are tries of their phrases (``words.trie``),
and the hedges and claim words of ASCII sentences are read with ASCII twins of
their patterns; both are speed-ups only, so each is held to the plain pattern on
generated phrases and texts.
"""

import re

from hypothesis import example, given
from hypothesis import strategies as st

from briefmodel._claims import hedges, support
from briefmodel._claims.words import trie, words_pattern

_LETTERS = "ab ."
_phrases = st.lists(st.text(_LETTERS, min_size=1, max_size=5), min_size=1, max_size=8, unique=True)
_texts = st.text(_LETTERS + "c\u00e9_", max_size=40)


def _longest_first(phrases: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@given(_phrases, _texts)
@example(["a", "ab", "abb"], "abbb ab a")  # each phrase the start of the next: the longest that fits wins
@example(["a b", "a"], "a bc a b")  # backs off to the shorter when the longer is not followed by a boundary
def test_a_trie_matches_what_the_longest_first_alternation_matches(phrases: list[str], text: str) -> None:
    plain = re.compile(r"\b(?:" + _longest_first(phrases) + r")\b")
    shared = re.compile(r"\b(?:" + trie(phrases) + r")\b")
    assert [m.span() for m in shared.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_trie_shares_the_common_beginnings() -> None:
    assert trie(["almost certain", "almost certainly", "may"]) == r"(?:almost\ certain(?:ly)?|may)"


@given(st.lists(st.sampled_from([*sorted(hedges._KINDS), "x", "_", "9", "-", "May", "LIKELY", "Likely"]), max_size=8))
@example(["it is unclear", "LIKELY"])
def test_the_hedge_pattern_and_its_ascii_twin_match_the_plain_alternation(words: list[str]) -> None:
    text = " ".join(words)
    plain = re.compile(
        r"\b(?:(?i:" + "|".join(hedges._ANY_CASE) + r"))\b|\b(?:" + _longest_first(list(hedges._KINDS)) + r")\b"
    )
    expected = [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in hedges._HEDGE.finditer(text)] == expected
    assert [m.span() for m in hedges._ASCII_HEDGE.finditer(text)] == expected


@given(st.text("aZ9_ -.’é", max_size=40))
def test_claim_words_of_ascii_text_are_those_of_the_unicode_pattern(text: str) -> None:
    folded = text.casefold()
    assert support._words(text) == frozenset(support._WORD.findall(folded))


def test_a_cue_pattern_is_the_longest_first_alternation_of_its_words() -> None:
    words = frozenset({"said", "said that", "says"})
    pattern = words_pattern(words)
    text = "He said that they said, and she says."
    assert [m.group() for m in pattern.finditer(text)] == ["said that", "said", "says"]
