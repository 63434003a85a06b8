"""Derived checks over several claims: parts against their total, and "first in nearly a year" gaps.

``part_whole``: a total (an infobox casualty line, or a sentence with "in total", "death toll")
must not be below the sum of its parts: claims of the same document with the same event, a
similar counted group, a time inside the total's period and a compatible place.

``temporal_gap``: a gap claim ("their first in the country in nearly a year") is checked against
the dated previous event of its kind in the same document ("The last American airstrike in
Libya was on Nov. 29, 2018"), measured from the event's date (or the publication date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz

from claimcheck.match import Features, governing_period
from claimcheck.values import (
    COUNT_LIKE,
    Amount,
    Claim,
    Document,
    Duration,
    Finding,
    GapClaim,
    Interval,
    TimeValue,
    Verdict,
)
from claimcheck.verdicts import phrase, where

PART_COUNTED_CUTOFF = 80
"""token_set_ratio a part's counted noun needs against the total's."""
ABOUT_CUTOFF = 85
"""partial_ratio a sentence needs against a gap claim's "about" word to speak of that event."""

_PREVIOUS = re.compile(r"(?i:\b(?:last|previous|prior|preceding)\b)")
_MONTH = 365.2425 / 12
_WORD = re.compile(r"[a-z]+")


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


# --------------------------------------------------------------------------- part_whole


def _is_total(f: Features) -> bool:
    value = f.claim.mention.value
    return (
        f.total
        and f.claim.kind == "amount"
        and isinstance(value, Amount)
        and value.kind in COUNT_LIKE
        and bool(f.counted)
        and f.claim.event is not None
    )


def _inside(total: Features, part: Features) -> bool:
    # the claims' own times, however long ("in 2018"): the matching window drops long periods
    whole, piece = governing_period(total.claim), governing_period(part.claim)
    if whole is None:
        return True
    if piece is None:
        return False
    return whole[0] <= piece[0] and piece[1] <= whole[1]


def part_whole(
    items: Sequence[Features],
    documents: Mapping[str, Document],
    fact_of: Mapping[str, str],
) -> list[Finding]:
    """Check every total against the sum of its parts in the same document.

    Parts that are in one fact count once. A finding needs two parts, or one that alone exceeds
    the total.
    """
    by_doc: dict[str, list[Features]] = {}
    for f in items:
        by_doc.setdefault(f.claim.doc_id, []).append(f)
    found: list[Finding] = []
    for doc_id in sorted(by_doc):
        members = by_doc[doc_id]
        text = documents[doc_id].text if doc_id in documents else ""
        for total in (f for f in members if _is_total(f)):
            parts: dict[str, Features] = {}
            for f in members:
                if f.total or f.infobox or f.block != total.block or not f.counted:
                    continue
                if f.value is None or not _inside(total, f):
                    continue
                if fuzz.token_set_ratio(f.counted, total.counted) < PART_COUNTED_CUTOFF:
                    continue
                if total.places and f.places and not set(total.places) & set(f.places):
                    continue
                key = fact_of.get(f.claim.id, f.claim.id)
                low = f.value.low or 0.0
                if key not in parts or low > (parts[key].value.low or 0.0):  # type: ignore[union-attr]
                    parts[key] = f
            if not parts:
                continue
            whole = total.value
            assert whole is not None
            chosen = sorted(parts.values(), key=lambda f: (f.claim.mention.span, f.claim.id))  # reading order
            summed = sum((f.value.low or 0.0) for f in chosen if f.value is not None)
            over = whole.high is not None and (
                summed > whole.high or (summed == whole.high and whole.high_open)
            )
            if len(chosen) < 2 and not over:
                continue
            verdict: Verdict = "inconsistent" if over else "consistent"
            quoted = " + ".join(f'"{phrase(f.claim, text)}"' for f in chosen)
            relation = "exceed" if over else "fit within"
            explanation = (
                f"{verdict}: parts {quoted} add up to {_fmt(summed)}, which {relation} the total "
                f'"{phrase(total.claim, text)}" ({where(total.claim, documents.get(doc_id))})'
            )
            found.append(
                Finding(
                    kind="part_whole",
                    verdict=verdict,
                    claims=(total.claim.id, *(f.claim.id for f in chosen)),
                    confidence=0.8 if len(chosen) > 1 else 0.6,
                    explanation=explanation,
                )
            )
    return found


# --------------------------------------------------------------------------- temporal_gap


def duration_interval(duration: Duration) -> Interval:
    """The comparison interval of a duration in seconds (CONVENTIONS.md, Time).

    Uses the extractor's bounds when it set them, else widens ``seconds`` by ``mod``:
    LESS_THAN [0.75 N, N), MORE_THAN (N, inf), APPROX [0.9 N, 1.1 N], EQUAL_OR_MORE [N, inf).

    >>> duration_interval(Duration(value="P1Y", seconds=100.0, mod="LESS_THAN"))
    Interval(low=75.0, high=100.0, low_open=False, high_open=True)
    """
    if duration.low is not None or duration.high is not None:
        return duration.interval
    n = duration.seconds
    mod = duration.mod
    if mod == "LESS_THAN":
        return Interval(low=0.75 * n, high=n, high_open=True)
    if mod in ("MORE_THAN", "AFTER"):
        return Interval(low=n, low_open=True)
    if mod == "EQUAL_OR_MORE":
        return Interval(low=n)
    if mod == "EQUAL_OR_LESS":
        return Interval(low=0.0, high=n)
    if mod == "APPROX":
        return Interval(low=0.9 * n, high=1.1 * n)
    return Interval(low=n, high=n)


