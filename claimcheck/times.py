"""The time grammar: dates, periods, times of day, durations and gap claims, read as a news reader reads them.

:func:`pattern` gives the regex source the scanner puts first in its one alternation; its
top-level alternatives are named ``t_<kind>``. :func:`normalize` re-reads the matched text with
small compiled parsers (built once, from the words in ``data/time_en.toml``) and returns rows
``(start, end, kind, value)``. Relative expressions ("Thursday", "yesterday", "April 4") are
anchored to the reference date of :class:`Context` (the publication date, or the date of the
dated item the mention sits in: :func:`claimcheck.dateline.segments`); without one they stay
unresolved. Nothing here reads the clock.

>>> from claimcheck.extract import extract
>>> [(m.text, m.value.value) for m in extract("on Nov. 29, 2018 and since 2014")]
[('Nov. 29, 2018', '2018-11-29'), ('since 2014', '2014')]
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from claimcheck import lexicon
from claimcheck.patterns import alternation, prefix_gate
from claimcheck.values import (
    Duration,
    GapClaim,
    Grain,
    MentionKind,
    MentionValue,
    Span,
    TimeKind,
    TimeMod,
    TimeValue,
)

Row = tuple[int, int, MentionKind, MentionValue]

LEXICON = "time_en.toml"


# --------------------------------------------------------------------------- context


class Context:
    """Per-text state of time normalization, filled left to right as the scanner goes.

    *published* may be a date or a datetime (the time of day anchors "in 5 minutes").
    Mentions inside a dated item of the text (:func:`claimcheck.dateline.segments`) take that
    item's date as their reference. ``last`` is the last resolved date mentioned so far, the
    anchor of "the following day".
    """

    def __init__(
        self, text: str, *, published: dt.date | dt.datetime | None, day_first: bool = False
    ) -> None:
        from claimcheck import dateline  # dateline parses dates with this module's grammar

        self.text = text
        if isinstance(published, dt.datetime):
            self.now: dt.datetime | None = published.replace(tzinfo=None)
            self.published: dt.date | None = published.date()
            self.clock_known = True
        else:
            self.clock_known = False  # a date alone: its midnight stands in, but no clock time is known
            self.published = published
            self.now = None if published is None else dt.datetime.combine(published, dt.time())
        self.day_first = day_first
        self.last: TimeValue | None = None
        # (end offset, day, said of its night) of the last single day mentioned: the day of a bare
        # clock time a little after it ("Saturday night ... about 1 a.m.")
        self.last_day: tuple[int, dt.date, bool] | None = None
        self.segments = dateline.segments(text, self.published)

    def reference(self, position: int) -> dt.date | None:
        """The reference date for a mention starting at *position*."""
        for seg in reversed(self.segments):  # items come after the whole text: most specific first
            if seg.start <= position < seg.end and seg.published is not None:
                return seg.published
        return self.published


# --------------------------------------------------------------------------- lexicon


@attrs.frozen
class _Lex:
    months: Mapping[str, int]
    months_cap: frozenset[str]
    weekdays: Mapping[str, int]
    weekdays_cap: frozenset[str]
    seasons: Mapping[str, str]
    decade_words: tuple[str, ...]
    decade_centuries: Mapping[str, int]
    decades_named: Mapping[str, int]
    relative_days: Mapping[str, int]
    relative_words: Mapping[str, int]
    anaphoric: Mapping[str, int]
    anaphor_event_words: tuple[str, ...]
    units: Mapping[str, tuple[str, int]]
    duration_hedges: Mapping[str, TimeMod]
    date_hedges: Mapping[str, TimeMod]
    part_words: Mapping[str, TimeMod]
    vague: Mapping[str, tuple[int, int]]
    numbers: Mapping[str, int]
    ordinals: Mapping[str, int]
    gap_cues: tuple[str, ...]
    gap_linking: tuple[str, ...]
    gap_events: tuple[str, ...]
    not_year_after: tuple[str, ...]
    street_words: tuple[str, ...]
    not_plural: tuple[str, ...]
    parts_of_day: Mapping[str, tuple[str, int, int]]
    meals: Mapping[str, str]
    clock_words: Mapping[str, tuple[int, int]]
    clock_minutes: Mapping[str, int]
    holidays_fixed: Mapping[str, tuple[int, int, int, int]]  # month, day, days moved from Sat, Sun
    holidays_nth: Mapping[str, tuple[int, int, int, int]]
    holidays_easter: Mapping[str, int]
    holidays_orthodox: Mapping[str, int]
    future_blockers: frozenset[str]
    set_adverbs: Mapping[str, str]
    bare: Mapping[str, frozenset[str]]


_SPACES = re.compile(r"\s+")
_DASH_AFTER_NUMBER = re.compile(r"[\d-]-\Z")
_QUARTERS = re.compile(r"P(\d+)Q")


@functools.cache
def _lex() -> _Lex:
    raw: Mapping[str, Any] = lexicon.load(LEXICON)

    def low(table: Mapping[str, Any]) -> dict[str, Any]:
        return {k.lower(): v for k, v in table.items()}

    return _Lex(
        months=low(raw["months"]),
        months_cap=frozenset(raw["months_capitalized"]["words"]),
        weekdays=low(raw["weekdays"]),
        weekdays_cap=frozenset(raw["weekdays_capitalized"]["words"]),
        seasons=low(raw["seasons"]),
        decade_words=tuple(raw["decades"]["words"]),
        decade_centuries={k: int(v) for k, v in low(raw["decades"]).items() if k != "words"},
        decades_named={k: int(v) for k, v in low(raw["decades_named"]).items()},
        relative_days=low(raw["relative_days"]),
        relative_words=low(raw["relative_words"]),
        anaphoric=low(raw["anaphoric"]),
        anaphor_event_words=tuple(raw["anaphor_event"]["words"]),
        units={k: (v[0], int(v[1])) for k, v in low(raw["duration_units"]).items()},
        duration_hedges=low(raw["duration_hedges"]),
        date_hedges=low(raw["date_hedges"]),
        part_words=low(raw["part_words"]),
        vague={k: (int(v[0]), int(v[1])) for k, v in low(raw["vague_counts"]).items()},
        numbers=low(raw["numbers"]),
        ordinals=low(raw["ordinals"]),
        gap_cues=tuple(raw["gap"]["cues"]),
        gap_linking=tuple(raw["gap"]["linking"]),
        gap_events=tuple(raw["gap"]["events"]),
        not_year_after=tuple(raw["not_year_after"]["words"]),
        street_words=tuple(raw["not_year_after"]["street_words"]),
        not_plural=tuple(raw["not_year_after"]["not_plural"]),
        parts_of_day={k: (str(v[0]), int(v[1]), int(v[2])) for k, v in low(raw["parts_of_day"]).items()},
        meals={k: str(v) for k, v in low(raw["meals"]).items()},
        clock_words={k: (int(v[0]), int(v[1])) for k, v in low(raw["clock_words"]).items()},
        clock_minutes=low(raw["clock_minutes"]),
        holidays_fixed={
            k: (int(v[0]), int(v[1]), int(v[2]) if len(v) > 2 else 0, int(v[3]) if len(v) > 3 else 0)
            for k, v in low(raw["holidays_fixed"]).items()
        },
        holidays_nth={
            k: (int(v[0]), int(v[1]), int(v[2]), int(v[3]) if len(v) > 3 else 0)
            for k, v in low(raw["holidays_nth_weekday"]).items()
        },
        holidays_easter={k: int(v) for k, v in low(raw["holidays_easter"]).items()},
        holidays_orthodox={k: int(v) for k, v in low(raw["holidays_orthodox_easter"]).items()},
        future_blockers=frozenset(raw["future_in"]["blockers"]),
        set_adverbs=low(raw["set_adverbs"]),
        bare={k: frozenset(v) for k, v in raw["bare_words"].items()},
    )


def _alt(words: Sequence[str] | Mapping[str, Any], *, ci: bool = True) -> str:
    """An alternation of *words* as a prefix trie (longest first), spaces matching any whitespace."""
    return f"(?i:{alternation([w.lower() for w in words])})" if ci else alternation(words)


def _words_ci(words: Iterable[str]) -> str:
    """Whole single *words* in any case, as a trie of ``[xX]`` classes (for lookaheads and guards)."""
    return alternation(words, nocase=True, flexible_space=False)


def _cap_alt(words: Mapping[str, Any], capitalized: frozenset[str]) -> str:
    """Alternation where the *capitalized* words only match with a leading capital."""
    free = [w for w in words if w not in capitalized]
    caps = [w.capitalize() for w in words if w in capitalized] + [
        w.upper() for w in words if w in capitalized
    ]
    return f"(?:{_alt(free)}|{_alt(caps, ci=False)})" if caps else _alt(free)


# --------------------------------------------------------------------------- grammar


@attrs.frozen
class _Grammar:
    master: str
    sources: tuple[tuple[str, str], ...]  # (name, regex source) of each top-level rule, in order
    parsers: tuple[tuple[str, re.Pattern[str]], ...]  # point parsers, tried in order
    top: Mapping[str, re.Pattern[str]]  # parsers of top-level alternatives
    names: tuple[str, ...]


def _strip_names(src: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", src)


@functools.cache
def _grammar() -> _Grammar:
    lx = _lex()
    b = r"(?<![\w.])"  # word start (and not inside a decimal or an abbreviation)
    mon = _cap_alt(lx.months, lx.months_cap)
    # a bare month must be spelled out (or "May"): "Jan" alone is too often something else
    bare_month = _cap_alt({k: v for k, v in lx.months.items() if len(k) > 3 or k == "may"}, lx.months_cap)
    dot = r"\.(?!\d|\s*(?:$|[A-Z\n]))"  # an abbreviation's dot, not a full stop
    # a month or weekday word ends at any letter: "FRI" in "FRIENDS", "MON" in "MONROE" are none
    month = rf"(?:{mon}(?:{dot}|(?![A-Za-z])))"
    month_ci = rf"(?:{_alt(lx.months)}(?:{dot}|(?![A-Za-z])))"
    wd = rf"(?:{_cap_alt(lx.weekdays, lx.weekdays_cap)}(?:{dot}|(?![A-Za-z])))"
    ordw = _alt(
        list(lx.ordinals)
        + ["twenty-" + o for o in list(lx.ordinals)[:9]]
        + ["twenty " + o for o in list(lx.ordinals)[:9]]
        + ["thirty-first", "thirty first"]
    )
    dnum = r"(?:[0-2]?\d|3[01])(?!\d)(?:st|nd|rd|th)?"
    # spelled days of the month (10-31) from the lexicon's number words: "ten", "twenty-one"
    ones = [w for w, v in lx.numbers.items() if 1 <= v <= 9 and w not in ("a", "an")]
    tens = {v: w for w, v in lx.numbers.items() if v in (20, 30)}
    card = _alt(
        [w for w, v in lx.numbers.items() if 10 <= v <= 31]
        + [f"{tens[20]}{sep}{w}" for sep in (" ", "-") for w in ones]
        + [f"{tens[30]}{sep}{w}" for sep in (" ", "-") for w in ones if lx.numbers[w] == 1]
    )
    day = rf"(?:{dnum}|{ordw}|{card}(?![\w-]))"
    year4 = r"(?:1\d{3}|20\d\d)(?!\d)"
    yr = r"(?:19|20)\d\d(?!\d)"
    rel = _alt(lx.relative_words)
    nums = _alt([w for w in lx.numbers if w not in ("a", "an")])
    num = rf"(?:\d+(?:\.\d+)?|(?i:{nums}(?:[\s-]+{nums})?)|(?i:an?))"
    unit_words = [u for u in lx.units if u not in ("h",)]
    # "a quarter million", "three quarters billion us dollars": a fraction of a scale or of a
    # currency (the amount grammar's), not quarters of a year
    amount_words = [*lexicon.load("numbers_en.toml")["scales"], *lexicon.load("currencies_en.toml")["names"]]
    not_scaled = rf"(?!(?<=[qQ]uarter|uarters)\s+{_alt(amount_words)}(?![\w]))"
    unit = rf"(?:{_alt(unit_words)}|(?<=\d)h|(?<=\d\s)h)(?![\w-]){not_scaled}"
    vague = _alt(lx.vague)
    half = r"(?i:(?:and\s+)?(?:a\s+)?half)"
    notplural = _alt(lx.not_plural)
    year_guard = (
        rf"(?!\s*(?:%|{_alt(lx.not_year_after)}(?![\w])|(?!{notplural}\b)[a-z]{{2,}}s\b))"
        r"(?![.,]\d|-(?:year|month|week|day|old|strong|member|man)\b)"
        # a street number: "1915 Birch Street", "1910 S. Pine Ave."
        rf"(?![^\S\n]+(?:[NSEW]\.?[^\S\n]+)?(?:[A-Z][a-z]+[^\S\n]+){{1,3}}"
        rf"{_alt(lx.street_words, ci=False)}(?![\w]))"
    )
    # spelled years, read only right after a month or a day ("June of nineteen ninety nine")
    units9 = "one|two|three|four|five|six|seven|eight|nine"
    twod = (
        rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:{units9}))?"
        rf"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
        rf"|(?:oh|zero)[\s-]+(?:{units9}))"
    )
    spelled_year = (
        rf"(?i:(?:nineteen|eighteen|twenty)[\s-]+{twod}|two\s+thousand(?:(?:\s+and)?[\s-]+(?:{twod}|{units9}))?)"
        rf"(?![\w-]){year_guard}"
    )
    yw = rf"(?:{year4}|{spelled_year})"
    # a spelled year alone, after "in" or "of" ("in nineteen twenty eight", "the third week of two
    # thousand and twenty seven"); one starting "twenty" or "two thousand" not before a lower-case word
    # ("of two thousand people" is a count)
    in_of = r"(?:(?<=[Ii][Nn]\s)|(?<=[Oo][Ff]\s))"  # checked by the scanner; the matched text alone lacks it
    syear = (
        rf"{in_of}(?P<sy>(?i:nineteen|eighteen)[\s-]+{twod}(?![\w-]){year_guard}"
        rf"|(?:(?i:twenty)[\s-]+{twod}|(?i:two\s+thousand)(?:\s+(?i:and))?[\s-]+(?:{twod}|{units9}))"
        rf"(?![\w-])(?![^\S\n]*[a-z]))"
    )
    the = r"(?:(?i:the)\s+)"

    # ---- clock times (named groups are unique, so one parser reads any of them)
    ap = r"(?i:[ap]\.\s?m\.|[ap]\.?\s?m)(?![a-z])"  # a final dot only after "p.m", else a full stop
    h12 = r"(?:1[0-2]|0?[1-9])"
    h24 = r"(?:2[0-3]|[01]?\d)"
    sp_h = _alt([w for w, v in lx.numbers.items() if 1 <= v <= 12 and w not in ("a", "an")])
    units_w = [w for w, v in lx.numbers.items() if 1 <= v <= 9 and w not in ("a", "an")]
    tens_w = [w for w, v in lx.numbers.items() if v in (20, 30, 40, 50)]
    minute_words = (
        [w for w, v in lx.numbers.items() if 10 <= v <= 19]
        + tens_w
        + [f"{t}{sep}{u}" for t in tens_w for u in units_w for sep in (" ", "-")]
        + [f"oh {u}" for u in units_w]
    )
    clock = (
        rf"(?:(?P<c1h>{h24}):(?P<c1m>[0-5]\d)(?::(?P<c1s>[0-5]\d))?(?![\d:])"
        rf"(?:\s*(?P<c1ap>{ap})|(?P<c1b>[ap])(?![\w']))?"
        rf"|(?P<c6h>1[0-2]|[1-9])(?P<c6m>[0-5]\d)\s*(?P<c6ap>{ap})"
        rf"|(?P<c8h>{h12})\.(?P<c8m>[0-5]\d)\s*(?P<c8ap>{ap})"
        rf"|(?P<c2h>{h12})\s*(?P<c2ap>{ap})"
        rf"|(?P<c3h>{h24})h(?P<c3m>[0-5]\d)(?![\w])"
        rf"|(?P<c4h>{h12}|{sp_h})\s*(?i:o'?\s?clock)(?![\w])(?:\s*(?P<c4ap>{ap}))?"
        rf"|(?P<c9h>{sp_h})[\s-]+(?P<c9m>{_alt(minute_words)})\s*(?P<c9ap>{ap})"
        # "at seven twenty-seven", "at six forty-three minutes": spelled, with no am/pm only after "at"
        # (and not before a noun: "at seven thirty people")
        rf"|(?<=[Aa][Tt]\s)(?P<c13h>{sp_h})[\s-]+(?P<c13m>{_alt(minute_words)})(?:\s+(?i:minutes?|mins?))?(?![\w-])"
        rf"(?!\s+(?!(?:in|on|at|this|tomorrow|today|tonight|yesterday|and|or|to|until)\b)[a-z])"
        rf"|(?P<c7h>{sp_h})\s+(?P<c7ap>{ap})"
        rf"|(?<=[Aa][Tt]\s)(?P<c10h>{h12})(?P<c10ap>[ap])(?![\w'])"
        # "at 15h", "15 minutes past 15h": an hour in the "15h" style (elsewhere "15h" is a duration)
        rf"|(?:(?<=[Aa][Tt]\s)|(?<=@)|(?<=@\s)|(?<=[Pp][Aa][Ss][Tt]\s))(?P<c12h>{h24})h(?![\w])"
        rf"|(?:12\s*)?(?P<cw>{_alt(lx.clock_words)})(?![\w]))"
    )
    bare_h = rf"(?:{h24}|{sp_h})(?![\w:]|[.,]\d)"  # "at 1,015 francs" is no hour
    tonightish = [w for w in lx.parts_of_day if w in lx.relative_days]
    # "nighttime" is also written "night-time" (a lexicon key with a hyphen would add "time" to the guard)
    podw = _alt([*lx.parts_of_day, *(w[:-4] + "-time" for w in lx.parts_of_day if w.endswith("ttime"))])
    pod = (
        rf"(?:(?i:in\s+the|in|at|this)\s+(?P<podw>{podw})|(?P<podt>{_alt(tonightish)})"
        rf"|(?i:in\s+the)\s+(?P<podap>(?i:am|pm)))(?![\w])"
    )
    mw = _alt(lx.clock_minutes)
    mword = _alt(["five", "ten", "twenty", "twenty-five", "twenty five"])
    mwords = _alt([w for w in minute_words if not w.startswith("oh ")])  # "thirty-six minutes past eight"
    mins_w = r"(?i:\s+(?:minutes?|mins?))"
    rm_past = rf"(?:{mw}|(?:[1-5]?\d|{mword})(?:{mins_w})?|{mwords}{mins_w})"
    rm_to = rf"(?:{mw}|(?:[1-5]?\d|{mword}|{mwords}){mins_w}|1[3-9]|[2-5]\d)"
    rm_strict = rf"(?:{mw}|(?:[1-5]?\d|{mword}|{mwords}){mins_w})"
    relmin = (
        rf"(?:(?P<rmp>{rm_past})\s+(?P<rdp>(?i:past|after))"
        rf"|(?P<rmt>{rm_to})\s+(?P<rdt>(?i:to|till|before)))\s+"
    )
    sp = r"[^\S\n]*"  # a date and its time of day sit on one line
    relmin_strict = rf"(?:{rm_strict}\s+(?i:past|after|to|till|before))\s+"
    tod_hedge = r"(?:(?P<th>(?i:at\s+about|at\s+around|around|about|approximately|at|@))\s*)"
    tod_tail = rf"(?:\s*(?P<ish>(?i:ish)))?(?:\s+(?:{pod}|(?P<approx>(?i:approximately))))?"
    # the parser reads any time of day; the master only lets a bare hour through with a
    # "half past" before it or a part of the day after it ("8 tonight")
    tod = rf"{tod_hedge}?(?:{relmin})?(?:{clock}|(?P<bh>{bare_h})){tod_tail}"
    c_s, pod_s = _strip_names(clock), _strip_names(pod)
    reldays = _alt([w for w in lx.relative_days if w not in lx.parts_of_day])
    tod_s = (
        rf"(?:{_strip_names(tod_hedge)}?(?:{_strip_names(relmin)}(?:{c_s}|{bare_h})|{relmin_strict}{bare_h}"
        rf"|{c_s}|{bare_h}(?=\s+(?:{pod_s}|(?:{reldays}|(?i:last))\s+(?:(?i:in\s+the)\s+)?{podw}(?![\w])))"
        rf"|(?<=[Aa][Tt]\s){bare_h}(?=\s+{reldays}(?![\w]))){_strip_names(tod_tail)})"
    )
    t1_s = rf"(?:{c_s}|{h24}(?::[0-5]\d)?(?![\d:]))"
    todrange = (
        # a full clock time joins a range with "and" only after "between": "at 1 p.m. and 7 p.m." are two
        # times ("5 and 6 p.m." is still a range)
        rf"(?:(?P<fb>(?i:from|between(?:\s+the\s+hours\s+of)?|in\s+between|at))\s+)?"
        rf"(?:(?<=(?i:between)\s)|(?<=(?i:hours\sof)\s)|(?!{c_s}(?:\s*(?i:ish))?\s*(?i:and)\s))"
        rf"(?P<t1>{t1_s})(?:\s*(?i:ish))?"
        rf"\s*(?:-|–|—|(?i:to|until|untill|till|through|thru|and))\s*(?P<t2>{tod_s})"
    )
    todrange_s = _strip_names(todrange)
    # where a clock range can start: a digit, "from"/"between"/"in between", a spelled hour or a clock word
    clock_first = {"from", "between", "in", "at", *lx.clock_words}
    clock_first |= {w for w, v in lx.numbers.items() if 1 <= v <= 12 and w not in ("a", "an")}
    clock_start = rf"(?=\d|{_words_ci(clock_first)}(?![a-z]))"
    # where a day range can start: a digit, "from"/"between"/"the", or the first word of a spelled day
    day_first = {"from", "between", "the", "twenty", "thirty"} | {
        re.split(r"[\s-]+", w)[0] for w, v in [*lx.ordinals.items(), *lx.numbers.items()] if 1 <= v <= 31
    }
    day_start = rf"(?=\d|{_words_ci(w for w in day_first if w.isalpha())}(?![a-z]))"
    # two bare hours ("Monday 3-8", "between 3 and 8 yesterday"): a clock range only beside a day
    bare_range = (
        rf"(?:(?i:from|between|in\s+between)\s+)?{h24}\s*(?:-|–|—|(?i:to|until|till|and))\s*{h24}"
        rf"(?![\w:,/%-]|\.\d|\s*[-–—]\s*\d|\s+[a-z])"
    )
    bare_range_fb = (
        rf"(?:(?i:from|between|in\s+between)\s+{h24}(?::[0-5]\d)?|{h24}:[0-5]\d)\s*(?:-|–|—|(?i:to|until|till|and))\s*{h24}"
        rf"(?![\w:,/%-]|\.\d)"
    )
    nth_wd = _alt([w for w, v in lx.ordinals.items() if v <= 5] + ["1st", "2nd", "3rd", "4th", "5th"])
    holiday_words = [*lx.holidays_fixed, *lx.holidays_nth, *lx.holidays_easter, *lx.holidays_orthodox]

    # ---- points: (name, source with named groups) -- most specific first
    # words that may follow a weekday and its day number ("Monday 21 between 9:30 and 3"); any other
    # lower-case word makes the number a count ("on Monday 20 people died")
    day_next = _alt(
        ["at", "between", "from", "to", "in", "on", "of", "and", "or", "until", "till", "through", "around"]
        + ["about", "am", "pm", "a.m.", "p.m.", "noon", "midnight", *lx.parts_of_day, *lx.clock_words]
        + [w for w, v in lx.numbers.items() if 1 <= v <= 12 and w not in ("a", "an")]
    )
    points: list[tuple[str, str]] = [
        ("iso", rf"(?P<y>{year4})(?P<s>[-/.])(?P<m>0?[1-9]|1[0-2])[-/.](?P<d>3[01]|[0-2]?\d)(?!\d|[/.-]\d)"),
        ("compact", r"(?<![\d-])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>[0-2]\d|3[01])(?!\d)"),
        (
            "numeric",
            r"(?P<a>[0-3]?\d)(?P<s>[/.-])(?P<b>[0-3]?\d)(?:(?<=/\d)/|(?<=/\d\d)/|(?<=\.\d)\.|(?<=\.\d\d)\.|(?<=-\d)-|(?<=-\d\d)-|,\s?(?=\d{4})|,(?=\d\d(?!\d)))(?P<y>\d{4}|\d\d)"
            r"(?!\d|[/.]\d|-\d\d?(?!\d|[/.-]\d))",
        ),
        (
            "mdy",
            rf"(?:(?P<wd>{wd}),?\s+)?(?:{the})?(?:(?={month})|(?={month_ci}\s+{day}(?:,?\s+{year4}|\s*(?:$|[,;:!?)]|\.(?!\d)))))(?P<mon>{month_ci})(?:\s*the)?[\s/-]*(?P<d>{day})"
            rf"(?:(?:{sp},\s*|\s+(?:(?i:of|in)\s+)?|[/-])(?P<y>{yw}))?(?:,\s*(?P<wd2>{wd}))?(?![\w])",
        ),
        (
            "dmy",
            rf"(?:(?P<wd>{wd}),?\s+)?(?:{the})?(?P<d>{day})\.?(?:\s+of\s+(?={month_ci})|[\s/-]*(?={month}))(?P<mon>{month_ci})"
            rf"(?:(?:{sp},\s*|\s+(?:(?i:of|in)\s+)?|[/-])(?P<y>{yw})|(?<=[A-Za-z.])-(?P<y2>\d\d)(?![\w-]))?(?:,\s*(?P<wd2>{wd}))?(?![\w])",
        ),
        ("ymd_mon", rf"(?P<y>{year4})[-/ ](?P<mon>{month})[-/ ](?P<d>3[01]|[0-2]?\d)(?!\d)"),
        (
            "md_num",
            rf"(?:{wd},?\s+)?(?<![\d/.])(?!(?:[1-3]/[2-4])(?![\d/]))(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[0-2]?\d)"
            r"(?![\d/]|\.\d)",
        ),
        (
            "dm_num",  # day first, unambiguous only when the day is above 12 ("22/04")
            rf"(?:{wd},?\s+)?(?<![\d/.])(?P<d>1[3-9]|2\d|3[01])/(?P<m>0?[1-9]|1[0-2])(?![\d/]|\.\d)",
        ),
        (
            "nth",
            r"(?i:the)\s+(?P<nth>3[01]|[0-2]?\d)(?:st|nd|rd|th)(?![\w])(?!\s+(?!of\b)[a-z])"
            # "back for the 27.", "on the second": a bare day number after "on"/"for"/"by", ending the clause
            rf"|(?:(?<=[Oo][Nn]\s)|(?<=[Ff][Oo][Rr]\s)|(?<=[Bb][Yy]\s)|^)(?i:the)\s+(?P<nth2>3[01]|[12]\d|[1-9]|{ordw}|{card})"
            r"(?=\s*(?:[.!?;]|$))",
        ),
        (
            "monthyear",  # "June 2015", "June of nineteen ninety", "August '99" (two digits end the clause)
            rf"(?P<mon>{month})(?:{sp},?\s*(?:of\s+)?|\s*[-/]\s*)"
            rf"(?P<y>{yw}|(?<!,)(?<!,\s)['’]?[5-9]\d(?![\w'’])(?=\s*(?:[.,;:!?)]|$)))",  # not "August, 61,"
        ),
        ("yearmonth", rf"(?P<y>{yr}){sp},?\s*(?P<mon>{month})(?![\w])"),
        ("ym_num", rf"(?P<y>{yr})\s*[-/]\s*(?P<m>0?[1-9]|1[0-2])(?![\d/.-]|\s*[-/]\s*\d)"),
        ("my_num", rf"(?<![\d/.-])(?P<m>0?[1-9]|1[0-2])\s*[/-]\s*(?P<y>{yr})(?![\d/.-])"),
        ("decade", rf"(?:{the})?(?P<dec>(?:1[89]|20)\d0)(?:'|’|[^\S\n])?s(?![\w])"),
        ("decade2", rf"(?:{the})?'(?P<dec2>\d0)s(?![\w])"),
        (
            "decade3",  # "the nineteen seventies", "the twenty-tens", "the noughties"
            rf"(?:(?:{the})?(?P<dc>{_alt(lx.decade_centuries)})[\s-]+(?P<dw>{_alt(lx.decade_words)})"
            rf"(?!\s+(?i:of)\b)|{the}(?P<dn>{_alt(lx.decades_named)}))(?![\w])",
        ),
        ("century", rf"(?:{the})?(?P<cent>[12]?\d)(?:st|nd|rd|th)\s+(?i:century)"),
        (
            "season",
            rf"(?:(?P<rel>{rel})\s+)?(?P<season>{_alt(lx.seasons)})(?:(?:\s+of)?,?\s+(?P<y>{yw}))?(?![\w])",
        ),
        (
            "quarter",
            rf"(?:(?P<q>[Qq][1-4])\s*-?\s*(?P<y>{yr})|(?P<y2>{yr})\s*-?\s*(?P<q2>[Qq][1-4])"
            rf"|(?P<h>H[12])\s*(?P<y3>{yr})|(?P<y4>{yr})\s*(?P<h2>H[12])|(?P<y6>\d\d)(?P<q6>[Qq][1-4])"
            rf"|(?:{the})?(?P<qo>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+(?i:quarter|qtr)"
            rf"(?:\s+(?:of\s+)?(?:(?P<y5>{yr}|{spelled_year})|(?P<qr>(?i:this|next|last))\s+(?i:year)))?"
            rf"|(?P<q8>[Qq][1-4])\s+(?P<qr2>(?i:this|next|last))\s+(?i:year))(?![\w])",
        ),
        (
            "holiday",
            rf"(?:(?P<hrel>(?i:this|next|last|coming|following|past|previous))\s+)?(?P<hol>{_alt(holiday_words)})(?![\w'])"
            rf"(?:(?:\s+of)?,?\s+(?P<y>{yr}|{spelled_year})|\s+(?i:of|in)\s+(?P<yrel>(?i:this|next|last))\s+(?i:year))?(?![\w])",
        ),
        ("relday", rf"(?P<rd>{_alt(lx.relative_days)})(?![\w])"),
        (
            "weeknum",
            rf"(?:{the})?(?i:week)\s+(?P<wn>5[0-3]|[1-4]\d|0?[1-9])(?![\w.,:/-])(?:,?\s+(?:(?i:of)\s+)?(?P<y>{yr}))?",
        ),
        (
            "weekday",
            rf"(?:(?P<wrel2>(?i:next|last|this))\s+(?i:week)\s+(?:(?i:on)\s+)?)?(?:(?P<rel>(?:(?i:this)\s+(?=(?i:past)\s))?{rel})\s+)?(?P<wd>{wd})"
            rf"(?:,?\s+(?:the\s+)?(?P<d>{dnum}|{ordw})(?![-–:h/.]\s*\d|\s*(?i:[ap]\.?\s?m)(?![a-z])|\s+{unit}|\s+(?!{day_next}\b)[a-z])"
            rf"|\s+(?i:the)\s+(?P<d3>{card})(?![\w-]|\s+[a-z]))?"
            rf"(?:\s+(?:of\s+)?(?P<wrel>(?i:next|last|this))\s+(?i:week)|\s+(?P<an>(?i:after\s+next)))?",
        ),
        (
            "relper",
            # "this past week" is the past week
            rf"(?:(?P<rel>(?:(?i:this)\s+(?=(?i:past)\s))?{rel})\s+(?P<per>(?i:week|weekend|month|year|yr|quarter|qtr|decade|work(?:ing\s+)?week))"
            rf"|(?i:the)\s+(?P<per2>(?i:week|weekend|month|year))\s+(?P<an>(?i:after\s+(?:the\s+)?next)))(?![\w])",
        ),
        (
            "anaphor",
            # "that day", "the following day", "the day after" (a bare "the week" is not a date)
            rf"(?P<ana>(?:(?i:that)\s+(?:(?P<aw>{_alt(lx.anaphoric)})\s+)?|(?i:the)\s+(?:(?P<aw3>{_alt(lx.anaphoric)})\s+"
            rf"|(?=(?i:day|week|month|year)\s+(?i:before|after)(?!\s+(?:the\s+)?(?i:next)))))"
            rf"(?P<au>(?i:day|week|month|year))"
            # "the day after the shooting", "the day before his arrest": counted from an event, not a date
            rf"(?:\s+(?P<aw2>(?i:before|after))(?!\s+(?:the\s+)?(?i:next))"
            rf"(?!\s+(?:(?i:{_alt(lx.anaphor_event_words)})(?![\w'’])|[A-Z][a-z]+|\w+['’]s(?![\w]))))?)(?![\w])",
        ),
        (
            "earlier",
            r"(?P<el>(?i:earlier|later))\s+(?i:this|in\s+the)\s+(?P<per>(?i:week|month|year))(?![\w])",
        ),
        (
            "month",
            # "May I ask" opening a sentence: the modal, not the month ("in May I left" is the month)
            rf"(?:(?P<rel>{rel})\s+)?(?P<mon>{bare_month})(?![\w]|\.\w)"
            r"(?!(?<![A-Za-z,;]\sMay)\s+(?:I|we|you|he|she|it|they)\b)"
            rf"(?:\s+(?:(?i:of)\s+)?(?P<ry>(?i:next|last|this))\s+(?i:year)(?![\w]))?",
        ),
        ("era", r"(?P<ey>[1-9]\d{0,3})\s*(?P<era>B\.C\.|A\.D\.|BCE?|AD|CE|(?i:b\.c\.|a\.d\.))(?![\w])"),
        (
            "now",
            r"(?P<now>(?i:right\s+now|just\s+now|at\s+(?:the\s+)?(?:moment|minute|present(?:\s+time)?)))(?![\w])",
        ),
        ("year", rf"(?<![\d$€£#.,/])(?<![\d-]-)(?:(?i:the\s+year\s+))?(?P<y>{yr}){year_guard}"),
        ("syear", syear),
    ]
    point_src = "|".join(_strip_names(src) for _, src in points)
    point = f"(?:{point_src})"
    point_noyear = "(?:" + "|".join(_strip_names(src) for n, src in points if n != "year") + ")"
    dayish_names = {
        *("iso", "compact", "numeric", "mdy", "dmy", "md_num", "dm_num"),
        *("holiday", "relday", "weekday", "anaphor"),
    }
    dayish = "(?:" + "|".join(_strip_names(src) for n, src in points if n in dayish_names) + ")"
    dayish_nth = "(?:" + "|".join(_strip_names(src) for n, src in points if n in dayish_names | {"nth"}) + ")"
    # a period a part of which can be counted ("the first 2 weeks of 2021", "the 9th month of next year")
    period_names = {"monthyear", "yearmonth", "month", "year", "syear", "relper", "quarter", "season"}
    period_pt = "(?:" + "|".join(_strip_names(src) for n, src in points if n in period_names) + ")"
    holiday_pt = "(?:" + "|".join(_strip_names(src) for n, src in points if n == "holiday") + ")"
    # a range may end (or start) at the reference instant: "between Jan 2019 and now", "from March to date"
    nowish = r"(?:(?i:now|(?:the\s+)?(?:current\s+)?date|today)(?![\w]))"

    # ---- durations
    frac = r"(?i:(?:an?\s+|one\s+|two\s+|three\s+)?(?:half|quarters?))"
    count = (
        # "a quarter of an hour", then plain counts
        rf"(?:(?:(?i:(?:an?|one|two|three)[\s-]+(?:quarters?|thirds?)\s+of\s+an?)(?=\s)"
        rf"|{num}(?:\s+(?i:and)\s+{frac})?|[1-9]/[2-4]|{vague}|(?i:half\s+(?:an?\s+)?)"
        rf"|(?i:all|full|whole|another|an\s+entire|the\s+entire|entire)(?=[\s-]))"
        rf"(?:\s+(?i:more|additional|extra|less|fewer))?(?:\s+(?i:of))?)"
    )
    tail = rf"(?:\s+(?:(?i:and)\s+)?(?:[1-5]?\d(?![\d.,])|(?i:{nums}))(?!\s*(?:[\w]|-\w)))"
    hour_tail = rf"(?<=(?i:hour))(?<!\bhalf\ hour){tail}|(?<=(?i:hours)){tail}"  # "1 hour thirty"
    csep = r"(?:(?<=\d)\s*-?\s*|\s*-\s*|\s+|(?<=\s))"  # "5min", "5-day", "a day"; not "Amin", "someday"
    one_dur = rf"(?:{count}{csep}{unit}(?:\s+{half}|{hour_tail})?)"
    dur = rf"(?:{one_dur}(?:(?:\s*,\s*|\s+and\s+|\s+)(?={count}{csep}{unit}){one_dur})*)"
    dhedge = _alt(lx.duration_hedges)
    det = r"(?i:the|an?|all|its|their|his|her|our|those|these|this|that)"  # "a quarter of the vote"
    age_tail = r"\s*-\s*old\b|\s+old\b|\s+(?i:of\s+age)\b"  # "19-year-old", "5 years old": ages are amounts

    # ---- top-level alternatives
    joiner = (
        r"(?=[^\n]{1,40}?(?:[-–—~]|\b(?i:to|until|untill|till|through|thru|and)\b))"  # cheap range pre-check
    )
    joiner0 = joiner.replace("{1,40}", "{0,40}")  # right after a day: "4-23 May"
    # what ends a range of days: its month (and year), or "of"/"in" and a month relative to the
    # reference date ("4 till 23 of this month"; "killed 5 to 10 this month" counts)
    day_tail = (
        rf"(?:(?:\s+of)?\s*(?P<mon>{month})(?:,?\s*(?P<y>{yw}))?"
        rf"|\s+(?i:of|in)\s+(?:(?i:the)\s+)?(?P<rel>{rel})\s+(?i:month))"
    )
    to = r"(?:\s*(?:-|–|—|~|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*)"
    to_and = r"(?:\s*(?:-|–|—|~|\band\b|\bto\b|\bthrough\b)\s*)"  # after "between"
    cue = _alt(lx.gap_cues)
    lastn_rel = r"(?i:last|past|previous|next|coming|upcoming|following)"
    # a cheap first check for an alternative that starts with a (hedged) duration: a digit, a fraction
    # sign or a word a hedge or a count can begin with
    count_words = {
        re.split(r"[\s-]+", w)[0].lower()
        for w in [*lx.duration_hedges, *lx.vague, *lx.numbers, *lx.clock_minutes]
    } | {"a", "an", "half", "all", "full", "whole", "another", "entire", "the", "one", "two", "three"}
    count_start = rf"(?=\d|{_words_ci(count_words)}(?![a-z]))"
    link = _alt(lx.gap_linking)
    dhedges = _alt(lx.date_hedges)
    parts = _alt([p for p in lx.part_words if p not in ("mid", "early", "late")])
    # "Thursdays" (not "Thurs", the abbreviation)
    plural_wd = _cap_alt({w + "s": v for w, v in lx.weekdays.items() if w.endswith("day")}, frozenset())
    cdur_unit = r"(?i:hours?|hrs?|minutes?|mins?)"
    clock_t = rf"(?:{h24}(?::[0-5]\d)?(?:\s*{ap})?(?![\w:]|[.,]\d)|{_alt(lx.clock_words)}(?![\w]))"
    top: list[tuple[str, str]] = [
        (
            "clockdur",  # "from 9 for 2.5 hrs", "last for 3 hours from 10 am"
            rf"{b}(?:(?i:from)\s+(?P<t1>{clock_t})\s+(?i:for)\s+(?=[^\n]{{0,30}}?\b{cdur_unit})(?P<d1>{dur})"
            rf"|(?:(?i:last(?:s|ed|ing)?)\s+)?(?P<for>(?i:for))\s+(?=[^\n]{{0,30}}?\b{cdur_unit})(?P<d2>{dur})"
            rf"\s+(?i:from)\s+(?P<t2>{clock_t})(?!\s+[a-z]))(?![\w])",
        ),
        (
            "gap",
            rf"{b}(?P<cue>{cue})\b(?!\s+(?i:week|month|year|night|time|minute)\b)"
            rf"(?P<mid>[^.;:!?\n]{{0,80}}?)\s(?:(?P<inw>(?i:in|for))\s+(?P<ghedge>{dhedge}\s+)?(?P<gdur>{dur})"
            rf"|(?P<since>(?i:since))\s+(?P<gpt>{point})|(?:{link})\s+(?:(?i:on|in)\s+)?(?P<lpt>{dayish}|{point}))"
            rf"(?![\w])",
        ),
        (
            "dayrange",
            # "4 to 22 May", "4-22 May", "from 3 until 12 of Sept", "4 to 23 next month"
            rf"{b}{day_start}(?:(?P<fb>(?i:from|between))\s+)?(?:{the})?(?P<d1>{day}){joiner0}(?:\s*(?i:of\s+)?(?P<mon1>{month}))?{to}"
            rf"(?:{the})?(?P<d2>{day}){day_tail}(?![\w])",
        ),
        (
            "dayrange_fb",  # after "from"/"between" only: "between 4 and 22 May", "from 4 to Jan 22, 1995"
            rf"{b}(?P<fb>(?i:from|between))\s+(?:{the})?(?P<d1>{day}){joiner0}(?:\s*(?i:of\s+)?(?P<mon1>{month}))?"
            rf"(?:{to}|\s+(?i:and)\s+)"
            rf"(?:(?:{the})?(?P<d2>{day}){day_tail}|(?P<mon2>{month})\s*(?P<d3>{day})(?:,?\s*(?P<y2>{yw}))?)(?![\w])",
        ),
        (
            "mdrange",
            rf"{b}(?:(?P<fb>(?i:from|between))\s+)?(?P<mon>{month})\s*(?:(?i:between)\s+)?(?P<d1>{day})(?:\s*-\s*|\s+(?:to|through|thru|until|till|and)\s+)"
            rf"(?P<d2>{dnum})(?!\s*{month}|[/:.]\d)(?:,?\s*(?P<y>{yw}))?(?![\w])",
        ),
        (
            "todrange",  # a clock range, then perhaps its day ("9:30 - 11:00 on Thursday")
            rf"{b}{clock_start}{joiner}(?:(?P<tr>{todrange_s})(?:{sp},?{sp}(?:(?i:on|of)\s+)?(?P<pt>{dayish})"
            # "between 7 and 9:30 last night": yesterday's
            rf"(?:\s+(?:(?i:in\s+the)\s+)?(?P<pod2>{podw})(?![\w]))?|\s+(?i:last)\s+(?P<lpw>{podw}))?"
            rf"|(?P<br>{bare_range_fb})(?:{sp},?{sp}(?:(?i:on|of)\s+)?(?P<pt2>{dayish})|\s+(?i:last)\s+(?P<lpw2>{podw})))(?![\w])",
        ),
        (
            "tod",  # a clock time, then perhaps its day ("at 9am on Saturday", "before 11 am")
            rf"{b}(?:(?P<dh>{dhedges})\s+)?(?P<tod>{tod_s})(?:{sp},?{sp}(?:(?i:on|of)\s+)?(?P<pt>{dayish})(?![\w])"
            rf"(?:\s+(?:(?i:in\s+the)\s+)?(?P<pod2>{podw})(?![\w]))?"
            rf"|\s+(?i:last)\s+(?P<lpw>{podw})(?![\w])"  # "at 11 p.m. last night"
            rf"|\s+(?P<daily>(?i:each\s+day|every\s+day|everyday|daily))(?![\w]))?",
        ),
        (
            "set",
            rf"{b}(?:(?P<ev>(?i:every|each))\s+(?:(?P<other>(?i:other))\s+)?(?:(?P<sn>{num})\s+)?"
            rf"(?:(?P<spod>(?i:morning|afternoon|evening|night))(?![\w])|(?P<su>{unit})"
            rf"|(?P<swd>{wd})(?:\s+(?P<swpod>(?i:morning|afternoon|evening|night))(?![\w]))?)"
            rf"(?:\s+(?:(?i:at)\s+)?(?P<stod>{tod_s}))?"
            rf"|(?P<adv>{_alt(lx.set_adverbs)})(?:(?:(?<=(?i:daily))|(?<=(?i:everyday)))\s+(?:(?i:at)\s+)?(?P<atod>{tod_s}))?"
            rf"|(?i:once)\s+(?i:a|an|per|every)\s+(?P<ou>{unit})"
            rf"|(?P<pwd>{plural_wd})"
            rf"(?:\s+(?i:at)\s+(?P<ptod>{tod_s}))?"
            # "Friday mornings": that part of every such day
            rf"|(?P<pwd2>{wd})\s+(?P<ppod>(?i:mornings|afternoons|evenings|nights)))(?![\w-])",
        ),
        (
            "nthwd",
            rf"{b}(?:(?:{the})?(?P<nth>{ordw}|{dnum}|(?i:last))\s+(?:(?P<wd>{wd})|(?P<dw>(?i:day)))"
            rf"\s+(?i:of|in)\s+"
            rf"(?:(?P<tm>(?i:the\s+month))|(?P<pt>{point}|{month}))"
            # "second Sunday" alone: that weekday of the reference month (not "a second Sunday",
            # "the second Sunday in a row", "the second Wednesday shooting")
            rf"|(?<![Aa]\s)(?<![Tt]he\s)(?<![Aa]nother\s)(?P<nth2>{nth_wd})\s+(?P<wd2>{wd})"
            rf"(?!\s+[a-z]|[-–]))(?![\w])",
        ),
        (
            "weekrange",  # "next week between Wednesday and Friday", "this week from Tue to Thur"
            rf"{b}(?P<wrel>(?i:next|last|this))\s+(?i:week)\s+(?:(?P<fb>(?i:from|between))\s+)?"
            rf"(?P<wa>{wd}){to_and}(?P<wb>{wd})(?![\w])",
        ),
        (
            "nthweek",
            rf"{b}(?:{the})?(?P<nth>{ordw}|\d(?:st|nd|rd|th)|(?i:last))\s+(?i:week)"
            rf"\s+(?:(?i:of|in)\s+(?P<pt>{point}|{month})|(?=(?i:next|last|this)\s+(?i:year|month))(?P<pt2>{point}))"
            r"(?![\w])",
        ),
        (
            "nof",  # "the first 2 weeks of 2021", "the last four months of 2021", "the 3rd month of 2021"
            rf"{b}(?:{the})?(?:(?P<fl>(?i:first|last|final|opening|closing))\s+(?P<dur>{dur})"
            rf"|(?P<nth>{ordw}|\d{{1,2}}(?:st|nd|rd|th)|(?i:last|final))\s+(?i:month))"
            rf"\s+(?i:of|in)\s+(?P<pt>{period_pt})(?![\w])",
        ),
        (
            "holweekend",  # "Labor Day weekend", "the weekend of Halloween", "Thanksgiving 2023 weekend"
            rf"{b}(?:(?:{the})?(?P<hol>{holiday_pt})\s+(?i:weekend)|(?:{the})?(?i:weekend)\s+(?i:of)\s+(?P<hol2>{holiday_pt}))"
            r"(?![\w])",
        ),
        (
            "domrel",
            rf"{b}(?:{the})?(?P<nth>{ordw}|{dnum})\s+(?i:of)\s+(?:(?i:the)\s+)?"
            rf"(?P<rel>{rel}|(?i:following))\s+(?i:month)(?![\w])",
        ),
        (
            "rest",
            # "the rest of the week", "rest of week", "rest of my week" ("rest this week" is the verb)
            rf"{b}(?:(?i:the)\s+)?(?i:rest|remainder)\s+(?i:of)\s+(?:(?i:the|this|my|our|(?:the\s+)?current)\s+)?"
            rf"(?P<per>(?i:week|month|year))(?![\w])",
        ),
        (
            "weekof",  # "the week of April 10th", "the week commencing 4 February", "w/c Feb 4"
            rf"{b}(?:(?:(?i:the)\s+)?(?i:week)\s+(?i:of|commencing|beginning|starting)(?:\s+(?i:on))?|[Ww]/[Cc])"
            rf"\s+(?P<pt>{dayish_nth})(?![\w])",
        ),
        (
            "durstart",  # "from 20th dec for 1 week" (and, in "ago" and "duration": "for 3 days from today")
            rf"{b}(?i:from)\s+(?P<pt2>{dayish}),?\s+(?i:for)\s+(?P<dur2>{dur})(?![\w])",
        ),
        (
            "infut",
            rf"{b}(?P<inw>(?i:in|within))\s+(?:(?<=[Ww]ithin\s)(?:(?i:the)\s+)?(?i:next|coming|upcoming)\s+)?"
            rf"(?:(?P<hedge>{dhedge})\s+)?(?P<dur>{dur})(?![\w])(?!\s+(?i:of|time)\b)"
            rf"(?:\s+(?i:from)\s+(?i:now|today)(?![\w]))?"  # "within 2 weeks from today"
            rf"(?:\s+(?i:on)\s+(?P<wds>{wd})(?![\w]))?"
            # "in 7 days at 5pm": that day's clock time (after a count of days or weeks only)
            rf"(?:(?:(?<=[dD]ays)|(?<=[dD]ay)|(?<=[wW]eeks)|(?<=[wW]eek))(?P<itod>\s+(?i:at|@)\s*{c_s})(?![\w]))?",
        ),
        ("between", rf"{b}(?P<fb>(?i:between))\s+(?P<a>{point}|{nowish}){to_and}(?P<b>{point}|{nowish})"),
        (
            "yrange",  # "2014-2016"; "the 2008-09 season", "2015-16" (the next year's last digits)
            rf"{b}(?:(?P<fb>(?i:from|between))\s+)?(?P<a>{yr})(?:-(?P<b>{yr})|[-–/](?P<b2>\d\d)(?!/))(?![\w-]|[.,/]\d)",
        ),
        (
            "range",  # the lookahead (a joiner within 40 characters) skips most positions cheaply
            rf"{b}(?:(?P<fb>(?i:from))\s+)?(?=[^\n]{{1,40}}?(?:[-–—~]|\b(?i:to|until|till|through|thru)\b))"
            rf"(?P<a>{point}){to}(?P<b>{point}|{nowish})",
        ),
        (
            "nwd",
            rf"{b}(?P<n>{num})\s+(?P<wd>{_alt([w + 's' for w in lx.weekdays if len(w) > 3])})"
            rf"\s+(?P<dir>(?i:from\s+now|hence|ago|back|before|earlier))(?![\w])",
        ),
        (
            "ago",
            rf"{b}(?:(?P<wdp>{wd}),?\s+(?=\d|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten)\s))?"
            rf"{count_start}(?=[^\n]{{1,80}}?\b(?i:ago|now|earlier|back|hence|later|from|after|before)\b)"
            rf"(?:(?P<hedge>{dhedge})\s+)?(?P<dur>{dur})(?:,(?=\s+(?i:from)\s))?\s+(?P<dir>(?i:ago|from\s+now|earlier|back|hence|later"
            rf"|(?:from|after|before)\s+(?P<base>{dayish})))(?![\w])(?:,?\s+(?i:on)\s+(?P<wds>{wd})(?![\w]))?",
        ),
        (
            "lastn",
            rf"{b}(?:(?:{the})?(?P<rel>{lastn_rel})\s+(?P<dur>{dur})"
            rf"|(?P<n2>\d+|(?i:{nums}))\s+(?P<rel2>{lastn_rel})\s+(?=[A-Za-z]+s(?![\w]))(?P<u2>{unit}))(?![\w])",
        ),
        (
            "hedged",
            rf"{b}(?P<hedge>{dhedges})\s+(?!(?i:the)\s+\d{{4}}\s+[a-z])(?P<pt>{point})",
        ),
        (
            "approx",  # "about 2019/aug/01": a hedge the amount grammar would otherwise take with the year
            rf"{b}(?P<hedge>(?i:about|around|approximately|circa|roughly))\s+"
            rf"(?P<pt>{point_noyear})(?![\w-]|\s+(?i:of|in)\b|{sp},?{sp}(?:(?i:at|@)\s*)?\d)",
        ),
        ("part", rf"{b}(?P<part>{parts})\s+(?P<pt>{point})"),
        (
            "partcur",  # "the end of the month": a part of the current period
            rf"{b}(?:(?P<part>{parts})\s+(?:(?i:the|this|current|the\s+current)\s+)?(?P<per>(?i:week|month|year|day))"
            rf"|(?:(?i:the)\s+)?(?:(?P<eod>(?i:eod))|(?P<eop>(?i:eom|eoy))))(?![\w])",  # "EOM": end of month
        ),
        (
            "partword",
            rf"{b}(?P<pw>(?i:early|mid|late))(?:-|\s+)(?!(?i:the)\b|{podw}\b)(?P<pt>{point})"
            rf"(?:\s+(?P<ppod>(?i:morning|afternoon|evening|night))(?![\w]))?",  # "late Saturday night"
        ),
        (
            "duration",
            rf"{b}(?:(?P<hedge>{dhedge})\s+)?(?P<dur>{dur})(?![\w])(?!{age_tail})(?!\s+of\s+{month})(?:(?<![Qq]uarter)(?<![Qq]uarters)|(?!\s+of\s+{det}\b))"
            # "2 weeks starting May 20th": the days from that date for that long
            rf"(?:,?\s+(?i:starting|beginning|commencing)(?:\s+(?i:from|on))?\s+(?P<pt3>{dayish})(?![\w]))?",
        ),
        (
            "frompt",  # "from 2014", "from 18 Dec" with no second end: the date alone
            rf"{b}(?i:from)\s+(?=\S)(?P<pt>{point})(?![\w])",
        ),
        (
            # "go back on 15", "on 4-22": a day (or month and day) that ends the clause ("on 4.22" may
            # be a decimal and is left to the amounts)
            "onday",
            rf"{b}(?i:on)\s+(?:(?P<od>3[01]|[12]\d|[1-9])|(?P<om>1[0-2]|0?[1-9])-(?P<odd>3[01]|[12]\d|0?[1-9]))"
            r"(?=\s*(?:[.!?;](?!\d)|$))",
        ),
        (
            "point",  # a date or period; a day may carry its part of the day and clock time
            rf"{b}(?P<pt>{point})(?:\s+(?:(?i:in\s+the)\s+)?(?P<pod1>{podw})(?![\w])"
            rf"(?:\s+(?P<wk>(?i:next|last|this)\s+(?i:week))(?![\w]))?)?"
            rf"(?:{sp},?{sp}(?:(?P<at>(?i:at\s+around|at\s+about|around|about|at|@|from|between|for|in\s+between|on))\s*|{sp})"
            rf"(?:(?P<tr>{todrange_s})|(?P<tod>{tod_s})|(?:(?<=[Aa][Tt]\s)|(?<=(?i:tonight\saround)\s)|(?<=(?i:tonight\sabout)\s))(?P<bh2>{bare_h})"
            rf"|(?P<br2>{bare_range}))(?:\s+(?i:or|and)\s+(?P<alt>{todrange_s}|{tod_s}))?"  # "9 am or 1 pm"
            rf"|\s+(?P<dh2>{dhedges})\s+(?P<tod2>{tod_s}))?"  # "today before 4pm"
            # "2018 or later", "1/1/2016 and after": an open end
            rf"(?:\s+(?P<post>(?i:or|and)\s+(?i:later|after|greater|earlier|before))(?=\s*(?:[.,;:!?)]|$)))?",
        ),
        (
            "meal",  # "after breakfast", "at lunch", "around dinner", "lunchtime"
            rf"{b}(?:(?P<mh>(?i:at|around|about|{dhedges}))\s+(?P<meal>{_alt(lx.meals)})"
            rf"|(?P<meal2>{_alt([w for w in lx.meals if w.endswith('time')])}))(?![\w'’-])",
        ),
        (
            "pod",
            rf"{b}(?:(?P<pr>(?i:this|last|in\s+the|(?:early|late|later|earlier)(?:\s+(?:this|last|in\s+the))?))\s+)"
            rf"(?P<pw>{podw})(?![\w])"
            rf"(?:\s*,?\s*(?:(?i:at|@)\s*)(?:(?P<tod>{tod_s})|(?P<bh2>{bare_h}))"
            rf"|\s*,?\s*(?=(?i:from|between)\s)(?P<tr>{todrange_s}))?",  # "this evening from 7 to 7:30"
        ),
    ]
    sources = tuple((name, _strip_names(src)) for name, src in top)
    master = "|".join(f"(?P<t_{name}>{src})" for name, src in sources)
    # the parsers read a matched text alone, without the context the scanner checked before it
    point_parsers = tuple((name, re.compile(src.replace(in_of, ""))) for name, src in points)
    sub: dict[str, str] = {name: src.replace(in_of, "") for name, src in top}
    sub |= {
        "tod_inner": tod,
        "todrange_inner": todrange,
        "one_dur": rf"(?P<count>{count}){csep}(?P<unit>{unit})(?:(?P<half>\s+{half})|(?P<tail>{tail}))?",
    }
    # inner point/dur references are unnamed, so each top parser compiles on its own, on first use
    sub["events"] = rf"\b({_alt(lx.gap_events)})\b"
    return _Grammar(
        master=master,
        sources=sources,
        parsers=point_parsers,
        top=_Compiled(sub),
        names=tuple(n for n, _ in top),
    )


class _Compiled(Mapping[str, re.Pattern[str]]):
    """Regex sources compiled on first lookup: most documents need only a few rules' parsers,
    and compiling them all up front would add about half a second to every process's start."""

    def __init__(self, sources: Mapping[str, str]) -> None:
        self._sources = dict(sources)
        self._done: dict[str, re.Pattern[str]] = {}

    def __getitem__(self, name: str) -> re.Pattern[str]:
        found = self._done.get(name)
        if found is None:
            found = self._done[name] = re.compile(self._sources[name])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


