"""Pair verdicts: fixture examples and properties (symmetry, self-agreement, widening)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import testing
from claimcheck.values import Claim, Document, TimeValue
from claimcheck.verdicts import judge

CASES = json.loads(
    (Path(__file__).resolve().parents[1] / "fixtures" / "reconcile" / "verdicts.json").read_text("utf-8")
)
TEXT = "Police said 8 people were killed in Springfield."


def pair(a: dict[str, Any], b: dict[str, Any]) -> tuple[Claim, Claim, dict[str, Document]]:
    docs = {
        "a": testing.document(
            {
                "id": "a",
                "text": a.get("text", TEXT),
                "source": a.get("source", "A"),
                "published": a.get("published"),
            }
        ),
        "b": testing.document(
            {
                "id": "b",
                "text": b.get("text", TEXT),
                "source": b.get("source", "B"),
                "published": b.get("published"),
            }
        ),
    }
    common = {"mention": "8", "counted": "people", "event": "killed", "place": "Springfield"}
    ca = testing.claim({**common, **{k: v for k, v in a.items() if k != "text"}, "doc": "a"}, docs)
    cb = testing.claim({**common, **{k: v for k, v in b.items() if k != "text"}, "doc": "b"}, docs)
    return ca, cb, docs


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_verdict_fixture(case: dict[str, Any]) -> None:
    a, b, docs = pair(case["a"], case["b"])
    finding = judge(a, b, docs)
    assert finding is not None
    assert finding.verdict == case["verdict"]
    for side in (case["a"], case["b"]):  # the explanation quotes both figures
        assert f'"{side.get("mention", "8")} ' in finding.explanation
    assert finding.explanation.startswith(case["verdict"] + ":")


counts = st.integers(min_value=0, max_value=200)
mods = st.sampled_from([None, "APPROX", "LESS_THAN", "MORE_THAN"])
days = st.sampled_from(["2019-09-20", "2019-09-21", "2019-09-23"])


@st.composite
def amount_specs(draw: st.DrawFn) -> dict[str, Any]:
    low = draw(counts)
    shape = draw(st.sampled_from(["exact", "more", "less", "range"]))
    if shape == "exact":
        amount: dict[str, Any] = {"low": low, "high": low, "mod": draw(mods)}
    elif shape == "more":
        amount = {"low": low, "high": None, "low_open": draw(st.booleans())}
    elif shape == "less":
        amount = {"low": None, "high": low + 1, "high_open": draw(st.booleans())}
    else:
        amount = {"low": low, "high": low + draw(counts)}
    return {"amount": amount, "published": draw(days), "source": draw(st.sampled_from(["A", "B"]))}


@settings(max_examples=150)
@given(a=amount_specs(), b=amount_specs())
def test_agree_and_contradict_are_symmetric(a: dict[str, Any], b: dict[str, Any]) -> None:
    ca, cb, docs = pair(a, b)
    one, two = judge(ca, cb, docs), judge(cb, ca, docs)
    assert one == two


@settings(max_examples=100)
@given(a=amount_specs())
def test_a_claim_agrees_with_a_copy_of_itself(a: dict[str, Any]) -> None:
    ca, cb, docs = pair(a, {**a, "source": "C"})
    finding = judge(ca, cb, docs)
    assert finding is not None
    assert finding.verdict == "agree"


@settings(max_examples=150)
@given(a=amount_specs(), b=amount_specs(), widen=st.integers(min_value=0, max_value=50))
def test_widening_never_turns_agree_into_contradict(a: dict[str, Any], b: dict[str, Any], widen: int) -> None:
    ca, cb, docs = pair(a, b)
    before = judge(ca, cb, docs)
    assert before is not None
    # widen b's comparison interval (the one verdicts use) by `widen` on both sides, as explicit
    # bounds: rewriting the spec's own bounds can narrow it ("about 29" is 26.1-31.9, "about 28-30"
    # is a vague range read as written, 28-30)
    amount = cb.mention.amount
    assert amount is not None
    ci = amount.comparison_interval()
    wide: dict[str, Any] = {
        "low": None if ci.low is None else max(0.0, ci.low - widen),
        "high": None if ci.high is None else ci.high + widen,
        "low_open": ci.low_open and widen == 0,
        "high_open": ci.high_open and widen == 0,
    }
    ca2, cb2, docs2 = pair(a, {**b, "amount": wide})
    after = judge(ca2, cb2, docs2)
    assert after is not None
    if before.verdict == "agree":
        assert after.verdict != "contradict"


def test_one_report_does_not_contradict_itself_with_a_singular_person() -> None:
    text = "Four men were wounded on Main Street. Also wounded was a 21-year-old man."
    docs = {"d": testing.document({"id": "d", "text": text, "source": "S", "published": "2014-05-01"})}
    four = testing.claim(
        {
            "doc": "d",
            "mention": "Four",
            "counted": "men",
            "event": "wounded",
            "amount": {"low": 4, "high": 4},
        },
        docs,
    )
    one = testing.claim(
        {
            "doc": "d",
            "mention": "a",
            "after": "was",
            "counted": "man",
            "event": "wounded",
            "amount": {"low": 1, "high": 1},
        },
        docs,
    )
    finding = judge(four, one, docs)
    assert finding is not None
    assert finding.verdict == "refine", finding
    # across reports the same figures still contradict: each report's own words are all it says
    other = {
        **docs,
        "e": testing.document(
            {"id": "e", "text": "Also wounded was a man.", "source": "T", "published": "2014-05-01"}
        ),
    }
    single = testing.claim(
        {"doc": "e", "mention": "a", "counted": "man", "event": "wounded", "amount": {"low": 1, "high": 1}},
        other,
    )
    finding = judge(four, single, other)
    assert finding is not None
    assert finding.verdict == "contradict", finding


def test_a_republished_relative_date_is_no_dispute() -> None:
    """"On Sunday, ..." republished two weeks later resolves to another Sunday: the same words
    (a photo caption's number aside), no disagreement between sources. A different sentence
    with those dates still contradicts."""
    text = "Image 1 of 5 Police say Jacquay Howard, 21, was arrested in Houston on Friday after a month."
    other = "Police said he was arrested in Houston on Friday."
    docs = {
        k: testing.document({"id": k, "text": t, "source": "S" + k, "published": p})
        for k, t, p in (
            ("a", text, "2015-02-25"),
            ("b", text.replace("1 of 5", "5 of 9"), "2015-03-09"),
            ("c", other, "2015-03-09"),
        )
    }

    def dated(doc: str, day: str) -> Claim:
        c = testing.claim({"doc": doc, "mention": "Friday", "date": day, "event": "arrested"}, docs)
        assert isinstance(c.mention.value, TimeValue)
        relative = attrs.evolve(c.mention.value, anchored=True)
        return attrs.evolve(c, mention=attrs.evolve(c.mention, value=relative), time=relative)

    a, b, c = dated("a", "2015-02-20"), dated("b", "2015-03-06"), dated("c", "2015-03-06")
    same = judge(a, b, docs)
    assert same is not None
    assert same.verdict == "agree"
    assert "republished" in same.explanation
    differ = judge(a, c, docs)
    assert differ is not None
    assert differ.verdict == "contradict"
