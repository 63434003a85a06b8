"""The conformance disagreement ledger: every failed conformance case, classified by rule.

The shared scorer (``../shared/conformance/score.py``) says which cases fail. This module says
*why*, by general rules over the expectation and claimcheck's prediction (never by case id):

* **(a) convention**: the suite expects something ``../shared/CONVENTIONS.md`` rules out, and our
  prediction is what the conventions say (each rule names the row it follows);
* **(b) notation**: our value and the expectation denote the same interval of time, written in
  notations the scorer does not unify (``2016-02`` and ``2016-02-01/2016-03-01``);
* **(c) extractor**: everything else, split into ``missing``, ``spurious``, ``span`` and ``value``.

A case is (a) or (b) only when *every* problem the scorer reports in it (each missing expectation,
each spurious prediction, each value mismatch) is explained by a rule; a case with any problem no
rule explains is (c). Rules are deliberately narrow: when in doubt a problem stays unexplained.
The rules and their arguments are documented in ``docs/conformance-ledger.md``. Run::

    python benchmarks/conformance.py --ledger               # score, then classify (table)
    python benchmarks/ledger.py --from-json /tmp/out.json   # classify an existing scorer report
    python benchmarks/ledger.py --from-json /tmp/out.json --json ledger.json --examples 3

When ``../shared`` is missing this says so and exits 0.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT.parent / "shared" / "conformance"

Json = Mapping[str, Any]


# --------------------------------------------------------------------------------------------
# rules
# --------------------------------------------------------------------------------------------
@attrs.frozen
class Rule:
    """One general reason a failure is not an extractor bug: its kind and the row it follows."""

    name: str
    kind: str  # "a" (convention disagreement) or "b" (notation only)
    cites: str  # the CONVENTIONS.md row (or conformance README note) the rule rests on
    summary: str


RULES: dict[str, Rule] = {
    r.name: r
    for r in (
        Rule(
            "number-inside-mention",
            "a",
            'Fine print: "A number inside a larger mention is not a mention of its own"; '
            '"Not amounts: years and other parts of dates, times of day"',
            "a number the suite lists on its own lies inside a date, time, money or quantity we found",
        ),
        Rule(
            "identifier-digits",
            "a",
            'Amounts: "Not amounts: ... identifiers: "MiG-23", "B-2" ... phone numbers"',
            "digits glued to letters or to other digit groups (IP addresses, phone numbers, codes)",
        ),
        Rule(
            "ordinal-not-count",
            "a",
            'Amounts: "Ordinals ("7th", "the first") are `ordinal`, never counts."',
            "the suite reads ordinals (between the tenth and the fifteenth) as a numeric range",
        ),
        Rule(
            "metric-tonne",
            "a",
            'Amounts: "Other units are `quantity` with a unit name pint parses"; in pint `ton` is the '
            "US short ton (2000 lb) and `metric_ton`/`tonne` the 1000 kg the words mean",
            'the suite maps "tonnes" and "t" to pint\'s short ton; we give the metric ton',
        ),
        Rule(
            "duration-not-quantity",
            "a",
            'Time: "Durations are ISO 8601: "P1Y", "P3M", "P6W", "PT24H""; Fine print: "a 24-hour '
            'ceasefire", "18-month transition" are durations',
            "the suite counts a span of time as a quantity in a time unit; we give the duration",
        ),
        Rule(
            "dozen-is-twelve",
            "a",
            'Amounts table: "a dozen" = 12; Scales: ""two dozen" = 24 exact"',
            "the suite counts one unit called dozen; the conventions read the number 12",
        ),
        Rule(
            "hedge-bound",
            "a",
            'Amounts table: "more than 80" = low 80 open; "at least 80" = low 80; "under 80" = high 80 open',
            "the suite drops the hedge and expects the bare figure; we put the hedge in the interval",
        ),
        Rule(
            "range-one-mention",
            "a",
            'Amounts table: "between 20 and 30", "20 to 30", "20-30" = low 20, high 30',
            "the suite expects one end of a stated range; we give the whole range as one amount",
        ),
        Rule(
            "subunit-money",
            "a",
            'Amounts: "Money is `money` with an ISO 4217 `unit`"',
            "cents/pence: the suite counts the coin (34 of an unnamed unit); we give 0.34 USD",
        ),
        Rule(
            "vague-quantifier",
            "a",
            'Amounts table: "a few" = 2-5 APPROX, "a couple of" = 2 APPROX, "several" = 3-9 APPROX',
            "the suite reads a vague quantifier as one number (Duckling: few = 3)",
        ),
        Rule(
            "forward-resolution",
            "a",
            'Time: "a bare weekday means the most recent such day on or before the publication date"; '
            '"a month and day without a year takes the publication year, or the year before when that '
            'would put it more than a month after publication"',
            "the suite (mostly Duckling) resolves an underspecified date or time to its next "
            "occurrence; we take the occurrence the conventions name (the most recent one)",
        ),
        Rule(
            "yearless-resolved",
            "a",
            'Time: "a month and day without a year takes the publication year, or the year before ..."; '
            '"a bare weekday means the most recent such day on or before the publication date"',
            "the suite leaves the year/week unknown (XXXX) and lists no matching alternative; we resolve "
            "it against the publication date as the conventions require",
        ),
        Rule(
            "clock-anchored",
            "a",
            'Time: "Relative expressions are anchored to the document\'s publication date"',
            "the suite leaves a clock time without a date (T15:00); we anchor it to the publication date",
        ),
        Rule(
            "range-last-period",
            "a",
            'Fine print: "Date ranges ... include the last period: 2014-01-01 up to 2017-01-01 (P3Y)"',
            "the suite's date range stops at the start of its last day/month/year; ours includes it",
        ),
        Rule(
            "clock-range-last-period",
            "a",
            'Fine print: "Date ranges ... include the last period" (by analogy, for clock ranges)',
            "the suite's clock range stops at the start of its last hour/minute; ours includes it",
        ),
        Rule(
            "since-on-or-after",
            "a",
            'Time table: "since 2014" = 2014 ON_OR_AFTER',
            'Duckling writes "since" as AFTER; the conventions say ON_OR_AFTER',
        ),
        Rule(
            "until-on-or-before",
            "a",
            'Time table: "before 2014", "until 2014" = 2014 BEFORE / ON_OR_BEFORE',
            '"until", "through", "no later than" include the date (ON_OR_BEFORE); the suite writes BEFORE',
        ),
        Rule(
            "next-weekday",
            "a",
            'Fine print: ""next Monday" the first Monday after it"',
            '"next Friday" is the first Friday after publication; the suite takes the Friday a week later',
        ),
        Rule(
            "last-weekday",
            "a",
            'Fine print: ""last Thursday" is the most recent Thursday before publication"',
            '"last Wednesday" said on a Thursday is the day before; the suite takes the Wednesday of the '
            "week before",
        ),
        Rule(
            "start-mid-end-third",
            "a",
            'Time table: "early 2015", "mid-2015", "late 2015" = 2015 START / MID / END; '
            '"START/MID/END are the first, middle and last third of the period"',
            "the suite writes early/mid/late as explicit dates; we write the period with its TIMEX3 mod "
            "(the dates agree with the conventions' third to within a tenth of the period)",
        ),
        Rule(
            "season-code",
            "a",
            'Fine print: "Seasons and quarters: "2011-SP", "2015-SU", "2019-Q3""',
            "the suite gives a season as astronomical dates; the conventions write a TIMEX3 season code",
        ),
        Rule(
            "part-of-day-code",
            "a",
            'Time: "Dates and times are TIMEX3 values" (TIMEX3 parts of day: TMO, TAF, TEV, TNI)',
            "the suite gives a part of the day as clock hours; we write the TIMEX3 part-of-day code",
        ),
        Rule(
            "relative-offset-day",
            "a",
            'Time: "yesterday", "two days ago" ... "count back from the publication date"; '
            '"A resolved date is also an interval of days"',
            "an offset from the publication date (in 7 days, two years ago) is a calendar day for us; "
            "Duckling keeps the reference hour or coarsens to a month",
        ),
        Rule(
            "suite-own-type-only",
            "a",
            'conformance/README.md: "Recognizers parser specs list only their own type. Any other '
            'temporal mention an adapter finds in the same sentence counts as spurious."',
            "a sound mention of another temporal type in a parser-spec suite, which lists only its own type",
        ),
        Rule(
            "notation",
            "b",
            'Time: "A resolved date is also an interval of days [start, end)"; "Durations are ISO 8601"',
            "same interval or duration, another notation (2016-02 vs 2016-02-01/2016-03-01; 2013-Q1 vs "
            "its interval; P13M21D vs P1Y1M21D)",
        ),
    )
}

# Issue targets (pass rate, percent) per suite file.
TARGETS: dict[str, float] = {
    "recognizers-number.jsonl": 95,
    "recognizers-numberrange.jsonl": 95,
    "duckling-numeral.jsonl": 95,
    "recognizers-percent.jsonl": 85,
    "recognizers-dimension.jsonl": 85,
    "recognizers-currency.jsonl": 85,
    "duckling-distance.jsonl": 85,
    "duckling-quantity.jsonl": 85,
    "duckling-money.jsonl": 85,
    "quantulum3.jsonl": 85,
    "recognizers-date.jsonl": 90,
    "recognizers-duration.jsonl": 90,
    "duckling-duration.jsonl": 90,
    "recognizers-dateperiod.jsonl": 80,
    "recognizers-datetime.jsonl": 80,
    "duckling-time.jsonl": 60,
}

TEMPORAL = {"date", "daterange", "time", "timerange", "set"}
GROUPS = {
    "number": "numeric",
    "range": "numeric",
    "percent": "percent",
    "ordinal": "ordinal",
    "quantity": "quantity",
    "money": "money",
    "date": "temporal",
    "daterange": "temporal",
    "time": "temporal",
    "timerange": "temporal",
    "set": "temporal",
    "duration": "duration",
}
PARSER_SPEC_SUITES = {"recognizers-date", "recognizers-dateperiod", "recognizers-duration"}

# Hedge words of the CONVENTIONS amounts table (bound rows only; approximations are `mod`).
_LOW_OPEN = r"more than|over|above|in excess of|exceeding|exceeds?"
_LOW_CLOSED = r"at least|no fewer than|no less than"
_HIGH_OPEN = r"fewer than|less than|under|below"
_HIGH_CLOSED = r"up to|as many as|at most|no more than"
_HEDGE_BEFORE = re.compile(
    rf"(?i)^(?:{_LOW_OPEN}|{_LOW_CLOSED}|{_HIGH_OPEN}|{_HIGH_CLOSED})\s*$",
)
_HEDGE_AFTER = re.compile(r"(?i)^\s*(?:or more|or fewer|or less|\+|-?plus)$")
_RANGE_LINK = re.compile(r"(?i)\d\s*(?:-|–|—|to|and|through|till|until)\s*|^(?:between|from)\b")
_APPROX_WORD = re.compile(r"(?i)(?:about|around|roughly|some|approximately|nearly|almost|close to)\b")
_SUBUNIT = re.compile(r"(?i)cents?\b|penny|pence|pennies|¢|\dp\b")
# CONVENTIONS vague quantifiers: phrase -> (low, high); all APPROX.
_VAGUE: dict[str, tuple[float, float]] = {
    "a couple of": (2, 2),
    "a couple": (2, 2),
    "couple": (2, 2),
    "a few": (2, 5),
    "few": (2, 5),
    "a handful of": (2, 6),
    "several": (3, 9),
    "dozens of": (24, 99),
    "dozens": (24, 99),
    "scores of": (40, 99),
    "tens of": (20, 99),
    "hundreds of": (200, 999),
    "hundreds": (200, 999),
    "thousands of": (2000, 9999),
    "thousands": (2000, 9999),
}
_OFFSET = re.compile(
    r"(?i)\b(?:days?|weeks?|fortnights?|months?|years?)\s+(?:ago|hence|from now|later|earlier)\b"
    r"|\bin\s+(?:a|an|one|\d+|[a-z]+)\s+(?:days?|weeks?|fortnights?|months?|years?)\b"
)


# --------------------------------------------------------------------------------------------
# temporal values as [start, end) intervals
# --------------------------------------------------------------------------------------------
@attrs.frozen
class Period:
    """A temporal value as the half-open interval [start, end) and the grain it was written at."""

    start: dt.datetime
    end: dt.datetime
    grain: str  # year, quarter, half, month, week, day, hour, minute, second, or range:<end grain>


def _add_months(d: dt.datetime, n: int) -> dt.datetime:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return d.replace(year=year, month=month, day=min(d.day, calendar.monthrange(year, month)[1]))


def step(d: dt.datetime, grain: str, n: int = 1) -> dt.datetime:
    """``d`` moved by ``n`` units of ``grain``.

    >>> step(dt.datetime(2016, 11, 22), "day")
    datetime.datetime(2016, 11, 23, 0, 0)
    >>> step(dt.datetime(2016, 1, 31), "month")
    datetime.datetime(2016, 2, 29, 0, 0)
    """
    months = {"year": 12, "half": 6, "quarter": 3, "month": 1}
    if grain in months:
        return _add_months(d, n * months[grain])
    if grain == "decade":
        return _add_months(d, n * 120)
    seconds = {"week": 604800, "day": 86400, "hour": 3600, "minute": 60, "second": 1}[grain]
    return d + dt.timedelta(seconds=n * seconds)


_DT = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2})(?::(\d{2}))?(?::(\d{2}))?(?:\.\d+)?")


def _datetime(m: re.Match[str]) -> dt.datetime:
    y, mo, d, h, mi, se = (int(g) if g else 0 for g in m.groups())
    return dt.datetime(y, mo, d, h, mi, se)


def period(value: object) -> Period | None:
    """Parse a TIMEX3/ISO value or an interval (``A/B``, ``(A,B,D)``) into a Period; None if not exact.

    >>> period("2016-02")
    Period(start=datetime.datetime(2016, 2, 1, 0, 0), end=datetime.datetime(2016, 3, 1, 0, 0), grain='month')
    >>> period("2013-Q1") == period("2013-01-01/2013-04-01")
    False
    >>> (period("2013-Q1").start, period("2013-Q1").end) == (dt.datetime(2013, 1, 1), dt.datetime(2013, 4, 1))
    True
    >>> period("XXXX-02") is None
    True
    """
    if not isinstance(value, str):
        return None
    s = value.strip()
    m = re.fullmatch(r"\(([^,]*),([^,]*),([^,]*)\)", s)
    parts = [m.group(1), m.group(2)] if m else (s.split("/", 1) if "/" in s and not s.startswith("P") else [])
    if parts:
        a, b = period(parts[0]), period(parts[1])
        if a is None or b is None:
            return None
        return Period(a.start, b.start, "range:" + b.grain)
    if m := re.fullmatch(r"(\d{4})", s):
        d = dt.datetime(int(m.group(1)), 1, 1)
        return Period(d, step(d, "year"), "year")
    if m := re.fullmatch(r"(\d{2})", s):  # TIMEX3 century: "19" is 1900-1999
        d = dt.datetime(max(1, int(m.group(1)) * 100), 1, 1)
        return Period(d, _add_months(d, 1200), "century")
    if m := re.fullmatch(r"(\d{3})", s):
        d = dt.datetime(int(m.group(1)) * 10, 1, 1)
        return Period(d, step(d, "decade"), "decade")
    if m := re.fullmatch(r"(\d{4})-(\d{2})", s):
        d = dt.datetime(int(m.group(1)), int(m.group(2)), 1)
        return Period(d, step(d, "month"), "month")
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s):
        try:
            d = dt.datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        return Period(d, step(d, "day"), "day")
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", s):
        try:
            day = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
        d = dt.datetime(day.year, day.month, day.day)
        return Period(d, step(d, "week"), "week")
    if m := re.fullmatch(r"(\d{4})-([QH])([1-4])", s):
        grain = "quarter" if m.group(2) == "Q" else "half"
        n = int(m.group(3))
        if grain == "half" and n > 2:
            return None
        d = dt.datetime(int(m.group(1)), 1 + (n - 1) * (3 if grain == "quarter" else 6), 1)
        return Period(d, step(d, grain), grain)
    if m := _DT.fullmatch(s):
        try:
            d = _datetime(m)
        except ValueError:
            return None
        grain = "second" if m.group(6) else "minute" if m.group(5) else "hour"
        return Period(d, step(d, grain), grain)
    return None


def parse_ref(ref: object) -> dt.datetime | None:
    """The reference time as naive local wall time (the suites write expected values that way).

    >>> parse_ref("2013-02-12T04:30:00-02:00")
    datetime.datetime(2013, 2, 12, 4, 30)
    """
    if not isinstance(ref, str):
        return None
    m = _DT.match(ref)
    if not m:
        return None
    return _datetime(m)


def resolve_month_day(month: int, day: int, ref: dt.datetime) -> dt.datetime | None:
    """CONVENTIONS: the publication year, or the year before when that is over a month after publication.

    >>> resolve_month_day(4, 4, dt.datetime(2013, 2, 12))
    datetime.datetime(2012, 4, 4, 0, 0)
    >>> resolve_month_day(3, 1, dt.datetime(2013, 2, 12))
    datetime.datetime(2013, 3, 1, 0, 0)
    """
    for year in (ref.year, ref.year - 1):
        try:
            d = dt.datetime(year, month, day)
        except ValueError:
            continue
        if d <= _add_months(ref, 1):
            return d
    return None


def resolve_weekday(iso_day: int, ref: dt.datetime) -> dt.datetime:
    """CONVENTIONS: a bare weekday is the most recent such day on or before the publication date.

    >>> resolve_weekday(4, dt.datetime(2019, 9, 21))
    datetime.datetime(2019, 9, 19, 0, 0)
    """
    base = dt.datetime(ref.year, ref.month, ref.day)
    return base - dt.timedelta(days=(base.isoweekday() - iso_day) % 7)


def resolve_unknown(value: str, ref: dt.datetime | None) -> str | None:
    """Fill the XXXX year / WXX week of a Recognizers value as the conventions resolve them.

    >>> resolve_unknown("XXXX-04-04", dt.datetime(2013, 2, 12))
    '2012-04-04'
    >>> resolve_unknown("(XXXX-09-03,XXXX-09-12,P9D)", dt.datetime(2016, 11, 7))
    '2016-09-03/2016-09-12'
    >>> resolve_unknown("XXXX-WXX-1T08", dt.datetime(2017, 12, 4))
    '2017-12-04T08'
    """
    if ref is None or "X" not in value:
        return None
    m = re.fullmatch(r"\(([^,]*),([^,]*),([^,]*)\)", value)
    if m or ("/" in value and not value.startswith("P")):
        a, b = (m.group(1), m.group(2)) if m else value.split("/", 1)
        ra, rb = resolve_unknown(a, ref) or a, resolve_unknown(b, ref) or b
        pa, pb = period(ra), period(rb)
        if pa is None or pb is None:
            return None
        if pb.start < pa.start and "XXXX" in b:  # "Dec 28 to Jan 3": the end is in the next year
            rb = str(pb.start.year + 1) + rb[4:]
        return f"{ra}/{rb}"
    if mm := re.fullmatch(r"XXXX-(\d{2})-(\d{2})(T.*)?", value):
        d = resolve_month_day(int(mm.group(1)), int(mm.group(2)), ref)
        return None if d is None else d.strftime("%Y-%m-%d") + (mm.group(3) or "")
    if mm := re.fullmatch(r"XXXX-(\d{2})", value):
        d = resolve_month_day(int(mm.group(1)), 1, ref)
        return None if d is None else d.strftime("%Y-%m")
    if mm := re.fullmatch(r"XXXX-WXX-([1-7])(T.*)?", value):
        return resolve_weekday(int(mm.group(1)), ref).strftime("%Y-%m-%d") + (mm.group(2) or "")
    return None


def anchor_clock(value: str, ref: dt.datetime | None) -> str | None:
    """A bare clock value (``T15:00``, ``(T17,T18,PT1H)``) put on the publication date.

    >>> anchor_clock("(T17,T18,PT1H)", dt.datetime(2016, 11, 7, 16, 12))
    '2016-11-07T17/2016-11-07T18'
    """
    if ref is None:
        return None
    day = ref.strftime("%Y-%m-%d")
    m = re.fullmatch(r"\(([^,]*),([^,]*),([^,]*)\)", value)
    if m or ("/" in value and not value.startswith("P")):
        a, b = (m.group(1), m.group(2)) if m else value.split("/", 1)
        ra, rb = anchor_clock(a, ref), anchor_clock(b, ref)
        return None if ra is None or rb is None else f"{ra}/{rb}"
    if re.fullmatch(r"T\d{2}(?::\d{2}){0,2}", value):
        return day + value
    return None


# --------------------------------------------------------------------------------------------
# per-problem rules
# --------------------------------------------------------------------------------------------
def _f(x: object) -> float | None:
    if x is None or isinstance(x, bool):
        return None
    try:
        return float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _eq(a: object, b: object) -> bool:
    fa, fb = _f(a), _f(b)
    if fa is None or fb is None:
        return fa is None and fb is None
    return abs(fa - fb) <= 1e-9 * max(1.0, abs(fa), abs(fb))


def _span(m: Json) -> tuple[int, int] | None:
    s, e = m.get("start"), m.get("end")
    return (s, e) if isinstance(s, int) and isinstance(e, int) else None


def _contains(outer: Json, inner: Json) -> bool:
    o, i = _span(outer), _span(inner)
    return o is not None and i is not None and o[0] <= i[0] and i[1] <= o[1]


def _group(m: Json) -> str:
    return GROUPS.get(str(m.get("type")), "?")


def _extra(text: str, outer: Json, inner: Json) -> tuple[str, str]:
    """The text of ``outer`` before and after ``inner`` (both spans known, inner inside outer)."""
    o, i = _span(outer), _span(inner)
    assert o is not None
    assert i is not None
    return text[o[0] : i[0]], text[i[1] : o[1]]


_LEAD = re.compile(r"(?i)^(?:(?:on|at|in|the|from|for|during|of|by)\s+)+")


def covers(pred: Json, exp: Json, text: str) -> bool:
    """Our span covers the expected one, leading prepositions/articles and end punctuation aside.

    >>> t = "on Saturday for 9am."
    >>> covers({"start": 3, "end": 19}, {"start": 0, "end": 20}, t)
    True
    >>> covers({"start": 12, "end": 19}, {"start": 0, "end": 20}, t)
    False
    """
    ps, es = _span(pred), _span(exp)
    if ps is None or es is None:
        return True
    s, e = es
    lead = _LEAD.match(text[s:e])
    s += lead.end() if lead else 0
    e = s + len(text[s:e].rstrip(" .,;:!?"))
    return ps[0] <= s and e <= ps[1]


def _exact(m: Json) -> bool:
    return m.get("low") is not None and _eq(m.get("low"), m.get("high"))


_OLD = re.compile(r"(?i)\bold\b|\bof age\b")
_TIME_UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}
_TIME_UNITS |= {"month": 30 * 86400, "year": 365 * 86400}
_DUR = re.compile(
    r"P(?:([\d.]+)Y)?(?:([\d.]+)Q)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?"
    r"(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?)?"
)
_DUR_SECONDS = (365 * 86400, 90 * 86400, 30 * 86400, 604800, 86400, 3600, 60, 1)


def duration_seconds(value: object) -> float | None:
    """An ISO 8601 duration in seconds with the scorer's conventions (Y = 365 d, M = 30 d).

    >>> duration_seconds("P6W") == 6 * 604800
    True
    """
    m = _DUR.fullmatch(str(value))
    if not m or str(value) in {"P", "PT"}:
        return None
    return sum(float(g) * k for g, k in zip(m.groups(), _DUR_SECONDS, strict=True) if g)


def duration_parts(value: object) -> tuple[float, float, float] | None:
    """An ISO 8601 duration as calendar parts: (months, days, seconds), Y = 12 M, Q = 3 M, W = 7 D.

    >>> duration_parts("P1Y1M21D") == duration_parts("P13M21D")
    True
    >>> duration_parts("PT130M") == duration_parts("PT2H10M")
    True
    """
    m = _DUR.fullmatch(str(value))
    if not m or str(value) in {"P", "PT"}:
        return None
    y, q, mo, w, d, h, mi, se = (float(g) if g else 0.0 for g in m.groups())
    return (y * 12 + q * 3 + mo, w * 7 + d, h * 3600 + mi * 60 + se)


def explain_duration(exp: Json, pred: Json) -> str | None:
    """Notation: the same duration in other units the scorer's day counts do not equate (P13M = P1Y1M)."""
    ours = duration_parts(pred.get("value"))
    if ours is None or (exp.get("mod") is not None and exp.get("mod") != pred.get("mod")):
        return None
    for c in [exp.get("value"), *(exp.get("alt_values") or [])]:
        theirs = duration_parts(c)
        if theirs is not None and all(abs(a - b) < 1e-9 for a, b in zip(ours, theirs, strict=True)):
            return "notation"
    return None


