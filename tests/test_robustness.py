"""Extraction robustness: bad input types, odd Unicode, big and pathological texts, no clock.

Every test here checks the contract that holds whatever the grammars find: ``extract`` takes
only ``str``, never raises on any string, returns mentions in text order whose spans slice
back to their text, treats CRLF like LF, and never reads today's clock.
"""

from __future__ import annotations

import datetime as dt
import sys
import types

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import extract
from claimcheck.values import Mention, TimeValue


def assert_well_formed(text: str, mentions: list[Mention]) -> None:
    """Spans lie inside *text*, slice back to each mention's text, and come in text order."""
    previous = -1
    for m in mentions:
        assert 0 <= m.span.start <= m.span.end <= len(text), (m, len(text))
        assert text[m.span.start : m.span.end] == m.text, m
        assert m.span.start >= previous, f"{m} comes before the previous mention"
        previous = m.span.start


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("value", "type_name"),
    [(b"80 killed", "bytes"), (None, "NoneType"), (80, "int"), (bytearray(b"80"), "bytearray")],
    ids=["bytes", "None", "int", "bytearray"],
)
def test_non_str_raises_type_error_naming_the_type(value: object, type_name: str) -> None:
    with pytest.raises(TypeError, match=rf"\b{type_name}\b"):
        extract(value)  # type: ignore[arg-type]


def test_empty_text_gives_nothing() -> None:
    assert extract("") == []
    assert extract("", published=dt.date(2019, 9, 21), day_first=True) == []


@pytest.mark.parametrize("text", [" ", "\n\n\t", "\u00a0\u200b", "no figures in this sentence."])
def test_text_without_figures_gives_nothing(text: str) -> None:
    assert extract(text) == []


# --------------------------------------------------------------------------- arbitrary and odd Unicode

# Pieces that look like the grammars' input, so generated texts reach deep into both grammars
# (figures, scales, hedges, units, months, weekdays, relative words, separators, odd characters).
PIECES = [
    "0", "5", "80", "1,000", "3.5", "2014", "12/03/2015", "4:59", "19-year-old", "MiG-23", "1990s",
    "'90s", "-", "–", "/", ",", ".", "%", "$", "€", "£", "US$", "million", "bn", "dozen", "half",
    "more than", "about", "nearly", "at least", "up to", "between", "and", "to", "or more", "some",
    "km", "kilometres", "miles", "inches", "people", "killed", "a", "the", "of", "since", "in",
    "October", "Oct.", "Nov. 29,", "Thursday", "yesterday", "last", "next", "week", "ago", "year",
    "years", "two", "twenty-one", "first", "3rd", "magnitude", "\u00a0", "\u200b", "\u200f", "\u202e",
    "\u0301", "\ufeff", "\uff18\uff10", "\u0663", "½", "🔥", "\r\n", "\n", "\t",
    "previous", "past", "9000", "Years:", "from now", "|",
]  # fmt: skip
seps = st.sampled_from([" ", "", "  ", "\n", "\u00a0"])
newsy_text = st.lists(st.tuples(st.sampled_from(PIECES), seps), max_size=40).map(
    lambda parts: "".join(p + s for p, s in parts)
)
published = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@settings(max_examples=300, deadline=None)
@given(text=st.text(), when=published, day_first=st.booleans())
def test_any_unicode_never_raises_and_spans_slice_back(
    text: str, when: dt.date | None, day_first: bool
) -> None:
    assert_well_formed(text, extract(text, published=when, day_first=day_first))


@settings(max_examples=300, deadline=None)
@given(text=newsy_text, when=published, day_first=st.booleans())
def test_newsy_fragments_never_raise_and_spans_slice_back(
    text: str, when: dt.date | None, day_first: bool
) -> None:
    assert_well_formed(text, extract(text, published=when, day_first=day_first))