@functools.cache
def pattern(gated: bool = True) -> str:
    """Regex source of the time grammar; its named groups are all prefixed ``t_``.

    With *gated* (the default), each top-level rule starts with a lookahead on the first three
    characters it can begin with (:func:`claimcheck.patterns.prefix_gate`), so the engine leaves
    it at once where it cannot match; the language is the same either way.

    >>> re.fullmatch(pattern(), "Nov. 29, 2018") is not None
    True
    """
    g = _grammar()
    if not gated:
        return g.master
    return "|".join(f"(?P<t_{name}>{prefix_gate(src)}{src})" for name, src in g.sources)


@functools.cache
def guard() -> str:
    """Regex source of a lookahead that holds wherever a match of :func:`pattern` can start.

    A necessary condition only (the scanner prefixes ``(?=guard)``): at a word start, a digit, "@",
    "'90s", "Q3"/"H1", or a word that some alternative can begin with (every first word of the
    time lexicon and the grammar's own words; a very common one only before another time word),
    so most positions fail at once.

    >>> g = re.compile(guard())
    >>> [bool(g.match(t)) for t in ("12 May", "Thursday", "every day", "people", "said")]
    [True, True, True, False, False]
    """
    raw: Mapping[str, Any] = lexicon.load(LEXICON)
    starts: set[str] = set(_GRAMMAR_FIRST_WORDS)  # words a match can begin with
    words: set[str] = starts | set(_GRAMMAR_WORDS)  # words that can come after a common word
    for name, table in raw.items():
        if isinstance(table, Mapping) and name not in ("not_year_after", "future_in"):
            for key, value in table.items():
                if key in ("words", "linking", "events"):
                    continue  # word lists that never start a match (months, verbs, event nouns)
                for phrase in value if key == "cues" else [key]:
                    tokens = [t for t in re.split(r"[\s\-.'’]+", str(phrase).strip().lower()) if t]
                    starts.add(tokens[0])
                    words.update(tokens)  # "the end of" may follow "at"
    starts = {w for w in starts if w.isalpha() and (len(w) > 1 or w == "a")}
    words = {w for w in words if w.isalpha() and (len(w) > 1 or w == "a")}
    # very common words start a match only when another time word, a digit or "'90s" follows
    common = starts & set(_CHAINED)
    words_rx = _words_ci(words)
    # after a common word comes a digit or a time word that is not itself common ("in 2015",
    # "at dawn"), or at most three more common words before one ("in just over a week"): "in the
    # city" or "at a time" never start a match, so the grammar is not tried there
    common_rx = _words_ci(set(_CHAINED))
    rare = rf"(?:\d|['’]\d|(?!{common_rx}(?![A-Za-z])){words_rx}(?![a-z])|[QqH][1-4])"
    follow = rf"(?=(?:{common_rx}(?![a-z])[\s,-]+){{0,3}}{rare})"
    # a number starts a time match only as a year, or before a date separator, an ordinal or
    # am/pm suffix, "s" ("70s"), "h" ("15h30"), "o'clock", or a time word ("5 days", "8 tonight")
    digits = (
        rf"(?:(?:1\d|20)\d\d|\d\d[Qq][1-4]|\d[\d.,]*\s*(?:[/.:\-–—~'’hH]|(?i:[ap]\.?\s?m|o['’]?\s?clock|st|nd|rd|th|s|b\.?c|a\.?d|ce)(?![a-z])"
        rf"|{words_rx}s?(?![a-z])))"
    )
    # "(?![a-z])": "MON" in "MONCKS" is let through here (a necessary condition only; the grammar rejects it)
    # every top-level alternative starts at a word start (not inside a word, number or abbreviation)
    return (
        rf"(?<![\w.])(?:(?=\d){digits}|['’]\d|@|(?=[A-Za-z])"
        rf"(?:{_words_ci(common)}(?![a-z])[\s,-]+{follow}"
        rf"|{_words_ci(starts - common)}s?(?![a-z])|[QqH][1-4]|[Ww]/[Cc]\s"
        rf"|(?i:right\s+now)(?![a-z])))"
    )


