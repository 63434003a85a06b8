"""Interval algebra on amounts: examples and properties."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.values import Amount, Interval, Relation

bounds = st.none() | st.integers(min_value=-1000, max_value=1000).map(float)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low, high = draw(bounds), draw(bounds)
    if low is not None and high is not None and low > high:
        low, high = high, low
    low_open = draw(st.booleans()) if low is not None and low != high else False
    high_open = draw(st.booleans()) if high is not None and low != high else False
    return Interval(low=low, high=high, low_open=low_open, high_open=high_open)


def test_more_than_80_is_refined_by_83() -> None:
    more_than = Amount(low=80, low_open=True, figure=80, hedge="more than")
    assert Amount.exact(83).relation(more_than) is Relation.REFINES
    assert more_than.relation(Amount.exact(83)) is Relation.REFINED_BY
    assert Amount.exact(80).relation(more_than) is Relation.DISJOINT


def test_units_convert_before_comparing() -> None:
    km = Amount.exact(2, "kilometer", "quantity")
    assert km.relation(Amount.exact(2000, "meter", "quantity")) is Relation.EQUAL


def test_nearly_widens_downward_only() -> None:
    nearly = Amount(low=100, high=100, figure=100, mod="LESS_THAN", hedge="nearly")
    assert nearly.relation(Amount.exact(90)) is Relation.REFINED_BY
    assert nearly.relation(Amount.exact(101)) is Relation.DISJOINT


@given(intervals(), intervals())
def test_relation_is_inverse_symmetric(a: Interval, b: Interval) -> None:
    assert a.relation(b) is b.relation(a).inverse()


@given(intervals(), intervals())
def test_relation_consistent_with_containment(a: Interval, b: Interval) -> None:
    rel = a.relation(b)
    if rel is Relation.REFINES:
        assert b.contains(a)
        assert not a.contains(b)
    if rel is Relation.EQUAL:
        assert a.contains(b)
        assert b.contains(a)
    assert (rel is Relation.DISJOINT) == (a.intersection(b) is None)


@given(intervals(), intervals())
def test_intersection_lies_in_both(a: Interval, b: Interval) -> None:
    both = a.intersection(b)
    if both is not None:
        assert a.contains(both)
        assert b.contains(both)