ODD = {
    "nbsp": "more than\u00a080 people died on 5\u00a0October\u00a02014",
    "narrow-nbsp-thousands": "1\u202f000 people and 2\u2009500 homes",
    "zero-width": "8\u200b0 killed, 1\u200c000 hurt, \u200d12 missing\u2060",
    "bom": "\ufeff80 killed on Thursday",
    "rtl-marks": "\u200f80\u200e killed \u202b12\u202c injured \u2067in 2014\u2069",
    "arabic-digits": "\u0668\u0660 \u0642\u062a\u064a\u0644\u0627 and 80 killed",
    "devanagari-digits": "\u096e\u0966 people",
    "fullwidth": "\uff18\uff10 killed, \uff11\uff0c\uff10\uff10\uff10 hurt, \uff12\uff10\uff11\uff14",
    "emoji": "🔥 80 killed 🔥, 3️⃣ missing, 👨‍👩‍👧 1,000 homeless 🇺🇸",
    "combining": "8\u03010 killed, 5\u0301 October 2014, e\u0301le\u0300ve 12",
    "superscript-fractions": "5² km, ½ mile, 3¼ inches, ⅔ of 90",
    "roman-and-circled": "Ⅻ killed, ① ② ③, ⑳",
    "dashes-and-minus": "−5 °C to –10 °C, 2014—2016, 3‒4 dead",
    "surrogates-astral": "𝟖𝟎 killed (math bold digits) and 𝟵 more",
    "lone-marks": "\u0301\u0302\u0303 80",
    "control": "80\x00 killed\x07 on\x1b 5 Oct\x7f 2014",
    "line-separators": "80 killed\u2028on Thursday\u2029in 2014\x85more than 12",
    "only-digits-and-commas": "1,2,3,4,5,6,7,8,9,10,11,12",
    "mixed-scripts": "Москва: 80 убитых, 北京 2014年10月5日 死亡80人",
}


@pytest.mark.parametrize("text", list(ODD.values()), ids=list(ODD))
def test_odd_unicode_never_raises(text: str) -> None:
    for when in (None, dt.date(2019, 9, 21)):
        assert_well_formed(text, extract(text, published=when))


def test_invisible_characters_do_not_hide_plain_figures() -> None:
    """A zero-width character next to a sentence does not stop its plain figures being found."""
    plain = "more than 80 people were killed in 2014"
    for mark in ("\u200b", "\ufeff", "\u200f"):
        found = {m.text for m in extract(f"{mark}{plain}{mark}")}
        assert {m.text for m in extract(plain)} <= found


# --------------------------------------------------------------------------- big and pathological


def test_large_text_finishes_and_scales_by_copies() -> None:
    """A quarter megabyte of copies of one sentence gives copies x the sentence's mentions."""
    sentence = "More than 80 people were killed and 1,200 injured, officials said on 5 October 2014.\n"
    copies = 250_000 // len(sentence) + 1
    big = sentence * copies
    once = extract(sentence)
    mentions = extract(big)
    assert len(mentions) == copies * len(once)
    assert_well_formed(big, mentions[:50])
    assert_well_formed(big, mentions[-50:])
    last = mentions[-len(once) :] if once else []
    offset = len(sentence) * (copies - 1)
    assert [(m.span.start - offset, m.text, m.kind) for m in last] == [
        (m.span.start, m.text, m.kind) for m in once
    ]


# Long runs that a backtracking regex can choke on; a catastrophic pattern would hang here.
PATHOLOGICAL = {
    "digits": "1" * 5000,
    "digit-commas": "1," * 2500,
    "digit-dots": "1." * 2500,
    "thousands-groups": "1" + ",000" * 1200,
    "spaces": " " * 5000,
    "hedges": "more than " * 500,
    "hyphens": "5-" * 2500,
    "slashes": "1/" * 2500,
    "number-words": "twenty-one " * 450,
    "months": "October " * 600,
    "between-and": "between 5 and " * 350,
    "digits-no-end": "9" * 4000 + " million",
}


@pytest.mark.parametrize("text", list(PATHOLOGICAL.values()), ids=list(PATHOLOGICAL))
def test_pathological_runs_finish(text: str) -> None:
    assert_well_formed(text, extract(text))


# --------------------------------------------------------------------------- line endings

CRLF_TEXT = [
    "More than 80 people were killed on Thursday.",
    "Officials said 1,200 were injured in October 2014.",
    "",
    "About 3.5 million dollars, or nearly 40%, went missing last week.",
]


def test_crlf_gives_the_same_mentions_as_lf() -> None:
    lf, crlf = "\n".join(CRLF_TEXT), "\r\n".join(CRLF_TEXT)
    for when in (None, dt.date(2019, 9, 21)):
        by_lf, by_crlf = extract(lf, published=when), extract(crlf, published=when)
        assert_well_formed(crlf, by_crlf)
        assert [(m.text, m.kind, m.value) for m in by_crlf] == [(m.text, m.kind, m.value) for m in by_lf]


