"""Publication dates read from the text: datelines, dated headings, and dated items of a digest.

``Document.published`` normally comes from the caller. When it is missing, a dateline or a dated
heading at the top of the text may supply it (:func:`infer_published`), marked inferred. A
digest that bundles several dated items (a "Related" list whose links carry
``/news/2016/02/20/...``) gives each item its own reference date (:func:`segments`), which
:class:`claimcheck.times.Context` uses to anchor "yesterday" or "Friday" inside that item.

>>> doc = Document(id="d", text="WASHINGTON, Sept. 20 (Reuters) - Troops left on Thursday.")
>>> infer_published(doc).published is None  # no year in the dateline and no other clue
True
>>> infer_published(Document(id="d", text="### [2016-02-26](/news/2016/02/26/index.md)\\nText")).published
datetime.date(2016, 2, 26)
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import attrs

from claimcheck.values import Document

HEAD_CHARS = 400
"""How far into a text a dateline or dated heading may start."""


@attrs.frozen(kw_only=True)
class Segment:
    """A stretch ``[start, end)`` of a text whose relative dates anchor to ``published``.

    ``inferred`` is True when the date was read from the text (a link or dateline), not given.
    """

    start: int
    end: int
    published: dt.date | None
    inferred: bool = False


_LEADING_WEEKDAY = re.compile(r"^(?:\w+day),?\s+")


@functools.cache
def _rx() -> dict[str, re.Pattern[str]]:
    return {
        # "### [2016-02-26](...)", "2016-02-26" on a line of its own near the top
        "iso_heading": re.compile(r"^\W{0,6}\[?(\d{4})-(\d{2})-(\d{2})\b", re.MULTILINE),
        # "Last Updated: Monday, 28 November 2005", "Published: Nov. 29, 2018", "Updated 2019-09-21"
        "labelled": re.compile(
            r"(?im)^\W*(?:last\s+updated|updated|published|posted|date)\s*:?\s*(?P<date>[^\n|]{6,60}?)\s*(?:\d{1,2}:\d\d.*)?$"
        ),
        # "WASHINGTON, Sept. 20 (Reuters) -", "TRIPOLI, Libya (AP) —"
        "dateline": re.compile(
            r"^\s*[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][\w .]{1,30})?,\s*"
            r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)"
            r"\s*(?:\([^)]{2,30}\))?\s*[-–—]",
            re.MULTILINE,
        ),
        # a dated link: "(/news/2016/02/20/slug.md)" or "https://site/2016/02/20/slug"
        "dated_link": re.compile(r"\]\([^)\s]*?/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})/[^)\s]*\)"),
        # one item of a list: from its marker to the next marker or the end
        "item": re.compile(r"^\s*(?:\d+[.)]|[-*+])\s+", re.MULTILINE),
    }


def _date(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def dateline_date(text: str) -> dt.date | None:
    """The publication date a dateline or dated heading at the top of *text* states, if any.

    >>> dateline_date("Last Updated: Monday, 28 November 2005, 14:07 GMT\\nBody")
    datetime.date(2005, 11, 28)
    """
    from claimcheck import times

    head = text[:HEAD_CHARS]
    rx = _rx()
    m = rx["iso_heading"].search(head)
    if m is not None and m.start() < HEAD_CHARS // 2:
        d = _date(m[1], m[2], m[3])
        if d is not None:
            return d
    for key in ("labelled", "dateline"):
        m = rx[key].search(head)
        if m is None:
            continue
        raw = _LEADING_WEEKDAY.sub("", m["date"].strip().rstrip(",;-–— "))
        tv = times.parse_date(raw)
        if tv is not None and tv.resolved and tv.start is not None and tv.grain == "day":
            return tv.start.date()
    return None


def infer_published(document: Document) -> Document:
    """The document with ``published`` filled from its dateline when the caller gave none."""
    if document.published is not None:
        return document
    found = dateline_date(document.text)
    if found is None:
        return document
    return attrs.evolve(document, published=found, published_inferred=True)


def segments(text: str, published: dt.date | None) -> tuple[Segment, ...]:
    """Split *text* into stretches with their own reference dates (dated items of a digest).

    The whole text anchors to *published*; each list item whose link carries a date
    ("/news/2016/02/20/...") is a segment of its own with that date, marked inferred.

    >>> text = "Top story on Friday.\\n1. [Item](/news/2016/02/20/x.md) yesterday's strike\\n"
    >>> [(s.published.isoformat(), s.inferred) for s in segments(text, dt.date(2016, 2, 26))]
    [('2016-02-26', False), ('2016-02-20', True)]
    """
    rx = _rx()
    out: list[Segment] = [Segment(start=0, end=len(text), published=published)]
    starts = [m.start() for m in rx["item"].finditer(text)]
    if not starts:
        return tuple(out)
    bounds = [*starts, len(text)]
    for i, s in enumerate(starts):
        e = bounds[i + 1]
        link = rx["dated_link"].search(text, s, e)
        if link is None:
            continue
        d = _date(link[1], link[2], link[3])
        if d is not None:
            out.append(Segment(start=s, end=e, published=d, inferred=True))
    return tuple(out)