def _used(exp: Json, text: str, predicted: Sequence[Json]) -> tuple[str, Json] | None:
    """A rule explaining a missing expectation through one prediction we made instead, or None.

    * a quantity in a unit of time that we read as a duration (CONVENTIONS: durations are ISO 8601);
    * "a dozen" that the suite counts as one unit called dozen and we as the number 12.
    """
    if exp.get("type") != "quantity":
        return None
    unit = str(exp.get("unit") or "")
    for p in predicted:
        if not covers(p, exp, text.replace("'", " ")):
            continue
        etext = str(exp.get("text") or "").lower()
        if p.get("type") == "duration" and unit in _TIME_UNITS and _exact(exp) and not _OLD.search(text):
            secs = duration_seconds(p.get("value"))
            same_length = secs is not None and abs(secs - float(exp["low"]) * _TIME_UNITS[unit]) < 1e-6
            inside = _span(p) != _span(exp)  # one piece of a longer duration ("3 years, 2 months")
            hedge = p.get("mod") is None or (
                p.get("mod") == "APPROX" and _APPROX_WORD.match(_extra(text, p, exp)[0]) is not None
            )
            if (same_length or inside) and hedge:
                return "duration-not-quantity", p
        dozen = not unit and re.fullmatch(r"(?:a|one) dozen", etext) and p.get("type") == "number"
        if dozen and _eq(p.get("low"), 12) and _eq(p.get("high"), 12):
            return "dozen-is-twelve", p
    return None