def _speaks_of(sentence: str, about: str) -> bool:
    """Whether *sentence* speaks of the event *about* ("airstrike" ~ "The strike occurred")."""
    lowered = sentence.lower()
    words = [w for w in about.lower().split() if len(w) >= 4] or [about.lower()]
    tokens = [t for t in _WORD.findall(lowered) if len(t) >= 5]
    for w in filter(None, words):
        # a compound's head counts: "the strike" speaks of an "airstrike"
        if any(w.endswith(t) or t.endswith(w) for t in tokens):
            return True
        if fuzz.partial_ratio(w, lowered) >= ABOUT_CUTOFF:
            return True
    return False


def _sentence(claim: Claim, text: str) -> str:
    return claim.sentence.slice(text) if claim.sentence is not None else claim.quote


def _resolved(time: TimeValue | None) -> TimeValue | None:
    if time is None or not time.resolved or time.start is None or time.end is None:
        return None
    return time


def _previous(
    gap: GapClaim, claim: Claim, same_doc: Sequence[Claim], text: str
) -> tuple[TimeValue, Claim] | None:
    if (prev := _resolved(gap.previous)) is not None:
        return prev, claim
    best: tuple[TimeValue, Claim] | None = None
    for other in same_doc:
        value = other.mention.value
        candidate: TimeValue | None = None
        if isinstance(value, GapClaim) and gap.duration is not None:
            candidate = _resolved(value.previous)
        elif isinstance(value, TimeValue):
            sentence = _sentence(other, text)
            if _PREVIOUS.search(sentence) and _speaks_of(sentence, gap.about):
                candidate = _resolved(value)
        if (
            candidate is not None
            and candidate.start is not None
            and (best is None or (best[0].start is not None and candidate.start > best[0].start))
        ):
            best = (candidate, other)
    return best


def _event_time(
    claim: Claim, gap: GapClaim, same_doc: Sequence[Claim], text: str, previous: dt.date
) -> tuple[dt.date, str] | None:
    """The date of the event a gap claim is about: its own time, else the latest dated sentence
    about the same kind of event after *previous* (and not after publication), else publication."""
    own = None if claim.time_fallback else _resolved(claim.time)
    if own is not None and own.start is not None and own.start.date() > previous:
        return own.start.date(), f'"{claim.time_part.text if claim.time_part else own.value}"'
    found: tuple[dt.date, str] | None = None
    for other in same_doc:
        value = other.mention.value
        if other.kind != "date" or not isinstance(value, TimeValue):
            continue
        sentence = _sentence(other, text)
        if _PREVIOUS.search(sentence) or not _speaks_of(sentence, gap.about):
            continue
        if (resolved := _resolved(value)) is not None and resolved.start is not None:
            day = resolved.start.date()
            if day <= previous or (claim.published is not None and day > claim.published):
                continue  # the event a "first in …" claim is about comes after the previous one
            if found is None or day > found[0]:
                found = (day, f'"{other.mention.text}" ({resolved.value})')
    if found is not None:
        return found
    if claim.published is not None:
        return claim.published, f"the publication date {claim.published.isoformat()}"
    return None


def temporal_gap(claims: Sequence[Claim], documents: Mapping[str, Document]) -> list[Finding]:
    """Check each gap claim against the dated previous event in its document."""
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.doc_id, []).append(c)
    found: list[Finding] = []
    for doc_id in sorted(by_doc):
        same_doc = sorted(by_doc[doc_id], key=lambda c: c.mention.span)
        document = documents.get(doc_id)
        text = document.text if document else ""
        for claim in same_doc:
            gap = claim.mention.value
            if claim.kind != "gap" or not isinstance(gap, GapClaim):
                continue
            if gap.duration is None and gap.previous is not None:
                continue  # "the last … was on <date>": the previous event itself, checked from the other side
            quote = f'"{phrase(claim, text)}" ({where(claim, document)})'
            prev = _previous(gap, claim, same_doc, text)
            if prev is None:
                found.append(_uncheckable(claim, f"{quote}: no dated previous {gap.about or 'event'} found"))
                continue
            previous, prev_claim = prev
            assert previous.start is not None
            event = _event_time(claim, gap, same_doc, text, previous.start.date())
            if event is None:
                found.append(
                    _uncheckable(
                        claim,
                        f"{quote}: the document has no publication date and the event is not dated, "
                        "so the gap cannot be measured; give the publication date",
                        prev_claim,
                    )
                )
                continue
            day, said = event
            assert previous.start is not None
            elapsed = day - previous.start.date()
            if gap.duration is None:
                ok = elapsed.days >= 0
                detail = f"the event ({said}) comes after the previous one ({previous.value})"
            else:
                ok = duration_interval(gap.duration).contains(Interval.exact(elapsed.total_seconds()))
                detail = (
                    f"from {previous.value} to {said} is {elapsed.days} days "
                    f"({elapsed.days / _MONTH:.1f} months), which "
                    f"{'fits' if ok else 'does not fit'} {gap.duration.value} {gap.duration.mod or ''}"
                ).rstrip()
            verdict: Verdict = "consistent" if ok else "inconsistent"
            found.append(
                Finding(
                    kind="temporal_gap",
                    verdict=verdict,
                    claims=tuple(dict.fromkeys((claim.id, prev_claim.id))),
                    confidence=0.8 if claim.published and not claim.time_fallback else 0.7,
                    explanation=f"{verdict}: {quote}: {detail}",
                )
            )
    return found


def _uncheckable(claim: Claim, reason: str, other: Claim | None = None) -> Finding:
    ids = (claim.id,) if other is None or other.id == claim.id else (claim.id, other.id)
    return Finding(
        kind="temporal_gap",
        verdict="uncheckable",
        claims=ids,
        confidence=0.0,
        explanation=f"uncheckable: {reason}",
    )
