"""The shared trie alternation: the same language and the same preference as a longest-first list."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.patterns import alternation

words_st = st.sets(st.text(alphabet="abAB -$.", min_size=1, max_size=5), min_size=1, max_size=8).map(
    lambda ws: {w for w in ws if w.strip() == w and "  " not in w}
)


def _longest_first(words: set[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))))


def test_examples() -> None:
    assert alternation(["may", "march", "mar"], flexible_space=False) == "(?:ma(?:r(?:ch)?|y))"
    assert re.fullmatch(alternation(["per cent"]), "per \n cent")
    assert not re.fullmatch(alternation(["per cent"], flexible_space=False), "per  cent")
    assert re.fullmatch(alternation(["january"], nocase=True), "JANUARY")
    assert not re.search(alternation([]), "anything")


@settings(max_examples=200, deadline=None)
@given(words=words_st)
def test_matches_exactly_its_words(words: set[str]) -> None:
    trie = re.compile(alternation(words, flexible_space=False))
    folded = re.compile(alternation(words, flexible_space=False, nocase=True))
    for w in words:
        assert trie.fullmatch(w)
        assert folded.fullmatch(w.upper())
    for w in ("", "ba$", "-a-", "zz"):
        assert bool(trie.fullmatch(w)) == (w in words)
        assert bool(folded.fullmatch(w)) == (w.lower() in {x.lower() for x in words})


@settings(max_examples=200, deadline=None)
@given(words=words_st, text=st.text(alphabet="abAB -$.", max_size=8))
def test_prefers_what_a_longest_first_alternation_prefers(words: set[str], text: str) -> None:
    if not words:
        return
    trie = re.compile(alternation(words, flexible_space=False))
    expected = _longest_first(words).match(text)
    found = trie.match(text)
    assert (found and found.group(0)) == (expected and expected.group(0))
