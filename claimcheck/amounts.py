"""The amount grammar: numbers as a careful reader reads them (CONVENTIONS.md, "Amounts").

:func:`pattern` returns the regex source of one alternative of the scanner's master regex
(named groups prefixed ``a_``); :func:`normalize` turns one match into mention rows
``(start, end, kind, Amount)``. The words come from the lexicons ``numbers_en.toml``,
``hedges_en.toml``, ``units_en.toml`` and ``currencies_en.toml`` (docs/lexicon.md); the regex is
built here from them, once per process: every word list is one prefix-factored trie
(:func:`_alt`). :func:`guard` is a cheap lookahead the scanner puts in front of the grammar so
that hopeless positions fail in a test or two. The hot path is the regex plus dict lookups: a
match's figure is read by a small, cached token parser over the matched words only.

What is refused on purpose: identifiers ("MiG-23", "A320", "COVID-19": a figure never starts
right after a letter, a "/", or a letter or digit and a hyphen), names with numbers ("Boeing
737", "Article 5"), times of day, phone numbers, street numbers, parts of dates ("Nov. 29",
"12 August") and bare years ("in 2014").

>>> from claimcheck.extract import extract
>>> [(m.text, m.value.low, m.value.high) for m in extract("more than 80 fighters")]
[('more than 80', 80.0, None)]
>>> [(m.text, m.value.low, m.value.high, m.value.mod) for m in extract("dozens killed")]
[('dozens', 24.0, 99.0, 'APPROX')]
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import attrs

from claimcheck import lexicon
from claimcheck.errors import ClaimcheckError
from claimcheck.patterns import alternation as _alt
from claimcheck.values import Amount, AmountKind, Duration, MentionKind, MentionValue, Mod

Row = tuple[int, int, MentionKind, MentionValue]

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]
_UNICODE_FRACTIONS = {
    "½": 0.5,
    "¼": 0.25,
    "¾": 0.75,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "⅛": 0.125,
    "⅙": 1 / 6,
    "⅕": 0.2,
}


class Lexicon(NamedTuple):
    """The amount lexicons, merged and lower-cased for lookup."""

    words: Mapping[str, tuple[str, float]]  # number word -> (class, value)
    scale_suffixes: Mapping[str, float]
    decimal_scale_suffixes: Mapping[str, float]
    counts: Mapping[str, float]
    vague: Mapping[str, tuple[float, float]]
    vague_scales: Mapping[str, float]
    hedges: Mapping[str, tuple[str, bool]]
    mods: Mapping[str, str]
    exact: frozenset[str]
    symbols: Mapping[str, tuple[str, bool]]
    suffixes: Mapping[str, tuple[str, bool]]
    suffix_mods: Mapping[str, str]
    unit_words: Mapping[str, str]
    unit_symbols: Mapping[str, str]
    compound_symbols: Mapping[str, str]
    compound_symbols_before: frozenset[str]
    per_symbols: Mapping[str, str]
    percent_first: frozenset[str]
    age_first: frozenset[str]
    age_range: frozenset[str]
    late_scales: Mapping[str, float]
    after_a: frozenset[str]
    currency_symbols: Mapping[str, str]
    currency_names: Mapping[str, tuple[str, float]]
    currency_codes: frozenset[str]
    scaled_codes: Mapping[str, tuple[str, float]]
    currency_codes_not_glued: frozenset[str]
    dollar_letters: frozenset[str]
    subunits: Mapping[str, tuple[str, float]]
    closers: frozenset[str]
    year_first: int
    year_last: int
    count_nouns: frozenset[str]
    identifiers: frozenset[str]
    streets: frozenset[str]
    address_nouns: frozenset[str]
    call_signs: frozenset[str]
    names_after: frozenset[str]
    pronoun_one: frozenset[str]
    fraction_after_a: frozenset[str]
    vague_with_of: frozenset[str]
    money_scales: Mapping[str, float]
    scaled_names: Mapping[str, str]
    counted_after_of: frozenset[str]
    names_before: frozenset[str]
    below_zero: frozenset[str]
    vague_before_scale: frozenset[str]
    scales_after_vague: Mapping[str, float]
    not_after_a: frozenset[str]
    grades: frozenset[str]
    range_verbs: frozenset[str]
    implied_smaller: Mapping[str, str]
    comma_scales: frozenset[str]
    age_before: frozenset[str]
    named_figures: frozenset[str]
    idioms: frozenset[str]
    calibers: frozenset[str]
    age_not_after: frozenset[str]
    no_bound: frozenset[str]


@functools.cache
def load() -> Lexicon:
    """Read and merge the amount lexicons (cached: once per process)."""
    numbers = lexicon.load("numbers_en.toml")
    hedges = lexicon.load("hedges_en.toml")
    units_ = lexicon.load("units_en.toml")
    money = lexicon.load("currencies_en.toml")
    words: dict[str, tuple[str, float]] = {}
    for cls in ("units", "tens", "scales", "fractions"):
        for word, value in numbers[cls].items():
            words[word] = (cls, float(value))
    for word, value in numbers["ordinals"].items():
        words[word] = ("ordinals", float(value))
        plural = "halves" if word == "half" else word + "s"
        words.setdefault(plural, ("ordinals_plural", float(value)))
    for tens, base in numbers["tens"].items():  # written as one word: "twentyfifth", "thirtyfirst"
        for word, value in numbers["ordinals"].items():
            if 0 < value < 10:
                words.setdefault(tens + word, ("ordinals", float(base + value)))
    names: dict[str, tuple[str, float]] = {k: (v, 1.0) for k, v in money["names"].items()}
    for name, (code, per) in money["subunits"].items():
        names[name] = (code, 1.0 / float(per))
    codes = frozenset(money["symbols"].values()) | frozenset(v for v, _ in names.values())
    return Lexicon(
        words=words,
        scale_suffixes={k: float(v) for k, v in numbers["scale_suffixes"].items()},
        late_scales={k: float(v) for k, v in numbers["late_scales"].items()},
        decimal_scale_suffixes={k: float(v) for k, v in numbers["decimal_scale_suffixes"].items()},
        counts={k: float(v) for k, v in numbers["counts"].items()},
        vague={k: (float(v[0]), float(v[1])) for k, v in numbers["vague"].items()},
        vague_scales={k: float(v) for k, v in numbers["vague_scales"].items()},
        hedges={k: (str(v[0]), bool(v[1])) for k, v in hedges["hedges"].items()},
        mods=dict(hedges["mods"]),
        exact=frozenset(hedges["exact"]),
        symbols={k: (str(v[0]), bool(v[1])) for k, v in hedges["symbols"].items()},
        suffixes={k: (str(v[0]), bool(v[1])) for k, v in hedges["suffixes"].items()},
        suffix_mods=dict(hedges["suffix_mods"]),
        unit_words=dict(units_["words"]),
        unit_symbols=dict(units_["symbols"]),
        compound_symbols=dict(units_["compound_symbols"]),
        compound_symbols_before=frozenset(units_["compound_symbols_before"]["words"]),
        per_symbols=dict(units_["per_symbols"]),
        percent_first=frozenset(units_["percent_first"]["words"]),
        age_first=frozenset(units_["age_first"]["words"]),
        age_range=frozenset(units_["age_range"]["words"]),
        after_a=frozenset(units_["after_a"]["symbols"]),
        currency_symbols=dict(money["symbols"]),
        currency_names=names,
        currency_codes=codes,
        currency_codes_not_glued=frozenset(money["not_glued"]["codes"]),
        dollar_letters=frozenset(money["dollar_letters"]["letters"]),
        scaled_codes={
            f"{p}{c}": (c, float(v)) for p, v in money["code_prefixes"].items() for c in codes if c.isupper()
        },
        subunits={k: v for k, v in names.items() if k in money["subunits"]},
        closers=frozenset(hedges["closers"]),
        year_first=int(numbers["years"]["first"]),
        year_last=int(numbers["years"]["last"]),
        count_nouns=frozenset(numbers["years"]["count_nouns"]),
        identifiers=frozenset(numbers["identifiers"]["words"]),
        streets=frozenset(numbers["streets"]["words"]),
        address_nouns=frozenset(numbers["address_nouns"]["words"]),
        call_signs=frozenset(numbers["call_signs"]["first"]),
        names_after=frozenset(numbers["names_after"]["words"]),
        pronoun_one=frozenset(numbers["pronoun_one"]["after"]),
        fraction_after_a=frozenset(numbers["fraction_after_a"]["words"]),
        vague_with_of=frozenset(numbers["vague_with_of"]["words"]),
        money_scales={k: float(v) for k, v in numbers["money_scales"].items()},
        scaled_names=dict(money["scaled_names"]),
        counted_after_of=frozenset(numbers["money_scales_counted_after_of"]["words"]),
        names_before=frozenset(money["names_before"]["words"]),
        below_zero=frozenset(hedges["below_zero"]["words"]),
        vague_before_scale=frozenset(numbers["vague_before_scale"]["words"]),
        scales_after_vague={k: float(v) for k, v in numbers["vague_before_scale"]["scales"].items()},
        not_after_a=frozenset(units_["after_a"]["not_words"]),
        grades=frozenset(units_["grades"]["words"]),
        range_verbs=frozenset(hedges["range_verbs"]["words"]),
        implied_smaller=dict(units_["implied_smaller"]),
        no_bound=frozenset(hedges["no_bound"]["signs"]),
        comma_scales=frozenset(numbers["comma_scales"]["words"]),
        age_before=frozenset(numbers["age_apposition"]["before"]),
        named_figures=frozenset(numbers["named_figures"]["figures"]),
        idioms=frozenset(numbers["idioms"]["phrases"]),
        calibers=frozenset(units_["calibers"]["words"]),
        age_not_after=frozenset(numbers["age_apposition"]["not_after"]),
    )


# digits: 1,234,567.89 | 1 234 567 | 40 000 | 1234.5 | .5 ; then exponent forms
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?"
    r"|\d{1,3}(?:(?:[\u00a0\u202f]\d{3})+|(?: \d{3}){2,}|(?: \d{3})(?![-,.]?\d|-| \d))(?!\d)(?:\.\d+)?"
    r"|\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+|\^[-+]*\d+|\s?[x×]\s?10(?:\^[-−]?|[-−])\d+)?"
)


@functools.cache
def _words() -> dict[str, str]:
    """Shared sub-pattern sources, each built ONCE as a trie and referenced by name below."""
    lex = load()
    # "second" is an ordinal ("finished second") but no fraction ("a second" is no half), and
    # "seconds" is only the time unit
    time_unit = {"second", "seconds"}
    scale_words = [w for w, (c, _) in lex.words.items() if c in _SCALE_CLASSES and w not in time_unit]
    not_time = [w for w, u in lex.unit_words.items() if u not in _TIME_UNITS and w not in lex.not_after_a]
    return {
        "number": _alt((w for w in lex.words if w != "seconds"), nocase=True),
        "scale": _alt(scale_words, nocase=True),
        "scale_suffix": _alt(lex.scale_suffixes, flexible_space=False),
        "cur_sym": _alt(lex.currency_symbols, flexible_space=False),
        "dollar_letters": _alt(lex.dollar_letters, nocase=True),
        "cur_code": _alt(list(lex.currency_codes) + list(lex.scaled_codes), flexible_space=False),
        "plain_scale": _alt((x for x, (c, _) in lex.words.items() if c == "scales"), nocase=True),
        "cur_name": _alt(lex.currency_names, nocase=True),
        "subunit": _alt(lex.subunits, nocase=True),
        "unit_word": _alt(lex.unit_words, nocase=True),
        "a_unit": _alt(list(lex.currency_names) + not_time, nocase=True),
        # "a kg", "a lb": the symbols units_en.toml allows after "a"
        "a_symbol": _alt(lex.after_a, flexible_space=False),
        "mod": _alt(lex.mods, nocase=True),
        "unit_symbol": _alt(lex.unit_symbols, flexible_space=False),
        "bound": _alt(list(lex.hedges) + list(lex.mods) + list(lex.exact), nocase=True),
        "suffix": _alt([*lex.suffixes, *lex.suffix_mods, *lex.closers, *lex.below_zero], nocase=True),
        "vague": _alt(lex.vague, nocase=True),
        "vague_scale": _alt(lex.vague_scales, nocase=True),
        "counts": _alt(lex.counts, nocase=True),
        "ordinal": _alt((x for x, (c, _) in lex.words.items() if c == "ordinals"), nocase=True),
    }


_SCALE_CLASSES = ("scales", "fractions", "ordinals", "ordinals_plural")
_DEGREES = frozenset({"", "degree", "degree_Celsius", "degree_Fahrenheit"})
_TIME_UNITS = frozenset({"year", "week", "day", "hour", "minute", "second", "month", "decade", "century"})


def _ci(word: str) -> str:
    """A literal word matching either case, as ``[xX]`` classes (faster than ``(?i:...)``)."""
    return _alt([word], nocase=True)


# an opening bracket whose own closer ends the word inside it ("(kg)", not "{kg)")
_OPENS = (
    "(?:" + "|".join(rf"\{o}(?=[^(){{}}\[\]<>\s]{{1,12}}\{c})" for o, c in ("()", "[]", "{}", "<>")) + ")"
)


# where a fraction word ends ("fifths", "thirds", "quarter", "half"): "… of a million", "… of a mile"
_FRACTION_END = "|".join(
    f"(?<={e})"
    for e in ("ths", "rds", "ers", "ves", "alf", "th", "rd", "er", r"/\d", r"/\d\d", r"/\d\d\d", "[½¼¾⅓⅔⅛⅙⅕]")
)


# "739 W. William Cannon Drive", "861 W 36th Street", "2106 W. 4750 South": a compass letter of an
# address, not watts
_NOT_COMPASS = r"(?!(?<=\bW)(?:\.\s+(?:[A-Z][a-z]|\d)|\s+(?:[A-Z][a-z]|\d+(?:st|nd|rd|th)\b)))"


# where a dimension adjective after "in" ends its phrase: punctuation, the end, or a joiner of
# dimensions ("10 in wide by 4 in deep")
_DIM_END = r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:and|or|by|x|×)\s)"


def _tail(n: str) -> str:
    """The unit or currency after a figure; group names end in *n* (one copy per figure)."""
    w = _words()
    return (
        # a code glued to a figure after it leads that figure ("3 USD50 cards")
        rf"(?:(?P<a_cur_after{n}>\s?{w['cur_sym']}(?!\s?\d)|\s*{w['cur_code']}(?![A-Za-z\d])"
        rf"(?:\s+{w['plain_scale']}(?!\w))?)"  # "75 USD million"
        rf"|(?:\s*-\s*|\s*|\s+of\s+a\s+)(?P<a_money_name{n}>{w['cur_name']})(?!\w)"
        rf"|(?:\s*-\s*|\s*|(?:{_FRACTION_END})\s+{_ci('of')}\s+(?:[aA]n?\s+)?)(?P<a_unit_word{n}>{w['unit_word']})(?!\w)(?P<a_per{n}>{_per_source()})?"
        rf"|(?:-|\s?)(?P<a_unit_sym{n}>{w['unit_symbol']})(?![\w])(?!(?<=\b[A-Z])-\d){_NOT_COMPASS}"
        rf"(?P<a_per_s{n}>{_per_source()})?"
        rf"|\s?(?P<a_unit_br{n}>{_OPENS}{w['unit_symbol']}[)\]}}>])"  # a table's "20 (kg)", "20 [kg]"
        # "2 in." / "2 in thick,"
        rf"|\s?(?P<a_unit_end{n}>{_alt(load().compound_symbols, flexible_space=False)})"
        rf"(?=\s*(?:[.,;:!?)]|$)|\s+{_alt(load().compound_symbols_before)}{_DIM_END})"
        r")"
    )


@functools.cache
def _per_source() -> str:
    """ "per millisecond", "/ms", "/m^2 per year": the divisors of a compound unit (no groups)."""
    w = _words()
    per_symbol = _alt(load().per_symbols, flexible_space=False)
    divisor = rf"(?:{w['unit_word']}|{w['unit_symbol']}|{per_symbol})(?![\w/])"
    return rf"(?:(?:\s+{_ci('per')}\s+|\s?/\s?){divisor}){{1,2}}"


@functools.cache
def _per_split() -> re.Pattern[str]:
    return re.compile(rf"\s+{_ci('per')}\s+|\s?/\s?")


def _per_unit(unit: str, written: str | None, lex: Lexicon) -> str:
    """The unit *unit* divided by the divisors *written* after it ("meter / millisecond");
    *unit* itself when nothing is written or the unit is a percentage ("3% per year")."""
    if not written or unit == "percent":
        return unit
    parts = [unit]
    for piece in _per_split().split(written)[1:]:
        key = " ".join(piece.lower().split())
        parts.append(lex.unit_symbols.get(piece) or lex.per_symbols.get(piece) or lex.unit_words[key])
    return " / ".join(parts)


# between a compound part's figure and its unit: digits may glue ("2in"), a word needs a space or a
# hyphen ("Teng" is a name, not ten grams)
_PART_GAP = r"(?:(?<=\d)\s?-?|\s+-?|-)"


@functools.cache
def _more_source() -> str:
    """One further part of a compound measure: joiner, figure, unit (no named groups)."""
    w = _words()
    compound = _alt(load().compound_symbols, flexible_space=False)
    return (
        rf"(?:\s*,\s*|\s+{_ci('and')}\s+|\s+)(?:\d+(?:\.\d+)?|{w['number']}(?:[\s-]{w['number']})?)"
        rf"{_PART_GAP}(?:{w['unit_word']}|{w['unit_symbol']}|{compound})(?![\w])(?!{_per_source()})"
    )


@functools.cache
def _more_parts() -> re.Pattern[str]:
    """The parts of a compound measure, with the figure and the unit captured."""
    w = _words()
    compound = _alt(load().compound_symbols, flexible_space=False)
    return re.compile(
        rf"(?:\s*,\s*|\s+{_ci('and')}\s+|\s+)(?P<n>\d+(?:\.\d+)?|{w['number']}(?:[\s-]{w['number']})?)"
        rf"{_PART_GAP}(?:(?P<w>{w['unit_word']})|(?P<s>{w['unit_symbol']}|{compound}))(?![\w])"
    )


@functools.cache
def pattern() -> str:
    """Regex source of the amount grammar; named groups are prefixed ``a_``.

    Every word list is a prefix-factored trie (:func:`_alt`) built once in :func:`_words`;
    letters are matched through ``[xX]`` classes rather than ``(?i:...)`` groups (faster).

    >>> "a_num" in pattern()
    True
    """
    lex = load()
    w = _words()
    glued = rf"(?:{w['cur_code']}|{w['cur_sym']}|{w['unit_symbol']})(?![A-Za-z])"
    # "1.5G", ".0012G": a scale only after decimals ("5G", "4G" are networks)
    after_decimals = "|".join(rf"(?<=\.\d{{{k}}}{sp})" for k in range(1, 7) for sp in ("", " "))
    decimal_suffix = rf"(?:{after_decimals}){_alt(lex.decimal_scale_suffixes, flexible_space=False)}"
    number_word = (
        rf"(?:{w['number']}|[aA](?=[\s-]+{w['scale']}(?!\w))"
        r"|[pP][oO][iI][nN][tT](?=\s+[\dA-Za-z]))"
    )
    digit_atom = (
        rf"(?:{_DIGITS}(?:/\d+(?![/\d]))?(?!/\d)(?:\s?(?:{w['scale_suffix']}|{decimal_suffix})(?![A-Za-z\d/]|(?<=[^A-Za-z][A-Za-z])\.[a-z]))?(?:st|nd|rd|th)?"
        rf"(?:(?![\w])|(?={glued})))"
        r"|[½¼¾⅓⅔⅛⅙⅕]"
    )
    atom = rf"(?:{digit_atom}|{number_word}(?!\w))"
    # separators between the atoms of one figure: spaces, hyphens before words, "and"
    # "two thirds of a million": a fraction word, "of", and "a" + a scale read as one figure
    fraction_end = _FRACTION_END
    of_scale = rf"\s+{_ci('of')}\s+(?=[aA]\s+{w['plain_scale']}(?!\w))"
    # "three million, two hundred": a comma after a scale word, before a smaller number word (the
    # figure reader splits where the group after it is not smaller)
    comma_after = "(?:" + "|".join(f"(?<=\\b{_ci(x)},)" for x in sorted(lex.comma_scales)) + ")"
    small_word = _alt((x for x, (c, _) in lex.words.items() if c in ("units", "tens")), nocase=True)
    sep = (
        rf"(?:(?:{fraction_end}){of_scale}|"
        r"\s*-\s*(?=[A-Za-z])|—(?=[A-Za-z])|\s+(?:and|&)\s+(?=[A-Za-z1-9]|0\.\d)|\s+(?=[A-Za-z½¼¾])"
        r"|\s+(?=\d+(?:st|nd|rd|th)?\s*[A-Za-z]|\d+/\d)|(?<=[pP][oO][iI][nN][tT])\s+(?=\d)"
        rf"|,{comma_after}\s*(?={small_word}(?!\w)))"
    )
    # a sign, but not a dash between words ("Iowa - 3/17/2014"): "- 5" only where no word precedes
    # (nor before a clock time: "Jun 20, 2016 - 7:34 PM")
    sign = (
        rf"(?:[-−](?=[\d.])|(?<![A-Za-z]\s)[-−]\s(?!\d{{1,2}}:\d\d)"
        rf"|\b(?:{_ci('minus')}|{_ci('negative')})[\s-]+)"
    )
    # "three hundred Cr": scale abbreviations that never start a figure (a lone "Cr" is no crore)
    late = rf"{_alt(lex.late_scales, nocase=True)}(?!\w)"
    num = rf"(?:{sign}?{atom}(?:{sep}(?:{atom}|{late}))*)"
    # codes that also name things with a number ("COP26", "SDG4", "PHP7") glue to a figure only
    # with decimals or grouping ("COP3.50"); the others glue freely ("MYR42", "USD3.14")
    loose = _alt(lex.currency_codes_not_glued, flexible_space=False)
    dollar = rf"\b{w['dollar_letters']}\s?\$"  # "hk $", "mxn$"
    code = rf"\b(?!{loose}\d(?![\d,]*\.\d|\d{{0,2}},\d{{3}})){w['cur_code']}(?![A-Za-z])"
    names_before = rf"\b{_alt(lex.names_before, nocase=True)}(?=\s\d)"  # "ringgit 42"
    currency_pre = rf"(?:{w['cur_sym']}|{dollar}|{code}|{names_before})"
    symbols = "|".join(
        re.escape(s[0]) + re.escape(s[1:]).replace("=", r"\s*=").replace("<", r"\s*<").replace(">", r"\s*>")
        for s in sorted(lex.symbols, key=len, reverse=True)
    )
    # a sign right after another ("<<30", ">>30") is no bound; a hedge never takes an ordinal
    # ("How about first week of 2015": the time grammar reads "first week of 2015")
    no_ordinal = rf"(?!{w['ordinal']}(?!\w)|\d+(?:st|nd|rd|th)\b)"
    prefix = rf"(?:(?P<a_pre>\b{w['bound']})\s+{no_ordinal}|(?<![=<>≤≥])(?P<a_sym>{symbols})\s*)"
    vprefix = rf"(?:(?P<a_vpre>\b{w['bound']})\s+)"
    # never "and less" in "… and less or equal than 35", nor "or more" in "or more than 4500"
    not_before = (
        rf"(?!(?:\s+[A-Za-z]+){{0,2}}\s+{_ci('than')}\b|\s+(?:{_ci('to')}\s+)?\d"
        rf"|\s+{w['number']}(?!\w))"  # "nought point nought three plus zero point zero eight"
    )
    suffix = rf"(?:(?P<a_suf>\s*(?:\+|-plus\b|\s+{w['suffix']}(?!\w))){not_before})"
    to = _ci("to")
    through = _ci("through")
    # "9.83e-3 +/- 1e-5", "2,000.45±0.01": a figure and its uncertainty
    joiner = (
        r"(?:\s*(?P<a_pm>±|\+/[-−]|\+-)\s*|"
        rf"(?(a_rng)\s*(?:{_ci('and')}|&|{to}|{through}|-|–|—)\s*"
        rf"|(?:\s*(?:-|–|—|~)\s*|-?\s+(?:{to}|{through})\s+)))"  # "8- to 16-meter"
    )
    vague_of = rf"(?:\s+of\s+{w['vague_scale']})?"
    # "several hundred", "a few thousand": a vague leading figure times a scale
    vague_lead = _alt(lex.vague_before_scale, nocase=True)
    scaled = rf"{vague_lead}\s+{_alt(lex.scales_after_vague, nocase=True)}(?!\w)"
    vague = rf"(?P<a_vague>\b(?:{scaled}|{w['vague']}{vague_of})(?!\w)|\b{w['counts']}(?!\w))"
    # where a figure may start (unless a currency leads): not inside a word, a path or a number,
    # nor at a thousands group after "digit," (a leftover of a figure the time grammar took:
    # "May 2,500 people"); a list without spaces ("nrs. 22,24,26") still reads each figure
    lead = r"(?<![\w./%])(?<![A-Za-z\d][-‑])(?!(?<=\d,)\d{3}(?!\d))"
    # Identifiers ("MiG-23", "COVID-19", "G7", "A320") need no alternative of their own: a figure
    # never starts right after a letter, nor after a letter or digit and a hyphen (see `lead`).
    skip = (
        r"(?P<a_skip>\d{1,2}(?::\d\d)+(?:\s?[aApP]\.?[mM]\b\.?)?"  # 10:30, 10:30 p.m.
        r"|\d{1,2}\s?(?:[aApP]\.[mM]\.|[aApP][mM]\b)"  # 3 p.m., 3pm
        r"|\+?\(?\d{1,4}\)?(?:[-.]\d{2,4}){2,}(?:/\d+)?(?![\w.,]?\d)"  # phone numbers
        r"|\d{3}[-.]\d{3}[-.][A-Z]{4}\b"  # 712-328-STOP: a phone number spelled with letters
        # (617) 343-6689, 1 (800) 494-TIPS
        r"|(?:1\s)?\(\d{3}\)\s?\d{3}[-.](?:\d{4}(?![\w.,]?\d)|[A-Z]{4}\b)"
        # ".40-caliber", ".30-06 caliber", "12-gauge": a gun's calibre, no amount
        rf"|\.?\d+(?:[-.]\d+)?[-\s]?{_alt(lex.calibers, flexible_space=False)}(?!\w)"
        # "at 343-6689.", "713 308-3600 or": a local phone number; a range of these sizes has round ends
        # ("500-1000") or a counted noun after it ("125-1500 people")
        r"|(?<![\d,.$])(?!\d\d0-\d{3}0(?!\d))(?:\d{3}\s)?\d{3}-\d{4}(?![\w.,]?\d)"
        r"(?!\s+(?!(?:or|and|for|to|ext)\b)[a-z])"
        r"|\d+(?:\.\d+){3,}"  # 192.168.1.2
        # "<>30", "≠ 30" (unequal), "=>30" (an arrow): no interval, and no bare figure either
        rf"|{_alt(lex.no_bound, flexible_space=False)}\s*[-−]?(?:\d[\d,]*(?:\.\d+)?|\.\d+))"
    )
    # "$20 and 43c", "20 dollars 43 cents", "$20 43" (at a sentence end): the cents of a sum
    cents = (
        rf"(?P<a_cents>(?:\s+{_ci('and')}\s+|\s+)(?P<a_cnum>\d{{1,2}}(?![\d.,]\d)|{w['number']}(?:[\s-]{w['number']})?)"
        rf"(?:(?P<a_csub>\s*(?:c|¢|{w['subunit']}))(?!\w)|(?=\s*(?:[.,;:!?)]|$))))"
    )
    # "one in five", "2 out of 3", "1 over 20": a ratio, unless the second figure counts a unit
    # ("$2000 over 3 years", "5 in 10 minutes") or is a year ("2 in 2019"); "over" only at the
    # end of a phrase ("won 5 over 3 sessions" is no ratio)
    units_after = rf"\s*-?\s*(?:{w['unit_word']}|{w['unit_symbol']}|{w['cur_name']})(?!\w)"
    ratio = (
        rf"(?(a_cur1)(?!)|(?P<a_ratio>\s+(?:(?P<a_over>{_ci('over')})|{_ci('out')}\s+{_ci('of')}|{_ci('in')})\s+"
        rf"(?!\d{{4}}(?!\d))(?P<a_den>{num})(?!{units_after})(?(a_over)(?!\s+(?!{_ci('or')}\b)[A-Za-z]))))"
    )
    # the first figure's unit; the last figure's only after a second figure ("3-5 km", never
    # "75 USD million in" read with a second unit)
    tail1 = rf"(?P<a_t1>{_tail('1')})?"
    tail = rf"(?:(?(a_t1)(?(a_num2)|(?!)))({_tail('')}))?"
    # "$350 per kg", "20 dollars/kg": money per unit (the divisors join the currency: USD / kilogram)
    per = _per_source()
    mper1 = rf"(?:(?(a_cur1)|(?(a_cur_after1)|(?(a_money_name1)|(?!))))(?P<a_mper1>{per}))?"
    mper = rf"(?:(?(a_cur2)|(?(a_cur1)|(?(a_cur_after)|(?(a_money_name)|(?!)))))(?P<a_mper>{per}))?"
    # "5 feet 2 inches", "2 km and 1 meter": the smaller parts of one measure
    more = rf"(?P<a_more>(?:{_more_source()}){{1,2}})"
    # "more than 10 and less than 20": a second bound joined to the first
    second = (
        rf"(?P<a_both>\s*(?:,|\s{_ci('and')}|\s{_ci('or')}|\s{_ci('but')})\s+(?P<a_pre2>{w['bound']})\s+"
        rf"(?P<a_num3>{sign}?{atom}(?:{sep}{atom})*))"
    )
    # "a kilogram", "an ml", "half a mile": a figure of one (or half) before a unit or currency
    a_unit = rf"(?=\s+(?:{w['a_unit']}(?!\w)|{w['a_symbol']}(?![\w])))"
    half_a = rf"(?:{_ci('half')}\s+[aA]n?)"
    # "per cent of twenty-two": a percentage named before its figure, where the figure ends the
    # phrase ("percent of 10 people" is a share of the people, not 10%)
    pct_words = _alt(lex.percent_first, nocase=True)
    # "aged 45", "a man of age 87": an age named before its figure (years, unless a unit follows)
    age_words = _alt(lex.age_first)
    # "between the ages of 18 and 30": a range of ages (`[age_range]` in units_en.toml)
    age_range = rf"(?P<a_agerng>{_alt(lex.age_range)}\s+)"
    return (
        rf"{skip}"
        # "5'10\"", "about 5’10": a height in feet and inches marks
        rf"|(?:(?P<a_hpre>\b{w['bound']})\s+)?{lead}(?P<a_height>(?P<a_hft>[3-8])\s?['’′]\s?(?P<a_hin>1[01]|0?\d)"
        r"(?:\s?(?:\"|”|″|''))?)(?![\d%'’′]|[.,]\d)"
        rf"|{vprefix}?(?P<a_vwrap>{vague})(?:(?:\s+of)?\s+(?P<a_vunit>{w['unit_word']})(?!\w))?"
        rf"|(?:{prefix})?(?P<a_pctof>\b{pct_words}\s+{_ci('of')}\s+)?(?P<a_agepre>\b{age_words}\s+)?(?P<a_rng>\b(?:{_ci('between')}|{_ci('from')})\s+{age_range}?)?"
        rf"(?P<a_cur1>{currency_pre}\s?)?(?(a_cur1)|{lead})(?P<a_num>{half_a}{a_unit}|{num}|[aA]n?{a_unit}){ratio}?{tail1}{mper1}"
        rf"(?:{joiner}(?P<a_mod2>(?:{w['mod']})\s+|~\s?)?(?P<a_cur2>{currency_pre}\s?)?(?(a_cur2)|(?<![\w.]))(?P<a_num2>{num}))?"
        rf"{tail}{mper}{more}?{cents}?{suffix}?{second}?(?(a_pctof)(?=\s*(?:[.,;:!?)]|$)))"
    )


@functools.cache
def guard() -> str:
    """Regex source of a lookahead that holds wherever a match of :func:`pattern` can start.

    The scanner prefixes it to the grammar (``(?=guard)``) so that, at the many positions where
    no amount can start, one character test or one trie walk fails fast instead of the whole
    alternation. It must be a NECESSARY condition: every first token the grammar reads, including
    the ones it reads only to refuse them (times, phone numbers). Identifiers ("MiG-23") need no
    guard: the grammar never starts a figure inside them.

    >>> import re
    >>> g = re.compile(guard())
    >>> [bool(g.match(t)) for t in ("12 people", "dozens", "MiG-23", "the", "About 5", "US$5")]
    [True, True, False, False, True, True]
    """
    lex = load()
    w = _words()
    first_words = [x for x in lex.words if x != "a"]
    first_words += list(lex.hedges) + list(lex.mods) + list(lex.exact)
    first_words += list(lex.vague) + list(lex.counts) + list(lex.vague_before_scale)
    first_words += ["between", "from", "minus", "negative", "point", *lex.percent_first, *lex.age_first]
    first_words += lex.names_before
    words = _alt((x for x in first_words if x[:1].isalpha()), nocase=True)
    letters = (
        rf"(?:{words}(?![A-Za-z])|[aA][\s-]+(?:{w['scale']}|{w['a_unit']})(?!\w)|[aA]n?\s+(?:{w['a_symbol']}|{w['a_unit']})"
        rf"|{w['cur_code']}|{w['dollar_letters']}\s?\$)"
    )
    # Most positions are inside words: there only a digit, a bound sign, a phone number's "+("
    # or a currency symbol ("AUS$5" holds "S$5") can start a match, so that branch comes first
    # and fails in two tests (a class of their first characters: looser, still necessary).
    # Elsewhere: digits and signs, then word starts (a letter not after a letter: looser than
    # the grammar's \b, so still necessary), then the rare rest. A class test in front of the
    # currency-symbol trie keeps its many first characters cheap.
    firsts = "".join(sorted({re.escape(s[0]) for s in lex.currency_symbols}))
    symbol = rf"(?=[{firsts}]){w['cur_sym']}"
    return (
        rf"(?:(?<=[A-Za-z])[\d<>≥≤=≠+({firsts}]"
        rf"|(?<![A-Za-z])(?=[^\s,;:!?'\")\]])(?:(?=[A-Za-z]){letters}|[\d<>≥≤=≠½¼¾⅓⅔⅛⅙⅕]|[-−](?<![\w.][-−])"
        rf"|[+(]\(?\d|\.\d|{symbol}))"  # (spaces and closing punctuation fail first)
    )


@functools.cache
def _tokens() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<d>(?:[-−]\s?)?{_DIGITS})(?:/(?P<den>\d+))?(?:\s?(?P<sx>[A-Za-z]+))?"
        r"|(?P<f>[½¼¾⅓⅔⅛⅙⅕])|(?P<w>[A-Za-z]+)|(?P<c>,)"
    )


@functools.cache
def _context() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = load()
    months = _alt(_MONTHS)
    before_month = re.compile(rf"(?i:\b{months}\.?)\s*,?\s*$")
    after_month = re.compile(rf"\s*(?:of\s+)?(?i:{months})\b")
    call_sign = rf"[{''.join(sorted(lex.call_signs))}][A-Z]{{2,3}}(?:-TV)?"
    ident = re.compile(rf"(?:^|[^\w.])(?:{_alt(lex.identifiers, flexible_space=False)}|{call_sign})\s*$")
    # "312 E Baseline Street", "2909 SE Highland Court", "15223 N. 87th St."
    streets = re.compile(
        rf"\s+(?:(?:[NS][EW]|[NSEW])\.?\s+)?(?:(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))\s+){{1,2}}{_alt(lex.streets)}(?!\w)"
    )
    return before_month, after_month, ident, streets


class Figure(NamedTuple):
    """One figure read from a run of number atoms: offsets relative to the run, value, kind."""

    start: int
    end: int
    value: float
    ordinal: bool


def _exp_value(text: str) -> float:
    t = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace("−", "-")
    t = t.replace(",", "").replace("×", "x")
    if "x10" in t and "x10^" not in t:
        t = t.replace("x10", "x10^")  # "2.48×10−5"
    if "^" in t:
        if "x10^" in t:
            base, exp = t.split("x10^")
            return float(base) * 10 ** float(exp)
        base, exp = t.split("^", 1)
        sign = -1 if exp.count("-") % 2 else 1
        return float(float(base) ** (sign * float(exp.strip("+-"))))
    return float(t)


class _Tok(NamedTuple):
    start: int
    end: int
    # digit, units, tens, scales, hundred, dozen, fractions, ordinals, ordinals_plural, and, a, point, sign
    cls: str
    value: float


def _tokenize(text: str) -> list[_Tok]:
    lex = load()
    out: list[_Tok] = []
    for m in _tokens().finditer(text):
        if m.group("d") is not None:
            raw = m.group("d")
            start = m.start()
            if raw[0] in "-−":  # a sign of its own, so that "- 1 4/5" is -(1 + 4/5)
                out.append(_Tok(start, start + 1, "sign", 0.0))
                start += len(raw) - len(raw[1:].lstrip())
                raw = raw[1:].lstrip()
            try:
                value = _exp_value(raw)
            except (ValueError, OverflowError):
                continue
            end = m.end("d")
            sx = m.group("sx")
            cls = "digit"
            den = m.group("den")
            if den is not None:
                # "3/4": a proper fraction; "24/7", "50/50" are not fractions but shorthand
                if not 0 < abs(value) < float(den):
                    continue
                value, cls, end = value / float(den), "unicode_fraction", m.end("den")
            if sx is not None:
                if sx in ("st", "nd", "rd", "th"):  # "1/1000th" stays a fraction
                    cls, end = ("unicode_fraction" if den is not None else "digit_ordinal"), m.end("sx")
                elif sx in lex.scale_suffixes:
                    value *= lex.scale_suffixes[sx]
                    end = m.end("sx")
                elif sx in lex.decimal_scale_suffixes and "." in raw:
                    value *= lex.decimal_scale_suffixes[sx]
                    end = m.end("sx")
                elif sx.lower() in lex.words:
                    out.append(_Tok(start, end, cls, value))
                    w = sx.lower()
                    c, v = lex.words[w]
                    out.append(_Tok(m.start("sx"), m.end("sx"), _wcls(w, c), v))
                    continue
                elif sx.lower() in ("and", "a", "point"):
                    out.append(_Tok(start, end, cls, value))
                    out.append(_Tok(m.start("sx"), m.end("sx"), sx.lower(), 0.0))
                    continue
            out.append(_Tok(start, end, cls, value))
        elif m.group("f") is not None:
            out.append(_Tok(m.start(), m.end(), "unicode_fraction", _UNICODE_FRACTIONS[m.group("f")]))
        elif m.group("c") is not None:
            # "three million, two hundred": a comma joins only after a scale word of [comma_scales]
            prev = out[-1] if out else None
            if prev and prev.cls == "scales" and text[prev.start : prev.end].lower() in lex.comma_scales:
                out.append(_Tok(m.start(), m.end(), "comma", 0.0))
        else:
            w = m.group("w").lower()
            if w in lex.words:
                c, v = lex.words[w]
                out.append(_Tok(m.start(), m.end(), _wcls(w, c), v))
            elif w in lex.late_scales and out:
                out.append(_Tok(m.start(), m.end(), "scales", lex.late_scales[w]))
            elif w in ("and", "a", "point", "minus", "negative"):
                out.append(_Tok(m.start(), m.end(), "sign" if w in ("minus", "negative") else w, 0.0))
    return out


def _wcls(word: str, cls: str) -> str:
    if cls == "scales" and word.startswith("hundred"):
        return "hundred"
    if cls == "scales" and word.startswith(("doz", "dz")):
        return "dozen"
    return cls


def parse_figures(text: str) -> list[Figure]:
    """Read the figures in a run of number words and digits, splitting where a reader would.

    >>> [(f.value, f.ordinal) for f in parse_figures("three hundred and two dozens")]
    [(324.0, False)]
    >>> [f.value for f in parse_figures("3 hundred and 2 hundred")]
    [300.0, 200.0]
    >>> [f.value for f in parse_figures("twenty-first")], parse_figures("twenty-first")[0].ordinal
    ([21.0], True)
    """
    return list(_figures(text))


@functools.lru_cache(maxsize=8192)
def _figures(text: str) -> tuple[Figure, ...]:
    """:func:`parse_figures`, cached: the same few runs ("two", "2014") recur all the time."""
    toks = _tokenize(text)
    figures: list[Figure] = []
    i = 0
    while i < len(toks):
        first = i
        fig, i = _parse_one(toks, i)
        if (
            fig is not None
            and i == first + 1
            and toks[first].cls == "fractions"
            and figures
            and first > 0
            and (figures[-1].ordinal or toks[first - 1].cls == "ordinals")  # "a fourth quarter"
            and figures[-1].end == toks[first - 1].end
        ):
            continue  # "second half", "third-quarter earnings": a named part, not a fraction
        if fig is not None:
            figures.append(fig)
    return tuple(figures)


def _parse_one(toks: Sequence[_Tok], i: int) -> tuple[Figure | None, int]:
    """Parse one figure from ``toks[i:]``; return it and the index after it."""
    start = toks[i].start
    sign = 1.0
    if toks[i].cls == "sign":
        sign = -1.0
        i += 1
        if i >= len(toks):
            return None, i
    total = 0.0
    current = 0.0
    small = 0.0  # the group since the last "and", hundred or scale: numerator of a fraction
    last = ""
    last_scale = float("inf")
    end = start
    has = False
    group_start = i
    snapshot: tuple[float, int] | None = None
    floor = float("inf")  # smallest multiplier applied so far: later additions must stay below it
    and_scale = 0.0  # the scale right before an "and" ("a million and a half" = 1.5 million)
    before_and = ""
    fraction = False  # whether a fraction word ended the figure
    comma: tuple[float, int, int] | None = None  # the figure before "million," and the index after it
    j = i
    while j < len(toks):
        t = toks[j]
        c = t.cls
        if c == "comma":
            if not has or last != "scales":
                break
            comma = (total + current, end, j + 1)
            j += 1
            continue
        if c == "and":
            if not has or last in ("and", "point"):
                break
            snapshot = (total + current, end)
            and_scale = last_scale if last == "scales" else 0.0
            before_and = last
            last = "and"
            small = 0.0
            group_start = j + 1
            j += 1
            continue
        if c == "a":
            if (
                (last == "fractions_done" or (last == "fractions" and toks[j - 1].cls == "unicode_fraction"))
                and j + 1 < len(toks)
                and toks[j + 1].cls in ("scales", "dozen", "hundred")
            ):
                j += 1  # "half a dozen" = 6, "half a million" = 500,000: the fraction scales
                continue
            if has and last != "and":
                break
            current += 1
            small = 1.0
            has, last, end = True, "a", t.end
            j += 1
            continue
        if c == "point":
            digits = ""
            k = j + 1
            while k < len(toks) and toks[k].cls in ("units", "tens", "digit"):
                if toks[k].cls == "digit":
                    digits += str(int(toks[k].value)) if toks[k].value.is_integer() else ""
                elif toks[k].cls == "tens" and k + 1 < len(toks) and toks[k + 1].cls == "units":
                    digits += str(int(toks[k].value + toks[k + 1].value))
                    k += 1
                else:
                    digits += str(int(toks[k].value))
                end = toks[k].end
                k += 1
            if not digits:
                break
            current += float("0." + digits)
            has, last, j = True, "point", k
            continue
        if c == "tens" and has and last in ("units", "tens", "digit", "hundred", "scales"):
            den = _compound_denominator(toks, j, total + current)
            if den:  # "three twenty-firsts", "one hundred thirty-fifths": the ordinal is tens + unit
                value = sign * (total + current) / den
                return _figure(start, toks[j + 1].end, value, False), j + 2
        if c in ("digit", "units", "tens", "unicode_fraction"):
            ok = not has or last in ("scales", "hundred") or (last == "and" and total + current > 0)
            if has and t.value >= floor:
                ok = False
            if c == "units" and last == "tens" and current % 10 == 0 and t.value < 10:
                ok = True
            if last == "and" and c in ("digit", "units", "tens") and (current % 100 != 0 or current == 0):
                if _fraction_follows(toks, j):
                    total, current, ok = total + current, 0.0, True  # a whole, then its fraction
                else:
                    ok = ok and total > 0 and current == 0
            if c == "unicode_fraction" and last in ("digit", "units", "tens"):
                ok = True
            if last == "and" and before_and == "digit":
                ok = False  # "1100 and 1": digits never add up across "and"
            if not ok and c == "units" and last == "units" and total + current == 1:
                den_fig, k = _parse_one(toks, j)  # "one one hundred fifth" = 1/105
                if (
                    den_fig is not None
                    and den_fig.ordinal
                    and den_fig.value > 2
                    and toks[k - 1].cls == "ordinals"
                ):
                    return _figure(start, den_fig.end, sign / den_fig.value, False), k
            if not ok:
                break
            current += t.value
            small = small + t.value if last in ("tens", "units") else t.value
            has, last, end = True, c if c != "unicode_fraction" else "fractions", t.end
            j += 1
            continue
        if c == "digit_ordinal":
            if has:
                break
            return Figure(t.start, t.end, t.value, True), j + 1
        if c == "hundred":
            if has and floor <= 100:
                if comma is not None:  # "two thousand, three hundred hundred": split at the comma
                    return _figure(start, comma[1], sign * comma[0], False), comma[2]
                if snapshot is not None and last != "and":
                    return _figure(start, snapshot[1], sign * snapshot[0], False), group_start
                break
            floor = min(floor, 100.0)
            current = (current or 1.0) * 100
            small = 0.0
            has, last, end = True, "hundred", t.end
            j += 1
            continue
        if c == "dozen":
            grp = small if (small and current >= 100) else current
            current = current - grp + (grp or 1.0) * 12
            small = 0.0
            has, last, end = True, "dozen", t.end
            j += 1
            continue
        if c == "scales":
            value = t.value
            if value > last_scale and total:
                total = (total + current) * value
            elif value >= last_scale:
                if comma is not None:  # "two thousand, three thousand": two figures
                    return _figure(start, comma[1], sign * comma[0], False), comma[2]
                if snapshot is not None and last != "and":
                    return _figure(start, snapshot[1], sign * snapshot[0], False), group_start
                break
            else:
                total += (current if last in ("digit", "units", "point") else (current or 1.0)) * value
            last_scale = value
            floor = value
            current = small = 0.0
            has, last, end = True, "scales", t.end
            j += 1
            continue
        if c == "fractions":  # half, quarter(s)
            if has and last in ("units", "tens", "digit", "a"):
                current = current - small + small * t.value
            elif has and last == "and":
                current += t.value
            elif not has:
                current = t.value
            else:
                break
            small = 0.0
            has, last, end, fraction = True, "fractions_done", t.end, True
            j += 1
            continue
        if c == "ordinals" and has and t.value >= 100 and total + current != 1 and last != "and":
            # "two hundredth", "a hundred trillionth": a figure times a round ordinal ("one
            # hundredth", "a thousandth" stay fractions; plurals divide: "two hundredths")
            return _figure(start, t.end, sign * (total + current) * t.value, True), j + 1
        if c in ("ordinals", "ordinals_plural"):
            # "a hundred trillionths": a plural ordinal also divides a round figure
            after_round = c == "ordinals_plural" and last in ("hundred", "scales")
            if has and (last in ("units", "tens", "digit", "a") or after_round) and t.value > 2:
                if c == "ordinals" and last == "tens" and t.value < 10:
                    current += t.value  # twenty-first
                    return _figure(start, t.end, sign * (total + current), True), j + 1
                den = t.value
                # the whole figure is the numerator ("one hundred thirty-two fifths" = 132/5),
                # except where "and" adds a proper fraction to a whole ("three and three fifths",
                # "one and a fourth"; but "one hundred and thirty fifths" is 130/5)
                whole = snapshot[0] if snapshot is not None else 0.0
                part = total + current - whole
                if snapshot is not None and 0 < part < den:
                    # after a scale the fraction is of the scale, as "and a half" is ("six
                    # million and two thirds" = 6,666,666.67)
                    total, current = 0.0, whole + part / den * (and_scale or 1.0)
                else:
                    total, current = 0.0, (total + current) / den
                small = 0.0
                has, last, end, fraction = True, "fractions_done", t.end, True
                j += 1
                continue
            if c == "ordinals" and last == "tens" and t.value < 10:
                current += t.value
                return _figure(start, t.end, sign * (total + current), True), j + 1
            # ("$280 million first preferred notes": after a scale only with "and")
            round_before = last == "hundred" or (last == "and" and before_and in ("hundred", "scales"))
            if c == "ordinals" and has and round_before and t.value < floor:
                # "one hundred fifth", "two thousand and first": a round figure plus an ordinal
                return _figure(start, t.end, sign * (total + current + t.value), True), j + 1
            if has:
                break
            if c == "ordinals_plural":
                return None, j + 1
            return _figure(t.start, t.end, t.value, True), j + 1
        break
    if not has or (j == i + 1 and toks[i].cls == "a"):
        return None, max(j, i + 1)
    if j == i:
        j += 1
    if fraction and and_scale and 0 < current < 1:
        current *= and_scale  # "three million and a quarter" = 3,250,000
    return _figure(start, end, sign * (total + current), False), j


def _compound_denominator(toks: Sequence[_Tok], j: int, numerator: float) -> float:
    """The denominator when ``toks[j]`` (a tens word) and the next token spell one ordinal
    ("twenty-fifths" after a numerator); 0 when they do not. A singular ordinal divides only
    "one" ("one twenty-fifth"): "one hundred twenty-first" stays the ordinal 121st."""
    if j + 1 >= len(toks) or toks[j + 1].cls not in ("ordinals", "ordinals_plural"):
        return 0.0
    unit = toks[j + 1]
    if not 0 < unit.value < 10 or toks[j + 1].start - toks[j].end > 3:
        return 0.0
    if unit.cls == "ordinals" and numerator != 1:
        return 0.0
    return toks[j].value + unit.value


def _fraction_follows(toks: Sequence[_Tok], j: int) -> bool:
    """Whether ``toks[j:]`` is a numerator and a fraction word ("three fifths", "one fourth"):
    then "twenty and three fifths" is one figure, 20.6."""
    k = j
    while k < len(toks) and toks[k].cls in ("units", "tens"):
        k += 1
    return k > j and k < len(toks) and toks[k].cls in ("fractions", "ordinals", "ordinals_plural")


def _figure(start: int, end: int, value: float, ordinal: bool) -> Figure:
    # 15 significant digits undo binary noise from scaling ("16.4 million" is 16,400,000, not
    # 16,399,999.999999998) and keep every digit a writer can state; fractions stay exact floats
    return Figure(start, end, float(f"{value:.15g}") if abs(value) >= 1 else value, ordinal)


# --------------------------------------------------------------------------- normalize


def _bound(kind: str, spec: tuple[str, bool], n: float) -> dict[str, Any]:
    side, open_ = spec
    if side == "low":
        return {"low": n, "high": None, "low_open": open_}
    return {"low": None, "high": n, "high_open": open_}


def normalize(match: re.Match[str]) -> Sequence[Row]:
    """Turn an amount match into mention rows ``(start, end, kind, value)``; ``()`` rejects it.

    >>> import re
    >>> [(s, e, k, a.low, a.high) for s, e, k, a in normalize(re.match(pattern(), "about 80 people"))]
    [(0, 8, 'number', 80.0, 80.0)]
    >>> [(s, e, a.low, a.high) for s, e, k, a in normalize(re.match(pattern(), "$20 and 43 cents"))]
    [(0, 16, 20.43, 20.43)]
    """
    if match.group("a_skip") is not None:
        return ()
    lex = load()
    if match.group("a_height") is not None:
        return _height_marks(match, lex)
    rows = _main(match, lex)
    if match.start("a_more") >= 0:
        rows = _with_more(match, lex, rows)
    if match.start("a_cents") >= 0:
        rows = _with_cents(match, lex, rows)
    if match.start("a_both") >= 0:
        rows = _with_second_bound(match, lex, rows)
    if len(rows) == 1 and _restates(match, rows[0]):
        return ()
    return rows


def _restates(match: re.Match[str], row: Row) -> bool:
    """Whether a bare figure in brackets restates the figure right before them ("forty-five
    (45)", "45 (forty five)"): one amount, written twice, is one mention."""
    text = match.string
    start, end, kind, value = row
    if kind != "number" or text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    before = text[max(0, start - 60) : start - 1].rstrip()
    words = before.split()
    for k in range(1, min(len(words), 8) + 1):
        joined = " ".join(words[-k:])
        figs = parse_figures(joined)
        whole = len(figs) == 1 and figs[0].start == 0 and figs[0].end == len(joined)
        if whole and isinstance(value, Amount) and figs[0].value == value.low == value.high:
            return True
    return False


def _with_more(match: re.Match[str], lex: Lexicon, rows: list[Row]) -> list[Row]:
    """Fold "2 inches" into "5 feet" when each part is a smaller unit of the same measure; the
    sum is in the smallest unit. Otherwise each part is a quantity of its own."""
    from claimcheck import units

    parts: list[Row] = []
    for m in _more_parts().finditer(match.string, match.start("a_more"), match.end("a_more")):
        figs = parse_figures(m.group("n"))
        if not figs:
            return rows
        if m.group("w") is not None:
            unit = lex.unit_words[" ".join(m.group("w").lower().split())]
        else:
            unit = lex.unit_symbols.get(m.group("s")) or lex.compound_symbols[m.group("s")]
        n = figs[0].value
        kind: AmountKind = "percent" if unit == "percent" else "quantity"
        parts.append((m.start("n"), m.end(), kind, Amount(low=n, high=n, figure=n, unit=unit, kind=kind)))
    if not rows or not parts:
        return rows + parts
    start, _, kind0, first = rows[-1]
    chain = [first] + [p[3] for p in parts]
    if kind0 == "quantity" and all(isinstance(a, Amount) and a.is_exact for a in chain):
        amounts_ = [a for a in chain if isinstance(a, Amount)]
        try:
            steps = [units.factor(a.unit, b.unit)[0] for a, b in itertools.pairwise(amounts_)]
            to_last = [units.factor(a.unit, amounts_[-1].unit)[0] for a in amounts_]
        except ClaimcheckError:
            return rows + parts
        if all(step > 1 for step in steps):
            total = sum((a.figure or 0.0) * f for a, f in zip(amounts_, to_last, strict=True))
            unit = amounts_[-1].unit
            merged = Amount(low=total, high=total, figure=total, unit=unit, kind="quantity")
            return [*rows[:-1], (start, parts[-1][1], "quantity", merged)]
    return rows + parts


def _with_cents(match: re.Match[str], lex: Lexicon, rows: list[Row]) -> list[Row]:
    """Fold "and 43 cents" into the money row before it; otherwise read the figure alone."""
    text = match.string
    cstart = match.start("a_cnum")
    figs = parse_figures(match.group("a_cnum"))
    if not figs:
        return rows
    cents = figs[0]
    sub = (match.group("a_csub") or "").strip().lower()
    if rows and rows[-1][2] == "money" and cents.value < 100 and not cents.ordinal:
        start, _, kind, amount = rows[-1]
        if isinstance(amount, Amount) and amount.figure is not None and amount.figure.is_integer():
            per = lex.subunits[" ".join(sub.split())][1] if sub in lex.subunits else 0.01
            add = cents.value * per
            fields: dict[str, Any] = {"figure": amount.figure + add}
            if amount.low is not None:
                fields["low"] = amount.low + add
            if amount.high is not None:
                fields["high"] = amount.high + add
            rows[-1] = (start, match.end("a_cents"), kind, attrs.evolve(amount, **fields))
            return rows
    return rows + _plain(text, cstart, cstart + cents.end, cents, lex, hedged=False)


def _with_second_bound(match: re.Match[str], lex: Lexicon, rows: list[Row]) -> list[Row]:
    """ "more than 10 and less than 20": one range when the two bounds face each other."""
    pre2 = match.group("a_pre2")
    num3_start = match.start("a_num3")
    figs = parse_figures(match.group("a_num3"))
    if not figs:
        return rows
    fig = figs[0]
    key = " ".join(pre2.lower().split())
    n = fig.value
    start2, end2 = match.start("a_pre2"), num3_start + fig.end
    if key in lex.hedges:
        second = Amount(figure=n, hedge=pre2, **_bound("number", lex.hedges[key], n))
    elif key in lex.mods:
        second = Amount(low=n, high=n, figure=n, hedge=pre2, mod=lex.mods[key])  # type: ignore[arg-type]
    else:
        second = Amount(low=n, high=n, figure=n, hedge=pre2)
    if rows:
        start, _, kind, first = rows[-1]
        if isinstance(first, Amount) and kind in ("number", "range") and not first.unit:
            low, high = (first, second) if first.high is None else (second, first)
            if (
                low.high is None
                and high.low is None
                and low.low is not None
                and high.high is not None
                and low.low < high.high
            ):
                amount = Amount(
                    low=low.low,
                    high=high.high,
                    low_open=low.low_open,
                    high_open=high.high_open,
                    figure=first.figure,
                    hedge=f"{first.hedge} … {second.hedge}",
                    kind="range",
                )
                rows[-1] = (start, end2, "range", amount)
                return rows
    return [*rows, (start2, end2, "number", second)]


def _main(match: re.Match[str], lex: Lexicon) -> list[Row]:
    """The rows of one match before its cents and second bound are folded in."""
    text = match.string
    pre = match.group("a_pre")
    sym = match.group("a_sym")
    if match.group("a_vwrap") is not None:
        return list(_vague(match, lex))
    num_start, num_end = match.span("a_num")
    raw_num = match.group("a_num")
    if num_start == match.start() and num_end == match.end():
        # fast path: bare figures ("2014", "two", "3 hundred and 2 hundred"): no hedge, unit, range
        if raw_num.isdigit():
            fig = Figure(0, len(raw_num), float(raw_num), False)
            return _plain(text, num_start, num_end, fig, lex, hedged=False)
        rows: list[Row] = []
        for f in _figures(raw_num):
            rows.extend(_plain(text, num_start + f.start, num_start + f.end, f, lex, hedged=False))
        return rows
    figures = parse_figures(raw_num)
    if not figures and match.group("a_num").lower() in ("a", "an") and match.end("a_num") < match.end():
        if _after_an_amount(text, num_start, lex):
            return []  # "$50 a barrel", "30 cents a litre": the rate's divisor, not one barrel
        figures = [Figure(0, len(raw_num), 1.0, False)]  # "a dollar", "an ml"
    if not figures:
        return []
    if match.start("a_ratio") >= 0:
        figures = _ratio(match, figures)
    rows = []
    cur = match.group("a_cur1") or match.group("a_cur2")
    unit, kind, scale = _unit_of(match, lex, cur)
    if kind == "quantity" and _unit_names_a_thing(match, raw_num, figures[-1], lex):
        # "third-degree murder", "210 Stone Ave.", "8 Mile Road": only the figures before count
        return [
            r
            for f in figures[:-1]
            for r in _plain(text, num_start + f.start, num_start + f.end, f, lex, hedged=False)
        ]
    if kind == "money" and len(figures) == 2:
        figures, scale = _sum_with_cents(match, figures, scale)
    if (
        len(figures) > 1
        and match.group("a_cur1") is not None
        and match.group("a_num2") is None
        and not any(match.start(g) >= 0 for g in _TAIL_GROUPS)
    ):
        # "$4.25 and 32 is the quantity": the symbol belongs to the figure it stands before
        first, n1 = figures[0], figures[0].value
        money = Amount(low=n1, high=n1, figure=n1, unit=unit, kind="money")
        rows = [(match.start("a_cur1"), num_start + first.end, "money", money)]
        for f in figures[1:]:
            rows.extend(_plain(text, num_start + f.start, num_start + f.end, f, lex, hedged=False))
        return rows
    tail_end = max(
        (match.end(g) for g in _TAIL_GROUPS if match.start(g) >= 0 and (unit or match.group(g) != '"')),
        default=-1,
    )
    if unit != "percent":  # the divisors read into the unit ("50 km/ms"), not a rate of a percentage
        tail_end = max([tail_end] + [match.end(g) for g in _PER_GROUPS if match.start(g) >= 0])
    suf = match.group("a_suf")
    last = figures[-1]
    fig_end = num_start + last.end
    if not unit and match.group("a_unit_sym1") == '"':  # 5'3" to 5'4": no range of inch marks
        return [
            r
            for f in figures
            for r in _plain(text, num_start + f.start, num_start + f.end, f, lex, hedged=False)
        ]
    pct_first = match.group("a_pctof") is not None
    if pct_first:
        unit, kind = "percent", "percent"
    age_first = match.group("a_agepre") is not None or match.group("a_agerng") is not None
    if age_first and kind == "number":
        unit, kind = "year", "quantity"
    # the parts of the run before its last figure are plain figures of their own ("ages 26 and 22":
    # each an age, the first with the word)
    for k, f in enumerate(figures[:-1]):
        if age_first and unit == "year" and not f.ordinal:
            age = Amount.exact(f.value, kind="quantity", unit="year")
            rows.append(
                (match.start() if k == 0 else num_start + f.start, num_start + f.end, "quantity", age)
            )
            continue
        if _shares_unit(match, figures, k, unit):  # "given 45 and 50 mg": 45 mg too
            v = f.value * scale
            shared = Amount(low=v, high=v, figure=v, unit=unit, kind=kind)
            rows.append((num_start + f.start, num_start + f.end, kind, shared))
            continue
        row = _plain(text, num_start + f.start, num_start + f.end, f, lex, hedged=False)
        rows.extend(row)
    first_is_last = len(figures) == 1
    hedged = bool(pre or sym or match.group("a_rng") or pct_first or age_first)
    start = match.start() if first_is_last and hedged else num_start + last.start
    if not first_is_last and (pre or sym or match.group("a_rng")):
        start = num_start + last.start
        pre = sym = None
    if match.group("a_cur1") is not None and first_is_last:
        start = min(start, match.start("a_cur1"))
    n = _scaled(last.value, scale)
    num2 = match.group("a_num2")
    figs2 = parse_figures(num2) if num2 is not None else []
    if num2 is None and match.group("a_rng") is not None and len(figures) == 2:
        # "between 20 and 30": the run of atoms took both figures
        last, figs2 = figures[0], figures[1:]
        rows = []
        fig_end = num_start + last.end
        num2, start = match.group("a_num"), match.start()
        n = _scaled(last.value, scale)
    if num2 is not None and figs2 and match.start("a_num2") >= 0:
        split = _split_units(match, lex, start, last, figs2[0])
        if split is not None:
            return rows + split
    if num2 is not None:
        if not figs2:
            return rows
        f2 = figs2[0]
        n2 = _scaled(f2.value, scale)
        end2 = (match.start("a_num2") if match.group("a_num2") else num_start) + f2.end
        if last.ordinal and f2.ordinal and not unit and len(figs2) == 1:
            # "between 10th and 15th", "10th-15th": ranks, never a count range; each is an ordinal
            s2 = end2 - (f2.end - f2.start)
            return [*rows, *_plain(text, num_start + last.start, fig_end, last, lex, hedged=False),
                    *_plain(text, s2, end2, f2, lex, hedged=False)]
        n *= _shared_scale(match, last, f2, lex)  # "2-3 million" is 2 million to 3 million
        if match.group("a_pm") is not None and not (last.ordinal or f2.ordinal or len(figs2) > 1):
            n, n2 = n - abs(n2), n + abs(n2)  # "5 ± 0.2": from 4.8 to 5.2
        elif n > n2 and len(figs2) == 1 and not last.ordinal and _after_range_verb(match, lex):
            n, n2 = n2, n  # "ranged from -18 °C to -34 °C": the verb makes it a range
        elif last.ordinal != f2.ordinal or n > n2 or len(figs2) > 1:
            # (not "15 -- 20 seconds": a doubled dash is no minus sign)
            signed_after_dash = n2 < 0 <= n and "-" in text_between(match)
            if unit and n > n2 and len(figs2) == 1 and not (last.ordinal or f2.ordinal or signed_after_dash):
                # "fell from 20% to 10%", "from -18 °C to -34 °C": two measures, each in the unit
                return rows + _two_measures(match, last, f2, n, n2, unit, kind)
            if match.group("a_rng") is not None and n > n2 and len(figs2) == 1 and not f2.ordinal:
                # "fell from 80 to 60", "from 5.2 million to 4.1 million": both figures
                rows.extend(_plain(text, num_start + last.start, fig_end, last, lex, hedged=False))
                return rows + _plain(text, end2 - (f2.end - f2.start), end2, f2, lex, hedged=False)
            # not a range ("3-1" is a score): read the first figure alone
            rows.extend(_plain(text, start, fig_end, last, lex, hedged=bool(pre or sym)))
            return rows
        raw1 = text[num_start + last.start : fig_end]
        raw2 = text[end2 - (f2.end - f2.start) : end2]
        if _is_year(last.value, raw1, lex) and _is_year(f2.value, raw2, lex):
            if not unit and not match.group("a_rng"):
                return rows
            if not unit:
                return rows
        end = tail_end if tail_end > end2 else end2
        if suf is not None and match.end("a_suf") > end:
            end = match.end("a_suf")
        amount = Amount(
            low=n,
            high=n2,
            figure=n,
            hedge=(pre or "").strip(),
            unit=unit,
            kind="range" if kind == "number" else kind,
        )
        rows.append((start, end, "range" if kind == "number" else kind, amount))
        return rows
    end = max(fig_end, tail_end)
    if match.group("a_rng") is not None and not (pre or sym or pct_first or age_first):
        start = max(start, match.end("a_rng"))  # "from 10 people to 20": no range, no hedge in the span
    fields: dict[str, Any] = {"low": n, "high": n}
    hedge = ""
    mod: Mod | None = None
    if pre is not None:
        key = " ".join(pre.lower().split())
        hedge = pre
        if key in lex.hedges:
            fields = _bound(kind, lex.hedges[key], n)
        elif key in lex.mods:
            mod = lex.mods[key]  # type: ignore[assignment]
    elif sym is not None:
        key = "".join(sym.split())
        hedge = sym
        fields = _bound(kind, lex.symbols[key], n)
    if suf is not None:
        skey = " ".join(suf.lower().split())
        if skey == "-plus":
            skey = "plus"
        pkey = " ".join(pre.lower().split()) if pre else ""
        bare = pre is None or pkey in lex.exact or pkey in lex.mods  # "about 500 or more"
        if bare and sym is None and skey in lex.suffixes:
            fields = _bound(kind, lex.suffixes[skey], n)
            hedge = f"{pre} … {suf.strip()}" if pre else suf.strip()
            end = match.end("a_suf")
        elif skey in lex.closers and (fields.get("low") is None) != (fields.get("high") is None):
            fields["low_open" if fields.get("high") is None else "high_open"] = False
            hedge = f"{hedge} … {suf.strip()}"
            end = match.end("a_suf")
        elif pre is None and sym is None and skey in lex.suffix_mods:
            mod = lex.suffix_mods[skey]  # type: ignore[assignment]
            hedge = suf.strip()
            end = match.end("a_suf")
        elif pre is None and sym is None and skey in lex.below_zero and unit in _DEGREES and n > 0:
            n = -n  # "2 degrees below zero", "2 below zero": a temperature under zero
            fields = {"low": n, "high": n}
            unit, kind = unit or "degree", "quantity"
            hedge = suf.strip()
            end = match.end("a_suf")
    fraction_of_unit = (
        last.ordinal
        and kind == "quantity"
        and last.value > 2
        and match.group("a_num")[last.start : last.end].isalpha()
        and _OF.match(text, fig_end) is not None
    )
    if fraction_of_unit:  # "tenth of a gallon", "fourth of liter": a fraction word alone
        n = 1 / last.value
        fields = {"low": n, "high": n}
    elif last.ordinal:
        if unit or pre or sym:
            return rows
        kind = "ordinal"
    raw = match.group("a_num")[last.start : last.end]
    if kind == "number" and not (pre or sym or suf) and not _keep_plain(text, start, end, raw, last, lex):
        return rows
    if len(figures) > 1 and not hedge and unit in _TIME_UNITS and not age_first:
        duration = _duration_after_figure(match, start, end)
        if duration is not None:  # "the first eight months": the time grammar never saw "eight"
            rows.append((start, end, "duration", duration))
            return rows
    amount = Amount(figure=n, hedge=hedge.strip(), mod=mod, unit=unit, kind=kind, **fields)
    rows.append((start, end, kind, amount))
    return rows


def _duration_after_figure(match: re.Match[str], start: int, end: int) -> Duration | None:
    """The duration a figure and its time unit spell when the figure came after another figure in
    one run ("first eight months", "the first 100 days"): the scanner gave the time grammar no
    chance at it. Ages ("15-year-old") and compound units stay quantities."""
    from claimcheck import times  # the time grammar reads durations; it never imports this module

    word = match.group("a_unit_word")
    if match.group("a_num2") is not None or word is None or match.group("a_per") is not None:
        word = match.group("a_unit_word1")
        if word is None or match.group("a_per1") is not None or match.group("a_num2") is not None:
            return None
    if not word.isalpha() or _AGE_AFTER.match(match.string, end):
        return None  # "year-old", "four-year-olds", "33 years of age", "y/o": an age
    return times.parse_duration(match.string[start:end])


# what makes a figure in years an age (as the time grammar's own age tail): "-olds", "old", "of age"
_AGE_AFTER = re.compile(r"\s*-\s*olds?\b|\s+olds?\b|\s+(?i:of\s+age)\b")


def _shared_scale(match: re.Match[str], first: Figure, second: Figure, lex: Lexicon) -> float:
    """The scale word ending a range's second figure when the first has none and is smaller than
    the second's own figure ("2-3 million", "$2 to $3 billion", "between 5 and 10 bn"); else 1.
    "from 200 to 3 million" keeps its 200."""
    text = match.string
    num_start = match.start("a_num")
    num2_start = match.start("a_num2") if match.group("a_num2") is not None else num_start
    raw1 = text[num_start + first.start : num_start + first.end]
    raw2 = text[num2_start + second.start : num2_start + second.end]
    if first.ordinal or second.ordinal or _scale_of(raw1, lex) != 1.0:
        return 1.0
    factor = _scale_of(raw2, lex)
    return factor if 0 < first.value < second.value / factor else 1.0


def _scale_of(raw: str, lex: Lexicon) -> float:
    """The multiplier of the scale word or suffix that ends a written figure (1 when none)."""
    last = _BIG_SCALE.search(raw)
    if last is None:
        return 1.0
    written = last.group(1)
    cls, value = lex.words.get(written.lower(), ("", 0.0))
    if cls == "scales":
        return value
    return lex.scale_suffixes.get(written, 1.0)


_WORD_BEFORE = re.compile(r"([\w%$€£¥]+)\.?\s+$")


def _after_an_amount(text: str, start: int, lex: Lexicon) -> bool:
    """Whether an amount ends right before *start*: a figure, a percent sign, or a unit or
    currency word after one ("$50 a barrel", "5 euros a kilo", "2 million barrels a day")."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    word = before.group(1)
    if word[-1].isdigit() or word[-1] in "%$€£¥":
        return True
    key = word.lower()
    if word in lex.unit_symbols:  # "5 kg a day"; not the "t" of "can't"
        return text[max(0, before.start(1) - 2) : before.start(1)].strip()[-1:].isdigit()
    return key in lex.currency_names or key in lex.unit_words


def _unit_names_a_thing(match: re.Match[str], raw_num: str, last: Figure, lex: Lexicon) -> bool:
    """Whether the unit word after the figure names a grade or a street rather than a measure:
    a [grades] word after an ordinal or fraction word ("third-degree murder", "38.04 Third Degree
    Felony"), or a unit word that a street suffix follows ("210 Stone Ave.", "8 Mile Road")."""
    group = "a_unit_word1" if match.group("a_unit_word1") is not None else "a_unit_word"
    word = match.group(group)
    if word is None:
        return False
    between = match.string[match.start("a_num") + last.end : match.start(group)]
    # ("a third of a degree" measures)
    if " ".join(word.lower().split()) in lex.grades and not _OF.search(between):
        last_word = raw_num[last.start : last.end].split()[-1].lower()
        if lex.words.get(last_word, ("", 0.0))[0] in ("ordinals", "fractions"):
            return True
    streets = _context()[3]
    return word[:1].isupper() and streets.match(match.string, match.start("a_num") + last.end) is not None


def _after_range_verb(match: re.Match[str], lex: Lexicon) -> bool:
    """Whether a [range_verbs] word ("ranged", "varying") comes right before "from"/"between"."""
    if match.group("a_rng") is None:
        return False
    before = match.string[max(0, match.start() - 16) : match.start()].split()
    return bool(before) and before[-1].lower() in lex.range_verbs


def _scaled(value: float, scale: float) -> float:
    """*value* times a unit's *scale*, without binary noise ("57 cents" is 0.57, not 0.5700000000000001)."""
    return value if scale == 1.0 else float(f"{value * scale:.15g}")


def _shares_unit(match: re.Match[str], figures: list[Figure], k: int, unit: str) -> bool:
    """Whether figure *k* of the run takes the unit written after the last one: it is the one
    right before it, joined by "and" ("45 and 50 mg", "5 and 10 dollars"), and no range is read."""
    if not unit or k != len(figures) - 2 or figures[k].ordinal or figures[k + 1].ordinal:
        return False
    if match.group("a_rng") is not None or match.group("a_num2") is not None:
        return False
    between = match.group("a_num")[figures[k].end : figures[k + 1].start]
    return between.strip().lower() == "and"


def _two_measures(
    match: re.Match[str], first: Figure, second: Figure, n1: float, n2: float, unit: str, kind: AmountKind
) -> list[Row]:
    """A falling pair joined like a range ("from 20% to 10%", "$5 to $3"): each figure alone, in
    the unit written after either, each span with its own currency and unit."""
    num_start = match.start("a_num")
    ones = [g for g in (*_TAIL_GROUPS[1::2], "a_per1", "a_per_s1", "a_mper1") if match.start(g) >= 0]
    twos = [g for g in (*_TAIL_GROUPS[::2], "a_per", "a_per_s", "a_mper") if match.start(g) >= 0]
    num2_start = match.start("a_num2")
    if match.group("a_num2") is None:  # "between 3 and 1 dollars": one run took both figures
        num2_start, ones, twos = num_start, [], ones
    start1 = match.start("a_cur1") if match.group("a_cur1") is not None else num_start + first.start
    end1 = max([num_start + first.end] + [match.end(g) for g in ones])
    start2 = match.start("a_cur2") if match.group("a_cur2") is not None else num2_start + second.start
    end2 = max([num2_start + second.end] + [match.end(g) for g in twos])
    return [
        (start1, end1, kind, Amount(low=n1, high=n1, figure=n1, unit=unit, kind=kind)),
        (start2, end2, kind, Amount(low=n2, high=n2, figure=n2, unit=unit, kind=kind)),
    ]


def _ratio(match: re.Match[str], figures: list[Figure]) -> list[Figure]:
    """ "one in five", "2 out of 3", "1 over 20": the last figure divided by the one after the
    preposition (offsets stay relative to the first figure's run). A part larger than its whole
    ("5 in 2") is no ratio: then both figures stand alone."""
    num_start, den_start = match.start("a_num"), match.start("a_den")
    dens = parse_figures(match.group("a_den"))
    last = figures[-1]
    moved = [
        Figure(den_start - num_start + f.start, den_start - num_start + f.end, f.value, f.ordinal)
        for f in dens
    ]
    if len(dens) != 1 or last.ordinal or dens[0].ordinal or dens[0].value == 0:
        return figures + moved
    if match.group("a_over") is None and not 0 <= last.value <= dens[0].value:
        return figures + moved
    return [*figures[:-1], Figure(last.start, moved[0].end, last.value / dens[0].value, False)]


def _sum_with_cents(match: re.Match[str], figures: list[Figure], scale: float) -> tuple[list[Figure], float]:
    """ "$20 and 43 cents", "US$3 and fourteen" (at a sentence end): one sum, not two figures."""
    first, second = figures
    between = match.group("a_num")[first.end : second.start]
    if (
        between.strip().lower() != "and"
        or second.value >= 100
        or first.ordinal
        or second.ordinal
        or not first.value.is_integer()
    ):
        return figures, scale
    text = match.string
    name = match.group("a_money_name") or match.group("a_money_name1")
    sub = load().subunits.get(" ".join(name.lower().split())) if name else None
    if sub is not None and match.group("a_cur1") is not None:
        per = sub[1]  # "$20 and 43 cents": the tail names the subunit
    elif (
        scale == 1.0 and _END.match(text, match.end()) and not any(match.start(g) >= 0 for g in _TAIL_GROUPS)
    ):
        per = 0.01
    else:
        return figures, scale
    return [Figure(first.start, second.end, first.value + second.value * per, False)], 1.0


_OF = re.compile(r"\s+(?:of|OF|Of)\b")
_END = re.compile(r"\s*(?:[.,;:!?)]|$)")
_PER_GROUPS = ("a_per", "a_per1", "a_per_s", "a_per_s1", "a_mper", "a_mper1")
_TAIL_GROUPS = tuple(
    f"a_{g}{n}"
    for g in ("cur_after", "money_name", "unit_word", "unit_sym", "unit_br", "unit_end")
    for n in ("", "1")
)


def text_between(match: re.Match[str]) -> str:
    """The text between a range's first figure (with its unit) and its second figure."""
    ends = [match.end("a_num")] + [match.end(g) for g in _TAIL_GROUPS[1::2] if match.start(g) >= 0]
    return match.string[max(ends) : match.start("a_num2")]


def _split_units(
    match: re.Match[str], lex: Lexicon, start: int, first: Figure, second: Figure
) -> list[Row] | None:
    """Two figures joined like a range but in different units ("2% to $1.45 billion",
    "a quarter to $254 million"): read each alone; ``None`` when they do form a range."""
    u1 = _unit_of(match, lex, match.group("a_cur1"), ("1",))
    u2 = _unit_of(match, lex, match.group("a_cur2"), ("",))
    # "6-foot-7" (a height) is no range of feet: a unit on the first figure only splits it too
    joined_by_hyphen = match.group("a_num2") is not None and "-" in text_between(match)
    first_tail = any(match.start(g) >= 0 for g in _TAIL_GROUPS[1::2])
    if (
        u1[0] == u2[0]
        or (not u1[0] and match.group("a_cur2") is None)
        or (u1[0] and not u2[0] and not joined_by_hyphen)
        # "$5-10 million", "£2-3bn": a currency before the first figure covers the range
        or (match.group("a_cur1") is not None and not u2[0] and not first_tail)
    ):
        return None
    text = match.string
    num_start, num2_start = match.start("a_num"), match.start("a_num2")
    end1 = max([num_start + first.end] + [match.end(g) for g in _TAIL_GROUPS[1::2] if match.start(g) >= 0])
    end2 = max([num2_start + second.end] + [match.end(g) for g in _TAIL_GROUPS[::2] if match.start(g) >= 0])
    height = _height(lex, first, second, u1[0], u2[0]) if joined_by_hyphen else None
    if height is not None:  # "5-foot-10", "about 5-feet-10-inches": one height in inches
        pre = " ".join((match.group("a_pre") or "").lower().split())
        fields: dict[str, Any] = _bound("quantity", lex.hedges[pre], height) if pre in lex.hedges else {}
        mod: Mod | None = lex.mods.get(pre)  # type: ignore[assignment]
        amount = Amount(
            **({"low": height, "high": height} | fields),
            figure=height,
            hedge=match.group("a_pre") or "",
            mod=mod,
            unit=lex.implied_smaller[u1[0]],
            kind="quantity",
        )
        return [(start, end2, "quantity", amount)]
    rows: list[Row] = []
    if u1[0]:
        n1 = first.value * u1[2]
        rows.append((start, end1, u1[1], Amount(low=n1, high=n1, figure=n1, unit=u1[0], kind=u1[1])))
    else:
        rows.extend(_plain(text, num_start + first.start, num_start + first.end, first, lex, hedged=False))
    start2 = match.start("a_cur2") if match.group("a_cur2") is not None else num2_start + second.start
    n2 = second.value * u2[2]
    rows.append((start2, end2, u2[1], Amount(low=n2, high=n2, figure=n2, unit=u2[0], kind=u2[1])))
    return rows


def _height_marks(match: re.Match[str], lex: Lexicon) -> Sequence[Row]:
    """ "5'10\"" = 70 inch, "about 5’10" = 70 inch APPROX: feet and inches written with marks."""
    inches = float(int(match.group("a_hft")) * 12 + int(match.group("a_hin")))
    pre = " ".join((match.group("a_hpre") or "").lower().split())
    fields: dict[str, Any] = _bound("quantity", lex.hedges[pre], inches) if pre in lex.hedges else {}
    amount = Amount(
        **({"low": inches, "high": inches} | fields),
        figure=inches,
        hedge=match.group("a_hpre") or "",
        mod=lex.mods.get(pre),  # type: ignore[arg-type]
        unit="inch",
        kind="quantity",
    )
    return ((match.start(), match.end(), "quantity", amount),)


def _height(lex: Lexicon, first: Figure, second: Figure, unit1: str, unit2: str) -> float | None:
    """ "5-foot-10" = 70 inches: a whole figure in a unit of `[implied_smaller]`, a hyphen, and a
    whole figure below one of it in the smaller unit, written or implied; ``None`` otherwise."""
    from claimcheck import units

    smaller = lex.implied_smaller.get(unit1)
    if smaller is None or unit2 not in ("", smaller) or first.ordinal or second.ordinal:
        return None
    per = units.factor(unit1, smaller)[0]
    if not (first.value.is_integer() and second.value.is_integer() and 0 <= second.value < per):
        return None
    return first.value * per + second.value


def _currency(written: str, lex: Lexicon) -> tuple[str, AmountKind, float]:
    """A currency symbol or code as written, with the scale it carries ("MUSD", "USD million")."""
    name = " ".join(written.lower().split())
    if name in lex.names_before:  # "ringgit 42"
        code, per = lex.currency_names[name]
        return code, "money", per
    letters = "".join(written.split())
    if letters in lex.currency_symbols and written != letters:  # "HK $", "C $"
        return lex.currency_symbols[letters], "money", 1.0
    if letters[-1:] == "$" and letters not in lex.currency_symbols:  # "hk $", "c $", "aud$"
        folded = {k.upper(): v for k, v in lex.currency_symbols.items() if k[-1] == "$"}
        return folded[letters.upper()], "money", 1.0
    code, *rest = written.split()
    scale = lex.words[rest[0].lower()][1] if rest else 1.0
    if code in lex.scaled_codes:
        code, factor = lex.scaled_codes[code]
        return code, "money", scale * factor
    return lex.currency_symbols.get(code, code), "money", scale


def _counted_noun_follows(match: re.Match[str], lex: Lexicon) -> bool:
    """Whether the word after the match is one of the count nouns ("people", "jobs", "were")."""
    after = match.string[match.end() : match.end() + 32].split(maxsplit=2)
    word = after[0].strip(".,;:").lower() if after else ""
    if word == "of":  # "2.5m of them" counts; "5m of rope", "1000 l of water" measure
        return len(after) > 1 and after[1].strip(".,;:").lower() in lex.counted_after_of
    return word in lex.count_nouns


def _unit_of(
    match: re.Match[str], lex: Lexicon, cur: str | None, tails: tuple[str, ...] = ("", "1")
) -> tuple[str, AmountKind, float]:
    """The unit, kind and scale (subunits) a match's tail gives it (the last figure's first);
    money per unit is the currency divided by the unit ("$350 per kg" = USD / kilogram)."""
    code, kind, scale = _unit_of_tail(match, lex, cur, tails)
    if kind == "money":
        code = _per_unit(code, match.group("a_mper") or match.group("a_mper1"), lex)
    return code, kind, scale


def _unit_of_tail(
    match: re.Match[str], lex: Lexicon, cur: str | None, tails: tuple[str, ...]
) -> tuple[str, AmountKind, float]:
    if cur is None:
        for n in tails:  # "1m people", "2.5m jobs": before a counted noun "m" is a million
            symbol = match.group("a_unit_sym" + n)
            if (
                symbol is not None
                and symbol in lex.money_scales
                and match.start("a_more") < 0  # "12 m 2 dm more or less" is a length
                and _counted_noun_follows(match, lex)
            ):
                return "", "number", lex.money_scales[symbol]
    if cur is not None:
        code, kind, scale = _currency(cur, lex)
        for n in tails:  # "$5m", "£3m": after a currency a lower-case "m" is a million, not metres
            symbol = match.group("a_unit_sym" + n)
            if symbol is not None and symbol in lex.money_scales:
                return code, kind, scale * lex.money_scales[symbol]
        return code, kind, scale
    for n in tails:
        after = match.group("a_cur_after" + n)
        if after is not None:
            return _currency(after, lex)
        name = match.group("a_money_name" + n)
        if name is not None:
            code, per = lex.currency_names[" ".join(name.lower().split())]
            return code, "money", per
        word = match.group("a_unit_word" + n)
        if word is not None and _scaled_name(match, n, lex):
            return lex.scaled_names[" ".join(word.lower().split())], "money", 1.0
        if word is not None:
            u = _per_unit(lex.unit_words[" ".join(word.lower().split())], match.group("a_per" + n), lex)
            return u, ("percent" if u == "percent" else "quantity"), 1.0
        symbol = match.group("a_unit_sym" + n)
        if symbol == '"' and not _inch_mark(match, "a_unit_sym" + n):
            continue
        if symbol is not None:
            u = _per_unit(lex.unit_symbols[symbol], match.group("a_per_s" + n), lex)
            return u, ("percent" if u == "percent" else "quantity"), 1.0
        bracketed = match.group("a_unit_br" + n)
        if bracketed is not None:
            u = lex.unit_symbols[bracketed[1:-1]]
            return u, ("percent" if u == "percent" else "quantity"), 1.0
        final = match.group("a_unit_end" + n)
        if final is not None:
            return lex.compound_symbols[final], "quantity", 1.0
    return "", "number", 1.0


_BIG_SCALE = re.compile(r"([A-Za-z]+)\s*$")


def _scaled_name(match: re.Match[str], n: str, lex: Lexicon) -> bool:
    """Whether the unit word of tail *n* names a currency because a scale word of a million or
    more ends its figure ("361 million pounds" is money; "25 pounds", "2 million pounds of" are not)."""
    word = " ".join(match.group("a_unit_word" + n).lower().split())
    if word not in lex.scaled_names or match.group("a_per" + n) or _OF.match(match.string, match.end()):
        return False
    scale = _BIG_SCALE.search(match.group("a_num" if n == "1" else "a_num2") or "")
    if scale is None:
        return False
    written = scale.group(1)
    cls, value = lex.words.get(written.lower(), ("", 0.0))
    if cls != "scales":
        value = lex.scale_suffixes.get(written, 0.0)
    return value >= 1e6


_SPACED_MARK_ENDS = re.compile(r"\s+[a-z]")


def _inch_mark(match: re.Match[str], group: str) -> bool:
    """Whether the '"' after a figure is an inch mark: it closes no quotation ('he said "we want
    10"'), it is not the inches of a feet-and-inches height (6'3", read whole as a height), and,
    written apart from the figure, a lower-case word follows it ('a pen 10 " long', not OCR debris
    '3222 "�2')."""
    text = match.string
    start = match.start("a_num")
    if text.count('"', 0, match.start()) % 2 or text[max(0, start - 2) : start].rstrip().endswith("'"):
        return False
    spaced = text[match.start(group) - 1 : match.start(group)].isspace()
    return not spaced or _SPACED_MARK_ENDS.match(text, match.end(group)) is not None


def _is_year(value: float, raw: str, lex: Lexicon) -> bool:
    raw = raw.strip()
    return len(raw) == 4 and raw.isdigit() and lex.year_first <= value <= lex.year_last


def _keep_plain(text: str, start: int, end: int, raw: str, fig: Figure, lex: Lexicon) -> bool:
    """Whether a bare figure (no hedge, unit or scale) is a count rather than a date part or name."""
    before_month, after_month, ident, streets = _context()
    if raw.lower() == "one":
        prev = text[max(0, start - 12) : start].split()
        if prev and prev[-1].lower() in lex.pronoun_one:
            return False
    if raw.isdigit():
        if raw in lex.named_figures:  # "called 911": the emergency number, unless a count noun follows
            nxt = text[end : end + 20].split(maxsplit=1)
            if not nxt or nxt[0].strip(".,;:").lower() not in lex.count_nouns:
                return False
        if len(raw) > 1 and raw[0] == "0":
            return False  # "007", "000" in "40 000", "5,00": codes and leftovers, not counts
        if _is_year(fig.value, raw, lex):
            nxt = text[end : end + 20].split(maxsplit=1)
            word = nxt[0].strip(".,;:").lower() if nxt else ""
            if word not in lex.count_nouns:
                return False
        if fig.value <= 31 and (
            before_month.search(text, max(0, start - 12), start) or after_month.match(text, end)
        ):
            return False
        if ident.search(text, max(0, start - 16), start):
            return False
        if streets.match(text, end):
            return False
        if fig.value != 1 and _address_noun(text, end, lex):
            return False
        if (after := _NOUN_AFTER.match(text, end)) is not None and after.group(1) in lex.names_after:
            return False  # "Stay with 13 News": a channel's name
    return True


_NOUN_AFTER = re.compile(r"[-\s]\s*([A-Za-z]+)")


def _address_noun(text: str, end: int, lex: Lexicon) -> bool:
    """Whether the figure ending at *end* numbers an address ("the 400 block of", "800-block")."""
    nxt = _NOUN_AFTER.match(text, end)
    return nxt is not None and nxt.group(1).lower() in lex.address_nouns


@functools.cache
def _street_pair() -> re.Pattern[str]:
    """ "59th and Figueroa streets", "Third and Scarritt Streets": a crossing of two named streets."""
    return re.compile(rf"\s+and\s+(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))\s+{_alt(load().streets)}(?!\w)")


def _street_ordinal(text: str, end: int, lex: Lexicon) -> bool:
    """Whether the ordinal ending at *end* names a street ("31st Street", "Fifth Avenue", "59th and
    Figueroa streets")."""
    if _street_pair().match(text, end):
        return True
    nxt = _NOUN_AFTER.match(text, end)
    if nxt is None or nxt.group(0)[:1] == "-":
        return False
    word = nxt.group(1)
    return word in lex.streets or (text[nxt.end(1) : nxt.end(1) + 1] == "." and word + "." in lex.streets)


_A_ORDINAL = re.compile(r"[aA][\s-]+([A-Za-z]+)")
_NEXT_WORD = re.compile(r"-[A-Za-z]|\s+([A-Za-z]+)")


def _a_ordinal(text: str, start: int, end: int, lex: Lexicon) -> Row | None:
    """ "a third person", "a fourth victim": "a" and an ordinal before a word that no fraction
    takes (``[fraction_after_a]``) is the ordinal, not a third or a quarter; None otherwise."""
    m = _A_ORDINAL.fullmatch(text, start, end)
    if m is None:
        return None
    cls, value = lex.words.get(m.group(1).lower(), ("", 0.0))
    if cls != "ordinals":
        return None
    nxt = _NEXT_WORD.match(text, end)
    after = None if nxt is None else nxt.group(1)
    fraction = nxt is None or (after is not None and after.lower() in lex.fraction_after_a)
    if fraction and (after == "of" or not _continues_count(text, start, value, lex)):
        return None
    return (m.start(1), end, "ordinal", Amount.exact(value, kind="ordinal"))


_SENTENCE_BREAK = re.compile(r"[.!?]\s")
_COUNT_WORD = re.compile(r"(?<![\w.,])(\d+|[A-Za-z]+)(?![\w.,]\w)")


def _continues_count(text: str, start: int, value: float, lex: Lexicon) -> bool:
    """ "Three men were shot and a fourth was wounded": "a" + the ordinal after a count one lower
    earlier in its sentence names one more of the same group, not a fraction."""
    lo = max(0, start - 200)
    breaks = [b.end() for b in _SENTENCE_BREAK.finditer(text, lo, start)]
    for word in _COUNT_WORD.finditer(text, breaks[-1] if breaks else lo, start):
        token = word.group(1)
        count = float(token) if token.isdigit() else lex.words.get(token.lower(), ("", -1.0))[1]
        cls = "units" if token.isdigit() else lex.words.get(token.lower(), ("", 0.0))[0]
        if cls in ("units", "tens") and count == value - 1:
            unit = _NEXT_WORD.match(text, word.end())
            # a count of people or things, not a measure ("in three years and a fourth is spent")
            return unit is None or unit.group(1) is None or unit.group(1).lower() not in lex.unit_words
    return False


def _plain(text: str, start: int, end: int, fig: Figure, lex: Lexicon, *, hedged: bool) -> list[Row]:
    kind: AmountKind = "ordinal" if fig.ordinal else "number"
    raw = text[start:end]
    if not hedged:
        if kind == "number":
            if raw[:1] in "aA" and (row := _a_ordinal(text, start, end, lex)):
                return [row]
            if not _keep_plain(text, start, end, raw, fig, lex):
                return []
            # "Gino Nicolas, 24, was killed": an age
            if raw.isdigit() and 0 < fig.value < 120 and _age_apposition(text, start, end, lex):
                return [(start, end, "quantity", Amount.exact(fig.value, kind="quantity", unit="year"))]
        elif _street_ordinal(text, end, lex):
            return []
        if raw[:1].isalpha() and raw.lower() in _idiom_words() and _in_idiom(text, start, end):
            return []  # "at first", "in the first place", "first responders", "half-staff"
    return [(start, end, kind, Amount.exact(fig.value, kind=kind))]


@functools.cache
def _idioms() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?i:{_alt(load().idioms)})(?![\w-])")


@functools.cache
def _idiom_words() -> frozenset[str]:
    """The number words that occur in an idiom of ``[idioms]`` ("first", "half", "ten")."""
    lex = load()
    return frozenset(w for phrase in lex.idioms for w in re.split(r"[\s-]+", phrase) if w in lex.words)


def _in_idiom(text: str, start: int, end: int) -> bool:
    """Whether the number word at *start*:*end* lies inside an idiom of ``[idioms]``."""
    lo = max(0, start - 20)
    return any(m.start() <= start and end <= m.end() for m in _idioms().finditer(text, lo, end + 20))


_WORD_COMMA = re.compile(r"([A-Za-z][A-Za-z.'’-]*),\s$")


@functools.cache
def _age_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?i:{_alt(load().age_before)})\s$")


