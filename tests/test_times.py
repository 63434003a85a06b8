"""Time grammar: fixture examples (fixtures/times_en.json) and properties side by side."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import times
from claimcheck.extract import extract
from claimcheck.values import Duration, GapClaim, Mention, TimeValue

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CASES: list[dict[str, Any]] = json.loads((FIXTURES / "times_en.json").read_text("utf-8"))
TIME_KINDS = {"date", "daterange", "time", "timerange", "set", "duration", "gap"}
MONTHS = [
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
ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _time_mentions(text: str, published: dt.date | None) -> list[Mention]:
    return [m for m in extract(text, published=published) if m.kind in TIME_KINDS]


def _value(m: Mention) -> tuple[str, str | None]:
    v = m.value
    if isinstance(v, GapClaim):
        inner = v.duration if v.duration is not None else v.previous
        assert inner is not None
        return inner.value, inner.mod
    assert isinstance(v, (TimeValue, Duration))
    return v.value, v.mod


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_fixture(case: dict[str, Any]) -> None:
    published: dt.date | None = None
    if case["published"]:  # a date, or a datetime when the fixture knows the clock time
        pub = case["published"]
        published = dt.datetime.fromisoformat(pub) if "T" in pub else dt.date.fromisoformat(pub)
    found = _time_mentions(case["text"], published)
    assert [m.text for m in found] == [e["text"] for e in case["expect"]]
    for m, e in zip(found, case["expect"], strict=True):
        assert m.kind == e["kind"]
        assert m.text == case["text"][m.span.start : m.span.end]
        assert _value(m) == (e["value"], e.get("mod"))
        if "about" in e:
            assert isinstance(m.value, GapClaim)
            assert m.value.about == e["about"]
        if isinstance(m.value, TimeValue):
            assert m.value.resolved is e.get("resolved", True)
            assert set(e.get("flags", [])) <= set(m.value.flags)


def _render(d: dt.date, style: int) -> str:
    if style == 0:
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == 1:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == 2:
        return d.isoformat()
    if style == 3:
        return f"{ABBR[d.month - 1]} {d.day}, {d.year}"
    return f"{WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year}"


@settings(max_examples=150, deadline=None)
@given(
    d=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    style=st.integers(0, 4),
    published=st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
)
def test_rendered_date_round_trips(d: dt.date, style: int, published: dt.date | None) -> None:
    text = f"It happened on {_render(d, style)} in the city."
    found = _time_mentions(text, published)
    assert len(found) == 1
    assert found[0].kind == "date"
    assert _value(found[0]) == (d.isoformat(), None)


@settings(max_examples=150, deadline=None)
@given(
    published=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2050, 12, 31)), wd=st.integers(0, 6)
)
def test_bare_weekday_resolves_back_within_six_days(published: dt.date, wd: int) -> None:
    found = _time_mentions(f"The strike occurred {WEEKDAYS[wd]}.", published)
    assert len(found) == 1
    tv = found[0].value
    assert isinstance(tv, TimeValue)
    assert tv.start is not None
    day = tv.start.date()
    assert 0 <= (published - day).days <= 6
    assert day.weekday() == wd


@settings(deadline=None)
@given(wd=st.integers(0, 6))
def test_weekday_without_publication_date_stays_unresolved(wd: int) -> None:
    (m,) = _time_mentions(f"on {WEEKDAYS[wd]} the", None)
    assert isinstance(m.value, TimeValue)
    assert not m.value.resolved
    assert m.value.value == f"XXXX-WXX-{wd + 1}"


UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D"}
TIME_UNITS = {"hour": "H", "minute": "M"}
HEDGES = {
    "": None,
    "nearly ": "LESS_THAN",
    "more than ": "MORE_THAN",
    "about ": "APPROX",
    "at least ": "EQUAL_OR_MORE",
}


@settings(max_examples=100, deadline=None)
@given(
    n=st.integers(2, 99),
    unit=st.sampled_from(sorted(UNITS | TIME_UNITS)),
    hedge=st.sampled_from(sorted(HEDGES)),
)
def test_duration_round_trips_to_iso(n: int, unit: str, hedge: str) -> None:
    (m,) = _time_mentions(f"it lasted {hedge}{n} {unit}s in all", None)
    assert m.kind == "duration"
    iso = f"P{n}{UNITS[unit]}" if unit in UNITS else f"PT{n}{TIME_UNITS[unit]}"
    assert _value(m) == (iso, HEDGES[hedge])


def test_nearly_a_year_spans_nine_to_twelve_months() -> None:
    d = times.parse_duration("a year", "LESS_THAN")
    assert d is not None
    assert d.fits(dt.timedelta(days=294))  # Nov. 29, 2018 -> Sept. 19, 2019
    assert not d.fits(dt.timedelta(days=365))
    assert not d.fits(dt.timedelta(days=200))


def test_gap_between_dates_fits_the_hedged_claim() -> None:
    prev = times.parse_date("Nov. 29, 2018")
    now = times.parse_date("Sept. 19, 2019")
    assert prev is not None
    assert now is not None
    gap = prev.gap_to(now)
    assert gap is not None
    claim = times.parse_duration("a year", "LESS_THAN")
    assert claim is not None
    assert claim.fits(gap)


@settings(max_examples=50, deadline=None)
@given(published=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_results_depend_only_on_the_publication_date(published: dt.date) -> None:
    text = "Thursday, yesterday, last week and April 4 were all mentioned."
    assert extract(text, published=published) == extract(text, published=published)
    for m in _time_mentions(text, None):
        assert isinstance(m.value, TimeValue)
        assert not m.value.resolved


def test_seed_digest_items_use_their_own_dates() -> None:
    text = (
        "### [2016-02-26](/news/2016/02/26/index.md)\n\nSeven soldiers were killed on Friday.\n\n"
        "### Related:\n\n1. [Two staff are among dozens killed in yesterday's U.S. airstrike.]"
        "(/news/2016/02/20/two-staff.md) _Context: ISIL_\n"
    )
    found = {m.text: _value(m)[0] for m in _time_mentions(text, dt.date(2016, 2, 26))}
    assert found["Friday"] == "2016-02-26"
    assert found["yesterday"] == "2016-02-19"


def test_pattern_has_only_prefixed_groups() -> None:
    import re

    assert all(name.startswith("t_") for name in re.compile(times.pattern()).groupindex)


# ---- properties over the public time strategies (claimcheck.strategies, "time strategies")

from claimcheck import strategies as cs  # noqa: E402


@settings(max_examples=120, deadline=None)
@given(
    phrase=cs.date_phrases(),
    published=st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
)
def test_strategy_dates_read_back(phrase: tuple[str, TimeValue], published: dt.date | None) -> None:
    text, expected = phrase
    found = _time_mentions(f"It happened on {text} in the city.", published)
    assert [m.text for m in found] == [text]
    value = found[0].value
    assert isinstance(value, TimeValue)
    assert (value.value, value.start, value.end) == (expected.value, expected.start, expected.end)


@settings(max_examples=120, deadline=None)
@given(
    phrase=cs.clock_phrases(),
    published=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
)
def test_strategy_clock_times_fall_on_the_reference_day(
    phrase: tuple[str, int, int], published: dt.date
) -> None:
    text, h, mi = phrase
    found = _time_mentions(f"The blast came at {text} near the market.", published)
    assert len(found) == 1
    value = found[0].value
    assert isinstance(value, TimeValue)
    assert found[0].kind == "time"
    assert value.start == dt.datetime(published.year, published.month, published.day, h, mi)


@settings(max_examples=120, deadline=None)
@given(phrase=cs.duration_phrases())
def test_strategy_durations_read_back(phrase: tuple[str, Duration]) -> None:
    text, expected = phrase
    found = _time_mentions(f"the siege lasted {text} in all", None)
    assert len(found) == 1
    assert found[0].kind == "duration"
    assert _value(found[0]) == (expected.value, expected.mod)


@settings(max_examples=60, deadline=None)
@given(year=st.integers(1950, 2049))
def test_holidays_fall_on_their_rules(year: int) -> None:
    easter = times.holiday_date("easter", year)
    thanksgiving = times.holiday_date("thanksgiving", year)
    assert easter is not None
    assert thanksgiving is not None
    assert easter.isoweekday() == 7
    assert dt.date(year, 3, 22) <= easter <= dt.date(year, 4, 25)
    assert thanksgiving.isoweekday() == 4
    assert thanksgiving.month == 11
    assert 22 <= thanksgiving.day <= 28
    assert times.holiday_date("good friday", year) == easter - dt.timedelta(days=2)
    orthodox = times.holiday_date("orthodox easter", year)  # Julian computus: a Sunday, not before Easter
    assert orthodox is not None
    assert orthodox.isoweekday() == 7
    assert easter <= orthodox <= dt.date(year, 5, 8)


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(2, 59), published=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
)
def test_in_n_days_is_a_future_date(n: int, published: dt.date) -> None:
    (m,) = _time_mentions(f"A ruling is expected in {n} days.", published)
    assert m.kind == "date"
    assert _value(m)[0] == (published + dt.timedelta(days=n)).isoformat()


def test_guard_keeps_every_time_match() -> None:
    """The scanner's guarded pattern finds exactly what the unguarded one does."""
    from claimcheck.extract import _pattern

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    texts = [c["text"] for c in CASES]
    texts += [p.read_text("utf-8") for p in sorted(seeds.glob("*")) if p.is_file()]
    texts += [
        "At 3pm Thursday, a quarter past noon, every Tuesday, Christmas 2019, week 10, in two weeks.",
        "2 extra minutes, 3 fridays from now, 15h30, a 24h strike, the 70s, 3 o'clock, a 5-day truce.",
        "From 9 to 11am, 9:30 - 11:00, 2 / 15, 1990s, 21st century, 5 days ago, 20 past 3pm, 2014-2018.",
        "THEY SAY THIS AFTERNOON, in just over a week, in the early 1990s, at about the end of the month.",
    ]
    for text in texts:
        guarded = [(m.span(), m.lastgroup) for m in _pattern(True).finditer(text)]
        assert guarded == [(m.span(), m.lastgroup) for m in _pattern(False).finditer(text)]


@pytest.mark.parametrize(
    ("text", "passes"),
    [
        ("in the city", False),  # common words chained to no time word
        ("at a time when", False),
        ("in 2015", True),
        ("in the early 1990s", True),
        ("in just over a week", True),  # three common words, then a time word
        ("THIS AFTERNOON", True),  # "AFTER" inside "AFTERNOON" is no common word
    ],
)
def test_guard_lets_common_words_through_only_before_a_time_word(text: str, passes: bool) -> None:
    assert bool(re.match(times.guard(), text)) is passes


_TOKENS = [
    "past", "last", "next", "15h", "3pm", "at", "the", "of", "month", "in", "2", "minutes", "ago",
    "from", "to", "-", "9:30", "Thursday", "morning", "tonight", "every", "first", "day", "week",
    "quarter", "half", "noon", "March", "3rd", "2019", "Christmas", "hours", "between", "and",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=8),
    published=st.none() | st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2030, 12, 31)),
)
def test_time_word_soup_extracts_without_error(words: list[str], published: dt.datetime | None) -> None:
    text = " ".join(words)
    for m in extract(text, published=published):
        assert text[m.span.start : m.span.end] == m.text
