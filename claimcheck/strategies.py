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


def money_phrases() -> st.SearchStrategy[tuple[str, Amount]]:
    """``(phrase, expected Amount)``: a whole figure with a currency symbol, code or name.

    Symbols and codes come before the figure ("$80", "EUR 80"), names after it ("80 euros"),
    as currencies_en.toml lists them; the expected unit is the ISO 4217 code.
    """
    money = lexicon.load("currencies_en.toml")
    symbols = sorted((k, v) for k, v in money["symbols"].items() if not k[-1:].isalpha())
    names = sorted(money["names"].items())
    n = st.integers(min_value=1, max_value=999_999)

    def before(v: int, sym: tuple[str, str]) -> tuple[str, Amount]:
        return f"{sym[0]}{v:,}", Amount.exact(float(v), unit=sym[1], kind="money")

    def after(v: int, name: tuple[str, str]) -> tuple[str, Amount]:
        return f"{v:,} {name[0]}", Amount.exact(float(v), unit=name[1], kind="money")

    return st.one_of(
        st.builds(before, n, st.sampled_from(symbols)),
        st.builds(after, n, st.sampled_from(names)),
    )


# --------------------------------------------------------------------------- time
# The time engineer appends time strategies below this line.
# --------------------------------------------------------------------------- time strategies
# (owned by the time grammar: claimcheck/times.py; append-only section)

import datetime as _dt  # noqa: E402

from claimcheck.values import Duration, TimeValue  # noqa: E402

_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_ABBR = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _date_value(d: _dt.date) -> TimeValue:
    start = _dt.datetime(d.year, d.month, d.day)
    return TimeValue(value=d.isoformat(), start=start, end=start + _dt.timedelta(days=1))


def dates(min_year: int = 1950, max_year: int = 2049) -> st.SearchStrategy[_dt.date]:
    """Calendar dates in a range of years news talks about."""
    return st.dates(_dt.date(min_year, 1, 1), _dt.date(max_year, 12, 31))


def date_phrases() -> st.SearchStrategy[tuple[str, TimeValue]]:
    """A full date written in one of the formats news uses, with the TimeValue it means.

    Formats: "March 3, 2015", "Mar. 3, 2015", "3 March 2015", "the 3rd of March 2015",
    "March 3rd, 2015", "2015-03-03", "Tuesday, March 3, 2015".
    """

    def render(d: _dt.date, style: int) -> tuple[str, TimeValue]:
        month, abbr = _MONTH_NAMES[d.month - 1], _MONTH_ABBR[d.month - 1]
        texts = [
            f"{month} {d.day}, {d.year}",
            f"{abbr} {d.day}, {d.year}",
            f"{d.day} {month} {d.year}",
            f"the {_ordinal(d.day)} of {month} {d.year}",
            f"{month} {_ordinal(d.day)}, {d.year}",
            d.isoformat(),
            f"{d.strftime('%A')}, {month} {d.day}, {d.year}",
        ]
        return texts[style % len(texts)], _date_value(d)

    return st.builds(render, dates(), st.integers(0, 6))


def clock_phrases() -> st.SearchStrategy[tuple[str, int, int]]:
    """A time of day as news writes it ("3:15 p.m.", "15:15", "a quarter past 3pm"), with hour and minute."""

    def render(h: int, mi: int, style: int) -> tuple[str, int, int]:
        h12 = h % 12 or 12
        ap = "a.m." if h < 12 else "p.m."
        if style == 0:
            return f"{h12}:{mi:02d} {ap}", h, mi
        if style == 1:
            return f"{h:02d}:{mi:02d}", h, mi
        if style == 2:
            return f"{h12}{ap.replace('.', '')}", h, 0
        return f"a quarter past {h12}{ap.replace('.', '')}", h, 15

    return st.builds(render, st.integers(0, 23), st.integers(0, 59), st.integers(0, 3))


_DURATION_UNITS = ["day", "week", "month", "year", "hour", "minute"]


def duration_phrases() -> st.SearchStrategy[tuple[str, Duration]]:
    """A duration with an optional hedge from the lexicon ("nearly six weeks"), with its Duration."""
    from claimcheck.times import parse_duration

    hedges = sorted(lexicon.load("time_en.toml")["duration_hedges"].items())

    def render(n: int, unit: int, hedge: tuple[str, str] | None) -> tuple[str, Duration]:
        word = _DURATION_UNITS[unit]
        count = number_words(n) if n < 20 else str(n)
        body = f"{count} {word}{'s' if n != 1 else ''}"
        mod = None if hedge is None else hedge[1]
        dur = parse_duration(body, mod)  # type: ignore[arg-type]
        assert dur is not None
        text = body if hedge is None else f"{hedge[0]} {body}"
        return text, dur

    return st.builds(
        render,
        st.integers(2, 99),
        st.integers(0, len(_DURATION_UNITS) - 1),
        st.none() | st.sampled_from(hedges),
    )