# words the grammar itself can start a match with (besides the lexicon's first words)
_GRAMMAR_FIRST_WORDS = (
    *("the", "that", "this", "from", "between", "in", "within", "at", "around", "about"),
    *("approximately", "every", "each", "once", "half", "quarter", "rest", "remainder", "week"),
    *("early", "mid", "late", "earlier", "later", "all", "full", "whole", "another", "until"),
    *("a", "an", "entire", "next", "last", "past", "previous", "coming", "following", "five"),
    *("ten", "twenty", "twelve", "thirty", "till", "through", "thru", "circa", "eod", "eom", "eoy", "on"),
    "weekend",
)
# words the grammar reads inside a match, after its first word
_GRAMMAR_WORDS = (
    *("weekend", "workweek", "qtr", "other", "than", "of", "on", "for", "and", "to", "ago", "ish", "oclock"),
    *("clock", "day", "month", "year", "decade", "century", "minutes", "minute", "mins", "min"),
    *("same", "upcoming", "current", "remainder", "beginning", "start", "end", "middle"),
    *(
        "more",
        "additional",
        "extra",
        "less",
        "fewer",
        "moment",
        "now",
        "present",
        "eod",
        "eom",
        "eoy",
        "commencing",
        "beginning",
        "starting",
    ),
)
# common words that are let through only when a time word follows them
_CHAINED = (
    *("the", "a", "an", "in", "at", "this", "that", "from", "between", "all", "some", "each"),
    *("every", "another", "next", "past", "early", "later", "earlier", "around", "about"),
    *("over", "under", "more", "less", "since", "after", "before", "until", "up", "no", "just"),
    *("within", "close", "nearly", "almost", "roughly", "on"),
)


