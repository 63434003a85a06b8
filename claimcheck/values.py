"""Value objects shared by every stage: frozen, slotted, hashable attrs classes.

Data flows one way through them::

    Document -> Mention (Amount | TimeValue | Duration | GapClaim) -> Claim -> Fact/Finding -> Report

Interval names are the same everywhere: ``low``/``high`` (``None`` = the text sets no bound)
and ``low_open``/``high_open`` (``True`` = the endpoint itself is excluded), as in
``../shared/CONVENTIONS.md`` and hypothesis' ``floats(min_value, max_value, exclude_min, exclude_max)``.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from typing import Literal, TypeAlias

import attrs

from claimcheck import units

# --------------------------------------------------------------------------- text


@attrs.frozen(order=True)
class Span:
    """Half-open character offsets ``[start, end)`` into a document's text.

    >>> Span(4, 6).slice("the 80 people")
    '80'
    """

    start: int
    end: int = attrs.field()

    @end.validator
    def _ordered(self, _: attrs.Attribute[int], end: int) -> None:
        if not 0 <= self.start <= end:
            msg = f"span [{self.start}, {end}) is not ordered; start must be 0 <= start <= end"
            raise ValueError(msg)

    def slice(self, text: str) -> str:
        """Return the text this span covers."""
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


def _optional_date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    msg = f"published must be a date, an ISO date string or None, got {type(value).__name__}"
    raise TypeError(msg)


@attrs.frozen(kw_only=True)
class Document:
    """One source text: a news report, an article, a digest.

    ``published`` anchors relative time ("Thursday", "yesterday"); ``published_inferred`` is
    true when it was read from a dateline in the text rather than given by the caller.

    >>> Document(id="a", text="8 killed", published="2019-09-21").published
    datetime.date(2019, 9, 21)
    """

    id: str
    text: str = attrs.field()
    source: str | None = None
    published: dt.date | None = attrs.field(default=None, converter=_optional_date)
    title: str | None = None
    published_inferred: bool = False

    @text.validator
    def _is_str(self, _: attrs.Attribute[str], text: object) -> None:
        if not isinstance(text, str):
            msg = f"Document.text must be str, got {type(text).__name__}; decode bytes first"
            raise TypeError(msg)


# --------------------------------------------------------------------------- amounts

AmountKind: TypeAlias = Literal["number", "range", "percent", "money", "quantity", "ordinal"]
Mod: TypeAlias = Literal["APPROX", "LESS_THAN", "MORE_THAN"]


class Relation(enum.Enum):
    """How two amounts' comparison intervals relate (see CONVENTIONS.md, "When comparing")."""

    EQUAL = "equal"
    REFINES = "refines"  # left lies strictly inside right ("83" refines "more than 80")
    REFINED_BY = "refined_by"  # right lies strictly inside left
    OVERLAPS = "overlaps"  # they share values, neither inside the other
    DISJOINT = "disjoint"  # no value in common: a contradiction

    def inverse(self) -> Relation:
        """The relation seen from the other side."""
        return _INVERSE[self]

    @property
    def compatible(self) -> bool:
        """True unless the intervals are disjoint."""
        return self is not Relation.DISJOINT


_INVERSE = {
    Relation.EQUAL: Relation.EQUAL,
    Relation.REFINES: Relation.REFINED_BY,
    Relation.REFINED_BY: Relation.REFINES,
    Relation.OVERLAPS: Relation.OVERLAPS,
    Relation.DISJOINT: Relation.DISJOINT,
}


def _optional_float(value: float | None) -> float | None:
    return None if value is None else float(value)