def explain_missing(exp: Json, text: str, predicted: Sequence[Json]) -> str | None:
    """The rule explaining an expectation we did not match, or None."""
    if (used := _used(exp, text, predicted)) is not None:
        return used[0]
    if _group(exp) in {"numeric", "percent"}:
        span = _span(exp)
        if span is None:  # no span in the source: a figure we read as part of a larger mention
            for p in predicted:
                if _group(p) not in {"numeric", "percent"} and _exact(exp) and _eq(p.get("low"), exp["low"]):
                    return "number-inside-mention"
            return None
        for p in predicted:
            larger = _span(p) != span or (
                _group(p) == "temporal" and re.fullmatch(r"1\d{3}|20\d{2}", text[span[0] : span[1]])
            )  # a year read as a date: "Not amounts: years"
            if _contains(p, exp) and _group(p) != _group(exp) and larger:
                return "number-inside-mention"
        ords = [p for p in predicted if p.get("type") == "ordinal" and _contains(exp, p)]
        bounds = [b for b in (exp.get("low"), exp.get("high")) if b is not None]
        if ords and bounds and all(any(_eq(o.get("low"), b) for o in ords) for b in bounds):
            return "ordinal-not-count"
        s, e = span
        before, after = text[max(0, s - 2) : s], text[e : e + 2]
        # letters before the digits (MiG-23, G7) or another digit group through . / : - (10.0.4.7,
        # a phone number); letters after the digits are a unit or an adjective (3km, 28-year-old)
        glued = re.search(r"(?:[A-Za-z]-?|\d[./:-]|\+)$", before) or re.match(r"[./:-]\d", after)
        if glued and re.fullmatch(r"\d+", text[s:e].strip()):
            return "identifier-digits"
    return None


