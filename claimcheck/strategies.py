"""Public hypothesis strategies for claimcheck's value objects and phrases.

Importing this module needs hypothesis (a dev dependency); the library itself never imports it.
Strategies return ``SearchStrategy[T]``; the simplest case comes first in each ``one_of``.
"""

from __future__ import annotations

from hypothesis import strategies as st

from claimcheck import lexicon
from claimcheck.values import Amount, Interval

# --------------------------------------------------------------------------- amounts

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words(n: int) -> str:
    """Spell a whole number below a million in English words.

    >>> number_words(102), number_words(21_011)
    ('one hundred and two', 'twenty-one thousand eleven')
    """
    if n < 0 or n >= 1_000_000:
        msg = f"number_words() spells 0..999999, got {n}; pass a smaller number"
        raise ValueError(msg)
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens - 2] + (f"-{_UNITS[unit]}" if unit else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_UNITS[hundreds]} hundred" + (f" and {number_words(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    return f"{number_words(thousands)} thousand" + (f" {number_words(rest)}" if rest else "")


def intervals() -> st.SearchStrategy[Interval]:
    """Intervals as CONVENTIONS.md writes them: exact, one-sided (open or closed), or two-sided."""
    n = st.integers(min_value=0, max_value=10**9).map(float)
    exact = n.map(Interval.exact)
    lower = st.builds(lambda v, o: Interval(low=v, low_open=o), n, st.booleans())
    upper = st.builds(lambda v, o: Interval(high=v, high_open=o), n, st.booleans())
    pair = st.tuples(n, n).map(lambda p: Interval(low=min(p), high=max(p)))
    return st.one_of(exact, lower, upper, pair)


def amounts() -> st.SearchStrategy[Amount]:
    """Plain counts and hedged counts, as the amount grammar produces them."""
    return intervals().map(
        lambda iv: Amount(
            low=iv.low,
            high=iv.high,
            low_open=iv.low_open,
            high_open=iv.high_open,
            figure=iv.low if iv.low is not None else iv.high,
        )
    )


def _figures() -> st.SearchStrategy[tuple[str, float]]:
    small = st.integers(min_value=0, max_value=999_999)
    digits = small.map(lambda n: (f"{n:,}", float(n)))
    words = st.integers(min_value=0, max_value=999_999).map(lambda n: (number_words(n), float(n)))
    return st.one_of(digits, words)


def amount_phrases() -> st.SearchStrategy[tuple[str, Amount]]:
    """``(phrase, expected Amount)``: a figure in digits or words with a hedge from the lexicon.

    The expected interval is the one CONVENTIONS.md gives ("more than 80" = (80, inf), ...).
    """
    hedges = lexicon.load("hedges_en.toml")
    bounds = sorted(hedges["hedges"].items())
    mods = sorted(hedges["mods"].items())

    def plain(fig: tuple[str, float]) -> tuple[str, Amount]:
        return fig[0], Amount.exact(fig[1])

    def bounded(fig: tuple[str, float], hedge: tuple[str, tuple[str, bool]]) -> tuple[str, Amount]:
        word, (side, open_) = hedge
        n = fig[1]
        if side == "low":
            return f"{word} {fig[0]}", Amount(low=n, low_open=open_, figure=n, hedge=word)
        return f"{word} {fig[0]}", Amount(high=n, high_open=open_, figure=n, hedge=word)

    def approx(fig: tuple[str, float], hedge: tuple[str, str]) -> tuple[str, Amount]:
        word, mod = hedge
        n = fig[1]
        return f"{word} {fig[0]}", Amount(low=n, high=n, figure=n, hedge=word, mod=mod)  # type: ignore[arg-type]

    return st.one_of(
        _figures().map(plain),
        st.builds(bounded, _figures(), st.sampled_from(bounds)),
        st.builds(approx, _figures(), st.sampled_from(mods)),
    )


# --------------------------------------------------------------------------- time
# The time engineer appends time strategies below this line.
