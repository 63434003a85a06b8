"""The amount grammar: fixture examples, properties and lexicon data integrity."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import amounts, strategies, units
from claimcheck.extract import extract
from claimcheck.values import Amount

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CASES: list[dict[str, Any]] = json.loads((FIXTURES / "amounts_en.json").read_text("utf-8"))


def _amounts(text: str) -> list[tuple[str, str, Amount]]:
    return [(m.text, m.kind, m.value) for m in extract(text) if isinstance(m.value, Amount)]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_fixture(case: dict[str, Any]) -> None:
    found = _amounts(case["text"])
    assert [t for t, _, _ in found] == [e["text"] for e in case["expect"]]
    for (_, kind, value), exp in zip(found, case["expect"], strict=True):
        assert kind == exp["kind"]
        assert (value.low, value.high) == (exp["low"], exp["high"])
        assert (value.low_open, value.high_open) == (exp["low_open"], exp["high_open"])
        assert value.unit == exp["unit"]
        assert value.mod == exp["mod"]


@settings(max_examples=150, deadline=None)
@given(case=strategies.amount_phrases())
def test_phrases_read_back_to_the_conventions(case: tuple[str, Amount]) -> None:
    text, expected = case
    found = _amounts(f"They said {text} people were there.")
    assert len(found) == 1, found
    _, _, value = found[0]
    assert value.interval == expected.interval
    assert value.mod == expected.mod


@settings(max_examples=200, deadline=None)
@given(text=st.text())
def test_never_raises_and_spans_slice_back(text: str) -> None:
    for m in extract(text):
        assert text[m.span.start : m.span.end] == m.text


def test_non_str_raises_type_error_naming_the_type() -> None:
    with pytest.raises(TypeError, match="bytes"):
        extract(b"80 people")  # type: ignore[arg-type]


def test_empty_text_gives_nothing() -> None:
    assert extract("") == []


def test_pattern_groups_are_prefixed() -> None:
    names = re.compile(amounts.pattern()).groupindex
    assert names
    assert all(name.startswith("a_") for name in names)


# --------------------------------------------------------------------------- data integrity

DATA = ("numbers_en.toml", "hedges_en.toml", "units_en.toml", "currencies_en.toml")


def _line_of(name: str, key: str) -> int:
    text = resources.files("claimcheck.data").joinpath(name).read_text("utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith((f'"{key}"', f"{key} ")):
            return number
    return 0


@pytest.mark.parametrize("name", DATA)
def test_lexicon_keys_are_lower_case_where_matched_ignoring_case(name: str) -> None:
    from claimcheck import lexicon

    data = lexicon.load(name)
    case_sensitive = {
        "scale_suffixes",
        "decimal_scale_suffixes",
        "symbols",
        "code_prefixes",
        "compound_symbols",
        "after_a",
        "money_scales",
    }
    problems = [
        f"{name}:{_line_of(name, key)}: key {key!r} in [{table}] is not lower case; write it in lower case"
        for table, entries in data.items()
        if table not in case_sensitive and hasattr(entries, "items")
        for key in entries
        if key != key.lower()
    ]
    assert not problems, "\n".join(problems)


def test_every_unit_and_currency_is_known_to_pint() -> None:
    from claimcheck import lexicon

    problems = []
    for table in ("words", "symbols", "compound_symbols"):
        for alias, name in lexicon.load("units_en.toml")[table].items():
            try:
                units.unit(name)
            except Exception as exc:
                line = _line_of("units_en.toml", alias)
                problems.append(f"units_en.toml:{line}: {name!r} is not a pint unit ({exc}); fix the name")
    money = lexicon.load("currencies_en.toml")
    codes = set(money["symbols"].values()) | set(money["names"].values())
    codes |= {v[0] for v in money["subunits"].values()}
    for code in sorted(codes):
        try:
            units.unit(code)
        except Exception:
            problems.append(f"currencies_en.toml:0: {code} is not defined; add it to units_en.txt")
    after_a = lexicon.load("units_en.toml")["after_a"]["symbols"]
    problems += [
        f"units_en.toml: [after_a] {s!r} is not in [symbols]; add it there"
        for s in after_a
        if s not in lexicon.load("units_en.toml")["symbols"]
    ]
    assert not problems, "\n".join(problems)


def test_hedge_bounds_are_low_or_high() -> None:
    from claimcheck import lexicon

    hedges = lexicon.load("hedges_en.toml")
    problems = [
        f"hedges_en.toml:{_line_of('hedges_en.toml', key)}: {key!r} sets {side!r}; use 'low' or 'high'"
        for table in ("hedges", "symbols", "suffixes")
        for key, (side, _) in hedges[table].items()
        if side not in ("low", "high")
    ]
    problems += [
        f"hedges_en.toml:{_line_of('hedges_en.toml', key)}: mod {mod!r}; use APPROX, LESS_THAN or MORE_THAN"
        for table in ("mods", "suffix_mods")
        for key, mod in hedges[table].items()
        if mod not in ("APPROX", "LESS_THAN", "MORE_THAN")
    ]
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- guard and tries

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]


def _guard_texts() -> list[str]:
    texts = [c["text"] for c in CASES]
    texts += [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return texts


@pytest.mark.parametrize("text", _guard_texts(), ids=lambda t: t[:30])
def test_guard_changes_no_match_on_fixtures_and_seeds(text: str) -> None:
    from claimcheck.extract import _pattern

    assert _spans(_pattern(True), text) == _spans(_pattern(False), text)


_NOISE = st.sampled_from(
    ["", " ", "  ", "-", "x", "MiG-", "US", "a ", "The ", "(", ".", ",", "$", "10:", "A"]
)


@settings(max_examples=300, deadline=None)
@given(
    before=_NOISE,
    phrase=strategies.amount_phrases(),
    extra=st.sampled_from(
        ["", " km", "km", " dollars", " cents", " and 43 cents", " or more", " per cent", "%"]
    ),
    after=_NOISE,
)
def test_guard_changes_no_match_on_generated_phrases(
    before: str, phrase: tuple[str, Amount], extra: str, after: str
) -> None:
    from claimcheck.extract import _pattern

    text = f"{before}{phrase[0]}{extra}{after} people"
    assert _spans(_pattern(True), text) == _spans(_pattern(False), text)


@settings(max_examples=100, deadline=None)
@given(
    n=st.integers(min_value=0, max_value=10**6),
    cents=st.integers(min_value=1, max_value=99),
)
def test_dollars_and_cents_sum(n: int, cents: int) -> None:
    found = _amounts(f"It cost ${n} and {cents} cents.")
    assert len(found) == 1, found
    assert found[0][2].low == pytest.approx(n + cents / 100)
    assert found[0][2].unit == "USD"


@settings(max_examples=100, deadline=None)
@given(a=st.integers(min_value=1, max_value=10**5), b=st.integers(min_value=1, max_value=10**5))
def test_two_bounds_joined_by_and(a: int, b: int) -> None:
    low, high = min(a, b), max(a, b)
    found = _amounts(f"x is more than {low} and less than {high}.")
    if low < high:
        assert len(found) == 1, found
        value = found[0][2]
        assert (value.low, value.high, value.low_open, value.high_open) == (low, high, True, True)
    else:
        assert len(found) == 2, found


@settings(max_examples=100, deadline=None)
@given(num=st.integers(min_value=1, max_value=200), den=st.integers(min_value=32, max_value=200))
def test_written_fractions(num: int, den: int) -> None:
    # denominators above 31 so that the time grammar (tried first) cannot read a date "1/5"
    found = _amounts(f"Add {num}/{den} cup of sugar.")
    if num < den:
        assert len(found) == 1, found
        assert found[0][2].low == pytest.approx(num / den)
    else:
        assert found == []  # "24/7", "50/50": shorthand, not a fraction


@settings(max_examples=100, deadline=None)
@given(whole=st.integers(min_value=0, max_value=999), tenth=st.integers(min_value=0, max_value=9))
def test_scaled_decimals_are_exact(whole: int, tenth: int) -> None:
    found = _amounts(f"They raised {whole}.{tenth} million dollars.")
    assert len(found) == 1, found
    assert found[0][2].low == whole * 1_000_000 + tenth * 100_000


@settings(max_examples=100, deadline=None)
@given(feet=st.integers(min_value=1, max_value=9), inches=st.integers(min_value=1, max_value=11))
def test_feet_and_inches_sum_in_inches(feet: int, inches: int) -> None:
    found = _amounts(f"He is {feet} feet {inches} inches tall.")
    assert len(found) == 1, found
    assert (found[0][2].low, found[0][2].unit) == (feet * 12 + inches, "inch")


_TOKENS = st.sampled_from(
    [
        "1",
        "20",
        "3.5",
        "1/2",
        "-",
        " ",
        " ",
        ",",
        ".",
        "$",
        "€",
        "USD",
        "%",
        "km",
        "in",
        "a",
        "and",
        "or",
        "more than",
        "less than",
        "between",
        "from",
        "to",
        "cents",
        "dollars",
        "feet",
        "inches",
        "million",
        "half",
        "dozen",
        "twenty",
        "three",
        "fifths",
        "or equal",
        "or more",
        "about",
        "~",
        "(",
        ")",
        "MiG",
        "/",
    ]
)


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(_TOKENS, min_size=1, max_size=14))
def test_amount_soup_never_raises_and_spans_slice_back(parts: list[str]) -> None:
    text = "".join(parts)
    for m in extract(text):
        assert text[m.span.start : m.span.end] == m.text
        if isinstance(m.value, Amount) and m.value.low is not None and m.value.high is not None:
            assert m.value.low <= m.value.high


@settings(max_examples=150, deadline=None)
@given(case=strategies.money_phrases())
def test_money_phrases_read_back(case: tuple[str, Amount]) -> None:
    text, expected = case
    found = _amounts(f"The bill came to {text} last week.")
    assert len(found) == 1, found
    _, kind, value = found[0]
    assert (kind, value.unit, value.interval) == ("money", expected.unit, expected.interval)