@attrs.frozen(kw_only=True)
class Interval:
    """A real interval; ``None`` bounds are infinite.

    >>> Interval.more_than(80).contains(Interval.exact(83))
    True
    >>> Interval.exact(80).overlaps(Interval.more_than(80))
    False
    """

    low: float | None = attrs.field(default=None, converter=_optional_float)
    high: float | None = attrs.field(default=None, converter=_optional_float)
    low_open: bool = False
    high_open: bool = False

    @high.validator
    def _not_inverted(self, _: attrs.Attribute[float | None], high: float | None) -> None:
        if self.low is not None and high is not None and self.low > high:
            msg = f"low={self.low} is above high={high}; swap the bounds"
            raise ValueError(msg)
        if self.low is not None and self.low == high and (self.low_open or self.high_open):
            msg = f"the interval at {high} with an open end is empty; close both ends for an exact value"
            raise ValueError(msg)

    @classmethod
    def exact(cls, n: float) -> Interval:
        """``[n, n]``."""
        return cls(low=n, high=n)

    @classmethod
    def more_than(cls, n: float) -> Interval:
        """``(n, inf)``."""
        return cls(low=n, low_open=True)

    @classmethod
    def at_least(cls, n: float) -> Interval:
        """``[n, inf)``."""
        return cls(low=n)

    @classmethod
    def less_than(cls, n: float) -> Interval:
        """``(-inf, n)``."""
        return cls(high=n, high_open=True)

    @classmethod
    def at_most(cls, n: float) -> Interval:
        """``(-inf, n]``."""
        return cls(high=n)

    @property
    def is_empty(self) -> bool:
        """Whether no real number lies in the interval."""
        if self.low is None or self.high is None:
            return False
        return self.low == self.high and (self.low_open or self.high_open)

    def _lo(self) -> tuple[float, int]:
        # sort key of the lower end: an open end lies just above its value
        return (-math.inf, 0) if self.low is None else (self.low, 1 if self.low_open else 0)

    def _hi(self) -> tuple[float, int]:
        return (math.inf, 0) if self.high is None else (self.high, -1 if self.high_open else 0)

    def intersection(self, other: Interval) -> Interval | None:
        """The common part, or None when they are disjoint."""
        lo = max((self, other), key=lambda iv: iv._lo())
        hi = min((self, other), key=lambda iv: iv._hi())
        low, low_open = lo.low, lo.low_open
        high, high_open = hi.high, hi.high_open
        if low is not None and high is not None and (low > high or (low == high and (low_open or high_open))):
            return None
        return Interval(low=low, high=high, low_open=low_open, high_open=high_open)

    def overlaps(self, other: Interval) -> bool:
        """Whether some number lies in both."""
        return self.intersection(other) is not None

    def contains(self, other: Interval) -> bool:
        """Whether every number of *other* lies in this interval."""
        return self._lo() <= other._lo() and other._hi() <= self._hi()

    def relation(self, other: Interval) -> Relation:
        """Relation of this interval to *other* (equal, refines, refined_by, overlaps, disjoint)."""
        if self == other:
            return Relation.EQUAL
        if not self.overlaps(other):
            return Relation.DISJOINT
        if other.contains(self):
            return Relation.EQUAL if self.contains(other) else Relation.REFINES
        if self.contains(other):
            return Relation.REFINED_BY
        return Relation.OVERLAPS

    def scaled(self, scale: float, offset: float = 0.0) -> Interval:
        """The interval mapped through ``x * scale + offset`` (unit conversion)."""

        def f(x: float | None) -> float | None:
            return None if x is None else x * scale + offset

        if scale >= 0:
            return Interval(
                low=f(self.low), high=f(self.high), low_open=self.low_open, high_open=self.high_open
            )
        return Interval(low=f(self.high), high=f(self.low), low_open=self.high_open, high_open=self.low_open)


COUNT_LIKE: frozenset[str] = frozenset({"number", "range"})
"""Amount kinds whose missing low bound means 0 when comparing (counts are never negative)."""


