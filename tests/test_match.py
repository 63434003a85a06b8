"""Matching: fixture examples (towns, dates, headlines, chains, blocks) and properties."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import match, testing
from claimcheck.values import Amount, Claim, Document, Mention, Span

CASES = json.loads(
    (Path(__file__).resolve().parents[1] / "fixtures" / "reconcile" / "match.json").read_text("utf-8")
)


def build(case: Mapping[str, Any]) -> tuple[list[Document], dict[str, Claim]]:
    """The documents of a fixture case and its claims by key."""
    documents = [testing.document(d) for d in case["documents"]]
    by_id = {d.id: d for d in documents}
    return documents, {spec["key"]: testing.claim(spec, by_id) for spec in case["claims"]}


def run(documents: Sequence[Document], claims: Sequence[Claim]) -> match.Matching:
    return match.match(claims, {d.id: d.text for d in documents})


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_match_fixture(case: dict[str, Any]) -> None:
    documents, keyed = build(case)
    result = run(documents, list(keyed.values()))
    expected = {tuple(sorted(keyed[k].id for k in group)) for group in case["facts"]}
    assert set(result.groups) == expected
    for a, b in case["apart"]:
        ida, idb = keyed[a].id, keyed[b].id
        assert not any(ida in g and idb in g for g in result.groups)
    for a, b in case.get("links", []):
        assert tuple(sorted((keyed[a].id, keyed[b].id))) in result.links
    if "candidates" in case:
        assert result.candidates == case["candidates"]


def test_complete_link_does_not_chain() -> None:
    edges = {("a", "b"): 0.9, ("b", "c"): 0.8, ("c", "d"): 0.95}
    assert match.complete_link(["a", "b", "c", "d"], edges) == [("a", "b"), ("c", "d")]


@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_matching_does_not_depend_on_claim_order(data: st.DataObject) -> None:
    case = data.draw(st.sampled_from(CASES))
    documents, keyed = build(case)
    claims = list(keyed.values())
    shuffled = data.draw(st.permutations(claims))
    assert run(documents[::-1], shuffled) == run(documents, claims)


# --------------------------------------------------------------------------- candidate pairs

BLOCKS = [("amount", "killed", "count"), ("amount", "injured", "count"), ("amount", "killed", "[length]")]


def _features(
    doc: str, n: int, block: tuple[str, str, str], window: tuple[int, int] | None
) -> match.Features:
    mention = Mention(span=Span(n, n + 1), text="1", kind="number", value=Amount.exact(1))
    claim = Claim(
        id=f"{doc}:{n:04d}", doc_id=doc, source=None, published=None, kind="amount", mention=mention
    )
    return match.Features(
        claim=claim,
        block=block,
        lo=None if window is None else window[0],
        hi=None if window is None else window[1],
        period=window,
        precise=window is not None,
        published=None,
        counted="",
        places=(),
        actor="",
        heading=False,
        infobox=False,
        total=False,
        value=None,
    )


@st.composite
def feature_lists(draw: st.DrawFn) -> list[match.Features]:
    rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["d0", "d1", "d2", "d3"]),
                st.sampled_from(BLOCKS),
                st.none() | st.tuples(st.integers(0, 60), st.integers(0, 20)),
            ),
            max_size=25,
        )
    )
    return [
        _features(doc, n, block, None if w is None else (w[0], w[0] + w[1]))
        for n, (doc, block, w) in enumerate(rows)
    ]


keys_strategy = st.none() | st.dictionaries(
    st.sampled_from(["d0", "d1", "d2", "d3"]),
    st.lists(st.sampled_from(["name:Ann", "name:Reno", "name:Elm"]), unique=True).map(tuple),
)


def naive_pairs(
    items: Sequence[match.Features], keys: Mapping[str, Sequence[str]] | None
) -> set[tuple[int, int]]:
    """The pairs blocking must yield, by comparing every pair (the slow, obviously right way)."""
    out = set()
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            b = items[j]
            same_doc = a.claim.doc_id == b.claim.doc_id
            if a.block != b.block:
                continue
            if a.lo is None or b.lo is None:
                if a.lo is None and b.lo is None and same_doc:
                    out.add((i, j))
                continue
            assert a.hi is not None
            assert b.hi is not None
            if max(a.lo, b.lo) > min(a.hi, b.hi):
                continue
            shared = keys is None or set(keys.get(a.claim.doc_id, ())) & set(keys.get(b.claim.doc_id, ()))
            if same_doc or shared:
                out.add((i, j))
    return out


@settings(max_examples=200, deadline=None)
@given(items=feature_lists(), keys=keys_strategy)
def test_blocking_yields_exactly_the_naive_pairs(
    items: list[match.Features], keys: dict[str, tuple[str, ...]] | None
) -> None:
    pairs = list(match.candidate_pairs(items, keys))
    assert len(pairs) == len(set(pairs))
    assert all(i < j for i, j in pairs)
    assert set(pairs) == naive_pairs(items, keys)


EVENTS = ["killed", "injured", "arrested"]
UNITS = ["", "mile", "USD"]


@st.composite
def report_claims(draw: st.DrawFn) -> tuple[list[Document], list[Claim]]:
    rows = draw(
        st.lists(
            st.tuples(
                st.integers(1, 12), st.sampled_from(EVENTS), st.sampled_from(UNITS), st.integers(18, 21)
            ),
            min_size=2,
            max_size=8,
        )
    )
    documents, specs = [], []
    for k, (n, event, unit, day) in enumerate(rows):
        text = f"Police in Springfield said {n} people were {event} on {day} September."
        documents.append(
            testing.document({"id": f"d{k}", "text": text, "source": f"S{k % 3}", "published": "2019-09-22"})
        )
        amount: dict[str, Any] = {"low": n, "high": n} | ({"unit": unit} if unit else {})
        specs.append(
            {
                "doc": f"d{k}",
                "mention": str(n),
                "amount": amount,
                "counted": "people",
                "event": event,
                "place": "Springfield",
                "time": dt.date(2019, 9, day).isoformat(),
            }
        )
    by_id = {d.id: d for d in documents}
    return documents, [testing.claim(s, by_id) for s in specs]


@settings(max_examples=40, deadline=None)
@given(case=report_claims())
def test_links_never_cross_events_or_units(case: tuple[list[Document], list[Claim]]) -> None:
    documents, claims = case
    result = run(documents, claims)
    by_id = {c.id: c for c in claims}
    for a, b in result.links:
        ca, cb = by_id[a], by_id[b]
        assert ca.event is not None
        assert cb.event is not None
        assert ca.event.norm == cb.event.norm
        va, vb = ca.mention.value, cb.mention.value
        assert isinstance(va, Amount)
        assert isinstance(vb, Amount)
        assert va.unit == vb.unit
    n = len(claims)
    assert result.candidates <= n * (n - 1) // 2


@settings(max_examples=40, deadline=None)
@given(case=report_claims())
def test_groups_are_cliques_of_links(case: tuple[list[Document], list[Claim]]) -> None:
    documents, claims = case
    result = run(documents, claims)
    seen: set[str] = set()
    for group in result.groups:
        assert not seen & set(group)
        seen |= set(group)
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                assert (a, b) in result.links


@settings(max_examples=100, deadline=None)
@given(
    edges=st.dictionaries(
        st.tuples(st.sampled_from("abcdef"), st.sampled_from("abcdef")).filter(lambda e: e[0] < e[1]),
        st.floats(0.6, 1.0),
    )
)
def test_complete_link_groups_are_cliques(edges: dict[tuple[str, str], float]) -> None:
    ids = sorted({x for e in edges for x in e})
    groups = match.complete_link(ids, edges)
    assert sorted(x for g in groups for x in g) == ids
    for group in groups:
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                assert (a, b) in edges
    assert match.complete_link(ids[::-1], dict(reversed(list(edges.items())))) == groups


def test_name_keys_skip_names_too_common_to_block_on() -> None:
    texts = {f"d{i}": f"Police found Ann{'a' * (i // 2)} on Elm" for i in range(6)}
    keys = match.NameIndex.build(texts).keys(cap=3)
    assert all("name:Police" not in k and "name:Elm" not in k for k in keys.values())
    assert keys["d0"] == keys["d1"] == ("name:Ann",)


def test_context_veto_grows_smoothly_with_the_corpus() -> None:
    thresholds = [
        match.NameIndex.build({f"d{i}": "Ann" for i in range(n)}).veto_threshold() for n in (2, 10, 50, 500)
    ]
    assert thresholds == sorted(thresholds)
    assert thresholds[0] < 0.01
    assert thresholds[-1] < match.CONTEXT_VETO


def test_a_long_page_does_not_seem_to_tell_every_story() -> None:
    names = " ".join(f"Name{chr(65 + i // 26)}{chr(97 + i % 26)}" for i in range(40))
    texts = {
        "short": "Ann met Bob in Elm.",
        "long": f"Ann met Bob in Elm. {names}",
        "peer": "Ann and Bob in Elm.",
    }
    index = match.NameIndex.build(texts)
    assert index.similarity("short", "peer") == 1.0
    assert index.similarity("short", "long") <= 3 / (match.SIZE_RATIO * 43) + 1e-9
    assert index.similarity("short", "long") == index.similarity("long", "short")


@settings(max_examples=60)
@given(
    st.dictionaries(
        st.sampled_from(["a", "b", "c"]),
        st.lists(st.sampled_from(["Ann", "Bob", "Elm", "Oak", "Zed"]), max_size=5).map(" ".join),
        min_size=2,
    )
)
def test_context_similarity_is_symmetric_and_bounded(texts: dict[str, str]) -> None:
    index = match.NameIndex.build(texts)
    for a in texts:
        for b in texts:
            s = index.similarity(a, b)
            assert 0.0 <= s <= 1.0
            assert s == index.similarity(b, a)