def explain_spurious(pred: Json, suite: str, expected: Sequence[Json], suite_types: set[str]) -> str | None:
    """The rule explaining a prediction the suite does not list, or None."""
    own_type_only = suite.removesuffix(".jsonl") in PARSER_SPEC_SUITES
    alone = not any(_overlaps(pred, e) for e in expected)
    if own_type_only and pred.get("type") not in suite_types and alone:
        return "suite-own-type-only"
    return None


def _overlaps(a: Json, b: Json) -> bool:
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return True
    return min(sa[1], sb[1]) > max(sa[0], sb[0])


def explain_amount(exp: Json, pred: Json, text: str) -> str | None:
    """The rule explaining a numeric, money or quantity value mismatch, or None."""
    t = exp.get("type")
    if (
        t == "money"
        and exp.get("unit") is not None
        and str(exp["unit"]).upper() != str(pred.get("unit")).upper()
    ):
        return None
    etext = str(exp.get("text") or "")
    tonne = re.search(r"(?i)tonnes?\b|\dt\b|\d\s+t\b", etext)
    if t == "quantity" and exp.get("unit") == "ton" and pred.get("unit") in {"metric_ton", "tonne"} and tonne:
        same = _eq(exp.get("low"), pred.get("low")) and _eq(exp.get("high"), pred.get("high"))
        return "metric-tonne" if same else None
    if t == "quantity" and exp.get("unit") is not None and exp.get("unit") != pred.get("unit"):
        return None
    if _exact(exp) and _contains(pred, exp) and exp.get("mod") is None:
        n = exp["low"]
        before, after = _extra(text, pred, exp)
        lo, hi = pred.get("low"), pred.get("high")
        bound = (_eq(lo, n) and hi is None) or (_eq(hi, n) and lo is None)
        hedged = (_HEDGE_BEFORE.match(before) and not after.strip()) or (
            _HEDGE_AFTER.match(after) and not before.strip()
        )
        if bound and pred.get("mod") is None and hedged:
            return "hedge-bound"
        if lo is not None and hi is not None and not _eq(lo, hi) and (_eq(lo, n) or _eq(hi, n)):
            ptext = text[pred["start"] : pred["end"]]
            if _RANGE_LINK.search(ptext) and (pred.get("mod") or not _APPROX_WORD.match(ptext)):
                return "range-one-mention"
    coin = t == "money" and exp.get("unit") is None and _SUBUNIT.search(etext)
    if coin and _exact(exp) and _exact(pred) and _eq(float(pred["low"]) * 100, exp["low"]):
        return "subunit-money"
    if _exact(exp) and pred.get("mod") == "APPROX":
        low_high = _VAGUE.get(re.sub(r"\s+", " ", etext.strip().lower()))
        if low_high and _eq(pred.get("low"), low_high[0]) and _eq(pred.get("high"), low_high[1]):
            return "vague-quantifier"
    return None


def _features(d: dt.datetime) -> dict[str, int]:
    return {
        "month": d.month,
        "day": d.day,
        "weekday": d.isoweekday(),
        "nth": (d.day - 1) // 7,
        "last": int(d.day + 7 > calendar.monthrange(d.year, d.month)[1]),
        "clock": d.hour * 3600 + d.minute * 60 + d.second,
    }