@attrs.frozen(kw_only=True)
class Amount:
    """A count or measure as a careful reader reads it: an interval that keeps its hedge.

    ``figure`` is the number as stated (80 in "more than 80"); ``hedge`` the hedge words as
    written; ``mod`` an approximation of the stated figure (never both an explicit bound and
    a mod for the same word). ``unit`` is a pint unit name, an ISO 4217 code for money, and
    ``""`` for a count. ``vague`` marks quantifiers like "dozens" whose range is the lexicon's.

    >>> a = Amount(low=80, high=None, low_open=True, figure=80, hedge="more than")
    >>> a.relation(Amount.exact(83)) is Relation.REFINED_BY
    True
    """

    low: float | None = attrs.field(default=None, converter=_optional_float)
    high: float | None = attrs.field(default=None, converter=_optional_float)
    low_open: bool = False
    high_open: bool = False
    figure: float | None = attrs.field(default=None, converter=_optional_float)
    hedge: str = ""
    mod: Mod | None = None
    unit: str = units.COUNT
    kind: AmountKind = "number"
    vague: bool = False

    @high.validator
    def _not_inverted(self, _: attrs.Attribute[float | None], high: float | None) -> None:
        if self.low is not None and high is not None and self.low > high:
            msg = f"low={self.low} is above high={high}; swap the bounds"
            raise ValueError(msg)

    @classmethod
    def exact(cls, n: float, unit: str = units.COUNT, kind: AmountKind = "number") -> Amount:
        """A plainly stated figure: ``[n, n]``."""
        return cls(low=n, high=n, figure=n, unit=unit, kind=kind)

    @property
    def interval(self) -> Interval:
        """The interval as extracted (explicit bounds only; no widening by ``mod``)."""
        return Interval(low=self.low, high=self.high, low_open=self.low_open, high_open=self.high_open)

    @property
    def is_exact(self) -> bool:
        """True for a plain figure with no hedge: ``low == high``, both closed, no mod."""
        return self.low is not None and self.low == self.high and self.mod is None

    def comparison_interval(self) -> Interval:
        """The interval used when comparing, widened by ``mod`` as CONVENTIONS.md says.

        >>> Amount(low=80, high=80, figure=80, mod="APPROX").comparison_interval()
        Interval(low=72.0, high=88.0, low_open=False, high_open=False)
        >>> Amount(low=100, high=100, figure=100, mod="LESS_THAN").comparison_interval()
        Interval(low=85.0, high=100.0, low_open=False, high_open=False)
        """
        low, high = self.low, self.high
        low_open, high_open = self.low_open, self.high_open
        single = low is not None and low == high and not self.vague
        if self.mod is not None and single and low is not None:
            n = low
            if self.mod == "APPROX":
                t = max(1.0, 0.10 * abs(n))
                low, high = n - t, n + t
            elif self.mod == "LESS_THAN":
                low, high = n - max(1.0, 0.15 * abs(n)), n
            elif self.mod == "MORE_THAN":
                low, high = n, n + max(1.0, 0.15 * abs(n))
            low_open = high_open = False
        if low is None and self.kind in COUNT_LIKE and not self.unit:
            low, low_open = 0.0, False
        return Interval(low=low, high=high, low_open=low_open, high_open=high_open)

    def comparable(self, other: Amount) -> bool:
        """Whether the two amounts measure the same kind of thing (units convert, kinds agree)."""
        if (self.kind == "ordinal") != (other.kind == "ordinal"):
            return False
        if (self.kind == "percent") != (other.kind == "percent"):
            return False
        return units.compatible(other.unit, self.unit)

    def relation(self, other: Amount) -> Relation:
        """How this amount relates to *other*, in this amount's unit.

        Raises :class:`claimcheck.errors.UnitError` when the units do not convert.
        """
        scale, offset = units.factor(other.unit, self.unit)
        theirs = other.comparison_interval().scaled(scale, offset)
        return self.comparison_interval().relation(theirs)


# --------------------------------------------------------------------------- time

Grain: TypeAlias = Literal[
    "second",
    "minute",
    "hour",
    "part_of_day",
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
    "unknown",
]
TimeMod: TypeAlias = Literal[
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_MORE",
    "EQUAL_OR_LESS",
    "APPROX",
    "START",
    "MID",
    "END",
]
TimeKind: TypeAlias = Literal["date", "daterange", "time", "timerange", "set"]


