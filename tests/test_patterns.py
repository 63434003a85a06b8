"""The shared trie alternation: the same language and the same preference as a longest-first list."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.patterns import alternation, prefix_gate

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


# --------------------------------------------------------------------------- prefix gates

_RULES = [
    r"(?i:from)\s+\d{4}",
    r"\d+\s*(?:days?|weeks?)",
    r"(?:the\s+)?(?:first|last)\s+(?i:week)",
    r"(?<![\w.])(?:[Mm]ay|June?)\s+\d\d?(?:st|nd|rd|th)?",
    r"(?=\d)(?:\d{1,2}:\d\d|noon)",
    r"a{0,2}b{1,3}c",
    r"[^x]y",
    r"(?:ab|)c?d",
]


@pytest.mark.parametrize("source", _RULES)
def test_gate_holds_at_every_match(source: str) -> None:
    gate = prefix_gate(source)
    texts = ["from 2014", "FROM 2014", "12 days", "3weeks", "the first week", "last WEEK", "May 5th",
             "June 12", "9:30", "noon", "aabbc", "bc", "zy", "cd", "d", "abd"]  # fmt: skip
    for text in texts:
        if re.match(source, text):
            assert re.match(gate + source, text), (gate, text)


@settings(max_examples=300, deadline=None)
@given(source=st.sampled_from(_RULES), text=st.text(alphabet="abcdxyfromFROM 0129:stwek", max_size=12))
def test_a_gated_rule_matches_exactly_what_the_rule_matches(source: str, text: str) -> None:
    gated = re.compile(prefix_gate(source) + source)
    plain = re.compile(source)
    for pos in range(len(text) + 1):
        a, b = plain.match(text, pos), gated.match(text, pos)
        assert (a and a.span()) == (b and b.span())


def test_a_rule_that_can_begin_with_anything_gets_no_gate() -> None:
    assert prefix_gate(r"\w+ days") == ""
    assert prefix_gate(r"x?") == ""  # can match the empty string
    assert prefix_gate(r"(?:a|.)b") == ""