def forward_resolution(ours: Period, theirs: Period, ref: dt.datetime, etext: str) -> bool:
    """True when theirs is the next occurrence after ``ref`` and ours the one the conventions name.

    The recurring pattern is what both values share (weekday, day of month, month, n-th weekday,
    clock time); ours must be its latest occurrence on or before the reference and theirs its
    first after it. A yearly pattern also needs theirs to lie more than a month after the
    reference (otherwise the conventions themselves pick it). A clock time without am/pm ("3:30"
    read as 03:30 where Duckling says 15:30) is not excused: no row says which half of the day.

    >>> r = dt.datetime(2013, 2, 12, 4, 30)
    >>> forward_resolution(period("2013-02-11"), period("2013-02-18"), r, "monday")
    True
    >>> forward_resolution(period("2013-02-11"), period("2013-02-19"), r, "monday")
    False
    """
    ranges = ours.grain.startswith("range:"), theirs.grain.startswith("range:")
    if ranges[0] != ranges[1] or not ours.start <= ref < theirs.start:
        return False
    if ranges[0] and ours.end - ours.start != theirs.end - theirs.start:
        return False
    if not ranges[0] and (ours.grain in _SUB_DAY) != (theirs.grain in _SUB_DAY):
        return False
    if not ranges[0] and ours.grain not in _SUB_DAY and ours.grain != theirs.grain:
        return False
    if _DIRECTED_DAY.search(etext):  # "this Monday", "next March": not a bare date
        return False
    if ours.grain == "day" and _moving_feast(ours, theirs, ref, etext):
        return True
    fo, ft = _features(ours.start), _features(theirs.start)
    shared = {k for k in fo if fo[k] == ft[k]}
    sub_day = ours.grain in {"hour", "minute", "second"} or (
        ours.grain.startswith("range:") and ours.grain[6:] in {"hour", "minute", "second"}
    )
    if "clock" not in shared:
        return False
    shared_date = shared & {"month", "day", "weekday"}
    if not shared_date and not sub_day:
        return False
    if theirs.start - ours.start < dt.timedelta(days=300):  # a shared month is then a coincidence
        shared -= {"month", "nth", "last"}
    if not _WEEKDAY_WORDS.search(etext):  # a shared weekday counts only when the text names one
        shared -= {"weekday", "nth", "last"}
    if "day" in shared and not shared & {"month", "weekday"}:
        return False  # a bare day of the month ("the 15th"): no CONVENTIONS row says which month
    if "nth" in shared and "weekday" not in shared:
        shared.discard("nth")
    if "last" in shared and not {"weekday", "month"} <= shared:
        shared.discard("last")
    if {"month", "day"} <= shared:
        shared -= {"weekday", "nth", "last"}
    elif "weekday" in shared and "day" not in shared and "month" not in shared:
        shared -= {"nth", "last"}

    def occurs(d: dt.datetime) -> bool:
        fd = _features(d)
        return all(fd[k] == fo[k] for k in shared)

    base = dt.datetime(ref.year, ref.month, ref.day) + dt.timedelta(seconds=fo["clock"])
    days = range(-800, 800)
    occ = [base + dt.timedelta(days=k) for k in days if occurs(base + dt.timedelta(days=k))]
    before = [d for d in occ if d <= ref] if sub_day else [d for d in occ if d.date() <= ref.date()]
    after = [d for d in occ if d > ref] if sub_day else [d for d in occ if d.date() > ref.date()]
    if not before or not after or before[-1] != ours.start or after[0] != theirs.start:
        return False
    return not ("month" in shared and theirs.start <= _add_months(ref, 1))


def _moving_feast(ours: Period, theirs: Period, ref: dt.datetime, etext: str) -> bool:
    """A named yearly day with no figure in the text (Easter, Black Friday): last year's vs next."""
    if re.search(r"\d|\b(?:next|last|this|coming|previous)\b", etext, re.IGNORECASE):
        return False
    shift = abs(theirs.start.timetuple().tm_yday - ours.start.timetuple().tm_yday)
    return theirs.start.year == ours.start.year + 1 and shift <= 35 and theirs.start > _add_months(ref, 1)


_SEASONS = {"SP": {3, 4, 5, 6}, "SU": {6, 7, 8, 9}, "FA": {9, 10, 11, 12}, "AU": {9, 10, 11, 12}}
_SEASONS["WI"] = {12, 1, 2, 3}
_PARTS = {"MO": (0, 12), "MI": (10, 14), "AF": (12, 19), "EV": (16, 24), "NI": (17, 24)}


def _code_rules(ours: str, theirs: Period, etext: str) -> str | None:
    """Season and part-of-day codes against the suite's clock/calendar interval.

    A part of day must meet a whole part of day in the suite (a range of at least three hours),
    not a clock time inside it, and the text must not narrow it ("late", "early") .
    """
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", ours):
        mid = theirs.start + (theirs.end - theirs.start) / 2
        if (
            mid.year == int(m.group(1))
            and mid.month in _SEASONS[m.group(2)]
            and theirs.end - theirs.start < (dt.timedelta(days=120))
        ):
            return "season-code"
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(MO|MI|AF|EV|NI)", ours):
        day = dt.datetime.fromisoformat(m.group(1))
        lo, hi = _PARTS[m.group(2)]
        whole = theirs.grain.startswith("range:") and theirs.end - theirs.start >= dt.timedelta(hours=3)
        narrowed = re.search(r"(?i)\b(?:early|late|later|mid)\b", etext)
        inside = theirs.start >= day + dt.timedelta(hours=lo) and theirs.end <= day + dt.timedelta(hours=hi)
        if whole and inside and not narrowed:
            return "part-of-day-code"
    return None


def anchored_alone(predicted: Sequence[Json], ref_s: object, own: Json | None = None) -> bool:
    """True when every other date or time we found in the text lies on the publication date.

    A clock time is put on the publication date only when nothing else in the sentence names
    another day ("tomorrow ... at 3pm", "Christmas ... at 8:00", "next month at 6pm").

    >>> anchored_alone([{"type": "daterange", "value": "2019-W28"}], "2019-07-11T00:00:00")
    True
    >>> anchored_alone([{"type": "date", "value": "2019-07-12"}], "2019-07-11T00:00:00")
    False
    """
    ref = parse_ref(ref_s)
    if ref is None:
        return False
    day = dt.datetime(ref.year, ref.month, ref.day)
    for p in predicted:
        if own is not None and _span(p) == _span(own):
            continue
        if p.get("type") in {"date", "daterange", "time", "timerange"}:
            when = period(p.get("value"))
            if when is None:
                return False
            if when.end - when.start >= dt.timedelta(days=1):
                if not when.start <= ref < when.end:
                    return False
            elif not day <= when.start < day + dt.timedelta(days=1):
                return False
    return True