@attrs.frozen(kw_only=True)
class TimeValue:
    """A point or period in time as the interval of instants ``[start, end)``.

    ``value`` is the TIMEX3 string ("2019-09-19", "2017-01", "201", "XXXX-04-04"); ``resolved``
    is False when a relative expression had no publication date to anchor to (then
    ``start``/``end`` are None). ``anchored`` is True when the value came from the reference date.
    """

    value: str
    start: dt.datetime | None = None
    end: dt.datetime | None = attrs.field(default=None)
    grain: Grain = "day"
    mod: TimeMod | None = None
    kind: TimeKind = "date"
    resolved: bool = True
    anchored: bool = False
    flags: tuple[str, ...] = ()

    @end.validator
    def _ordered(self, _: attrs.Attribute[dt.datetime | None], end: dt.datetime | None) -> None:
        if self.start is not None and end is not None and end < self.start:
            msg = f"time interval ends ({end}) before it starts ({self.start}); swap them"
            raise ValueError(msg)

    def overlaps(self, other: TimeValue) -> bool:
        """Whether the two resolved periods share an instant (False if either is unresolved)."""
        a, b, c, d = self.start, self.end, other.start, other.end
        if a is None or b is None or c is None or d is None:
            return False
        return a < d and c < b

    def contains(self, other: TimeValue) -> bool:
        """Whether *other* lies wholly inside this period."""
        a, b, c, d = self.start, self.end, other.start, other.end
        if a is None or b is None or c is None or d is None:
            return False
        return a <= c and d <= b

    def before(self, other: TimeValue) -> bool:
        """Whether this period ends no later than *other* starts."""
        if self.end is None or other.start is None:
            return False
        return self.end <= other.start

    def after(self, other: TimeValue) -> bool:
        """Whether this period starts no earlier than *other* ends."""
        return other.before(self)

    @classmethod
    def unresolved(cls, value: str, *, grain: Grain = "day", kind: TimeKind = "date") -> TimeValue:
        """A relative or underspecified time with no reference date to anchor it ("XXXX-WXX-4")."""
        return cls(value=value, grain=grain, kind=kind, resolved=False)

    def gap_to(self, later: TimeValue) -> dt.timedelta | None:
        """Time from the start of this period to the start of *later* (None if either is unresolved).

        >>> a = TimeValue(value="2018-11-29", start=dt.datetime(2018, 11, 29), end=dt.datetime(2018, 11, 30))
        >>> b = TimeValue(value="2019-09-19", start=dt.datetime(2019, 9, 19), end=dt.datetime(2019, 9, 20))
        >>> a.gap_to(b).days
        294
        """
        if self.start is None or later.start is None:
            return None
        return later.start - self.start


@attrs.frozen(kw_only=True)
class Duration:
    """A length of time as a range of seconds, with its ISO 8601 value and mod.

    ``low``/``high`` are seconds (None = unbounded) for comparison, per CONVENTIONS.md
    ("nearly a year" spans [9 months, 12 months)); ``value`` is the stated length ("P1Y").
    """

    value: str
    seconds: float
    low: float | None = attrs.field(default=None, converter=_optional_float)
    high: float | None = attrs.field(default=None, converter=_optional_float)
    low_open: bool = False
    high_open: bool = False
    mod: TimeMod | None = None

    @property
    def interval(self) -> Interval:
        """The comparison interval in seconds."""
        return Interval(low=self.low, high=self.high, low_open=self.low_open, high_open=self.high_open)

    def fits(self, gap: dt.timedelta) -> bool:
        """Whether an actual gap of *gap* is consistent with this (hedged) duration.

        >>> Duration.hedged("P1Y", 365 * 86400, "LESS_THAN").fits(dt.timedelta(days=294))
        True
        >>> Duration.hedged("P1Y", 365 * 86400, "LESS_THAN").fits(dt.timedelta(days=400))
        False
        """
        return self.interval.contains(Interval.exact(gap.total_seconds()))

    @classmethod
    def hedged(cls, value: str, seconds: float, mod: TimeMod | None = None, *, unit: float = 0.0) -> Duration:
        """A duration of *seconds* with its comparison interval per CONVENTIONS.md.

        LESS_THAN ("nearly a year") is ``[0.75 N, N)``; APPROX ``[0.9 N, 1.1 N]``; MORE_THAN ``(N, inf)``;
        EQUAL_OR_MORE ``[N, inf)``; EQUAL_OR_LESS ``[0, N]``. A plain count of units ("a year", "six
        weeks") is read as rounded to its smallest stated *unit* (seconds): ``[N - unit/2, N + unit/2]``;
        with ``unit=0`` it is exact.

        >>> d = Duration.hedged("P1Y", 365 * 86400, "APPROX")
        >>> round(d.low / (30 * 86400), 2), round(d.high / (30 * 86400), 2)
        (10.95, 13.38)
        """
        n = float(seconds)
        low: float | None = n
        high: float | None = n
        low_open = high_open = False
        if mod == "LESS_THAN":
            low, high, high_open = 0.75 * n, n, True
        elif mod == "APPROX":
            low, high = 0.9 * n, 1.1 * n
        elif mod == "MORE_THAN":
            high, low_open = None, True
        elif mod == "EQUAL_OR_MORE":
            high = None
        elif mod == "EQUAL_OR_LESS":
            low = 0.0
        elif unit > 0:
            low, high = max(0.0, n - unit / 2), n + unit / 2
        return cls(
            value=value, seconds=n, low=low, high=high, low_open=low_open, high_open=high_open, mod=mod
        )


