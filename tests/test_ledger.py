"""The conformance ledger (benchmarks/ledger.py): hand-written fixture cases and properties.

No conformance data is needed: the fixture cases are made up in the scorer's failure shape.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("claimcheck_ledger", ROOT / "benchmarks" / "ledger.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


ledger = _load()
CASES: list[dict[str, Any]] = json.loads((ROOT / "fixtures" / "ledger_cases.json").read_text("utf-8"))[
    "cases"
]

days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_fixture_case(case: dict[str, Any]) -> None:
    """Each hand-written failure gets the class, rules and unexplained kinds the fixture states."""
    v = ledger.classify(case["failure"], case["suite"], case.get("case"))
    assert v.kind == case["kind"]
    assert list(v.rules) == sorted(case["rules"])
    assert sorted(set(v.unexplained)) == sorted(case.get("unexplained", []))


def test_every_rule_cites_a_source_and_has_a_kind() -> None:
    """Rules say which row they follow and are (a) or (b)."""
    for rule in ledger.RULES.values():
        assert rule.kind in {"a", "b"}
        assert rule.cites
        assert rule.summary


def test_suite_ledger_numbers() -> None:
    """Counts, ceiling and target check of a small made-up report."""
    report = {
        "suites": [{"file": "duckling-numeral.jsonl", "cases": 10, "passed": 7}],
        "failures": {
            "duckling-numeral.jsonl": [CASES[0]["failure"], CASES[2]["failure"], CASES[6]["failure"]]
        },
    }
    (lg,) = ledger.build(report, ROOT / "no-such-folder")
    assert (lg.count("a"), lg.count("b"), lg.count("c")) == (2, 0, 1)
    assert lg.ceiling() == pytest.approx(90.0)
    data = lg.as_json()
    assert data["target_pct"] == 95
    assert data["target_within_ceiling"] is False
    assert lg.blocked() == 2
    assert data["reachable_pct"] == pytest.approx(80.0)
    assert data["target_reachable"] is False
    assert "duckling-numeral.jsonl" in ledger.table([lg])


def test_missing_shared_folder_exits_zero(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Without the conformance folder the script says so and exits 0."""
    assert ledger.main(["--dir", str(tmp_path / "absent")]) == 0
    assert "not found" in capsys.readouterr().out


@settings(max_examples=60, deadline=None)
@given(days, st.integers(min_value=1, max_value=7), st.integers(min_value=0, max_value=23))
def test_weekday_forward_resolution(ref_day: dt.date, iso: int, hour: int) -> None:
    """The conventions' weekday against Duckling's next one is forward resolution; a week earlier is not."""
    ref = dt.datetime(ref_day.year, ref_day.month, ref_day.day, hour)
    ours = ledger.resolve_weekday(iso, ref)
    nxt = ours + dt.timedelta(days=7)
    p, name = ledger.period, f"{ours:%A}"
    assert ledger.forward_resolution(p(f"{ours:%Y-%m-%d}"), p(f"{nxt:%Y-%m-%d}"), ref, name)
    older = ours - dt.timedelta(days=7)
    assert not ledger.forward_resolution(p(f"{older:%Y-%m-%d}"), p(f"{nxt:%Y-%m-%d}"), ref, name)


@settings(max_examples=60, deadline=None)
@given(days, st.integers(min_value=0, max_value=400))
def test_day_range_notations_agree(start: dt.date, length: int) -> None:
    """A Recognizers (A,B,D) range and the same A/B are one interval; one day more is the last-period rule."""
    end = start + dt.timedelta(days=length)
    theirs = ledger.period(f"({start},{end},P{length}D)")
    assert ledger.same(ledger.period(f"{start}/{end}"), theirs)
    longer = ledger.period(f"{start}/{end + dt.timedelta(days=1)}")
    assert ledger.last_period(longer, theirs) is not None
    assert ledger.last_period(ledger.period(f"{start}/{end + dt.timedelta(days=2)}"), theirs) is None


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1900, max_value=2100), st.integers(min_value=1, max_value=12))
def test_month_is_its_days(year: int, month: int) -> None:
    """YYYY-MM is the interval from its first day to the next month's first day."""
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    assert ledger.same(ledger.period(f"{year}-{month:02d}"), ledger.period(f"{year}-{month:02d}-01/{nxt}"))


@settings(max_examples=60, deadline=None)
@given(days, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28))
def test_month_day_rule(ref_day: dt.date, month: int, day: int) -> None:
    """A yearless date resolves to at most a month after the reference and less than a year before it."""
    ref = dt.datetime(ref_day.year, ref_day.month, ref_day.day)
    got = ledger.resolve_month_day(month, day, ref)
    assert got is not None
    assert (got.month, got.day) == (month, day)
    assert ref - dt.timedelta(days=366) < got <= ref + dt.timedelta(days=31)


def test_module_doctests() -> None:
    """The examples in benchmarks/ledger.py hold (benchmarks/ is outside pytest's doctest paths)."""
    import doctest

    result = doctest.testmod(ledger)
    assert result.attempted > 10
    assert result.failed == 0


def test_conformance_script_without_data(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """benchmarks/conformance.py --ledger says the suites are missing and exits 0."""
    script = ROOT / "benchmarks" / "conformance.py"
    spec = importlib.util.spec_from_file_location("claimcheck_conformance", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--ledger", "--dir", str(tmp_path / "absent")]) == 0
    assert "not found" in capsys.readouterr().out
