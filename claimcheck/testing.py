"""Build Documents and Claims from small JSON specs, for fixtures and tests of the reconciler.

A claim spec names its words, and the offsets are found in the document's text, so fixtures
stay readable and spans stay exact::

    {"doc": "a", "mention": "more than 80", "amount": {"low": 80, "low_open": true},
     "counted": "fighters", "event": ["killed", "killed"], "time": {"value": "2017-01"}}

Parts are a string (text; norm = its lower case) or ``[text, norm]``, looked up first inside
the mention's sentence. ``time`` is a TIMEX3 value (day, month or year) or ``"published"``
(the publication date, ``time_fallback``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from claimcheck.values import (
    Amount,
    Claim,
    ClaimKind,
    Document,
    Duration,
    GapClaim,
    Mention,
    MentionKind,
    MentionValue,
    Part,
    Span,
    TimeValue,
)

_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def document(spec: Mapping[str, Any]) -> Document:
    """A Document from ``{"id", "text", "source"?, "published"?}``."""
    return Document(
        id=spec["id"], text=spec["text"], source=spec.get("source"), published=spec.get("published")
    )


def period(value: str) -> TimeValue:
    """A resolved TimeValue for a TIMEX3 day, month or year value.

    >>> period("2017-01").end
    datetime.datetime(2017, 2, 1, 0, 0)
    """
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        start = dt.datetime(parts[0], parts[1], parts[2])
        return TimeValue(value=value, start=start, end=start + dt.timedelta(days=1), grain="day")
    if len(parts) == 2:
        start = dt.datetime(parts[0], parts[1], 1)
        end = dt.datetime(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return TimeValue(value=value, start=start, end=end, grain="month", kind="daterange")
    start = dt.datetime(parts[0], 1, 1)
    return TimeValue(value=value, start=start, end=dt.datetime(parts[0] + 1, 1, 1), grain="year")


def sentence_of(text: str, pos: int) -> Span:
    """The sentence (or line) around *pos*: from after the previous end mark to the next one."""
    start = 0
    for found in _SENTENCE_END.finditer(text, 0, pos):
        start = found.end()
    nxt = _SENTENCE_END.search(text, pos)
    end = nxt.end() if nxt else len(text)
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end)


def _find(text: str, words: str, within: Span, after: str = "") -> Span:
    """The first whole-word occurrence of *words* inside *within*, else after *after*, else anywhere."""
    left = r"\b" if words[:1].isalnum() else ""
    right = r"\b" if words[-1:].isalnum() else ""
    pattern = re.compile(left + re.escape(words) + right)
    found = pattern.search(text, within.start, within.end) if len(within) else None
    if found is None:
        start = 0
        if after:
            at = text.find(after)
            if at == -1:
                msg = f"{after!r} is not in the document text; quote the text exactly in the spec"
                raise ValueError(msg)
            start = at
        found = pattern.search(text, start)
    if found is None:
        msg = f"{words!r} is not in the document text; quote the text exactly in the spec"
        raise ValueError(msg)
    return Span(found.start(), found.end())


def _part(text: str, spec: str | Sequence[str] | None, sentence: Span) -> Part | None:
    if spec is None:
        return None
    words, norm = (spec, spec.lower()) if isinstance(spec, str) else (spec[0], spec[1])
    return Part(text=words, span=_find(text, words, sentence), norm=norm)


_WORDS = (
    *("zero", "one", "two", "three", "four", "five", "six"),
    *("seven", "eight", "nine", "ten", "eleven", "twelve"),
)


def _figure(mention: str) -> float | None:
    words = mention.lower().replace(",", "").rstrip("+").split()
    last = words[-1] if words else ""
    if last in _WORDS:
        return float(_WORDS.index(last))
    try:
        return float(last)
    except ValueError:
        return None


def _amount(spec: Mapping[str, Any], mention: str) -> Amount:
    """The amount of a spec; without bounds, the figure written in *mention* ("eight", "1,100")."""
    figure = spec.get("figure", spec.get("low", spec.get("high", _figure(mention))))
    fields = {
        k: spec[k]
        for k in ("low", "high", "low_open", "high_open", "mod", "unit", "kind", "vague")
        if k in spec
    }
    if "low" not in spec and "high" not in spec:
        fields["low"] = fields["high"] = figure
    return Amount(figure=figure, **fields)


def _duration(spec: Mapping[str, Any]) -> Duration:
    return Duration(
        value=spec["value"],
        seconds=float(spec["seconds"]),
        low=spec.get("low"),
        high=spec.get("high"),
        low_open=spec.get("low_open", False),
        high_open=spec.get("high_open", False),
        mod=spec.get("mod"),
    )


def claim(spec: Mapping[str, Any], documents: Mapping[str, Document]) -> Claim:
    """A Claim from a spec (see the module docstring); its id is ``doc:start``.

    The mention is the first whole-word occurrence of ``mention`` at or after the text ``after``.
    """
    doc = documents[spec["doc"]]
    text = doc.text
    span = _find(text, spec["mention"], Span(0, 0), spec.get("after", ""))
    sentence = sentence_of(text, span.start)
    value: MentionValue
    kind: ClaimKind
    mkind: MentionKind
    if "date" in spec:
        value, kind, mkind = period(spec["date"]), "date", "date"
    elif "gap" in spec:
        gap = spec["gap"]
        value = GapClaim(
            about=gap.get("about", ""),
            duration=_duration(gap["duration"]) if "duration" in gap else None,
            previous=period(gap["previous"]) if "previous" in gap else None,
        )
        kind, mkind = "gap", "duration" if "duration" in gap else "date"
    else:
        value, kind, mkind = _amount(spec.get("amount", {}), spec["mention"]), "amount", "number"
    time_spec = spec.get("time")
    time: TimeValue | None
    fallback = False
    if time_spec == "published":
        time = period(doc.published.isoformat()) if doc.published else None
        fallback = True
    elif isinstance(time_spec, str):
        time = period(time_spec)
    else:
        time = value if isinstance(value, TimeValue) else None
    return Claim(
        id=f"{doc.id}:{span.start}",
        doc_id=doc.id,
        source=spec.get("source", doc.source),
        published=dt.date.fromisoformat(spec["published"]) if "published" in spec else doc.published,
        kind=kind,
        mention=Mention(span=span, text=span.slice(text), kind=mkind, value=value),
        counted=_part(text, spec.get("counted"), sentence),
        event=_part(text, spec.get("event"), sentence),
        actor=_part(text, spec.get("actor"), sentence),
        place=_part(text, spec.get("place"), sentence),
        time=time,
        time_fallback=fallback,
        revision=_part(text, spec.get("revision"), sentence),
        sentence=sentence,
        quote=sentence.slice(text),
    )


def case(spec: Mapping[str, Any]) -> tuple[list[Document], list[Claim]]:
    """The documents and claims of one fixture case ``{"documents": [...], "claims": [...]}``."""
    documents = [document(d) for d in spec["documents"]]
    by_id = {d.id: d for d in documents}
    return documents, [claim(c, by_id) for c in spec["claims"]]