@attrs.frozen(kw_only=True)
class GapClaim:
    """A claim about the time since the previous event of a kind.

    "the first strike in the country in nearly a year" -> about="strike", duration=P1Y LESS_THAN;
    "the last American airstrike in Libya was on Nov. 29, 2018" -> previous=2018-11-29.
    """

    about: str
    duration: Duration | None = None
    previous: TimeValue | None = None
    about_span: Span | None = None


MentionKind: TypeAlias = Literal[
    "number",
    "range",
    "percent",
    "money",
    "quantity",
    "ordinal",
    "date",
    "daterange",
    "time",
    "timerange",
    "set",
    "duration",
    "gap",
]
MentionValue: TypeAlias = Amount | TimeValue | Duration | GapClaim


@attrs.frozen(kw_only=True)
class Mention:
    """One numeric or temporal assertion found in a text, with exact offsets.

    Invariant: ``text == document_text[span.start:span.end]``.
    """

    span: Span
    text: str
    kind: MentionKind
    value: MentionValue

    @property
    def amount(self) -> Amount | None:
        """The value if it is an Amount."""
        return self.value if isinstance(self.value, Amount) else None

    @property
    def time(self) -> TimeValue | None:
        """The value if it is a TimeValue."""
        return self.value if isinstance(self.value, TimeValue) else None


# --------------------------------------------------------------------------- claims


@attrs.frozen(kw_only=True)
class Part:
    """A piece of a claim frame: the words as written, their span, and a normalized form."""

    text: str
    span: Span
    norm: str = ""


ClaimKind: TypeAlias = Literal["amount", "date", "gap"]


@attrs.frozen(kw_only=True)
class Claim:
    """An assertion built around one mention: what is counted, what happened, who, where, when.

    ``time`` is the resolved time that governs the claim; ``time_fallback`` is True when that
    is only the document's publication date. ``sentence`` spans the sentence (or infobox line)
    the claim came from, for quoting.
    """

    id: str
    doc_id: str
    source: str | None
    published: dt.date | None
    kind: ClaimKind
    mention: Mention
    counted: Part | None = None
    event: Part | None = None
    actor: Part | None = None
    place: Part | None = None
    time: TimeValue | None = None
    time_part: Part | None = None
    time_fallback: bool = False
    attribution: Part | None = None
    modality: Part | None = None
    revision: Part | None = None
    sentence: Span | None = None
    quote: str = ""


Verdict: TypeAlias = Literal[
    "agree",
    "contradict",
    "refine",
    "update",
    "consistent",
    "inconsistent",
    "uncheckable",
]
FindingKind: TypeAlias = Literal["pair", "part_whole", "temporal_gap"]


@attrs.frozen(kw_only=True)
class Finding:
    """One verdict: a pair of claims in a fact, or a derived check over several claims."""

    kind: FindingKind
    verdict: Verdict
    claims: tuple[str, ...]
    confidence: float
    explanation: str
    fact: str | None = None


@attrs.frozen(kw_only=True)
class Fact:
    """A group of claims, from one or more sources, judged to report the same figure or date."""

    id: str
    label: str
    claims: tuple[str, ...]


DocumentState: TypeAlias = Literal["read", "skipped", "failed"]


@attrs.frozen(kw_only=True)
class DocumentStatus:
    """How one input document fared: every input is accounted for in a report."""

    id: str
    origin: str
    state: DocumentState
    reason: str = ""
    source: str | None = None
    published: dt.date | None = None
    published_inferred: bool = False
    mentions: int = 0
    claims: int = 0


REPORT_SCHEMA = "claimcheck.report/1"


@attrs.frozen(kw_only=True)
class Report:
    """The result of reconciling a set of documents."""

    documents: tuple[DocumentStatus, ...]
    claims: tuple[Claim, ...]
    facts: tuple[Fact, ...]
    findings: tuple[Finding, ...]
    stats: tuple[tuple[str, float], ...] = ()
    schema: str = REPORT_SCHEMA