def explain_temporal(exp: Json, pred: Json, ref_s: object) -> str | None:
    """The rule explaining a temporal value mismatch (value and, where stated, mod), or None."""
    ref = parse_ref(ref_s)
    etext = str(exp.get("text") or "")
    why_mod: str | None = None
    emod, pmod = exp.get("mod"), pred.get("mod")
    if emod is not None and str(emod).upper() != str(pmod).upper():
        e_m, p_m = str(emod).upper(), str(pmod).upper()
        if e_m == "AFTER" and p_m == "ON_OR_AFTER" and re.match(r"(?i)since\b", etext):
            why_mod = "since-on-or-after"
        elif e_m == "BEFORE" and p_m == "ON_OR_BEFORE" and _UNTIL.match(etext):
            why_mod = "until-on-or-before"
        else:
            return None
    pv = str(pred.get("value"))
    cands = _candidates(exp, ref)
    ours = period(pv)
    if ours is not None and not weekday_fits(ours, etext):
        return None  # our date is not the weekday the text names: no rule excuses that
    if emod is None and str(pmod).upper() in {"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"}:
        return None  # we read a bound the suite does not: a different meaning, not a notation
    third = None if emod is not None or ours is None else _third(ours, str(pmod).upper())
    found: list[str] = []
    for c in cands:
        if not isinstance(c, str):
            continue
        rule: str | None = None
        theirs = period(c)
        if theirs is None and not _DIRECTED.search(etext) and (r := resolve_unknown(c, ref)) is not None:
            theirs, rule = period(r), "yearless-resolved"
        if theirs is None and (r := anchor_clock(c, ref)) is not None:
            theirs, rule = period(r), "clock-anchored"
        if theirs is None:
            continue
        if ours is None:
            code = _code_rules(pv, theirs, etext)
            if code and rule is None:
                found.append(code)
            continue
        if third is not None:
            tol = (third[1] - third[0]) * 0.3  # 10% of the whole period
            if abs(theirs.start - third[0]) <= tol and abs(theirs.end - third[1]) <= tol and rule is None:
                found.append("start-mid-end-third")
            continue
        if same(ours, theirs):
            found.append(rule or "notation")
            continue
        g = last_period(ours, theirs, weeks=re.search(r"(?i)\bweeks?\b", etext) is not None)
        if g is not None:
            last = "clock-range-last-period" if g in _SUB_DAY else "range-last-period"
            found.append(f"{last}+{rule}" if rule else last)
            continue
        if rule is None and ref is not None and next_weekday(ours, theirs, ref, etext):
            found.append("next-weekday")
            continue
        if rule is None and ref is not None and last_weekday(ours, theirs, ref, etext):
            found.append("last-weekday")
            continue
        if rule is None and ref is not None and forward_resolution(ours, theirs, ref, etext):
            found.append("forward-resolution")
            continue
        if rule is None and ours.grain == "day" and _OFFSET.search(etext):
            inside = ours.start <= theirs.start < ours.end and theirs.grain in {"hour", "minute", "second"}
            coarser = theirs.start <= ours.start and ours.end <= theirs.end and theirs.grain == "month"
            if inside or coarser:
                found.append("relative-offset-day")
    if not found:
        return why_mod if why_mod and _value_equal(exp, pred) else None
    # prefer the pure-notation reading, then the first rule found (in candidate order)
    best = "notation" if "notation" in found else found[0]
    if why_mod and best == "notation":
        return why_mod
    return f"{best}+{why_mod}" if why_mod else best


_SUB_DAY = {"hour", "minute", "second"}
# words that direct a date forward or back: the bare-date conventions no longer apply
_DIRECTED_DAY = re.compile(
    r"(?i)\b(?:next|coming|following|upcoming|last|previous|past|this)\s+(?!morning|afternoon|evening|night)"
    r"\w+\b(?!\s+(?:of|in)\b)"  # "last friday of october" is the month's final Friday, not a direction
)
_DIRECTED = re.compile(r"(?i)\b(?:next|coming|following|upcoming|last|previous|past|this)\b")
_WEEKDAY_WORDS = re.compile(
    r"(?i)\b(mon|tue|wed|thu|fri|sat|sun)(?:day|s|\.|nes|nesday|r|rs|rsday|sday|urday|day)?\b"
)


def weekday_fits(ours: Period, text: str) -> bool:
    """False when the text names exactly one weekday and our day-or-finer value falls on another.

    >>> weekday_fits(period("2012-09-20T19:30"), "at 7:30 PM on Fri, Sep 20")
    False
    >>> weekday_fits(period("2013-09-20T19:30"), "at 7:30 PM on Fri, Sep 20")
    True
    """
    named = {m.group(1).lower() for m in _WEEKDAY_WORDS.finditer(text)}
    if len(named) != 1 or ours.grain in {"year", "decade", "century", "half", "quarter", "month", "week"}:
        return True
    return ours.start.isoweekday() == ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(named.pop()) + 1


def _candidates(exp: Json, ref: dt.datetime | None) -> list[str]:
    """The expected value and those alt_values the conventions allow.

    Where the suite leaves the year or week unknown (``XXXX``) it lists past and future readings
    in ``alt_values``; only the reading the conventions pick (most recent weekday, month-and-day
    window) is kept, so a rule never matches the occurrence the conventions rule out.
    """
    main = exp.get("value")
    alts = [a for a in exp.get("alt_values") or [] if isinstance(a, str)]
    every = [c for c in [main, *alts] if isinstance(c, str)]
    unknown = [c for c in every if "X" in c]
    if not unknown:
        return every
    allowed = [p for c in unknown if (r := resolve_unknown(c, ref)) and (p := period(r)) is not None]
    # the suite's own spelling of the conventions' reading first: matching it needs no resolving
    return [a for a in alts if "X" not in a and any(_same_span(period(a), p) for p in allowed)] + unknown


def _same_span(a: Period | None, b: Period) -> bool:
    return a is not None and same(a, b)


_UNTIL = re.compile(r"(?i)(?:until|till|til|through|thru|up to|no later than)\b")
_ALIGN = ("year", "quarter", "month", "day", "hour", "minute", "second")


def same(ours: Period, theirs: Period) -> bool:
    """Same interval; two clock instants are the same when they start together (the scorer pads them)."""
    if ours.grain in _SUB_DAY and theirs.grain in _SUB_DAY:
        return ours.start == theirs.start
    return (ours.start, ours.end) == (theirs.start, theirs.end)


def _aligned(d: dt.datetime, grain: str) -> bool:
    checks = {
        "year": d.month == 1 and d.day == 1,
        "quarter": d.month % 3 == 1 and d.day == 1,
        "month": d.day == 1,
    }
    clock = (d.hour, d.minute, d.second)
    if grain in checks:
        return checks[grain] and clock == (0, 0, 0)
    if grain == "week":
        return d.isoweekday() == 1 and clock == (0, 0, 0)
    return {"day": clock == (0, 0, 0), "hour": clock[1:] == (0, 0), "minute": d.second == 0}.get(grain, True)


def last_period(ours: Period, theirs: Period, weeks: bool = False) -> str | None:
    """The grain by which our range runs past theirs when ours includes the last period, else None.

    The grain is the coarsest one their end and ours both sit on: "2014 to 2018" as
    2014-01-01/2018-01-01 against our 2014-01-01/2019-01-01 is one year; "between May 2015 and
    2018" ends on a year too. Weeks count only when the text speaks of weeks (``weeks``).

    >>> last_period(period("2014-01-01/2019-01-01"), period("(2014-01-01,2018-01-01,P4Y)"))
    'year'
    >>> last_period(period("2016-11-04/2016-11-23"), period("(2016-11-04,2016-11-22,P18D)"))
    'day'
    >>> last_period(period("2016-11-04/2016-11-24"), period("(2016-11-04,2016-11-22,P18D)")) is None
    True
    """
    if (
        not (ours.grain.startswith("range:") and theirs.grain.startswith("range:"))
        or ours.start != theirs.start
    ):
        return None
    grains = (*_ALIGN[:3], "week", *_ALIGN[3:]) if weeks else _ALIGN
    for g in grains:
        if all(_aligned(d, g) for d in (theirs.end, ours.end)):
            return g if ours.end == step(theirs.end, g) else None
    return None


def _third(ours: Period, mod: str) -> tuple[dt.datetime, dt.datetime, dt.datetime] | None:
    """(start, end, period end) of the START/MID/END third of ``ours`` (CONVENTIONS), or None."""
    k = {"START": 0, "MID": 1, "END": 2}.get(mod)
    if k is None or ours.grain.startswith("range:"):
        return None
    third = (ours.end - ours.start) / 3
    return ours.start + k * third, ours.start + (k + 1) * third, ours.start + third  # last: one third


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def next_weekday(ours: Period, theirs: Period, ref: dt.datetime, etext: str) -> bool:
    """ "next Friday": ours is the first Friday after the reference (CONVENTIONS), theirs a week later.

    >>> r = dt.datetime(2013, 2, 12, 4, 30)
    >>> next_weekday(period("2013-02-13"), period("2013-02-20"), r, "next wednesday")
    True
    """
    m = re.search(r"(?i)\bnext\s+(mon|tue|wed|thu|fri|sat|sun)", etext)
    if not m or ours.grain != "day" or theirs.grain != "day":
        return False
    iso = _WEEKDAYS.index(m.group(1).lower()) + 1
    first = dt.datetime(ref.year, ref.month, ref.day) + dt.timedelta(
        days=(iso - ref.isoweekday() - 1) % 7 + 1
    )
    return ours.start == first and theirs.start == first + dt.timedelta(days=7)


