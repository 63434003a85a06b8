"""Derived checks: parts against totals, and "first … in nearly a year" gaps; fixtures and properties."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import checks, match, testing
from claimcheck.values import Claim, Document, Duration, Finding, Interval

CASES = json.loads(
    (Path(__file__).resolve().parents[1] / "fixtures" / "reconcile" / "checks.json").read_text("utf-8")
)
YEAR = 31556952.0


def build(case: Mapping[str, Any]) -> tuple[dict[str, Document], dict[str, Claim]]:
    documents = {d["id"]: testing.document(d) for d in case["documents"]}
    return documents, {spec["key"]: testing.claim(spec, documents) for spec in case["claims"]}


def part_whole(documents: dict[str, Document], claims: list[Claim]) -> list[Finding]:
    items = [f for c in claims if (f := match.features(c, documents[c.doc_id].text)) is not None]
    return checks.part_whole(items, documents, {})


def check_expected(case: Mapping[str, Any], keyed: dict[str, Claim], found: list[Finding]) -> None:
    assert len(found) == len(case["expect"])
    for want, got in zip(case["expect"], found, strict=True):
        assert got.verdict == want["verdict"]
        assert got.claims == tuple(keyed[k].id for k in want["claims"])
        assert want["says"] in got.explanation
        assert got.explanation.startswith(want["verdict"] + ":")


@pytest.mark.parametrize("case", CASES["part_whole"], ids=[c["id"] for c in CASES["part_whole"]])
def test_part_whole_fixture(case: dict[str, Any]) -> None:
    documents, keyed = build(case)
    check_expected(case, keyed, part_whole(documents, list(keyed.values())))


@pytest.mark.parametrize("case", CASES["temporal_gap"], ids=[c["id"] for c in CASES["temporal_gap"]])
def test_temporal_gap_fixture(case: dict[str, Any]) -> None:
    documents, keyed = build(case)
    check_expected(case, keyed, checks.temporal_gap(list(keyed.values()), documents))


def test_parts_in_one_fact_count_once() -> None:
    case = next(c for c in CASES["part_whole"] if c["id"] == "parts-exceed-total")
    documents, keyed = build(case)
    items = [match.features(c, documents[c.doc_id].text) for c in keyed.values()]
    same = {keyed["p6"].id: "fact-0001", keyed["p7"].id: "fact-0001"}
    found = checks.part_whole([f for f in items if f is not None], documents, same)
    assert found == []  # one part (the larger, 7) alone does not exceed the total of 10


# --------------------------------------------------------------------------- properties


@settings(max_examples=60, deadline=None)
@given(total=st.integers(0, 60), parts=st.lists(st.integers(0, 40), min_size=2, max_size=4))
def test_part_whole_is_inconsistent_exactly_when_the_parts_exceed_the_total(
    total: int, parts: list[int]
) -> None:
    sentences = [f"A total of {total} people were killed in the attacks."]
    sentences += [
        f"In attack number {'I' * (k + 1)} there {p} people were killed." for k, p in enumerate(parts)
    ]
    documents = {"a": testing.document({"id": "a", "text": " ".join(sentences), "published": "2019-09-21"})}
    common = {"doc": "a", "counted": "people", "event": "killed", "time": "published"}
    claims = [testing.claim({**common, "mention": str(total)}, documents)]
    for k, p in enumerate(parts):
        claims.append(
            testing.claim({**common, "mention": str(p), "after": f"number {'I' * (k + 1)} "}, documents)
        )
    found = part_whole(documents, claims)
    assert len(found) == 1
    assert found[0].verdict == ("inconsistent" if sum(parts) > total else "consistent")
    assert f"add up to {sum(parts)}" in found[0].explanation


GAP = {
    "about": "airstrike",
    "duration": {"value": "P1Y", "seconds": YEAR, "mod": "LESS_THAN"},
}


def gap_case(previous: dt.date, published: dt.date | None) -> tuple[dict[str, Document], list[Claim]]:
    text = (
        "It was their first airstrike in the country in nearly a year. "
        f"The last airstrike in Libya was on {previous.day} {previous:%B} {previous.year}."
    )
    row: dict[str, Any] = {"id": "a", "text": text} | (
        {"published": published.isoformat()} if published else {}
    )
    documents = {"a": testing.document(row)}
    gap = {"doc": "a", "mention": "nearly a year", "gap": GAP} | ({"time": "published"} if published else {})
    mention = f"{previous.day} {previous:%B} {previous.year}"
    prev = {"doc": "a", "mention": mention, "date": previous.isoformat(), "event": "airstrike"}
    return documents, [testing.claim(gap, documents), testing.claim(prev, documents)]


@settings(max_examples=80, deadline=None)
@given(published=st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)), days=st.integers(1, 900))
def test_gap_verdict_follows_the_elapsed_days(published: dt.date, days: int) -> None:
    documents, claims = gap_case(published - dt.timedelta(days=days), published)
    (found,) = checks.temporal_gap(claims, documents)
    window = checks.duration_interval(Duration(value="P1Y", seconds=YEAR, mod="LESS_THAN"))
    fits = window.contains(Interval.exact(days * 86400.0))
    assert found.verdict == ("consistent" if fits else "inconsistent")
    assert f"{days} days" in found.explanation


@settings(max_examples=30, deadline=None)
@given(previous=st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)))
def test_gap_without_any_date_to_measure_from_is_uncheckable(previous: dt.date) -> None:
    documents, claims = gap_case(previous, None)
    (found,) = checks.temporal_gap(claims, documents)
    assert found.verdict == "uncheckable"
    assert found.confidence == 0.0


@settings(max_examples=60, deadline=None)
@given(
    seconds=st.floats(1.0, 1e9),
    mod=st.sampled_from([None, "APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"]),
)
def test_duration_interval_holds_the_stated_figure_unless_it_is_excluded(
    seconds: float, mod: str | None
) -> None:
    window = checks.duration_interval(Duration(value="P1D", seconds=seconds, mod=mod))  # type: ignore[arg-type]
    assert window.contains(Interval.exact(seconds)) == (mod not in ("LESS_THAN", "MORE_THAN"))