# --------------------------------------------------------------------------- helpers

_DAY = dt.timedelta(days=1)


def _d2dt(d: dt.date) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day)


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year = d.year + y
    month = m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _word_int(text: str) -> float | None:
    """Value of a numeral written in digits or words ("twenty-one", "3.5", "an")."""
    t = text.strip().lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    lx = _lex()
    total = 0.0
    for w in re.split(r"[\s-]+", t):
        if w == "and" or not w:
            continue
        if w in lx.numbers:
            v = lx.numbers[w]
            total = total * v if v == 100 and total else total + v
        elif w in lx.ordinals:
            total += lx.ordinals[w]
        else:
            return None
    return total


def _day_number(text: str) -> int | None:
    t = re.sub(r"(?<=\d)(st|nd|rd|th)$", "", text.strip().lower())
    v = _word_int(t)
    return None if v is None else int(v)


def _month_number(text: str) -> int:
    return _lex().months[text.strip().rstrip(".").lower()]


def _day_value(d: dt.date, *, anchored: bool = False, flags: tuple[str, ...] = ()) -> TimeValue:
    return TimeValue(
        value=d.isoformat(),
        start=_d2dt(d),
        end=_d2dt(d + _DAY),
        grain="day",
        kind="date",
        anchored=anchored,
        flags=flags,
    )


def _month_value(y: int, m: int, *, anchored: bool = False) -> TimeValue:
    start = dt.date(y, m, 1)
    return TimeValue(
        value=f"{y:04d}-{m:02d}",
        start=_d2dt(start),
        end=_d2dt(_add_months(start, 1)),
        grain="month",
        kind="daterange",
        anchored=anchored,
    )


def _year_value(y: int, *, anchored: bool = False) -> TimeValue:
    return TimeValue(
        value=f"{y:04d}",
        start=dt.datetime(y, 1, 1),
        end=dt.datetime(y + 1, 1, 1),
        grain="year",
        kind="daterange",
        anchored=anchored,
    )


def _week_value(d: dt.date, *, anchored: bool = True) -> TimeValue:
    iso = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    return TimeValue(
        value=f"{iso.year:04d}-W{iso.week:02d}",
        start=_d2dt(monday),
        end=_d2dt(monday + 7 * _DAY),
        grain="week",
        kind="daterange",
        anchored=anchored,
    )


def _span_value(start: dt.date, end: dt.date, grain: Grain = "day", *, anchored: bool = False) -> TimeValue:
    """A daterange [start, end) of days."""
    return TimeValue(
        value=f"{start.isoformat()}/{end.isoformat()}",
        start=_d2dt(start),
        end=_d2dt(end),
        grain=grain,
        kind="daterange",
        anchored=anchored,
    )


def _resolve_md(m: int, d: int, ref: dt.date | None) -> TimeValue | None:
    """A month and day without a year: the publication year, or the year before if > 1 month ahead."""
    if ref is None:
        return TimeValue.unresolved(f"XXXX-{m:02d}-{d:02d}")
    year = ref.year
    try:
        cand = dt.date(year, m, d)
        if cand > _add_months(ref, 1):
            cand = dt.date(year - 1, m, d)
    except ValueError:
        if not (1 <= m <= 12 and 1 <= d <= 31):
            return None
        return TimeValue.unresolved(f"XXXX-{m:02d}-{d:02d}")
    return _day_value(cand, anchored=True)


def _resolve_month(m: int, ref: dt.date | None, relw: int | None = None) -> TimeValue:
    if ref is None:
        return TimeValue.unresolved(f"XXXX-{m:02d}", grain="month", kind="daterange")
    if relw is not None:
        return _month_value(ref.year + relw, m, anchored=True)
    year = ref.year if dt.date(ref.year, m, 1) <= _add_months(ref, 1) else ref.year - 1
    return _month_value(year, m, anchored=True)


