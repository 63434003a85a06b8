"""Publication dates from datelines and dated digest items."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck import dateline
from claimcheck.values import Document

HEADS = [
    ("### [2016-02-26](/news/2016/02/26/index.md)\n\n# Title", dt.date(2016, 2, 26)),
    ("Last Updated: Monday, 28 November 2005, 14:07 GMT\nBody", dt.date(2005, 11, 28)),
    ("WASHINGTON, Sept. 20, 2019 (Reuters) - Troops left.", dt.date(2019, 9, 20)),
    ("No date up here.\nJust text.", None),
]


@pytest.mark.parametrize(("text", "expected"), HEADS)
def test_dateline_date(text: str, expected: dt.date | None) -> None:
    assert dateline.dateline_date(text) == expected


def test_infer_published_marks_inferred() -> None:
    doc = dateline.infer_published(Document(id="a", text=HEADS[0][0]))
    assert doc.published == dt.date(2016, 2, 26)
    assert doc.published_inferred


def test_caller_date_wins() -> None:
    doc = Document(id="a", text=HEADS[0][0], published="2020-01-01")
    assert dateline.infer_published(doc) is doc


@given(d=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_dated_items_become_segments(d: dt.date) -> None:
    item = f"1. [Story]( /news/{d.year}/{d.month:02d}/{d.day:02d}/story.md) text\n".replace("( ", "(")
    text = "Intro line.\n\n" + item + "2. [Undated](/about) more\n"
    segs = dateline.segments(text, dt.date(2031, 1, 1))
    assert segs[0].published == dt.date(2031, 1, 1)
    assert not segs[0].inferred
    assert [(s.published, s.inferred) for s in segs[1:]] == [(d, True)]
    assert text[segs[1].start : segs[1].end].strip().startswith("1.")