def last_weekday(ours: Period, theirs: Period, ref: dt.datetime, etext: str) -> bool:
    """ "last Wednesday": ours is the most recent Wednesday before the reference, theirs a week earlier.

    >>> r = dt.datetime(2019, 1, 31)  # a Thursday
    >>> last_weekday(period("2019-01-30"), period("2019-01-23"), r, "last Wednesday")
    True
    """
    m = re.search(r"(?i)\b(?:last|previous)\s+(mon|tue|wed|thu|fri|sat|sun)", etext)
    if not m or ours.grain != "day" or theirs.grain != "day":
        return False
    iso = _WEEKDAYS.index(m.group(1).lower()) + 1
    back = (ref.isoweekday() - iso - 1) % 7 + 1
    before = dt.datetime(ref.year, ref.month, ref.day) - dt.timedelta(days=back)
    return ours.start == before and theirs.start == before - dt.timedelta(days=7)


def _value_equal(exp: Json, pred: Json) -> bool:
    pv = period(pred.get("value"))
    for c in [exp.get("value"), *(exp.get("alt_values") or [])]:
        pc = period(c)
        if pv is not None and pc is not None and (pv.start, pv.end) == (pc.start, pc.end):
            return True
        if isinstance(c, str) and c == pred.get("value"):
            return True
    return False


# --------------------------------------------------------------------------------------------
# cases and suites
# --------------------------------------------------------------------------------------------
@attrs.frozen
class Verdict:
    """How one failed case is classified: its class, the rules used, and unexplained problem kinds."""

    case_id: str
    kind: str  # "a", "b" or "c"
    rules: tuple[str, ...] = ()  # sorted, distinct
    unexplained: tuple[str, ...] = ()  # missing / spurious / span / value / error, one per problem


def classify(failure: Json, suite: str, case: Json | None = None) -> Verdict:
    """Classify one failed case of the scorer's ``--json`` report.

    ``case`` (the suite line) gives the scope and full expectation list when available.
    """
    text = str(failure.get("text") or "")
    ref = failure.get("ref")
    predicted: list[Json] = [p for p in failure.get("predicted") or [] if isinstance(p, Mapping)]
    expected: list[Json] = list(case["expect"]) if case else []
    suite_types = set(case.get("scope") or [e["type"] for e in expected]) if case else set()
    case_id = str(failure.get("id"))
    if failure.get("exception") or failure.get("invalid"):
        return Verdict(case_id, "c", (), ("error",))
    rules: list[str] = []
    unexplained: list[str] = []
    for exp in failure.get("missing") or []:
        r = explain_missing(exp, text, predicted)
        (rules if r else unexplained).append(r or "missing")
    if not expected:
        expected = [
            *(failure.get("missing") or []),
            *(m["expected"] for m in failure.get("value_mismatch") or []),
        ]
    instead = [u for exp in failure.get("missing") or [] if (u := _used(exp, text, predicted)) is not None]
    for pred in failure.get("spurious") or []:
        r = explain_spurious(pred, suite, expected, suite_types) if isinstance(pred, Mapping) else None
        r = r or next((rule for rule, p in instead if p == pred), None)
        (rules if r else unexplained).append(r or "spurious")
    for vm in failure.get("value_mismatch") or []:
        exp, pred = vm["expected"], vm["predicted"]
        if exp.get("type") in TEMPORAL:
            r = explain_temporal(exp, pred, ref)
        elif exp.get("type") == "duration":
            r = explain_duration(exp, pred)
        else:
            r = explain_amount(exp, pred, text)
        if r and not covers(pred, exp, text):
            r = None  # our mention misses part of the expected one: the value may be a coincidence
        if r and "clock-anchored" in r.split("+") and not anchored_alone(predicted, ref, pred):
            r = None  # another date in the text may be the clock time's day, not the publication date
        if r:
            rules.extend(r.split("+"))
        else:
            unexplained.append("value" if _span(exp) == _span(pred) or _span(exp) is None else "span")
    kind = "c"
    if not unexplained and rules:
        kind = "a" if any(RULES[r].kind == "a" for r in rules) else "b"
    return Verdict(case_id, kind, tuple(sorted(set(rules))), tuple(unexplained))


@attrs.frozen
class SuiteLedger:
    """The ledger of one suite: scorer totals and the failed cases by class and rule."""

    file: str
    cases: int
    passed: int
    verdicts: tuple[Verdict, ...]

    def count(self, kind: str) -> int:
        """Failed cases of class ``kind``."""
        return sum(1 for v in self.verdicts if v.kind == kind)

    def by_rule(self) -> Counter[str]:
        """(a) and (b) cases per rule (a case using two rules counts under both)."""
        return Counter(r for v in self.verdicts if v.kind in "ab" for r in v.rules)

    def c_kinds(self) -> Counter[str]:
        """(c) cases per unexplained problem kind (a case with two kinds counts under both)."""
        return Counter(k for v in self.verdicts if v.kind == "c" for k in sorted(set(v.unexplained)))

    def pass_pct(self) -> float:
        """Scorer pass rate, percent."""
        return 100 * self.passed / self.cases if self.cases else 0.0

    def ceiling(self) -> float:
        """Pass rate if every (a) and (b) case counted as passed, percent."""
        return 100 * (self.passed + self.count("a") + self.count("b")) / self.cases if self.cases else 0.0

    def blocked(self) -> int:
        """Failed cases with at least one problem a convention rule explains, whatever their class.

        An extractor that follows CONVENTIONS.md fails these whatever else it fixes, so
        ``100 - blocked share`` bounds its pass rate under this scorer (notation problems are left
        out: the adapter could write the suite's notation).
        """
        return sum(1 for v in self.verdicts if any(RULES[r].kind == "a" for r in v.rules))

    def reachable(self) -> float:
        """The most a convention-following extractor can score here, percent."""
        return 100 * (self.cases - self.blocked()) / self.cases if self.cases else 0.0

    def as_json(self) -> dict[str, Any]:
        """Numbers of this suite for ``--json``."""
        target = TARGETS.get(self.file)
        return {
            "file": self.file,
            "cases": self.cases,
            "passed": self.passed,
            "pass_pct": round(self.pass_pct(), 1),
            "failed": len(self.verdicts),
            "a_convention": self.count("a"),
            "a_by_rule": dict(sorted(self.by_rule().items())),
            "b_notation": self.count("b"),
            "c_extractor": self.count("c"),
            "c_by_kind": dict(sorted(self.c_kinds().items())),
            "ceiling_pct": round(self.ceiling(), 1),
            "target_pct": target,
            "target_within_ceiling": None if target is None else self.ceiling() >= target,
            "blocked_by_conventions": self.blocked(),
            "reachable_pct": round(self.reachable(), 1),
            "target_reachable": None if target is None else self.reachable() >= target,
            "forward_resolution_only": self.forward_only(),
            "failed_cases": {
                v.case_id: {"class": v.kind, "rules": [*v.rules], "unexplained": sorted({*v.unexplained})}
                for v in self.verdicts
            },
        }

    def forward_only(self) -> int:
        """Failed cases whose only explanation is Duckling's forward resolution."""
        return sum(1 for v in self.verdicts if v.kind == "a" and v.rules == ("forward-resolution",))


def load_cases(conf_dir: Path, file: str) -> dict[str, Json]:
    """The suite's cases by id (empty when the file is not there)."""
    path = conf_dir / file
    if not path.is_file():
        return {}
    out: dict[str, Json] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                c = json.loads(line)
                out[c["id"]] = c
    return out