def test_lone_cr_line_endings_do_not_break_spans() -> None:
    text = "\r".join(CRLF_TEXT)
    assert_well_formed(text, extract(text))


# --------------------------------------------------------------------------- no wall clock

RELATIVE_TEXTS = [
    "The attack happened on Thursday and 80 people died.",
    "Yesterday, police said 12 were hurt; two days ago nobody knew.",
    "Last week more than 40 homes burned, and earlier this month 3 more.",
    "The first strike since April 4, officials said this year.",
    "Next Monday the council meets; last month it met on the 3rd.",
]


class _RealInstances(type):
    """Metaclass: ``isinstance(x, _NoClockDate)`` is true for every real ``date``, so checks still pass."""

    def __instancecheck__(cls, obj: object) -> bool:
        return isinstance(obj, cls.__mro__[1])

    def __subclasscheck__(cls, sub: type) -> bool:
        return issubclass(sub, cls.__mro__[1])


class _NoClockDate(dt.date, metaclass=_RealInstances):
    @classmethod
    def today(cls) -> _NoClockDate:
        msg = "claimcheck read today's date; anchor relative time to `published` instead"
        raise AssertionError(msg)


class _NoClockDateTime(dt.datetime, metaclass=_RealInstances):
    @classmethod
    def today(cls) -> _NoClockDateTime:
        msg = "claimcheck read the clock (datetime.today); anchor relative time to `published` instead"
        raise AssertionError(msg)

    @classmethod
    def now(cls, tz: dt.tzinfo | None = None) -> _NoClockDateTime:
        msg = "claimcheck read the clock (datetime.now); anchor relative time to `published` instead"
        raise AssertionError(msg)

    @classmethod
    def utcnow(cls) -> _NoClockDateTime:
        msg = "claimcheck read the clock (datetime.utcnow); anchor relative time to `published` instead"
        raise AssertionError(msg)


@pytest.fixture
def no_clock(monkeypatch: pytest.MonkeyPatch) -> int:
    """Make ``date.today()`` / ``datetime.now()`` raise inside every loaded claimcheck module.

    Returns how many module attributes were replaced.
    """
    patched = 0
    guarded = types.SimpleNamespace(**vars(dt))
    guarded.date = _NoClockDate
    guarded.datetime = _NoClockDateTime
    for name, module in list(sys.modules.items()):
        if not (name == "claimcheck" or name.startswith("claimcheck.")) or module is None:
            continue
        for attr, value in list(vars(module).items()):
            if value is dt:
                monkeypatch.setattr(module, attr, guarded)
                patched += 1
            elif value is dt.date:
                monkeypatch.setattr(module, attr, _NoClockDate)
                patched += 1
            elif value is dt.datetime:
                monkeypatch.setattr(module, attr, _NoClockDateTime)
                patched += 1
    return patched


@pytest.mark.parametrize("text", RELATIVE_TEXTS)
def test_extraction_never_reads_the_clock(text: str, no_clock: int) -> None:
    assert no_clock > 0, "no claimcheck module imports datetime; the guard guards nothing"
    for when in (None, dt.date(2019, 9, 21)):
        assert_well_formed(text, extract(text, published=when))


@pytest.mark.parametrize("text", RELATIVE_TEXTS)
def test_without_published_relative_time_stays_unresolved(text: str) -> None:
    times = [m.value for m in extract(text) if isinstance(m.value, TimeValue)]
    for value in times:
        assert not value.anchored, value
        assert not value.resolved, value
        assert value.start is None, value
        assert value.end is None, value


@pytest.mark.parametrize(
    "text",
    [
        "Previous Years: 2013 | 2014 | 2015",  # a table heading, read as "the last 2013 years"
        "the past 3000 years",
        "in the next 9000 years",
        "9000 years from now",
        "the last 800000 days",
    ],
)
def test_date_arithmetic_past_the_calendar_gives_no_value_instead_of_raising(text: str) -> None:
    mentions = extract(text, published=dt.date(2016, 1, 17))
    assert_well_formed(text, mentions)
    for m in mentions:
        if isinstance(m.value, TimeValue) and m.value.start is not None:
            assert 1 <= m.value.start.year <= 9999