def _age_apposition(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the bare figure at *start*:*end* is an age set off by commas after a name or noun
    ("Gino Nicolas, 24, was killed", "Boy, 15, shot") or ending a phrase after "he was" ("He was
    75."): ``[age_apposition]`` in numbers_en.toml."""
    # a comma, semicolon, bracket or full stop (not a decimal) or the end, after optional spaces
    after = text[end : end + 2]
    if after[:1] == " ":
        rest = text[end : end + 6]
        after = rest.lstrip()[:2]
        if not after and len(rest) == 6:
            return False
    if after and (after[0] not in ",;)." or (after[:1] == "." and after[1:].isdigit())):
        return False
    if text[start - 2 : start] == ", ":
        word = _WORD_COMMA.search(text, max(0, start - 40), start)
        return word is not None and word.group(1).lower() not in lex.age_not_after
    before = _age_before().search(text, max(0, start - 12), start)
    return text[start - 1 : start] == " " and before is not None


def _vague(match: re.Match[str], lex: Lexicon) -> Sequence[Row]:
    phrase = " ".join(match.group("a_vague").lower().split())
    written = match.group("a_vague")
    if (
        phrase in lex.vague_with_of
        and written.islower()
        and not _OF.match(match.string, match.end("a_vague"))
    ):
        return ()  # "he scores", "the tens column": not "scores of", nor "Scores were hurt"
    start = match.start("a_vwrap") if match.group("a_vpre") is None else match.start()
    end = match.end("a_vwrap")
    unit: str = ""
    kind: AmountKind = "number"
    written_unit = " ".join((match.group("a_vunit") or "").lower().split())
    # (only when a unit follows: with none, start("a_vunit") is -1 and the slice would run to the
    # end of the text, once per vague word: quadratic in the text's length)
    between = match.string[match.end("a_vwrap") : match.start("a_vunit")] if written_unit else ""
    with_of = "of" in between.lower().split()
    singular = written_unit and written_unit == lex.unit_words[written_unit] != "percent"
    if singular and not with_of and phrase not in lex.counts:
        written_unit = ""  # a vague count takes a plural unit: "dozens turn out" is a verb
    if written_unit:
        unit = lex.unit_words[written_unit]
        kind = "percent" if unit == "percent" else "quantity"
        end = match.end("a_vunit")
    if phrase in lex.counts:
        n = lex.counts[phrase]
        text = match.group("a_vague")
        if text.lower().endswith(" of"):
            end = match.start("a_vwrap") + len(text) - 3
        return ((start, end, kind, Amount(low=n, high=n, figure=n, unit=unit, kind=kind)),)
    words = phrase.split(" of ")
    lead, _, scale_word = phrase.rpartition(" ")
    if len(words) == 2 and words[0] in lex.vague and words[1] in lex.vague_scales:
        lo, hi = lex.vague[words[0]]
        s = lex.vague_scales[words[1]]
        low, high = lo * s, (hi + 1) * s - 1
    elif lead in lex.vague_before_scale and scale_word in lex.scales_after_vague:
        # "several hundred" = 300-999; "few hundred" as "a few hundred" (a bare "few" is no figure)
        lo, hi = lex.vague.get(lead) or lex.vague[f"a {lead}"]
        s = lex.scales_after_vague[scale_word]
        low, high = lo * s, (hi + 1) * s - 1
    else:
        low, high = lex.vague[phrase]
    fields: dict[str, Any] = {"low": low, "high": high}
    pre = match.group("a_vpre")
    hedge = ""
    if pre is not None:
        key = " ".join(pre.lower().split())
        hedge = pre
        if key in lex.hedges:
            side, open_ = lex.hedges[key]
            fields = {"low": low, "low_open": open_} if side == "low" else {"high": high, "high_open": open_}
    amount = Amount(hedge=hedge, mod="APPROX", unit=unit, kind=kind, vague=True, **fields)
    return ((start, end, kind, amount),)
