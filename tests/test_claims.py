"""Claim frames: fixture cases (fixtures/claims_en.json) and properties side by side."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import claims
from claimcheck.values import Amount, Claim, Document, Mention, MentionKind, Part, Span, TimeValue

FIXTURES = Path(__file__).parent.parent / "fixtures"
CASES: list[dict[str, Any]] = json.loads((FIXTURES / "claims_en.json").read_text("utf-8"))


def _time_value(value: str) -> TimeValue:
    """A resolved TimeValue for an ISO date, month, year or ``start/end`` interval."""
    if "/" in value:
        a, b = value.split("/")
        start, end = dt.datetime.fromisoformat(a), dt.datetime.fromisoformat(b)
        return TimeValue(value=value, start=start, end=end, kind="daterange")
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        start = dt.datetime(parts[0], parts[1], parts[2])
        return TimeValue(value=value, start=start, end=start + dt.timedelta(days=1))
    if len(parts) == 2:
        start = dt.datetime(parts[0], parts[1], 1)
        end = dt.datetime(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return TimeValue(value=value, start=start, end=end, grain="month")
    return TimeValue(
        value=value, start=dt.datetime(parts[0], 1, 1), end=dt.datetime(parts[0] + 1, 1, 1), grain="year"
    )


def _mentions(text: str, specs: list[dict[str, Any]]) -> list[Mention]:
    found = []
    pos = 0
    for spec in specs:
        start = text.index(spec["text"], pos)
        end = start + len(spec["text"])
        pos = end
        kind: MentionKind = spec["kind"]
        value: Amount | TimeValue
        if kind in ("date", "daterange"):
            value = _time_value(spec["value"])
        else:
            value = Amount(
                low=spec.get("low"),
                high=spec.get("high"),
                low_open=spec.get("low_open", False),
                figure=spec.get("low", spec.get("high")),
                mod=spec.get("mod"),
                unit=spec.get("unit", ""),
                kind=kind if kind != "range" else "range",  # type: ignore[arg-type]
            )
        found.append(Mention(span=Span(start, end), text=text[start:end], kind=kind, value=value))
    return found


def _norm(part: Part | None) -> str | None:
    return None if part is None else part.norm


def _text(part: Part | None) -> str | None:
    return None if part is None else part.text


CHECKS: dict[str, Callable[[Claim], object]] = {
    "kind": lambda c: c.kind,
    "counted": lambda c: _text(c.counted),
    "counted_norm": lambda c: _norm(c.counted),
    "event": lambda c: _norm(c.event),
    "event_text": lambda c: _text(c.event),
    "actor": lambda c: _norm(c.actor),
    "place": lambda c: _norm(c.place),
    "place_text": lambda c: _text(c.place),
    "time": lambda c: None if c.time is None else c.time.value,
    "time_text": lambda c: _text(c.time_part),
    "time_fallback": lambda c: c.time_fallback,
    "attribution": lambda c: _norm(c.attribution),
    "attribution_text": lambda c: _text(c.attribution),
    "modality": lambda c: _norm(c.modality),
    "revision": lambda c: _norm(c.revision),
    "quote": lambda c: c.quote,
}


def _build(case: dict[str, Any]) -> tuple[Document, tuple[Claim, ...]]:
    doc = Document(id=case["id"], text=case["text"], published=case.get("published"))
    return doc, claims.build_claims(doc, _mentions(case["text"], case["mentions"]), segments=())


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_claims_fixture(case: dict[str, Any]) -> None:
    doc, built = _build(case)
    by_text = {c.mention.text: c for c in built}
    for expect in case["expect"]:
        claim = by_text.get(expect["mention"])
        assert claim is not None, f"no claim around {expect['mention']!r}; got {sorted(by_text)}"
        for key, want in expect.items():
            if key == "mention":
                continue
            assert CHECKS[key](claim) == want, f"{expect['mention']!r}: {key}"
    for absent in case.get("absent", []):
        assert absent not in by_text, f"{absent!r} should give no claim"
    _check_spans(doc, built)


def _check_spans(doc: Document, built: tuple[Claim, ...]) -> None:
    for claim in built:
        for field in attrs.fields(Claim):
            part = getattr(claim, field.name)
            if isinstance(part, Part):
                assert part.span.slice(doc.text) == part.text, (claim.id, field.name)
        assert claim.sentence is not None
        assert claim.sentence.start <= claim.mention.span.start < claim.sentence.end
        assert claim.id == f"{doc.id}:{claim.mention.span.start}"


def test_claim_ids_unique_and_stable() -> None:
    for case in CASES:
        _, first = _build(case)
        _, second = _build(case)
        assert [c.id for c in first] == [c.id for c in second]
        assert len({c.id for c in first}) == len(first)


# --------------------------------------------------------------------------- end to end


SEED_HEAD = (
    "First US airstrike in Libya in a year kills eight ISIS fighters\n\n"
    "American forces killed eight Islamic State fighters in Libya in an airstrike, their first "
    "in the country in nearly a year.\n\nThe strike occurred Thursday."
)


def test_end_to_end_with_extraction() -> None:
    doc = Document(id="seed", text=SEED_HEAD, published="2019-09-21")
    built = claims.build_claims(doc)
    amounts = [c for c in built if c.kind == "amount"]
    assert [(c.mention.text, _norm(c.counted), _norm(c.event)) for c in amounts] == [
        ("eight", "islamic state fighter", "killed"),
        ("eight", "islamic state fighter", "killed"),
    ]
    assert [_norm(c.actor) for c in amounts] == ["us", "us force"]
    assert all(c.time_fallback and c.published == dt.date(2019, 9, 21) for c in amounts)
    dates = [c for c in built if c.kind == "date"]
    assert [(c.mention.text, c.time.value if c.time else None) for c in dates] == [("Thursday", "2019-09-19")]
    assert {c.kind for c in built} >= {"gap"}
    _check_spans(doc, built)


def test_digest_items_take_their_own_date() -> None:
    text = (
        "### [2016-02-26](/news/2016/02/26/index.md)\n\n# Seven soldiers are killed in Benghazi.\n\n"
        "### Related:\n\n"
        "5. [U.S. B-2 stealth bombers strike two ISIL camps, killing more than 80 militants, according to "
        "United States Secretary of Defense Ash Carter. ](/news/2017/01/19/u-s-b-2.md) _Context: ISIL_\n"
    )

    @attrs.frozen
    class Seg:
        start: int
        end: int
        published: dt.date | None

    item = text.index("5. [")
    segments = (Seg(0, item, dt.date(2016, 2, 26)), Seg(item, len(text), dt.date(2017, 1, 19)))
    doc = Document(id="digest", text=text, published="2016-02-26")
    built = claims.build_claims(doc, segments=segments)
    killing = next(c for c in built if c.mention.text == "more than 80")
    assert killing.published == dt.date(2017, 1, 19)
    assert killing.time_fallback
    assert killing.time is not None
    assert killing.time.value == "2017-01-19"
    assert _norm(killing.attribution) == "us secretary of defense ash carter"
    assert not any(c.sentence and "/news/" in c.sentence.slice(text) for c in built)
    assert not any("/news/" in c.quote for c in built)
    _check_spans(doc, built)


def test_no_published_date_leaves_time_empty() -> None:
    doc = Document(id="x", text="Eight people were killed.")
    built = claims.build_claims(
        doc, _mentions(doc.text, [{"text": "Eight", "kind": "number", "low": 8, "high": 8}])
    )
    assert built[0].time is None
    assert built[0].time_fallback
    assert built[0].published is None


def test_long_sentence_quote_is_trimmed_around_the_figure() -> None:
    filler = "and the people of the region went on with their lives " * 10
    text = f"Residents said {filler} while 12 people were killed {filler}."
    doc = Document(id="long", text=text, published="2020-01-01")
    built = claims.build_claims(
        doc, _mentions(text, [{"text": "12", "kind": "number", "low": 12, "high": 12}])
    )
    assert "12 people were killed" in built[0].quote
    assert len(built[0].quote) <= 245
    assert built[0].quote.startswith("…")


def test_split_sentences() -> None:
    text = (
        "Mr. Smith met Gen. Jones in the U.S. on Monday. Both left.\n# Heading\n- Strength2: 1,100 fighters"
    )
    assert [s.slice(text) for s in claims.split_sentences(text)] == [
        "Mr. Smith met Gen. Jones in the U.S. on Monday.",
        "Both left.",
        "Heading",
        "Strength2: 1,100 fighters",
    ]


def test_event_class_and_infobox_flag() -> None:
    assert claims.event_class("died") == "toll"
    assert claims.event_class("arrested") == "detention"
    case = next(c for c in CASES if c["id"] == "infobox-lines")
    _, built = _build(case)
    assert all(claims.is_infobox(c) for c in built if c.mention.text != "5 October 2014 – 21 April 2016")


# --------------------------------------------------------------------------- data integrity


def test_event_words_have_one_lemma_each() -> None:
    name = claims.EVENTS
    text = resources.files("claimcheck.data").joinpath(name).read_text("utf-8")
    data = tomllib.loads(text)
    seen: dict[str, str] = {}
    for lemma, entry in data["events"].items():
        assert entry["class"] in {"toll", "detention", "release", "force", "incident"}, (
            f"{name}: [events.{lemma}] class"
        )
        for word in entry["words"]:
            line = next(i for i, ln in enumerate(text.splitlines(), 1) if f'"{word}"' in ln)
            assert word not in seen, f"{name}:{line}: {word!r} is in both {seen[word]} and {lemma}"
            assert word == word.lower().strip(), f"{name}:{line}: write {word!r} in lower case"
            seen[word] = lemma


# --------------------------------------------------------------------------- properties

FRAGMENTS = [
    "eight",
    "more than 80",
    "12",
    "dozens of",
    "Seven",
    "ISIS fighters",
    "soldiers",
    "people",
    "were killed",
    "killed",
    "killing",
    "wounded",
    "in Derna",
    "outside Murzuq",
    "southwest of the city",
    "on Friday",
    "in January 2017",
    "On 12 November 2014,",
    "according to Ash Carter",
    "an army commander said",
    "reportedly",
    "rose to",
    "could rise",
    "U.S. airstrikes",
    "American forces",
    "the",
    "and",
    ",",
    ".",
    "\n",
    "\n\n",
    "- Casualties2: 83+ fighters, killed,",
    "1,100-strong",
    "Mr.",
    "Nov. 29,",
    "(",
    ")",
    "[item](/news/2016/02/20/x.md)",
    "İstanbul",
    "“",
    "”",
]


@settings(max_examples=60, deadline=None)
@given(parts=st.lists(st.sampled_from(FRAGMENTS), max_size=30), published=st.none() | st.dates())
def test_every_part_slices_back_to_its_text(parts: list[str], published: dt.date | None) -> None:
    text = " ".join(parts)
    doc = Document(id="p", text=text, published=published)
    built = claims.build_claims(doc, segments=())
    _check_spans(doc, built)
    assert len({c.id for c in built}) == len(built)
    for c in built:
        assert c.published == published
        assert (c.time is None) == (published is None and c.time_fallback)


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab 7.\n,İ-ACK:"), max_size=80), data=st.data())
def test_hand_mentions_anywhere(text: str, data: st.DataObject) -> None:
    """Mentions at arbitrary spans (as extraction may give them) never break the frames."""
    mentions = []
    for m in re.finditer(r"\d+", text):
        kinds: list[MentionKind] = ["number", "date", "gap", "ordinal", "money"]
        kind = data.draw(st.sampled_from(kinds))
        value: Any = _time_value("2015-02-15") if kind == "date" else Amount.exact(7)
        if kind == "gap":
            from claimcheck.values import GapClaim

            value = GapClaim(about="strike")
        mentions.append(Mention(span=Span(m.start(), m.end()), text=m.group(), kind=kind, value=value))
    doc = Document(id="h", text=text, published="2020-01-01")
    built = claims.build_claims(doc, mentions, segments=())
    _check_spans(doc, built)
    assert all(c.mention.kind not in {"ordinal", "money"} or c.event is not None for c in built)