def _year2(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        y += 1900 if y >= 50 else 2000
    return y


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# --------------------------------------------------------------------------- points


def _parse_point(text: str, ref: dt.date | None, ctx: Context | None = None) -> TimeValue | None:
    """Read one date or period expression (the whole of *text*)."""
    for name, rx in _grammar().parsers:
        m = rx.fullmatch(text)
        if m is not None:
            return _POINTS[name](m, ref, ctx)
    return None


def _p_iso(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None if d is None else _day_value(d)


def _p_numeric(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    a, b_ = int(m["a"]), int(m["b"])
    y = _year2(m["y"])
    flags: tuple[str, ...] = ()
    if a > 12 >= b_:
        day, month = a, b_
    elif b_ > 12 >= a:
        day, month = b_, a
    else:
        day_first = ctx.day_first if ctx is not None else False
        if m["s"] == ".":
            day_first = True  # "13.5.2015": dotted dates are day-first in English text too
        day, month = (a, b_) if day_first else (b_, a)
        if a != b_:
            flags = ("ambiguous",)
    d = _safe_date(y, month, day)
    return None if d is None else _day_value(d, flags=flags)


def _p_md(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    day = _day_number(m["d"])
    if day is None or not 1 <= day <= 31:
        return None
    month = _month_number(m["mon"])
    groups = m.re.groupindex
    y2 = m["y2"] if "y2" in groups else None
    if m["y"] or y2:
        year = _year2(y2) if y2 else _year_num(m["y"])
        d = None if year is None else _safe_date(year, month, day)
        return None if d is None else _day_value(d)
    tv = _resolve_md(month, day, ref)
    wd_text = (m["wd"] or m["wd2"]) if "wd" in groups else None
    if wd_text and ref is not None and tv is not None and tv.start is not None:
        # "Fri, Jul 18": a weekday that does not fit the month-and-day year picks the nearest year,
        # one back or one ahead of the reference, in which it fits
        wdn = _lex().weekdays[wd_text.rstrip(".").lower()]
        if tv.start.isoweekday() != wdn:
            fits = [
                d
                for y in (ref.year - 1, ref.year, ref.year + 1)
                if (d := _safe_date(y, month, day)) is not None and d.isoweekday() == wdn
            ]
            if fits:
                return _day_value(min(fits, key=lambda d: abs((d - ref).days)), anchored=True)
    return tv


def _p_md_num(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    return _resolve_md(int(m["m"]), int(m["d"]), ref)


def _p_nth(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    return _day_of_month(int(m["nth"]) if m["nth"] else _day_number(m["nth2"]) or 0, ref)


def _day_of_month(day: int, ref: dt.date | None) -> TimeValue | None:
    """A day of the month alone ("the 15th"): its most recent date on or before the reference day."""
    if not 1 <= day <= 31:
        return None
    if ref is None:
        return TimeValue.unresolved(f"XXXX-XX-{day:02d}")
    for back in range(3):
        base = _add_months(ref.replace(day=1), -back)
        d = _safe_date(base.year, base.month, day)
        if d is not None and d <= ref:
            return _day_value(d, anchored=True)
    return TimeValue.unresolved(f"XXXX-XX-{day:02d}")


def _p_monthyear(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    month = _month_number(m["mon"]) if m.re.groupindex.get("mon") and m["mon"] else int(m["m"])
    y = m["y"].lstrip("'’")
    year = _year2(y) if len(y) == 2 and y.isdigit() else _year_num(y)
    return None if year is None else _month_value(year, month)


def _year_num(text: str) -> int | None:
    """A year in digits or words ("1978", "nineteen seventy eight", "two thousand and ten").

    >>> _year_num("nineteen oh one"), _year_num("two thousand and eighteen"), _year_num("twenty ten")
    (1901, 2018, 2010)
    """
    t = text.strip().lower()
    if t.isdigit():
        return int(t)
    words = [w for w in re.split(r"[\s-]+", t) if w != "and"]
    if words[:2] == ["two", "thousand"]:
        rest = _word_int(" ".join(words[2:])) if words[2:] else 0.0
        return None if rest is None else 2000 + int(rest)
    century = _word_int(words[0])
    rest = _word_int(" ".join(w for w in words[1:] if w not in ("oh", "zero")))
    if century is None or rest is None:
        return None
    return int(century) * 100 + int(rest)


def _p_decade(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    if m.re.groupindex.get("dec"):
        y = int(m["dec"])
    elif ref is not None:  # "the '40s": the most recent such decade that has begun by the reference year
        y = ref.year // 100 * 100 + int(m["dec2"])
        y -= 100 if y > ref.year else 0
    else:
        y = _year2(m["dec2"])
    return _decade_value(y)


def _p_decade_words(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    lx = _lex()
    if m["dn"]:
        return _decade_value(lx.decades_named[re.sub(r"\s+", " ", m["dn"].lower())])
    century = lx.decade_centuries[re.sub(r"\s+", " ", m["dc"].lower())]
    return _decade_value(century + 10 * (lx.decade_words.index(m["dw"].lower()) + 1))


def _decade_value(y: int) -> TimeValue:
    return TimeValue(
        value=f"{y // 10:03d}",
        start=dt.datetime(y, 1, 1),
        end=dt.datetime(y + 10, 1, 1),
        grain="decade",
        kind="daterange",
    )


def _p_century(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    c = int(m["cent"])
    if c < 1:
        return None
    y = (c - 1) * 100
    return TimeValue(
        value=f"{y // 100:02d}",
        start=dt.datetime(max(y, 1), 1, 1),
        end=dt.datetime(y + 100, 1, 1),
        grain="century",
        kind="daterange",
    )


_SEASON_START = {"SP": (3, 21), "SU": (6, 21), "FA": (9, 23), "WI": (12, 21)}
_SEASON_END = {"SP": (6, 21), "SU": (9, 23), "FA": (12, 21), "WI": (3, 20)}


def _season_value(code: str, y: int, *, anchored: bool = False) -> TimeValue:
    sm, sd = _SEASON_START[code]
    em, ed = _SEASON_END[code]
    start = dt.datetime(y, sm, sd)
    end = dt.datetime(y + 1 if code == "WI" else y, em, ed)
    return TimeValue(
        value=f"{y:04d}-{code}", start=start, end=end, grain="season", kind="daterange", anchored=anchored
    )


def _p_season(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    code = _lex().seasons[m["season"].lower()]
    year = _year_num(m["y"]) if m["y"] else None
    if year is not None:
        return _season_value(code, year)
    if m["season"] == "Fall":
        return None  # "Fall of Nofaliya": capitalized "Fall" needs a year or a "this"/"last"
    if m["rel"] is not None:
        if ref is None:
            return TimeValue.unresolved(f"XXXX-{code}", grain="season", kind="daterange")
        return _season_value(code, ref.year + _lex().relative_words[m["rel"].lower()], anchored=True)
    return TimeValue.unresolved(code, grain="season", kind="daterange")


def _quarter_value(y: int, q: int) -> TimeValue:
    start = dt.date(y, 3 * (q - 1) + 1, 1)
    return TimeValue(
        value=f"{y:04d}-Q{q}",
        start=_d2dt(start),
        end=_d2dt(_add_months(start, 3)),
        grain="quarter",
        kind="daterange",
    )


def _p_quarter(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    if m["q"] or m["q2"]:
        return _quarter_value(int(m["y"] or m["y2"]), int((m["q"] or m["q2"])[1]))
    if m["q6"]:  # "18q4"
        return _quarter_value(_year2(m["y6"]), int(m["q6"][1]))
    if m["q8"]:  # "Q3 this year"
        return _rel_quarter(int(m["q8"][1]), m["qr2"], ref)
    if m["h"] or m["h2"]:
        y = int(m["y3"] or m["y4"])
        h = int((m["h"] or m["h2"])[1])
        start = dt.date(y, 1 if h == 1 else 7, 1)
        return TimeValue(
            value=f"{y:04d}-H{h}",
            start=_d2dt(start),
            end=_d2dt(_add_months(start, 6)),
            grain="half",
            kind="daterange",
        )
    q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[
        m["qo"].lower()
    ]
    if m["y5"]:
        y5 = _year_num(m["y5"])
        return None if y5 is None else _quarter_value(y5, q)
    return _rel_quarter(q, m["qr"], ref)


def _rel_quarter(q: int, rel: str | None, ref: dt.date | None) -> TimeValue:
    """Quarter *q* of the reference year, or of the year *rel* ("next") names."""
    if ref is None:
        return TimeValue.unresolved(f"XXXX-Q{q}", grain="quarter", kind="daterange")
    return _quarter_value(ref.year + (_lex().relative_words[rel.lower()] if rel else 0), q)


def _easter(y: int) -> dt.date:
    """Western Easter Sunday of year *y* (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(y, month, day + 1)


def _orthodox_easter(y: int) -> dt.date:
    """Orthodox Easter Sunday of year *y* (the Julian computus), as a Gregorian date.

    >>> _orthodox_easter(2018), _orthodox_easter(2020)
    (datetime.date(2018, 4, 8), datetime.date(2020, 4, 19))
    """
    a, b, c = y % 4, y % 7, y % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return dt.date(y, month, day + 1) + dt.timedelta(days=y // 100 - y // 400 - 2)  # Julian to Gregorian


def holiday_date(name: str, year: int) -> dt.date | None:
    """The date of holiday *name* (a key of the holiday tables in time_en.toml) in *year*.

    >>> holiday_date("thanksgiving", 2013), holiday_date("easter", 2013)
    (datetime.date(2013, 11, 28), datetime.date(2013, 3, 31))
    """
    lx = _lex()
    key = re.sub(r"\s+", " ", name.lower())
    if key in lx.holidays_fixed:
        month, mday, from_sat, from_sun = lx.holidays_fixed[key]
        d = _safe_date(year, month, mday)
        if d is not None and d.isoweekday() >= 6:  # observed on another day when it falls on a weekend
            d += dt.timedelta(days=from_sat if d.isoweekday() == 6 else from_sun)
        return d
    if key in lx.holidays_nth:
        month, wd, n, offset = lx.holidays_nth[key]
        if n > 0:
            first = dt.date(year, month, 1)
            day = first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
        else:
            last = _add_months(dt.date(year, month, 1), 1) - _DAY
            day = last - dt.timedelta(days=(last.isoweekday() - wd) % 7)
        return day + dt.timedelta(days=offset)
    if key in lx.holidays_easter:
        return _easter(year) + dt.timedelta(days=lx.holidays_easter[key])
    if key in lx.holidays_orthodox:
        return _orthodox_easter(year) + dt.timedelta(days=lx.holidays_orthodox[key])
    return None


def _p_holiday(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    name = m["hol"]
    if m["y"]:
        year = _year_num(m["y"])  # "Easter Sunday two thousand ten"
        d = None if year is None else holiday_date(name, year)
        return None if d is None else _day_value(d)
    if ref is None:
        return TimeValue.unresolved("XXXX-XX-XX")
    if m["yrel"]:  # "thanksgiving of next year"
        d = holiday_date(name, ref.year + {"this": 0, "next": 1, "last": -1}[m["yrel"].lower()])
        return None if d is None else _day_value(d, anchored=True)
    rel = (m["hrel"] or "").lower()
    this = holiday_date(name, ref.year)
    if this is None:
        return None
    if rel in ("next", "coming", "following"):
        d = this if this > ref else holiday_date(name, ref.year + 1)
    elif rel in ("last", "past", "previous"):
        d = this if this < ref else holiday_date(name, ref.year - 1)
    elif rel == "this":
        d = this
    else:  # the month-and-day rule: this year, or last year if that is more than a month ahead
        d = this if this <= _add_months(ref, 1) else holiday_date(name, ref.year - 1)
    return None if d is None else _day_value(d, anchored=True)


def _p_weeknum(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    n = int(m["wn"])
    if m["y"]:
        y = int(m["y"])
    elif ref is not None:
        y = ref.year
    else:
        return TimeValue.unresolved(f"XXXX-W{n:02d}", grain="week", kind="daterange")
    try:
        monday = dt.date.fromisocalendar(y, n, 1)
    except ValueError:
        return None
    return _week_value(monday, anchored=not m["y"])


def _p_relday(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    n = _lex().relative_days[re.sub(r"\s+", " ", m["rd"].lower())]
    if ref is None:
        return TimeValue.unresolved("XXXX-XX-XX")
    return _day_value(ref + n * _DAY, anchored=True)


def _p_anaphor(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    word = (m["aw"] or m["aw3"] or m["aw2"] or "").lower()
    if not word and not m["ana"].lower().startswith("that"):
        return None
    n = _lex().anaphoric.get(word, 0)
    unit = m["au"].lower()
    last = ctx.last if ctx is not None else None
    relative = word in ("next", "following", "previous", "after", "before")
    if (last is None or last.start is None) and ref is not None and relative:
        last = _day_value(ref)
    if last is None or last.start is None:
        return TimeValue.unresolved("XXXX-XX-XX", grain=unit, kind="date" if unit == "day" else "daterange")  # type: ignore[arg-type]
    base = last.start.date()
    if unit == "day":
        return _day_value(base + n * _DAY, anchored=True)
    if unit == "week":
        return _week_value(base + 7 * n * _DAY)
    if unit == "month":
        d = _add_months(base, n)
        return _month_value(d.year, d.month, anchored=True)
    return _year_value(base.year + n, anchored=True)


def _p_earlier(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    per = m["per"].lower()
    if ref is None:
        grains: dict[str, tuple[str, Grain]] = {
            "week": ("XXXX-WXX", "week"),
            "month": ("XXXX-XX", "month"),
            "year": ("XXXX", "year"),
        }
        value, grain = grains[per]
        return TimeValue.unresolved(value, grain=grain, kind="daterange")
    whole = (
        _week_value(ref)
        if per == "week"
        else (
            _month_value(ref.year, ref.month, anchored=True)
            if per == "month"
            else _year_value(ref.year, anchored=True)
        )
    )
    if m["el"].lower() == "earlier":
        return attrs.evolve(whole, end=_d2dt(ref))
    return attrs.evolve(whole, start=_d2dt(ref))


def _p_weekday(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    lx = _lex()
    wdn = lx.weekdays[m["wd"].rstrip(".").lower()]
    relw = m["rel"].lower().split()[-1] if m["rel"] else None  # "this past Monday": "past"
    wrel = (m["wrel"] or m["wrel2"] or "").lower() or None
    daynum = _day_number(m["d"] or m["d3"]) if m["d"] or m["d3"] else None
    if ref is None:
        return TimeValue.unresolved(f"XXXX-WXX-{wdn}")
    if daynum is not None:
        # "Friday the 22nd": the nearest such date on or before the reference whose weekday fits
        cand = ref.replace(day=1)
        for back in range(0, 24):
            mm = _add_months(cand, -back)
            d = _safe_date(mm.year, mm.month, daynum)
            if d is not None and d <= ref + dt.timedelta(days=31) and d.isoweekday() == wdn:
                return _day_value(d, anchored=True)
        return TimeValue.unresolved(f"XXXX-WXX-{wdn}")
    monday = ref - dt.timedelta(days=ref.weekday())
    if m["an"]:  # "Friday after next": the second such day after the reference
        delta = (wdn - ref.isoweekday()) % 7 or 7
        return _day_value(ref + dt.timedelta(days=delta + 7), anchored=True)
    if wrel is not None:
        shift = {"next": 7, "last": -7, "this": 0}[wrel]
        return _day_value(monday + dt.timedelta(days=shift + wdn - 1), anchored=True)
    if relw in ("next", "coming", "upcoming", "following"):
        delta = (wdn - ref.isoweekday()) % 7 or 7
        return _day_value(ref + dt.timedelta(days=delta), anchored=True)
    if relw in ("this", "current"):
        return _day_value(monday + dt.timedelta(days=wdn - 1), anchored=True)
    delta = (ref.isoweekday() - wdn) % 7
    if relw in ("last", "past", "previous"):
        delta = delta or 7
    return _day_value(ref - dt.timedelta(days=delta), anchored=True)


def _p_relper(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    n = 2 if m["an"] else _lex().relative_words[m["rel"].lower().split()[-1]]
    per = (m["per"] or m["per2"]).lower()
    per = {"yr": "year", "qtr": "quarter"}.get(per, per)
    per = "week" if per.startswith("work") else per  # "next workweek", "this working week"
    if ref is None:
        return TimeValue.unresolved(f"XXXX-{per}{n:+d}", grain="unknown", kind="daterange")
    if per == "week":
        return _week_value(ref + 7 * n * _DAY)
    if per == "weekend":
        w = _week_value(ref + 7 * n * _DAY)
        assert w.end is not None
        return attrs.evolve(w, value=w.value + "-WE", start=w.end - 2 * _DAY)
    if per == "month":
        d = _add_months(ref, n)
        return _month_value(d.year, d.month, anchored=True)
    if per == "year":
        return _year_value(ref.year + n, anchored=True)
    if per == "quarter":
        q = (ref.month - 1) // 3 + 4 * ref.year + n
        return attrs.evolve(_quarter_value(q // 4, q % 4 + 1), anchored=True)
    y = (ref.year // 10 + n) * 10
    return TimeValue(
        value=f"{y // 10:03d}",
        start=dt.datetime(y, 1, 1),
        end=dt.datetime(y + 10, 1, 1),
        grain="decade",
        kind="daterange",
        anchored=True,
    )


def _p_month(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    month = _month_number(m["mon"])
    relw = None if m["rel"] is None else _lex().relative_words[m["rel"].lower()]
    if m["ry"]:  # "June next year"
        relw = _lex().relative_words[m["ry"].lower()]
    return _resolve_month(month, ref, relw)


def _p_year(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    return _year_value(int(m["y"]))


def _p_syear(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    y = _year_num(m["sy"])
    return None if y is None else _year_value(y)


def _p_era(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    """A year with its era: "14 a.d." = 0014; "2014 BC" = -2014 (no interval: before year 1)."""
    y = int(m["ey"])
    if m["era"].upper().startswith("B"):
        return TimeValue.unresolved(f"-{y:04d}", grain="year", kind="daterange")
    return _year_value(y)


def _p_now(m: re.Match[str], ref: dt.date | None, ctx: Context | None) -> TimeValue | None:
    """ "right now", "at the moment": the reference instant (one second)."""
    if ref is None:
        return TimeValue.unresolved("PRESENT_REF", grain="second", kind="time")
    if ctx is None or ctx.now is None or not ctx.clock_known or ctx.published != ref:
        return _day_value(ref, anchored=True)  # a date-only reference: "now" is that day, not its midnight
    return _second_value(ctx.now)


_POINTS: dict[str, Callable[[re.Match[str], dt.date | None, Context | None], TimeValue | None]] = {
    "iso": _p_iso,
    "compact": _p_iso,
    "numeric": _p_numeric,
    "mdy": _p_md,
    "ymd_mon": _p_md,
    "md_num": _p_md_num,
    "dm_num": _p_md_num,
    "nth": _p_nth,
    "dmy": _p_md,
    "monthyear": _p_monthyear,
    "yearmonth": _p_monthyear,
    "ym_num": _p_monthyear,
    "my_num": _p_monthyear,
    "decade": _p_decade,
    "decade2": _p_decade,
    "decade3": _p_decade_words,
    "syear": _p_syear,
    "century": _p_century,
    "season": _p_season,
    "quarter": _p_quarter,
    "holiday": _p_holiday,
    "relday": _p_relday,
    "weeknum": _p_weeknum,
    "anaphor": _p_anaphor,
    "earlier": _p_earlier,
    "weekday": _p_weekday,
    "relper": _p_relper,
    "month": _p_month,
    "year": _p_year,
    "era": _p_era,
    "now": _p_now,
}


# --------------------------------------------------------------------------- durations

_ISO_UNIT = {
    "Y": ("Y", 1),
    "DE": ("Y", 10),
    "CE": ("Y", 100),
    "Q": ("Q", 1),
    "M": ("M", 1),
    "FN": ("W", 2),
    "W": ("W", 1),
    "D": ("D", 1),
    "BD": ("BD", 1),
    "H": ("H", 1),
    "TM": ("M", 1),
    "S": ("S", 1),
}
_TIME_UNITS = {"H", "TM", "S"}
_ORDER = ["Y", "DE", "CE", "Q", "M", "FN", "W", "D", "BD", "H", "TM", "S"]


def _fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def parse_duration(text: str, mod: TimeMod | None = None) -> Duration | None:
    """Read a duration phrase without its hedge ("six weeks", "an hour and a half", "1 year 2 days").

    >>> parse_duration("six weeks").value
    'P6W'
    >>> parse_duration("a year", "LESS_THAN").interval.high_open
    True
    """
    g = _grammar()
    lx = _lex()
    parts: list[tuple[str, float]] = []
    seconds = 0.0
    smallest = 0.0
    for m in g.top["one_dur"].finditer(text):
        count = re.sub(r"\s+", " ", m["count"].strip().lower())
        count = re.sub(r"(?: (?:more|additional|extra|less|fewer))?(?: of)?$", "", count)
        if count in lx.vague:
            n = float(lx.vague[count][0])
            mod = mod or "APPROX"
        else:
            v = _count_value(count)
            if v is None:
                return None
            n = v
        if m["half"]:
            n += 0.5
        tail = 0.0
        if m["tail"]:
            tail = _word_int(re.sub(r"^\s*and\s+", "", m["tail"].strip().lower())) or 0.0
        u = m["unit"].lower()
        if (
            count in ("a", "an")
            and u == "second"
            and len(parts) == 0
            and m.start() == 0
            and len(text) == m.end()
        ):
            return None  # "a second gathering": an ordinal, not one second
        code, secs = lx.units.get(u, ("H", 3600))
        if m["tail"]:  # "2 hours ten" = PT130M: the hours in minutes with the minutes said after them
            code, secs, n = "TM", 60, n * 60 + tail
        parts.append((code, n))
        seconds += n * secs
        smallest = secs if not smallest else min(smallest, secs)
    if not parts:
        return None
    merged: dict[str, float] = {}
    for code, n in parts:
        iso, k = _ISO_UNIT[code]
        key = "T" + iso if code in _TIME_UNITS else iso
        merged[key] = merged.get(key, 0.0) + n * k
    if "Y" in merged and "M" in merged:  # "2 years and 3 months" = P27M (a year is not 12 x 30 days)
        merged["M"] += 12 * merged.pop("Y")
    date_part = "".join(f"{_fmt(merged[k])}{k}" for k in ("Y", "Q", "M", "W", "D", "BD") if k in merged)
    time_part = "".join(f"{_fmt(merged['T' + k])}{k}" for k in ("H", "M", "S") if "T" + k in merged)
    value = "P" + date_part + ("T" + time_part if time_part else "")
    exact_unit = smallest if all(float(n).is_integer() for _, n in parts) else smallest / 2
    return Duration.hedged(value, seconds, mod, unit=exact_unit)


_FRACTIONS = {
    "half": 0.5,
    "a half": 0.5,
    "an half": 0.5,
    "one half": 0.5,
    "quarter": 0.25,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "two quarters": 0.5,
    "two quarter": 0.5,
    "three quarters": 0.75,
    "three quarter": 0.75,
}


def _count_value(count: str) -> float | None:
    """How many units a count before a unit word says ("two and a half", "1/2", "another")."""
    if count in ("all", "full", "whole", "another", "an entire", "the entire", "entire"):
        return 1.0
    if count.startswith("half"):
        return 0.5
    pm = re.fullmatch(r"(an?|one|two|three)[ -](quarter|third)s? of an?", count)
    if pm is not None:  # "three quarters of an hour"
        return (_word_int(pm[1]) or 1.0) / (4 if pm[2] == "quarter" else 3)
    fm = re.fullmatch(r"(\d)/(\d)", count)
    if fm is not None:
        return int(fm[1]) / int(fm[2])
    main, _, extra = count.partition(" and ")
    v = _word_int(main)
    if v is None:
        return None
    if extra:
        if extra not in _FRACTIONS:
            return None
        v += _FRACTIONS[extra]
    return v


_DATE_UNITS = re.compile(r"\d[YMWD]")


def _clock_only(dur: Duration) -> bool:
    """Whether a duration has only clock units ("PT20M", not "P1DT2H"): it moves a time, not a day."""
    return "T" in dur.value and not _DATE_UNITS.search(dur.value.split("T")[0])


def _second_value(t: dt.datetime) -> TimeValue:
    """The anchored one-second time value at *t*."""
    return TimeValue(
        value=t.isoformat(timespec="seconds"),
        start=t,
        end=t + dt.timedelta(seconds=1),
        grain="second",
        kind="time",
        anchored=True,
    )


def _shift(ref: dt.date, dur: Duration, sign: int) -> dt.date:
    """*ref* moved by *dur* (calendar months and years; business days skip weekends; other units by
    their length)."""
    d = ref
    bd = re.fullmatch(r"P(\d+)BD", dur.value)
    if bd is not None:
        left = int(bd[1])
        while left:
            d += sign * _DAY
            left -= d.isoweekday() <= 5
        return d
    m = re.fullmatch(
        r"P(?:(?P<Y>[\d.]+)Y)?(?:(?P<Q>[\d.]+)Q)?(?:(?P<M>[\d.]+)M)?(?:(?P<W>[\d.]+)W)?"
        r"(?:(?P<D>[\d.]+)D)?(?:T.*)?",
        dur.value,
    )
    rest = dur.seconds
    if m is not None:
        months = float(m["Y"] or 0) * 12 + float(m["Q"] or 0) * 3 + float(m["M"] or 0)
        if months.is_integer() and months:
            d = _add_months(d, sign * int(months))
            # what is left is the weeks, days and clock part, counted by their length
            days = float(m["W"] or 0) * 7 + float(m["D"] or 0)
            clock = re.search(r"T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?", dur.value)
            secs = 0.0
            if clock is not None:
                secs = float(clock[1] or 0) * 3600 + float(clock[2] or 0) * 60 + float(clock[3] or 0)
            rest = days * 86400 + secs
    return d + sign * dt.timedelta(seconds=round(max(rest, 0.0)))


# --------------------------------------------------------------------------- normalize


def _mod_range(tv: TimeValue, mod: TimeMod) -> TimeValue:
    """Apply a date hedge or part word to a period's interval (CONVENTIONS.md "Time")."""
    s, e = tv.start, tv.end
    if s is None or e is None:
        return attrs.evolve(tv, mod=mod, kind="daterange" if tv.kind == "date" else tv.kind)
    third = (e - s) / 3
    bounds: dict[str, tuple[dt.datetime | None, dt.datetime | None]] = {
        "ON_OR_AFTER": (s, None),
        "AFTER": (e, None),
        "BEFORE": (None, s),
        "ON_OR_BEFORE": (None, e),
        "START": (s, s + third),
        "MID": (s + third, e - third),
        "END": (e - third, e),
    }
    start, end = bounds.get(mod, (s, e))
    return attrs.evolve(tv, start=start, end=end, mod=mod, kind="daterange")


# hour, minute, second, part-of-day code, whether minutes were stated
_Clock = tuple[int, int, int | None, str | None, bool]


def _pod_code(word: str | None) -> str | None:
    if not word:
        return None
    return _lex().parts_of_day[_SPACES.sub(" ", word.lower()).replace("-time", "time")][0]


_AT_HOUR_AP = re.compile(r"^((?:(?i:at)\s+)?\d\d?)([apAP])$")
_HOUR_H = re.compile(r"(?<![\d:])(2[0-3]|[01]?\d)h$")


def _read_clock(text: str, default_pod: str | None = None) -> tuple[_Clock, str | None] | None:
    """Read a time of day ("3:15pm", "half past seven", "8 in the evening"); also its hedge's mod."""
    text = _AT_HOUR_AP.sub(r"\1\2m", text.strip())  # "9a" (the master takes it only after "at")
    text = _HOUR_H.sub(r"\1:00", text)  # "19h" (the master takes it only after "at", "@" or "past")
    inner = _grammar().top["tod_inner"]
    m = inner.fullmatch(text)
    if m is None:  # a form the grammar takes only after "at" ("seven twenty", "9a"), its "at" left outside
        m = inner.fullmatch("at " + text)
    if m is None:
        return None
    lx = _lex()
    sec: int | None = None
    ap: str | None = None
    has_min = True
    if m["c1h"]:
        h, mi, ap = int(m["c1h"]), int(m["c1m"]), m["c1ap"] or m["c1b"]
        sec = int(m["c1s"]) if m["c1s"] else None
    elif m["c6h"] or m["c8h"]:
        h, mi, ap = int(m["c6h"] or m["c8h"]), int(m["c6m"] or m["c8m"]), m["c6ap"] or m["c8ap"]
    elif m["c2h"] or m["c10h"]:
        h, mi, ap, has_min = int(m["c2h"] or m["c10h"]), 0, m["c2ap"] or m["c10ap"], False
    elif m["c3h"]:
        h, mi = int(m["c3h"]), int(m["c3m"])
    elif m["c12h"]:
        h, mi, has_min = int(m["c12h"]), 0, False
    elif m["c9h"] or m["c13h"]:
        hw, mw = (m["c9h"], m["c9m"]) if m["c9h"] else (m["c13h"], m["c13m"])
        hv, mv = _word_int(hw), _word_int(re.sub(r"^oh\s+", "", mw.lower()))
        if hv is None or mv is None:
            return None
        h, mi, ap = int(hv), int(mv), m["c9ap"]
    elif m["c4h"] or m["c7h"]:
        v = _word_int(m["c4h"] or m["c7h"])
        if v is None:
            return None
        h, mi, ap, has_min = int(v), 0, m["c4ap"] or m["c7ap"], False
    elif m["cw"]:
        h, mi = lx.clock_words[m["cw"].lower()]
    else:
        v = _word_int(m["bh"])
        if v is None:
            return None
        h, mi, has_min = int(v), 0, False
    if ap:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ap.lower().startswith("p") else 0)
    code = _pod_code(m["podw"] or m["podt"]) or default_pod
    if m["podap"]:
        code = "AF" if m["podap"].lower() == "pm" else "MO"
    if not ap and ((code in ("AF", "EV") and h < 12) or (code in ("NI", "NT") and 6 <= h < 12)):
        h += 12
    rel = m["rmp"] or m["rmt"]
    if rel:
        r = re.sub(r"\s+(?:minutes?|mins?)$", "", re.sub(r"\s+", " ", rel.lower()))
        n = lx.clock_minutes.get(r)
        n = int(_word_int(r) or 0) if n is None else n
        total = h * 60 + mi + (n if m["rmp"] else -n)
        h, mi = divmod(total % 1440, 60)
        has_min = True
    th = (m["th"] or "").lower()
    approx = m["ish"] or m["approx"] or "about" in th or "around" in th or th == "approximately"
    mod = "APPROX" if approx else None
    return (h, mi, sec, code, has_min), mod


def _clock_value(clock: _Clock, day: TimeValue | None, mod: str | None = None) -> TimeValue:
    h, mi, sec, _, _ = clock
    clock_s = f"T{h:02d}:{mi:02d}" + (f":{sec:02d}" if sec is not None else "")
    grain: Grain = "second" if sec is not None else "minute"
    if day is None or day.start is None or day.grain != "day":
        prefix = day.value if day is not None else ""
        return TimeValue(
            value=prefix + clock_s,
            grain=grain,
            kind="time",
            resolved=False,  # a time of day with no day to put it on
            mod=mod,  # type: ignore[arg-type]
        )
    start = day.start.replace(hour=h, minute=mi, second=sec or 0)
    return TimeValue(
        value=start.date().isoformat() + clock_s,
        start=start,
        end=start + (dt.timedelta(seconds=1) if sec is not None else dt.timedelta(minutes=1)),
        grain=grain,
        kind="time",
        anchored=day.anchored,
        mod=mod,  # type: ignore[arg-type]
    )


def _clock_range(t1: str, t2: str, day: TimeValue | None, default_pod: str | None = None) -> TimeValue | None:
    """A time range on *day* from one clock time to another: both are instants, so "3-4pm" ends at 16:00."""
    b_ = _read_clock(t2, default_pod)
    if b_ is None:
        return None
    cb = b_[0]
    a_ = _read_clock(t1, cb[3] or default_pod)
    if a_ is None:
        return None
    ca = a_[0]
    ha, hb = ca[0], cb[0]
    if hb >= 12 > ha and ha + 12 <= hb and not re.search(r"(?i)[ap]\.?\s?m|\d\d:", t1):
        ha += 12  # "3-4pm": the first hour takes the second's half of the day
    elif hb < ha <= 12 and hb + 12 > ha and not re.search(r"(?i)[ap]\.?\s?m", t1 + t2):
        hb += 12  # "11:30-1:30", "12-4": past noon, not past midnight
    minutes = ca[4] or cb[4]
    if day is None or day.start is None or day.grain != "day":
        prefix = day.value if day is not None else ""
        v = f"({prefix}T{ha:02d}:{ca[1]:02d},{prefix}T{hb:02d}:{cb[1]:02d})"
        return TimeValue(value=v, grain="minute", kind="timerange", resolved=False)
    start = day.start.replace(hour=ha, minute=ca[1])
    end = day.start.replace(hour=hb, minute=cb[1])
    if end <= start:
        end += dt.timedelta(days=1)
    return TimeValue(
        value=f"{start.isoformat(timespec='minutes')}/{end.isoformat(timespec='minutes')}",
        start=start,
        end=end,
        grain="minute" if minutes else "hour",
        kind="timerange",
        anchored=day.anchored,
    )


_BARE_RANGE = re.compile(
    r"(?i:(?:from|between|in\s+between)\s+)?(?P<a>\d\d?(?::\d\d)?)\s*(?:-|–|—|(?i:to|until|till|and))\s*(?P<b>\d\d?)"
)


def _bare_range(text: str, day: TimeValue, code: str | None = None, *, strict: bool) -> TimeValue | None:
    """Two bare hours beside a day ("Monday 3-8", "Monday 11-4" = 11:00-16:00) as a clock range.

    *strict* (no "from"/"between" before them) takes only hours that rise or run from the late
    morning into the afternoon, so a score ("Saturday 3-1") is no time.
    """
    bm = _BARE_RANGE.fullmatch(text.strip())
    if bm is None:
        return None
    ha, hb = int(bm["a"].split(":")[0]), int(bm["b"])
    if strict and not (ha < hb or (ha >= 9 and hb <= 6)):
        return None
    return _clock_range(bm["a"], bm["b"], day, code)


def _pod_value(code: str, day: TimeValue | None) -> TimeValue:
    """A part of the day ("Thursday afternoon" = XXXX-WXX-4TAF) as a timerange."""
    hours = {c: (a, b) for c, a, b in _lex().parts_of_day.values()}
    prefix = day.value if day is not None else ""
    if day is None or day.start is None or day.grain != "day":
        return TimeValue(value=f"{prefix}T{code}", grain="part_of_day", kind="timerange", resolved=False)
    a, b = hours[code]
    return TimeValue(
        value=f"{prefix}T{code}",
        start=day.start + dt.timedelta(hours=a),
        end=day.start + dt.timedelta(hours=b),
        grain="part_of_day",
        kind="timerange",
        anchored=day.anchored,
    )


def _ref_day(ref: dt.date | None) -> TimeValue | None:
    return None if ref is None else _day_value(ref, anchored=True)


def _range_value(a: TimeValue, b: TimeValue) -> TimeValue | None:
    """One daterange from the start of *a* through the end of *b* (the last period included)."""
    if a.start is None or b.end is None:
        if a.resolved and b.resolved:
            return None
        return TimeValue(value=f"({a.value},{b.value})", grain=a.grain, kind="daterange", resolved=False)
    if b.end <= a.start:
        return None
    value = f"{a.start.date().isoformat()}/{b.end.date().isoformat()}"
    return TimeValue(
        value=value,
        start=a.start,
        end=b.end,
        grain=a.grain,
        kind="daterange",
        anchored=a.anchored or b.anchored,
        flags=tuple(sorted(set(a.flags) | set(b.flags))),
    )


_LOOK_BACK = 512
"""How far back (characters) the sentence and URL look-backs search: never the whole text."""


def _about(ctx: Context, start: int, end: int, inner: str, inner_start: int) -> tuple[str, Span | None]:
    """The kind of event a gap claim is about: an event noun in the phrase, else the last one before it."""
    rx = _grammar().top["events"]
    m = rx.search(inner)
    if m is not None:
        return m.group(1).lower(), Span(inner_start + m.start(1), inner_start + m.end(1))
    lo = max(0, start - _LOOK_BACK)  # bounded look-back keeps the scan linear in the text size
    sent_start = max(lo - 1, ctx.text.rfind(".", lo, start), ctx.text.rfind("\n", lo, start)) + 1
    found = list(rx.finditer(ctx.text, sent_start, start))
    if not found:
        return "", None
    last = found[-1]
    return last.group(1).lower(), Span(last.start(1), last.end(1))


_TOKEN_BREAKS = " \t\n(\"'<"


def _in_url(text: str, start: int) -> bool:
    """Whether *start* lies inside a URL or a link target (a reader does not read those)."""
    if start == 0 or text[start - 1] in _TOKEN_BREAKS:
        return False  # the usual case: the mention starts a token
    lo = max(0, start - _LOOK_BACK)
    left = max(lo - 1, *(text.rfind(c, lo, start) for c in _TOKEN_BREAKS))
    token = text[left + 1 : start]
    return "/" in token or token.lower().startswith(("http", "www."))


_RULE_GROUPS: dict[int, tuple[re.Pattern[str], tuple[tuple[int, str], ...]]] = {}


def _rule_groups(compiled: re.Pattern[str]) -> tuple[tuple[int, str], ...]:
    """(group number, rule name) of each top-level time rule in a pattern that embeds the grammar.

    Kept by the pattern's identity: hashing a pattern hashes its whole (very long) source.
    """
    cached = _RULE_GROUPS.get(id(compiled))
    if cached is None or cached[0] is not compiled:
        index = compiled.groupindex
        groups = tuple((index[f"t_{n}"], n) for n in _grammar().names if f"t_{n}" in index)
        cached = _RULE_GROUPS[id(compiled)] = (compiled, groups)
    return cached[1]


def normalize(match: re.Match[str], context: Context) -> Sequence[Row]:
    """Turn a time match into mention rows ``(start, end, kind, value)``; empty rejects it."""
    g = _grammar()
    name = next((n for i, n in _rule_groups(match.re) if match.start(i) != -1), None)
    if name is None:
        return ()
    start, end = match.start(f"t_{name}"), match.end(f"t_{name}")
    text = match.string[start:end]
    if _in_url(match.string, start):
        return ()
    ref = context.reference(start)
    m = g.top[name].fullmatch(text)
    if m is None:
        return ()
    try:
        rows = _HANDLERS[name](m, start, ref, context)
    except (ValueError, OverflowError):
        # the arithmetic left the calendar ("Previous Years: 2013" read as the last 2013 years
        # before 2016): no time value can be given, and extraction never raises on text
        return ()
    for _, row_end, _, value in rows:
        if not isinstance(value, TimeValue) or value.start is None:
            continue
        if value.mod is None:
            context.last = value
        one_day = value.end is not None and value.end - value.start <= _DAY
        if one_day and value.kind in ("date", "time", "timerange") and value.mod in _DAY_MODS:
            context.last_day = (row_end, value.start.date(), value.value.endswith("TNI"))
    return rows


def _h_range(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    if re.fullmatch(r"[-/]", m.group(0)[m.end("a") : m.start("b")]):
        whole = _range_fallback(m, start, ref, ctx)  # "05-Aug-2016" is one date, not 05-Aug to 2016
        if whole:
            return whole
    a = _parse_point(m["a"], ref, ctx) or _now_value(m["a"], ctx, start, ref)
    b_ = _parse_point(m["b"], ref, ctx) or _now_value(m["b"], ctx, start, ref)
    if a is None or b_ is None:
        return _range_fallback(m, start, ref, ctx)
    a_start, b_start = a.start, b_.start
    if a.anchored and a_start is not None and b_start is not None and a.grain in ("day", "month"):
        year = None
        if not b_.anchored and a_start.year != b_start.year:
            year = b_start.year  # "from January to April 2015": the first end takes the second's year
        elif b_.anchored and a_start >= b_start:
            # both ends without a year and the second before the first: the range starts where the
            # yearless-date rule puts its first day and runs to the next such second end ("from
            # August to October" said in July 2016 is 2016-08/2016-10; "Dec 20 to Jan 5" said in
            # December runs into January)
            b2 = _year_later(b_, a_start, weekly=_names_weekday(m["b"]))
            if b2 is not None:
                b_ = b2
            else:
                year = a_start.year - 1
        a2 = None if year is None else _parse_point(f"{m['a'].strip()} {year}", None, ctx)
        a = a2 if a2 is not None else a
    elif a_start is not None and b_.anchored and b_.end is not None and b_.end <= a_start:
        # "between now and November 15th" said in April: this November
        b_ = _year_later(b_, a_start, weekly=_names_weekday(m["b"])) or b_
    tv = _range_value(a, b_)
    if tv is None:
        return _range_fallback(m, start, ref, ctx)
    return ((start, start + m.end(), "daterange", tv),)


_YEAR_SPAN = 10  # "1982-87" is a span of years; "2015-32" alone is none (a year and a stray number)


def _h_yrange(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    """ "2014-2016"; with two digits after the dash, the years up to the one they end ("the 2008-09
    season", "1994-96", "from 2003-07") when they follow the first year's and are the next year's, are
    no month (above 12, and at most ten years on) or come after "from"/"between"; otherwise "2016-11"
    is a month."""
    if m["b2"] is None:
        return _h_range(m, start, ref, ctx)
    if _DASH_AFTER_NUMBER.search(ctx.text[max(0, start - 2) : start]):
        return ()  # inside a longer number ("+86 2010-2015-86"), as the year rule reads it
    a, b2 = int(m["a"]), int(m["b2"])
    last = a - a % 100 + b2 if b2 > a % 100 else a + 1 if b2 == (a + 1) % 100 else None
    if last is not None and (last == a + 1 or m["fb"] or (b2 > 12 and last - a <= _YEAR_SPAN)):
        tv = _range_value(_year_value(a), _year_value(last))
        return () if tv is None else ((start, start + m.end(), "daterange", tv),)
    pm = _grammar().top["point"].fullmatch(m.group(0)[m.start("a") :])
    if pm is None:  # "2013-05" read as a month failed: the year alone
        pm = _grammar().top["point"].fullmatch(m["a"])
    return () if pm is None else _h_daytod(pm, start + m.start("a"), ref, ctx)


def _names_weekday(text: str) -> bool:
    """Whether *text* is a day named by its weekday alone ("Sunday", "next Friday"), not by a date."""
    lx = _lex()
    words = re.findall(r"[a-z]+", text.lower())
    if re.search(r"\d", text) or any(w in lx.months for w in words):
        return False
    return any(w in lx.weekdays for w in words)


def _year_later(tv: TimeValue, after: dt.datetime, *, weekly: bool = False) -> TimeValue | None:
    """A yearless day or month *tv* moved on by whole years (a weekday: by weeks) until it starts
    after *after* ("Thursday through Sunday" runs to the Sunday after that Thursday)."""
    if tv.start is None or tv.grain not in ("day", "month"):
        return None
    if weekly:
        if tv.grain != "day":
            return None
        d = tv.start.date()
        while _d2dt(d) <= after:
            d += 7 * _DAY
        return _day_value(d, anchored=True)
    for months in (12, 24):
        d = _add_months(tv.start.date(), months)
        if _d2dt(d) > after:
            if tv.grain == "day":
                return _day_value(d, anchored=True)
            return _month_value(d.year, d.month, anchored=True)
    return None


_NOWISH = re.compile(r"(?i:now|(?:the\s+)?(?:current\s+)?date)")


def _now_value(text: str, ctx: Context, start: int, ref: dt.date | None) -> TimeValue | None:
    """ "now", "date" (in "to date") as a range end: the reference instant, an interval of no length."""
    if ref is None or _NOWISH.fullmatch(text.strip()) is None:
        return None
    now = _now(ctx, start, ref)
    return TimeValue(
        value=now.isoformat(timespec="seconds"),
        start=now,
        end=now,
        grain="second",
        kind="time",
        anchored=True,
    )


def _range_fallback(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    """Not a range after all ("05-Aug-2016" read as "05-Aug" to "2016"): the whole text as one date."""
    whole = m.group(0)
    head = whole[: m.start("a")]
    tv = _parse_point(whole[len(head) :], ref, ctx)
    if tv is None:
        return ()
    return ((start + len(head), start + m.end(), tv.kind, tv),)


def _h_dayrange(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    groups = m.re.groupindex
    if "rel" not in groups:  # the mdrange alternative shares this handler
        return _dayrange(m, start, ref, _month_number(m["mon"]), _month_number(m["mon"]), m["d2"], m["y"])
    if m["rel"]:  # "between 4 and 22 this month"
        if ref is None:
            return ()
        base = _add_months(ref.replace(day=1), _lex().relative_words[m["rel"].lower()])
        a = _safe_date(base.year, base.month, _day_number(m["d1"]) or 0)
        b_ = _safe_date(base.year, base.month, _day_number(m["d2"]) or 0)
        tv = None if a is None or b_ is None else _range_value(_day_value(a, anchored=True), _day_value(b_))
        return () if tv is None else ((start, start + m.end(), "daterange", tv),)
    mon2 = m["mon2"] if "mon2" in groups else None
    month = _month_number(m["mon"] or mon2 or "")
    mon1 = _month_number(m["mon1"]) if m["mon1"] else month
    if mon2:  # "from 4 to January 22, 1995"
        return _dayrange(m, start, ref, mon1, month, m["d3"], m["y2"])
    return _dayrange(m, start, ref, mon1, month, m["d2"], m["y"])


def _dayrange(
    m: re.Match[str], start: int, ref: dt.date | None, mon1: int, month: int, day2: str, year: str | None
) -> Sequence[Row]:
    """Days *d1* of *mon1* through *day2* of *month*, in *year* or by the yearless-date rule."""
    d1, d2 = _day_number(m["d1"]), _day_number(day2)
    if d1 is None or d2 is None or not (1 <= d1 <= 31 and 1 <= d2 <= 31):
        return ()
    y = None if year is None else _year_num(year)
    if y is not None:
        a, b_ = _safe_date(y, mon1, d1), _safe_date(y, month, d2)
        if a is None or b_ is None:
            return ()
        tv = _range_value(_day_value(a), _day_value(b_))
    else:
        ta, tb = _resolve_md(mon1, d1, ref), _resolve_md(month, d2, ref)
        if ta is None or tb is None:
            return ()
        if ta.start is not None and tb.start is not None and tb.start < ta.start:
            # the start keeps the yearless-date rule; the end is the next such day ("20 Dec to 5 Jan")
            tb = _day_value(_add_months(tb.start.date(), 12), anchored=True)
        tv = _range_value(ta, tb)
    if tv is None:
        return ()
    return ((start, start + m.end(), "daterange", tv),)


_FOR_BEFORE = re.compile(r"(?i)\bfor\s+\Z")


def _h_ago(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    dur = parse_duration(m["dur"])
    if dur is None:
        return ()
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    sign = 1 if direction in ("from now", "hence") or direction.startswith(("from ", "after ")) else -1
    if direction in ("earlier", "later"):
        return ((start, start + m.end("dur"), "duration", dur),)
    if (
        m["base"]
        and direction.startswith("from ")
        and not m["hedge"]
        and _FOR_BEFORE.search(ctx.text[max(0, start - 8) : start])
    ):
        return _h_durstart(m, start, ref, ctx)  # "for 3 days from today": those days, not a date 3 days on
    if m["base"]:
        rel_day = _lex().relative_days.get(re.sub(r"\s+", " ", m["base"].lower()))
        if rel_day is not None:
            ref = None if ref is None else ref + rel_day * _DAY
        else:  # "16 days from 01/02/2018", "2 weeks before Christmas"
            base = _parse_point(m["base"], ref, ctx)
            if base is None:
                return ()
            ref = None if base.start is None else base.start.date()
    hedge_mod = _lex().duration_hedges.get(re.sub(r"\s+", " ", m["hedge"].lower())) if m["hedge"] else None
    if ref is not None and _clock_only(dur) and not m["base"] and not _clock_known(ctx, start, ref):
        # "5 hours ago" from a date-only reference: some instant of the day, shifted back; no clock time
        if m["wdp"] or m["wds"]:
            return ()
        return ((start, start + m.end(), "timerange", _shifted_day(ref, dur, sign, hedge_mod)),)
    if hedge_mod == "APPROX" and ref is not None and _clock_only(dur) and not m["base"]:
        t = _now(ctx, start, ref) + sign * dt.timedelta(seconds=round(dur.seconds))
        return ((start, start + m.end(), "time", attrs.evolve(_second_value(t), mod="APPROX")),)
    if hedge_mod == "APPROX" and ref is not None:  # "about two weeks ago": that day, roughly
        tv = attrs.evolve(_day_value(_shift(ref, dur, sign), anchored=True), mod="APPROX")
        return ((start, start + m.end(), "date", tv),)
    if hedge_mod in ("LESS_THAN", "EQUAL_OR_LESS") and ref is not None:
        # "less than 2 weeks from today": the days from the base up to that far ("less than 3 days ago":
        # the days back to then)
        edge = _shift(ref, dur, sign)
        lo, hi = (ref, edge) if sign > 0 else (edge + _DAY, ref + _DAY)
        if hi > lo:
            return ((start, start + m.end(), "daterange", _span_value(lo, hi, anchored=True)),)
    if m["hedge"] and ref is not None:
        mod: TimeMod = "AFTER" if sign > 0 else "BEFORE"
        if hedge_mod == "EQUAL_OR_MORE":  # "at least 2 weeks ago": that day or before
            mod = "ON_OR_AFTER" if sign > 0 else "ON_OR_BEFORE"
        return (
            (
                start,
                start + m.end(),
                "daterange",
                _mod_range(_day_value(_shift(ref, dur, sign), anchored=True), mod),
            ),
        )
    if ref is None:
        return (
            (
                start,
                start + m.end(),
                "date",
                TimeValue.unresolved(f"{dur.value}{'+' if sign > 0 else '-'}REF"),
            ),
        )
    if _clock_only(dur) and not m["base"]:
        # "20 minutes ago", "2 minutes from now": a time, from the reference time
        if m["wdp"] or m["wds"]:
            return ()
        t = _now(ctx, start, ref) + sign * dt.timedelta(seconds=round(dur.seconds))
        return ((start, start + m.end(), "time", _second_value(t)),)
    d = _weekday_of_week(_shift(ref, dur, sign), m["wdp"] or m["wds"])
    return ((start, start + m.end(), "date", _day_value(d, anchored=True)),)


def _weekday_of_week(d: dt.date, weekday: str | None) -> dt.date:
    """*d*, or the day named *weekday* in d's Monday-to-Sunday week ("Monday two weeks from now")."""
    if not weekday:
        return d
    wdn = _lex().weekdays[weekday.rstrip(".").lower()]
    return d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=wdn - 1)


def _h_nwd(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    """ "3 fridays from now" (the third Friday after the reference day), "2 thursdays ago"."""
    n = _word_int(m["n"])
    if n is None or not 1 <= n <= 60 or not float(n).is_integer():
        return ()
    if ref is None:
        return ()
    wdn = _lex().weekdays[m["wd"].lower()[:-1]]
    if m["dir"].lower().startswith(("from", "hence")):
        first = ref + dt.timedelta(days=(wdn - ref.isoweekday()) % 7 or 7)
        d = first + dt.timedelta(weeks=int(n) - 1)
    else:
        last = ref - dt.timedelta(days=(ref.isoweekday() - wdn) % 7 or 7)
        d = last - dt.timedelta(weeks=int(n) - 1)
    return ((start, start + m.end(), "date", _day_value(d, anchored=True)),)


_VERB_BEFORE = re.compile(
    r"(?i)(?:\b(?:will|would|could|should|can|may|might|must|to|not|did|does|do|cannot)|n['’]t)\s+\Z"
)


def _h_lastn(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    """ "the last 3 months", "the next 2 days", "5 past years" (the count first)."""
    dur = parse_duration(m["dur"] if m["dur"] else f"{m['n2']} {m['u2']}")
    rel = (m["rel"] or m["rel2"]).lower()
    if dur is None:
        return ()
    if (
        m["dur"]
        and rel == "last"
        and m.group(0)[:4].lower() == "last"
        and _VERB_BEFORE.search(ctx.text[max(0, start - 12) : start])
    ):
        # "it could last two years": the verb, then a plain duration
        return ((start + m.start("dur"), start + m.end("dur"), "duration", dur),)
    if ref is None or (_clock_only(dur) and dur.seconds < 86400 and not _clock_known(ctx, start, ref)):
        # no reference, or "the next several hours" from a date with no clock time: not placed
        return (
            (
                start,
                start + m.end(),
                "daterange",
                TimeValue.unresolved(f"{rel} {dur.value}", kind="daterange"),
            ),
        )
    if _clock_only(dur):
        # "the last 2 minutes", "the next 3 hours": whole units before, or after, the current one
        now = _now(ctx, start, ref)
        clock_part = dur.value.split("T")[1]
        unit = 1 if clock_part.endswith("S") else 60 if clock_part.endswith("M") else 3600
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        floor = midnight + dt.timedelta(seconds=((now - midnight).seconds // unit) * unit)
        span = dt.timedelta(seconds=round(dur.seconds))
        if rel in ("last", "past", "previous"):
            s0, e0 = floor - span, floor
        else:
            s0 = floor + dt.timedelta(seconds=unit)
            e0 = s0 + span
        value = f"{s0.isoformat(timespec='seconds')}/{e0.isoformat(timespec='seconds')}"
        tv = TimeValue(value=value, start=s0, end=e0, grain="second", kind="timerange", anchored=True)
        return ((start, start + m.end(), "timerange", tv),)
    quarters = _QUARTERS.fullmatch(dur.value)
    if quarters is not None:
        # "the past two quarters", "the next 7 quarters": whole calendar quarters before, or after,
        # the current one (as in financial reporting), not days counted from the reference
        current = dt.date(ref.year, ref.month - (ref.month - 1) % 3, 1)
        n = int(quarters[1])
        if rel in ("last", "past", "previous"):
            a, b_ = _add_months(current, -3 * n), current
        else:
            a = _add_months(current, 3)
            b_ = _add_months(a, 3 * n)
        return ((start, start + m.end(), "daterange", _span_value(a, b_, "quarter", anchored=True)),)
    if rel in ("last", "past", "previous"):
        a, b_ = _shift(ref, dur, -1), ref
    else:
        a = ref + _DAY
        b_ = _shift(a, dur, 1)
    return ((start, start + m.end(), "daterange", _span_value(a, b_, anchored=True)),)


def _h_hedged(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    if _quarter_of_play(ctx.text, start + m.start("pt"), start + m.end("pt")):
        return ()  # "since the second quarter" of a game
    tv = _parse_point(m["pt"], ref, ctx)
    if tv is None:
        return ()
    mod = _lex().date_hedges[re.sub(r"\s+", " ", m["hedge"].lower())]
    return ((start, start + m.end(), "daterange", _mod_range(tv, mod)),)


def _h_approx(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    tv = _parse_point(m["pt"], ref, ctx)
    if tv is None:
        return ()
    if re.search(r"(?i)\b(?:how|what)\s+$", ctx.text[max(0, start - 6) : start]):
        return ((start + m.start("pt"), start + m.end(), tv.kind, tv),)  # "how about May 3?" is no hedge
    return ((start, start + m.end(), tv.kind, attrs.evolve(tv, mod="APPROX")),)


def _h_part(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    if _quarter_of_play(ctx.text, start + m.start("pt"), start + m.end("pt")):
        return ()  # "the start of the second quarter" of a game
    tv = _parse_point(m["pt"], ref, ctx)
    if tv is None or tv.grain == "minute":
        return ()
    key = m["part"].lower() if "part" in m.re.groupindex else m["pw"].lower()
    mod = _lex().part_words[re.sub(r"\s+", " ", key)]
    if tv.grain == "day":
        return _day_end(m, start, tv, mod)
    return ((start, start + m.end(), "daterange", _mod_range(tv, mod)),)


def _day_end(m: re.Match[str], start: int, day: TimeValue, mod: TimeMod) -> Sequence[Row]:
    """ "the end of tomorrow", "end of the day": the last second of that day (other parts of a day: none)."""
    if mod != "END":
        return ()
    if day.start is None:
        value = (day.value if day.value != "XXXX-XX-XX" else "") + "T23:59:59"
        tv = TimeValue(value=value, grain="second", kind="time", resolved=False)
    else:
        tv = _second_value(day.start + dt.timedelta(hours=23, minutes=59, seconds=59))
    return ((start, start + m.end(), "time", tv),)


def _current_period(per: str, ref: dt.date) -> TimeValue:
    """The week, month or year (*per*) that contains the reference date."""
    if per == "week":
        return _week_value(ref)
    if per == "month":
        return _month_value(ref.year, ref.month, anchored=True)
    return _year_value(ref.year, anchored=True)


def _h_partcur(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    if m["eop"]:  # "EOM", "the EOY": the end of the current month or year
        if ref is None:
            return ()
        whole = _current_period("month" if m["eop"].lower() == "eom" else "year", ref)
        return ((start, start + m.end(), "daterange", _mod_range(whole, "END")),)
    if m["eod"] or m["per"].lower() == "day":  # "end of the day", "EOD"
        mod: TimeMod = "END" if m["eod"] else _lex().part_words[re.sub(r"\s+", " ", m["part"].lower())]
        return _day_end(m, start, _ref_day(ref) or TimeValue.unresolved("XXXX-XX-XX"), mod)
    if ref is None:
        return ()
    whole = _current_period(m["per"].lower(), ref)
    mod = _lex().part_words[re.sub(r"\s+", " ", m["part"].lower())]
    return ((start, start + m.end(), "daterange", _mod_range(whole, mod)),)


def _h_partword(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    tv = _parse_point(m["pt"], ref, ctx)
    if tv is None or tv.grain == "minute":
        return ()
    mod = _lex().part_words[m["pw"].lower()]
    if tv.grain == "day":  # "early Saturday" (its first third), "late Saturday night" (the night's end)
        code = _pod_code(m["ppod"]) if m["ppod"] else None
        if code is not None:
            part = attrs.evolve(_mod_range(_pod_value(code, tv), mod), kind="timerange")
            return ((start, start + m.end(), "timerange", part),)
        part = attrs.evolve(_mod_range(tv, mod), kind="timerange")
        return ((start, start + m.end("pt"), "timerange", part),)
    if m["ppod"]:
        return ()  # "early 2015 morning" is no period
    return ((start, start + m.end(), "daterange", _mod_range(tv, mod)),)


def _h_duration(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    if m["pt3"] and not m["hedge"]:
        return _h_durstart(m, start, ref, ctx)
    mod = _lex().duration_hedges[re.sub(r"\s+", " ", m["hedge"].lower())] if m["hedge"] else None
    dur = parse_duration(m["dur"], mod)
    if dur is None:
        return ()
    rows: list[Row] = [(start, start + m.end("dur"), "duration", dur)]
    day = _parse_point(m["pt3"], ref, ctx) if m["pt3"] else None
    if day is not None:  # "about 2 weeks starting May 20th": the hedged duration, then the date
        rows.append((start + m.start("pt3"), start + m.end("pt3"), day.kind, day))
    return rows


def _h_daytod(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    day = _parse_point(m["pt"], ref, ctx)
    if day is None:
        return ()
    if m["wk"]:  # "Wednesday evening next week": the weekday of that week
        day = _parse_point(f"{m['pt']} {m['wk']}", ref, ctx) or day
    if day.grain != "day" or day.kind != "date":
        # a period ("May 2015") takes no clock time; one that follows is read on its own
        rows: list[Row] = [(start, start + m.end("pt"), day.kind, day)]
        if m["br2"]:
            return rows
        if m["tr"] or m["tod"] or m["tod2"]:
            sub = _h_clock_only(m, start, ref)
            rows.extend(sub)
            rows.extend(_alt_clock(m, start, _ref_day(ref), None))
        return rows
    code = _pod_code(m["pod1"])
    if code is None and m["pt"].strip().lower() in _lex().parts_of_day:
        code = _pod_code(m["pt"])  # "tonight at 8"
    tv: TimeValue | None = None
    if m["tr"]:
        tm = _clock_range_match(m, "tr")
        if tm is not None:
            tv = _clock_range(tm["t1"], tm["t2"], day, code)
    elif m["tod"] or m["bh2"] or m["tod2"]:
        got = _read_clock(m["tod"] or m["bh2"] or m["tod2"], code)
        if got is not None:
            tv = _clock_value(got[0], day, got[1])
            if m["dh2"]:  # "today before 4pm"
                tv = _hedged_clock(tv, m["dh2"])
    elif m["br2"]:  # "Monday 3-8", "next Monday morning 6-8"
        tv = _bare_range(m["br2"], day, code, strict=True)
    elif code is not None:
        end = start + (m.end("wk") if m["wk"] else m.end("pod1") if m["pod1"] else m.end("pt"))
        return ((start, end, "timerange", _pod_value(code, day)),)
    if tv is None:
        return ((start, start + m.end("pt"), day.kind, day),)
    if m["alt"]:  # "next week Mon 9 am or 1 pm": the other time is on the same day
        first = max(m.end(g) for g in ("tr", "tod", "bh2", "br2"))
        return ((start, start + first, tv.kind, tv), *_alt_clock(m, start, day, code))
    return ((start, start + m.end(), tv.kind, tv),)


def _clock_range_match(m: re.Match[str], group: str) -> re.Match[str] | None:
    """Group *group* of *m* read as a clock range, seeing the text around it (a bare last hour goes with
    the part of the day after it, "8am-3 yesterday afternoon"; "and" joins only after "between")."""
    inner = _grammar().top["todrange_inner"]
    tm = inner.match(m.string, m.start(group))
    return tm if tm is not None and tm.end() == m.end(group) else inner.fullmatch(m[group])


def _alt_clock(m: re.Match[str], start: int, day: TimeValue | None, code: str | None) -> list[Row]:
    """The clock time or range after "or"/"and" in a point match, on the same day as the first."""
    if not m["alt"]:
        return []
    tm = _clock_range_match(m, "alt")
    tv: TimeValue | None = None
    if tm is not None:
        tv = _clock_range(tm["t1"], tm["t2"], day, code)
    else:
        got = _read_clock(m["alt"], code)
        tv = None if got is None else _clock_value(got[0], day, got[1])
    return [] if tv is None else [(start + m.start("alt"), start + m.end("alt"), tv.kind, tv)]


@functools.cache
def _ordinal_noun() -> re.Pattern[str]:
    """A spelled ordinal before a noun ("the first floor"): what a later bare "the third" elides."""
    return re.compile(rf"(?i)\b{_alt(_lex().ordinals)}\s+(?!of\b)[a-z]{{2,}}")


def _elided_ordinal(text: str, ctx: Context, start: int) -> bool:
    """ "one on the first floor and one on the third": a spelled "the third" that repeats an ordinal
    of the same sentence with its noun left out is that ordinal, not a day of the month."""
    alone = re.fullmatch(r"(?i)the\s+([a-z][a-z\s-]*)", text)
    if alone is None or _day_number(alone[1]) is None:
        return False
    sentence = re.split(r"[.!?\n]", ctx.text[max(0, start - 200) : start])[-1]
    return _ordinal_noun().search(sentence) is not None


def _h_onday(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    """ "go back on 15" (a day of the month), "on 4-22" (a month and day); "on" is not in the mention."""
    if m["od"]:
        s0, tv = start + m.start("od"), _day_of_month(int(m["od"]), ref)
    else:
        s0, tv = start + m.start("om"), _resolve_md(int(m["om"]), int(m["odd"]), ref)
    return () if tv is None else ((s0, start + m.end(), "date", tv),)


_WORD_BEFORE = re.compile(r"([\w'’@]+)[^\S\n]*\Z")
_WORD_AFTER = re.compile(r"(-|[^\S\n]+)([\w'’]+)")
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\"“(\n])[^\S\n]*\Z")


def _is_time_word(word: str) -> bool:
    lx = _lex()
    w = word.lower()
    return w[:1].isdigit() or w in lx.months or w in lx.weekdays or w in lx.seasons or w in lx.relative_days


def _bare_name(text: str, start: int, end: int) -> bool:
    """Whether a bare month, season or weekday abbreviation (all of *text[start:end]*) is a name or
    a word here rather than a date: "May Street", "April McKinney", "the Chicago Sun-Times",
    "shot in Spring" (the town), "fall to the ground" (the lexicon's [bare_words] say which)."""
    lx, bare = _lex(), _lex().bare
    word = text[start:end].rstrip(".")
    low = word.lower()
    is_month, is_season = low in lx.months, low in lx.seasons
    is_abbr = low in lx.weekdays_cap
    if not (is_month or is_season or is_abbr):
        return False
    before = text[max(0, start - 40) : start]
    pm = _WORD_BEFORE.search(before)
    prev = pm.group(1).lower() if pm else ""
    nm = _WORD_AFTER.match(text, end, min(len(text), end + 40))
    nxt = nm.group(2) if nm is not None and nm.group(1) != "-" else ""
    nxt_cap = nxt[:1].isupper() and not _is_time_word(nxt)
    if nxt in lx.street_words:
        return True  # "May Street", "Spring Street", "East March Lane"
    if is_abbr:
        return prev not in bare["abbr_weekday_after"]  # "Chicago Sun-Times", "the Sun reports"
    if is_season:
        if low == "fall" and word == "fall":  # the verb or the accident, unless governed
            return prev not in bare["fall_after"] or bool(re.match(r"\s+of\b", text[end : end + 5]))
        if not word[:1].isupper():
            return False
        if nxt_cap or (nm is not None and nm.group(1) == "-" and nm.group(2)[:1].isalpha()):
            return True  # "Winter Weather Advisory", "Summer Avenue", "Spring-area"
        return not _SENTENCE_START.search(before) and prev not in bare["capital_season_after"]
    return low in bare["given_name_months"] and nxt_cap  # "April McKinney", "June Saunders"


_BARE_QUARTER = re.compile(r"(?i)(?:the\s+)?(?:first|second|third|fourth|[1-4](?:st|nd|rd|th))\s+quarter")


@functools.cache
def _game_words() -> re.Pattern[str]:
    return re.compile(rf"(?i)\b{_alt(sorted(_lex().bare['game_words']))}\b")


def _quarter_of_play(text: str, start: int, end: int) -> bool:
    """Whether a bare "the second quarter" (all of *text[start:end]*, no year) is a period of a game
    or of some other span ("the first quarter of the season"), not a quarter of the year."""
    if not _BARE_QUARTER.fullmatch(text, start, end):
        return False
    after = re.match(r"\s+of\s+the\s+(\w+)", text[end : end + 40])
    if after is not None:
        return after.group(1).lower() != "year"
    left = re.split(r"[.!?\n]", text[max(0, start - 200) : start])[-1]
    right = re.split(r"[.!?\n]", text[end : end + 200])[0]
    return _game_words().search(left) is not None or _game_words().search(right) is not None


def _h_point(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    """A date or period with what may follow it (its clock time; "or later")."""
    if _elided_ordinal(m["pt"], ctx, start):
        return ()
    if m.end("pt") == m.end() and (
        _bare_name(ctx.text, start, start + m.end()) or _quarter_of_play(ctx.text, start, start + m.end())
    ):
        return ()
    rows = list(_h_daytod(m, start, ref, ctx))
    if not m["post"] or not rows:
        return rows
    s0, _, _, tv = rows[-1]
    if not isinstance(tv, TimeValue):
        return rows
    mod: TimeMod = "ON_OR_BEFORE" if m["post"].lower().endswith(("earlier", "before")) else "ON_OR_AFTER"
    kind: TimeKind = "timerange" if tv.kind in ("time", "timerange") else "daterange"
    rows[-1] = (s0, start + m.end(), kind, attrs.evolve(_mod_range(tv, mod), kind=kind))
    return rows


def _hedged_clock(tv: TimeValue, hedge: str) -> TimeValue:
    """A clock time after a date hedge ("before 11 am", "since 2pm"): the open interval on one side of it."""
    mod = _lex().date_hedges[re.sub(r"\s+", " ", hedge.lower())]
    return attrs.evolve(_mod_range(tv, mod), kind="timerange")


def _h_frompt(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    """ "from 2014" with no second end: the date alone, read as the point alternative reads it."""
    off = m.start("pt")
    pm = _grammar().top["point"].fullmatch(m.group(0)[off:])
    return () if pm is None else _h_daytod(pm, start + off, ref, ctx)


def _h_clock_only(m: re.Match[str], start: int, ref: dt.date | None) -> list[Row]:
    """The clock time or range after a period, on the reference day."""
    day = _ref_day(ref)
    if m["tr"]:
        tm = _clock_range_match(m, "tr")
        tv = None if tm is None else _clock_range(tm["t1"], tm["t2"], day)
        group = "tr"
    elif m["tod2"]:  # "next month after 3pm": the hedged clock time
        got = _read_clock(m["tod2"])
        tv = None if got is None else _hedged_clock(_clock_value(got[0], day, got[1]), m["dh2"])
        return [] if tv is None else [(start + m.start("dh2"), start + m.end("tod2"), tv.kind, tv)]
    else:
        got = _read_clock(m["tod"])
        tv = None if got is None else _clock_value(got[0], day, got[1])
        group = "tod"
    return [] if tv is None else [(start + m.start(group), start + m.end(group), tv.kind, tv)]


_BARE_CLOCK = re.compile(r"\d{1,2}:[0-5]\d(?::[0-5]\d)?")
_NEXT_TOKEN = re.compile(r"\s*([\"'“‘]|[A-Z][\w'’]*)|[^\S\n]*(?:\n|\Z)")


def _clip_length(text: str, start: int, end: int) -> bool:
    """Whether a bare clock time (all of *text[start:end]*, no am/pm, no hedge) is the length of a
    video in a list of clips ("Pause 1:27 Sacramento Mural Festival paints the city", "Video (00:51)"):
    it stands alone in brackets, or a capitalized word, a quote or the end of the line ("... in Raymore
    woman's disappearance 2:06") follows it and no word that governs a time comes before it nor a time
    zone after it (the lexicon's [bare_words])."""
    if not _BARE_CLOCK.fullmatch(text, start, end):
        return False
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return True  # "Video (00:51): 2014 video of ..."
    nm = _NEXT_TOKEN.match(text, end)
    bare = _lex().bare
    if nm is None:
        return False
    pm = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if nm.group(1) is None:  # the line ends: a clip length only after a word of its title
        tm = re.search(r"([\w'’@]+)\s*\Z", text[max(0, start - 20) : start])
        return tm is not None and tm.group(1).isalpha() and tm.group(1).lower() not in bare["clock_after"]
    if nm.group(1).upper() in bare["time_zones"] or _is_time_word(nm.group(1)):
        return False
    return pm is None or pm.group(1).lower() not in bare["clock_after"]


# a day, or a part of it ("early Saturday"), that a clock time after it may be on
_DAY_MODS = (None, "START", "MID", "END")
_ANCHOR_REACH = 500  # characters from the last day mentioned to a bare clock time that is on it


def _told_day(ctx: Context, start: int, end: int) -> TimeValue | None:
    """The day a clock time said without one is on: the last single day mentioned shortly before it
    ("Three men were shot early Saturday ... at about 1 a.m."), unless the time stands on a line of
    its own (a timeline's heading, "6:05 a.m."); None leaves it on the reference day."""
    told = ctx.last_day
    if told is None or start - told[0] > _ANCHOR_REACH or told[0] > start:
        return None
    line_start = ctx.text.rfind("\n", 0, start) + 1
    line_end = ctx.text.find("\n", end)
    line = ctx.text[line_start : len(ctx.text) if line_end < 0 else line_end]
    if line.strip() == ctx.text[start:end].strip():
        return None
    return _day_value(told[1], anchored=True)


def _h_todday(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    """A clock time or range with its day after it ("at 9am on Saturday"), or alone."""
    tr = m.groupdict().get("tr")
    hedge = m.groupdict().get("dh")
    if m.groupdict().get("daily"):  # "3pm each day": a time of day, daily
        got = _read_clock(m["tod"])
        if got is None:
            return ()
        daily = TimeValue(value=_clock_value(got[0], None).value, grain="unknown", kind="set", resolved=False)
        return ((start + m.start("tod"), start + m.end(), "set", daily),)
    last_pod = m.groupdict().get("lpw") or m.groupdict().get("lpw2")
    yesterday = _day_value(ref - _DAY, anchored=True) if ref is not None else None
    if m.groupdict().get("br"):  # "between 3 and 8 yesterday", "between 7 and 9 last night"
        on = yesterday if last_pod else _parse_point(m["pt2"], ref, ctx)
        span = None if on is None else _bare_range(m["br"], on, _pod_code(last_pod), strict=False)
        return () if span is None else ((start, start + m.end(), span.kind, span),)
    day = _parse_point(m["pt"], ref, ctx) if m["pt"] else None
    if day is None and not (tr or hedge or last_pod) and _clip_length(ctx.text, start, start + m.end("tod")):
        return ()
    if last_pod:  # "at 11 p.m. last night": the part of the day before the reference day
        day, code, end = yesterday, _pod_code(last_pod), start + m.end()
    elif day is None:
        end = start + (m.end("tr") if tr else m.end("tod"))
        day, code = (None if tr else _told_day(ctx, start, end)) or _ref_day(ref), None
    else:
        end = start + m.end()
        word = m["pt"].strip().lower()
        code = _pod_code(word) if word in _lex().parts_of_day else None  # "8 tonight"
        if m.groupdict().get("pod2"):
            code = _pod_code(m["pod2"])  # "9 tomorrow morning"
    tv: TimeValue | None = None
    if tr:
        tm = _clock_range_match(m, "tr")
        if tm is not None:
            tv = _clock_range(tm["t1"], tm["t2"], day, code)
    else:
        got = _read_clock(m["tod"], code)
        if got is not None:
            if last_pod and code == "NI" and got[0][0] < 6 and ref is not None:
                day = _day_value(ref, anchored=True)  # "2 a.m. last night": early on the reference day
            elif not m["pt"] and not last_pod and got[0][0] < 6 and day is not None and day.start is not None:
                told = ctx.last_day
                if told is not None and told[2] and day.start.date() == told[1]:
                    day = _day_value(told[1] + _DAY, anchored=True)  # "Saturday night ... about 1 a.m."
            tv = _clock_value(got[0], day, got[1])
            if hedge:
                tv = _hedged_clock(tv, hedge)
    if tv is None:
        return ()
    return ((start, end, tv.kind, tv),)


def _h_pod(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    pr = re.sub(r"\s+", " ", m["pr"].lower())
    code = _pod_code(m["pw"])
    if code is None:
        return ()
    day = _ref_day(ref)
    if pr.endswith("last") and ref is not None:
        if code not in ("NI", "NT"):
            return ()  # "last evening" is rare; "last morning" is not a date
        day = _day_value(ref - _DAY, anchored=True)
    if m["tod"] or m["bh2"]:
        got = _read_clock(m["tod"] or m["bh2"], code)
        if got is None:
            return ()
        tv = _clock_value(got[0], day, got[1])
        return ((start, start + m.end(), "time", tv),)
    if m["tr"]:
        tm = _clock_range_match(m, "tr")
        span = None if tm is None else _clock_range(tm["t1"], tm["t2"], day, code)
        if span is not None:
            return ((start, start + m.end(), span.kind, span),)
    if m["pw"].lower() in _lex().relative_days and ref is not None:
        day = _day_value(ref + _lex().relative_days[m["pw"].lower()] * _DAY, anchored=True)  # "late tonight"
    elif not pr.endswith(("this", "last")):
        day = None  # "in the evening", "early morning": no day is said
    tv = _pod_value(code, day)
    if pr.startswith(("early", "late")):  # "late afternoon", "early this evening": its first or last third
        tv = attrs.evolve(_mod_range(tv, "START" if pr.startswith("early") else "END"), kind="timerange")
    return ((start, start + m.end("pw"), "timerange", tv),)


def _h_clockdur(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    """ "from 9 for 2.5 hrs", "for 3 hours from 10 am": a time range from a clock time for that long,
    on the reference day (as a clock time alone)."""
    dur_g, clock_g = ("d1", "t1") if m["d1"] else ("d2", "t2")
    dur = parse_duration(m[dur_g])
    got = _read_clock(m[clock_g])
    if dur is None or got is None:
        return ()
    first = start + (m.start("for") if m["for"] else 0)  # "last for 3 hours": from "for"
    if not _clock_only(dur):  # "from 9 for 3 days": no clock range; the duration stands alone
        return ((start + m.start(dur_g), start + m.end(dur_g), "duration", dur),)
    begin = _clock_value(got[0], _ref_day(ref))
    span = dt.timedelta(seconds=round(dur.seconds))
    if begin.start is None:
        h, mi = got[0][0], got[0][1]
        stop = dt.datetime(2000, 1, 1, h, mi) + span
        prefix = begin.value[: begin.value.index("T")]
        value = f"({begin.value},{prefix}T{stop:%H:%M},{dur.value})"
        tv = TimeValue(value=value, grain="minute", kind="timerange", resolved=False)
    else:
        s0, e0 = begin.start, begin.start + span
        value = f"{s0.isoformat(timespec='minutes')}/{e0.isoformat(timespec='minutes')}"
        tv = TimeValue(
            value=value, start=s0, end=e0, grain="minute", kind="timerange", anchored=begin.anchored
        )
    return ((first, start + m.end(), "timerange", tv),)


def _h_meal(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    """ "after breakfast" (TMEB, AFTER), "around dinner" (TMED, APPROX), "at lunch" (TMEL): a meal
    as a time of day, with no day said."""
    lx = _lex()
    code = lx.meals[re.sub(r"\s+", " ", (m["meal"] or m["meal2"]).lower())]
    hedge = re.sub(r"\s+", " ", (m["mh"] or "at").lower())
    mod: TimeMod | None = "APPROX" if hedge in ("around", "about") else lx.date_hedges.get(hedge)
    tv = TimeValue(value=f"T{code}", grain="part_of_day", kind="timerange", resolved=False, mod=mod)
    return ((start, start + m.end(), "timerange", tv),)


def _h_infut(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    mod = _lex().duration_hedges[re.sub(r"\s+", " ", m["hedge"].lower())] if m["hedge"] else None
    dur = parse_duration(m["dur"], mod)
    if dur is None:
        return ()
    clause = re.split(r"[.;:!?,\n]", ctx.text[max(0, start - 120) : start])[-1].lower()
    blocked = set(re.findall(r"[a-z]+", clause)) & _lex().future_blockers
    stop = start + (m.start("itod") if m["itod"] else m.end())
    got = _read_clock(m["itod"].strip()) if m["itod"] else None
    # "within 2 weeks at 5pm": the clock time stands alone on the reference day
    alone: list[Row] = (
        []
        if got is None
        else [
            (
                start + m.end() - len(m["itod"].lstrip()),
                start + m.end(),
                "time",
                _clock_value(got[0], _ref_day(ref), got[1]),
            )
        ]
    )
    if blocked or ref is None or (_clock_only(dur) and not _clock_known(ctx, start, ref)):
        # "the highest in 10 years", "five shootings in less than 48 hours": a span back from now,
        # not a future date; "in 20 minutes" with no clock time for the reference is a length of time
        s0 = start + m.start("hedge") if m["hedge"] else start + m.start("dur")
        return [(s0, stop, "duration", dur), *alone]
    now = _now(ctx, start, ref)
    if m["inw"].lower() == "within":
        end = _shift_dt(now, dur)
        value = f"{now.isoformat(timespec='seconds')}/{end.isoformat(timespec='seconds')}"
        tv = TimeValue(value=value, start=now, end=end, grain="second", kind="daterange", anchored=True)
        return [(start, stop, "daterange", tv), *alone]
    if _clock_only(dur):
        t = now + dt.timedelta(seconds=round(dur.seconds))
        return ((start, stop, "time", _second_value(t)),)
    if m["wds"]:  # "in 3 days on Friday"
        if _clock_only(dur):
            return ()
        d = _weekday_of_week(_shift(ref, dur, 1), m["wds"])
        return ((start, stop, "date", _day_value(d, anchored=True)),)
    day = _day_value(_shift(ref, dur, 1), anchored=True)
    if got is not None:  # "in 7 days at 5pm": the clock time on that day
        return ((start, start + m.end(), "time", _clock_value(got[0], day, got[1])),)
    return ((start, stop, "date", day),)


def _names_title(text: str, start: int, end: int) -> bool:
    """Whether the capitalized word *text[start:end]* opens a name or title with the capitalized
    word after it ("the New York Daily News", "the Daily Comet", "Entertainment Weekly Online")."""
    word = text[start:end]
    if not (word[:1].isupper() and word[1:].islower()):
        return False
    nm = _WORD_AFTER.match(text, end, min(len(text), end + 40))
    if nm is None or nm.group(1) == "-":
        return False
    return nm.group(2)[:1].isupper() and not _is_time_word(nm.group(2))


def _h_set(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    lx = _lex()
    if m["adv"] and m.end() == m.end("adv") and _names_title(ctx.text, start, start + m.end()):
        return ()
    if m["adv"]:
        value = lx.set_adverbs[m["adv"].lower()]
        if m["atod"]:  # "everyday 6am": a time of day, daily
            got = _read_clock(m["atod"])
            if got is None or value != "P1D":
                return ()
            value = _clock_value(got[0], None).value
    elif m["swd"] or m["pwd"] or m["pwd2"]:
        one = m["swd"] or m["pwd2"]
        name = one.rstrip(".").lower() if one else m["pwd"].lower()[:-1]
        value = f"XXXX-WXX-{lx.weekdays[name]}"
        code = _pod_code(m["swpod"] or (m["ppod"] or "")[:-1])
        clock = m["stod"] or m["ptod"]
        if code and not clock:  # "every Friday morning", "Friday mornings" = XXXX-WXX-5TMO
            value += f"T{code}"
        if clock:
            got = _read_clock(clock, code)
            if got is None:
                return ()
            value = _clock_value(got[0], TimeValue.unresolved(value)).value
    elif (
        (m["spod"] or (m["su"] or "").lower() in ("day", "night"))
        and not m["sn"]
        and not m["other"]
        and (m["stod"] or m["spod"])
    ):
        # "every day at 7:13 p.m." = T19:13, "every evening" = TEV: a time of day, daily
        code = _pod_code(m["spod"]) if m["spod"] else None
        value = f"T{code}" if code else ""
        if m["stod"]:
            got = _read_clock(m["stod"], code)
            if got is None:
                return ()
            value = _clock_value(got[0], None).value
    else:
        count = "1" if not m["sn"] else m["sn"]
        n = 2 if m["other"] else _word_int(count)
        dur = parse_duration(f"{_fmt(n)} {m['su'] or m['ou']}") if n is not None else None
        if dur is None:
            return ()
        value = dur.value
    tv = TimeValue(value=value, grain="unknown", kind="set", resolved=False)
    return ((start, start + m.end(), "set", tv),)


def _h_nthwd(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    """ "the first Friday of July", "the last Monday of the month", "second Sunday" (of this month)."""
    if m["nth2"]:
        if ref is None:
            return ()
        n = _day_number(m["nth2"])
        if n is None:
            return ()
        first = ref.replace(day=1)
        wdn = _lex().weekdays[m["wd2"].rstrip(".").lower()]
        d = first + dt.timedelta(days=(wdn - first.isoweekday()) % 7 + 7 * (n - 1))
        if d.month != first.month:
            return ()
        return ((start, start + m.end(), "date", _day_value(d, anchored=True)),)
    if m["tm"]:
        if ref is None:
            return ()
        month: TimeValue | None = _month_value(ref.year, ref.month, anchored=True)
    else:
        month = _point_or_month(m["pt"], ref, ctx)
    if month is None or month.grain != "month" or month.start is None or month.end is None:
        return ()
    word = m["nth"].lower()
    first = month.start.date()
    if m["dw"]:  # "the third day of October", "the last day of October 2015"
        n = 31 if word == "last" else _day_number(word)
        if n is None or n < 1:
            return ()
        d = min(first + dt.timedelta(days=n - 1), month.end.date() - _DAY)
        if word != "last" and d.day != n:
            return ()
        return ((start, start + m.end(), "date", _day_value(d, anchored=month.anchored)),)
    wdn = _lex().weekdays[m["wd"].rstrip(".").lower()]
    if word == "last":
        last = month.end.date() - _DAY
        d = last - dt.timedelta(days=(last.isoweekday() - wdn) % 7)
    else:
        n = _day_number(word)
        if n is None or not 1 <= n <= 5:
            return ()
        d = first + dt.timedelta(days=(wdn - first.isoweekday()) % 7 + 7 * (n - 1))
        if d >= month.end.date():
            return ()
    return ((start, start + m.end(), "date", _day_value(d, anchored=month.anchored)),)


def _h_weekrange(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    """ "next week between Wednesday and Friday": those days of that Monday-to-Sunday week."""
    if ref is None:
        return ()
    lx = _lex()
    monday = ref - dt.timedelta(days=ref.weekday()) + 7 * _DAY * lx.relative_words[m["wrel"].lower()]
    first = monday + (lx.weekdays[m["wa"].rstrip(".").lower()] - 1) * _DAY
    last = monday + (lx.weekdays[m["wb"].rstrip(".").lower()] - 1) * _DAY
    if last < first:  # "Friday to Monday": into the week after
        last += 7 * _DAY
    return ((start, start + m.end(), "daterange", _span_value(first, last + _DAY, anchored=True)),)


def _point_or_month(text: str, ref: dt.date | None, ctx: Context) -> TimeValue | None:
    """A date or period, or a month after "of" that may be abbreviated ("the first week of Oct")."""
    found = _parse_point(text, ref, ctx)
    if found is None and text.strip().rstrip(".").lower() in _lex().months:
        found = _resolve_month(_month_number(text), ref)
    return found


def _h_nthweek(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    """ "the third week of 2027" (ISO week 3), "the last week of July" (2016-07-W05: weeks from Monday)."""
    period = _point_or_month(m["pt"] or m["pt2"], ref, ctx)
    if period is None or period.start is None or period.end is None or period.grain not in ("month", "year"):
        return ()
    word = m["nth"].lower()
    first, last = period.start.date(), period.end.date() - _DAY
    if period.grain == "year":
        count = dt.date(first.year, 12, 28).isocalendar().week
        n = count if word == "last" else _day_number(word)
        if n is None or not 1 <= n <= count:
            return ()
        monday = dt.date.fromisocalendar(first.year, n, 1)
        tv = _week_value(monday, anchored=period.anchored)
        return ((start, start + m.end(), "daterange", tv),)
    count = (last.day + first.weekday() + 6) // 7
    n = count if word == "last" else _day_number(word)
    if n is None or not 1 <= n <= count:
        return ()
    monday = first - dt.timedelta(days=first.weekday()) + dt.timedelta(weeks=n - 1)
    s0, e0 = max(monday, first), min(monday + 7 * _DAY, last + _DAY)
    tv = TimeValue(
        value=f"{period.value}-W{n:02d}",
        start=_d2dt(s0),
        end=_d2dt(e0),
        grain="week",
        kind="daterange",
        anchored=period.anchored,
    )
    return ((start, start + m.end(), "daterange", tv),)


def _h_nof(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    """ "the first 2 weeks of 2021" (whole ISO weeks inside the period), "the last four months of
    2021", "the 9th month of next year": a part of a named period, not counted from the reference."""
    period = _point_or_month(m["pt"], ref, ctx)
    end = start + m.end()
    if period is None:
        return ()
    if period.start is None or period.end is None:
        unplaced = TimeValue.unresolved(period.value, grain="unknown", kind="daterange")
        return ((start, end, "daterange", unplaced),)
    first, stop = period.start.date(), period.end.date()
    if m["nth"]:
        count = (stop.year - first.year) * 12 + stop.month - first.month
        word = m["nth"].lower()
        n = count if word in ("last", "final") else _day_number(word)
        if n is None or not 1 <= n <= count:
            return ()
        d = _add_months(first, n - 1)
        return ((start, end, "daterange", _month_value(d.year, d.month, anchored=period.anchored)),)
    dur = parse_duration(m["dur"])
    if dur is None:
        return ()
    if _clock_only(dur):  # "the first 30 minutes of June": a duration and the month, not a part of it
        return (
            (start + m.start("dur"), start + m.end("dur"), "duration", dur),
            (start + m.start("pt"), end, period.kind, period),
        )
    weekly = dur.value.endswith("W")  # whole weeks, Monday to Sunday, inside the period
    if m["fl"].lower() in ("first", "opening"):
        a = first + dt.timedelta(days=(7 - first.weekday()) % 7) if weekly else first
        b_ = _shift(a, dur, 1)
    else:
        b_ = stop - dt.timedelta(days=stop.weekday()) if weekly else stop
        a = _shift(b_, dur, -1)
    return ((start, end, "daterange", _span_value(a, b_, anchored=period.anchored)),)


def _h_holweekend(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    """ "Labor Day weekend" (a Monday holiday: the weekend before it), "Thanksgiving weekend" (the
    weekend of the holiday's week), as ISO week weekends ("2021-W35-WE")."""
    day = _parse_point(m["hol"] or m["hol2"], ref, ctx)
    if day is None:
        return ()
    if day.start is None:
        unplaced = TimeValue.unresolved("XXXX-WXX-WE", grain="week", kind="daterange")
        return ((start, start + m.end(), "daterange", unplaced),)
    d = day.start.date()
    week = _week_value(d - _DAY if d.weekday() == 0 else d, anchored=day.anchored)
    assert week.end is not None
    tv = attrs.evolve(week, value=week.value + "-WE", start=week.end - 2 * _DAY)
    return ((start, start + m.end(), "daterange", tv),)


def _h_domrel(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    """ "the 20th of next month", "31st of this month"."""
    n = _day_number(m["nth"])
    if n is None or not 1 <= n <= 31:
        return ()
    if ref is None:
        return ((start, start + m.end(), "date", TimeValue.unresolved(f"XXXX-XX-{n:02d}")),)
    shift = 1 if m["rel"].lower() == "following" else _lex().relative_words[m["rel"].lower()]
    base = _add_months(ref.replace(day=1), shift)
    d = _safe_date(base.year, base.month, n)
    if d is None:
        return ()
    return ((start, start + m.end(), "date", _day_value(d, anchored=True)),)


def _h_weekof(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    """ "the week of April 10th": the Monday-to-Sunday week that holds the day, as an interval of days."""
    day = _parse_point(m["pt"], ref, ctx)
    if day is None:
        return ()
    if day.start is None or day.grain != "day":
        return ((start, start + m.end(), "daterange", attrs.evolve(day, kind="daterange", grain="week")),)
    d = day.start.date()
    monday = d - dt.timedelta(days=d.weekday())
    return (
        (
            start,
            start + m.end(),
            "daterange",
            _span_value(monday, monday + 7 * _DAY, "week", anchored=day.anchored),
        ),
    )


def _h_durstart(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    """ "for 3 days from today", "2 weeks starting May 20th": the days from the date for that long."""
    groups = m.re.groupindex
    name = "dur2" if "dur2" in groups else "dur"
    pt_name = {"dur": "pt3" if "pt3" in groups else "base", "dur2": "pt2"}[name]
    dur = parse_duration(m[name])
    day = _parse_point(m[pt_name], ref, ctx)
    if dur is None or day is None:
        return ()
    if day.start is None or day.grain != "day" or _clock_only(dur):
        # no interval to build: the duration and the date stand as two mentions
        rows: list[Row] = [
            (start + m.start(name), start + m.end(name), "duration", dur),
            (start + m.start(pt_name), start + m.end(pt_name), day.kind, day),
        ]
        return sorted(rows, key=lambda r: r[0])
    first = day.start.date()
    tv = _span_value(first, _shift(first, dur, 1), anchored=day.anchored)
    return ((start, start + m.end(), "daterange", tv),)


def _h_rest(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    if ref is None:
        return ()
    whole = _current_period(m["per"].lower(), ref)
    assert whole.end is not None
    return ((start, start + m.end(), "daterange", _span_value(ref, whole.end.date(), anchored=True)),)


def _shifted_day(ref: dt.date, dur: Duration, sign: int, mod: TimeMod | None) -> TimeValue:
    """The instants of day *ref* moved by *dur* (back if *sign* < 0): "3 hours ago" said on a date."""
    delta = sign * dt.timedelta(seconds=round(dur.seconds))
    lo, hi = _d2dt(ref) + delta, _d2dt(ref + _DAY) + delta
    value = f"{lo.isoformat(timespec='seconds')}/{hi.isoformat(timespec='seconds')}"
    return TimeValue(value=value, start=lo, end=hi, grain="second", kind="timerange", anchored=True, mod=mod)


def _clock_known(ctx: Context, start: int, ref: dt.date) -> bool:
    """Whether the reference instant has a real time of day (a datetime publication, not a date)."""
    return ctx.clock_known and ctx.now is not None and ctx.reference(start) == ctx.published == ref


def _now(ctx: Context, start: int, ref: dt.date) -> dt.datetime:
    """The reference instant: the publication time if known and the mention is not in a dated item."""
    if ctx.now is not None and ctx.reference(start) == ctx.published:
        return ctx.now
    return _d2dt(ref)


def _shift_dt(now: dt.datetime, dur: Duration) -> dt.datetime:
    if dur.seconds < 86400:
        return now + dt.timedelta(seconds=round(dur.seconds))
    d = _shift(now.date(), dur, 1)
    return dt.datetime.combine(d, now.time())


def _h_gap(m: re.Match[str], start: int, ref: dt.date | None, ctx: Context) -> Sequence[Row]:
    mid_start = start + m.start("mid")
    head = m.group(0)[: m.start("mid") + len(m["mid"])]
    if m["gdur"]:
        mod = (
            _lex().duration_hedges[re.sub(r"\s+", " ", m["ghedge"].strip().lower())] if m["ghedge"] else None
        )
        dur = parse_duration(m["gdur"], mod)
        if dur is None:
            return ()
        about, about_span = _about(ctx, start, start + m.end(), head, start)
        gap = GapClaim(about=about, duration=dur, about_span=about_span)
    else:
        pt_text = m["gpt"] or m["lpt"]
        prev = _parse_point(pt_text, ref, ctx)
        if prev is None:
            return ()
        if m["since"] and prev.grain != "day":
            prev = _mod_range(prev, "ON_OR_AFTER")
        about, about_span = _about(ctx, start, start + m.end(), head, start)
        gap = GapClaim(about=about, previous=prev, about_span=about_span)
    del mid_start
    return ((start, start + m.end(), "gap", gap),)


_HANDLERS: dict[str, Callable[[re.Match[str], int, dt.date | None, Context], Sequence[Row]]] = {
    "gap": _h_gap,
    "dayrange": _h_dayrange,
    "dayrange_fb": _h_dayrange,
    "mdrange": _h_dayrange,
    "range": _h_range,
    "onday": _h_onday,
    "yrange": _h_yrange,
    "between": _h_range,
    "ago": _h_ago,
    "nwd": _h_nwd,
    "lastn": _h_lastn,
    "hedged": _h_hedged,
    "approx": _h_approx,
    "part": _h_part,
    "partcur": _h_partcur,
    "partword": _h_partword,
    "duration": _h_duration,
    "todrange": _h_todday,
    "infut": _h_infut,
    "set": _h_set,
    "nthwd": _h_nthwd,
    "weekrange": _h_weekrange,
    "domrel": _h_domrel,
    "nthweek": _h_nthweek,
    "nof": _h_nof,
    "meal": _h_meal,
    "clockdur": _h_clockdur,
    "holweekend": _h_holweekend,
    "rest": _h_rest,
    "weekof": _h_weekof,
    "durstart": _h_durstart,
    "pod": _h_pod,
    "point": _h_point,
    "frompt": _h_frompt,
    "tod": _h_todday,
}


def parse_date(text: str, reference: dt.date | None = None) -> TimeValue | None:
    """Read one date expression (all of *text*), e.g. a dateline; None if it is not one.

    >>> parse_date("Sept. 20", dt.date(2019, 9, 21)).value
    '2019-09-20'
    """
    return _parse_point(text.strip(), reference)