def build(report: Json, conf_dir: Path) -> list[SuiteLedger]:
    """Classify every failure of a scorer ``--json`` report."""
    out = []
    for st in report["suites"]:
        file = st["file"]
        cases = load_cases(conf_dir, file)
        verdicts = [classify(f, file, cases.get(f["id"])) for f in report["failures"].get(file, [])]
        out.append(SuiteLedger(file, st["cases"], st["passed"], tuple(verdicts)))
    return out


def total(ledgers: Sequence[SuiteLedger]) -> SuiteLedger:
    """All suites as one ledger (for the TOTAL row)."""
    return SuiteLedger(
        "TOTAL",
        sum(lg.cases for lg in ledgers),
        sum(lg.passed for lg in ledgers),
        tuple(v for lg in ledgers for v in lg.verdicts),
    )


def table(ledgers: Sequence[SuiteLedger]) -> str:
    """The ledger as a fixed-width table: one row per suite and a TOTAL row."""
    head = [
        "suite file",
        "cases",
        "pass%",
        "fail",
        "(a)",
        "(b)",
        "(c)",
        "ceil%",
        "max%",
        "target",
        "ok?",
        "reach?",
    ]
    rows = []
    for lg in [*ledgers, total(ledgers)] if len(ledgers) > 1 else ledgers:
        t = TARGETS.get(lg.file)
        ok = "-" if t is None else ("yes" if lg.ceiling() >= t else "NO")
        reach = "-" if t is None else ("yes" if lg.reachable() >= t else "NO")
        rows.append(
            [
                lg.file,
                str(lg.cases),
                f"{lg.pass_pct():.1f}",
                str(len(lg.verdicts)),
                str(lg.count("a")),
                str(lg.count("b")),
                str(lg.count("c")),
                f"{lg.ceiling():.1f}",
                f"{lg.reachable():.1f}",
                "-" if t is None else f"{t:.0f}",
                ok,
                reach,
            ]
        )
    w = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head)]
    lines = ["  ".join(h.ljust(w[i]) if i == 0 else h.rjust(w[i]) for i, h in enumerate(head))]
    lines.append("-" * len(lines[0]))
    lines += ["  ".join(c.ljust(w[i]) if i == 0 else c.rjust(w[i]) for i, c in enumerate(r)) for r in rows]
    return "\n".join(lines)


def details(ledgers: Sequence[SuiteLedger]) -> str:
    """Per suite: (a)/(b) counts by rule and (c) counts by kind."""
    lines = []
    for lg in ledgers:
        if not lg.verdicts:
            continue
        rules = ", ".join(f"{r} {n}" for r, n in lg.by_rule().most_common())
        kinds = ", ".join(f"{k} {n}" for k, n in lg.c_kinds().most_common())
        lines.append(f"{lg.file}: (a)/(b) by rule: {rules or '-'}; (c) by kind: {kinds or '-'}")
        if "duckling-time" in lg.file:
            lines.append(
                f"  duckling-time: {lg.forward_only()} failed cases are forward resolution alone "
                "(Duckling's next occurrence vs the conventions' most recent), alt_values considered"
            )
    if len(ledgers) > 1:
        every = total(ledgers)
        rules = ", ".join(f"{r} {n}" for r, n in every.by_rule().most_common())
        kinds = ", ".join(f"{k} {n}" for k, n in every.c_kinds().most_common())
        lines.append(f"all suites: (a)/(b) by rule: {rules or '-'}; (c) by kind: {kinds or '-'}")
    return "\n".join(lines)


def run_scorer(conf_dir: Path, suites: Sequence[str], out: Path) -> int:
    """Run the shared scorer with claimcheck's adapter, writing its ``--json`` report to ``out``."""
    cmd = [sys.executable, str(conf_dir / "score.py"), "--adapter", "claimcheck.conformance:mentions"]
    if suites:
        cmd += ["--suite", *(s if s.endswith(".jsonl") else f"{s}.jsonl" for s in suites)]
    cmd += ["--json", str(out)]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    done = subprocess.run(cmd, cwd=conf_dir, env=env, check=False, capture_output=True, text=True)
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
    return done.returncode


def _picked(v: Verdict, pick: str) -> bool:
    if pick in {"ab", "a", "b", "c"}:
        return v.kind in pick
    return pick in v.rules


def sample(ledgers: Sequence[SuiteLedger], report: Json, n: int, seed: int, pick: str = "ab") -> str:
    """``n`` random failed cases with their problems, for checking the rules by hand.

    ``pick`` chooses the pool: ``ab`` (default), ``a``, ``b``, ``c``, or a rule name.
    """
    pool = [(lg.file, v) for lg in ledgers for v in lg.verdicts if _picked(v, pick)]
    rng = random.Random(seed)
    picked = rng.sample(pool, min(n, len(pool)))
    fails = {(f, x["id"]): x for f, xs in report["failures"].items() for x in xs}
    out = []
    for file, v in picked:
        f = fails[(file, v.case_id)]
        why = ", ".join([*v.rules, *sorted({*v.unexplained})])
        out.append(f"## {v.case_id} [{v.kind}: {why}] {f['text'][:120]!r} ref={f.get('ref')}")
        for e in f.get("missing") or []:
            out.append(f"   missing  {_brief(e)}")
        for p in f.get("spurious") or []:
            out.append(f"   spurious {_brief(p)}")
        for m in f.get("value_mismatch") or []:
            out.append(f"   expected {_brief(m['expected'])}\n   got      {_brief(m['predicted'])}")
    return "\n".join(out)


def _brief(m: Json) -> str:
    keys = ("text", "type", "value", "alt_values", "low", "high", "low_open", "high_open", "unit", "mod")
    return json.dumps({k: m[k] for k in keys if m.get(k) is not None}, ensure_ascii=False)[:300]


def report_main(
    report: Json, conf_dir: Path, json_out: str | None, examples: int, seed: int, pick: str = "ab"
) -> int:
    """Print the ledger of a scorer report (and write ``--json``)."""
    if pick not in {"ab", "a", "b", "c", *RULES}:
        print(
            f"--pick {pick!r} is neither a class (ab, a, b, c) nor a rule ({', '.join(RULES)})",
            file=sys.stderr,
        )
        return 2
    ledgers = build(report, conf_dir)
    print(table(ledgers))
    print()
    print(details(ledgers))
    if examples:
        print()
        print(sample(ledgers, report, examples, seed, pick))
    if json_out:
        data = {
            "rules": {
                r.name: {"kind": r.kind, "cites": r.cites, "summary": r.summary} for r in RULES.values()
            },
            "suites": [lg.as_json() for lg in ledgers],
        }
        Path(json_out).write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"wrote {json_out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Score (or read a scorer report) and print the ledger; exit 0 when ../shared is missing."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("suites", nargs="*", help="suite files or names (default: all)")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="conformance folder")
    parser.add_argument("--from-json", help="classify this scorer --json report instead of scoring")
    parser.add_argument("--json", help="write the ledger (numbers, rules, class of every failed case) here")
    parser.add_argument("--examples", type=int, default=0, help="also print N random (a)/(b) cases")
    parser.add_argument("--seed", type=int, default=0, help="seed for --examples")
    parser.add_argument(
        "--pick", default="ab", help="--examples from class ab (default), a, b, c or one rule"
    )
    args = parser.parse_args(argv)
    if args.from_json:
        report = json.loads(Path(args.from_json).read_text(encoding="utf-8"))
        return report_main(report, args.dir, args.json, args.examples, args.seed, args.pick)
    if not (args.dir / "score.py").is_file():
        print(f"conformance suites not found: no {args.dir / 'score.py'}; no ledger (they live in ../shared)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "score.json"
        if run_scorer(args.dir, args.suites, out) or not out.is_file():
            print("the scorer failed; no ledger", file=sys.stderr)
            return 1
        report = json.loads(out.read_text(encoding="utf-8"))
    return report_main(report, args.dir, args.json, args.examples, args.seed, args.pick)


if __name__ == "__main__":
    raise SystemExit(main())
