"""Pairwise verdicts within a fact: agree, refine, contradict or update (CONVENTIONS.md).

A verdict does not depend on which claim is passed first: the pair is put in publication order
(then by claim id) before judging, so agree and contradict are symmetric and an update always
reads from the earlier figure to the later one.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping

from claimcheck import lexicon
from claimcheck.errors import UnitError
from claimcheck.match import counted_event, is_generic, is_remainder, revision_cue, toll_events
from claimcheck.values import Amount, Claim, Document, Finding, Interval, Relation, TimeValue, Verdict

REVISION_REACH = 25
"""Characters before a figure in which a revision cue binds to it ("the toll rose to 12")."""
SEEN_BEFORE, SEEN_AFTER = 30, 80
"""Characters before and after a figure in which a ``[seen]`` cue ("found", "hospital") binds to it."""
QUOTE_REACH = 40
"""At most this many characters between a figure and its counted noun for both to be quoted."""


@functools.cache
def _singular_articles() -> frozenset[str]:
    """How an indefinite singular person's count of one is written ("a 21-year-old man was shot"):
    the articles of claims' [singular] table in events_en.toml."""
    return frozenset(str(a).lower() for a in lexicon.load("events_en.toml")["singular"]["articles"])


@functools.cache
def _perpetrator_cues() -> re.Pattern[str]:
    """Words saying the perpetrator is among the dead or killed himself (``[perpetrator]``)."""
    words = lexicon.load("reconcile_en.toml")["perpetrator"]["words"]
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i:\b(?:{alternatives})\b)")


@functools.cache
def _seen_cues() -> re.Pattern[str]:
    """Words saying a figure counts those taken, found or seen at one place (``[seen]``)."""
    words = lexicon.load("reconcile_en.toml")["seen"]["words"]
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i:\b(?:{alternatives})\b)")


def _seen(claim: Claim, text: str) -> str | None:
    """The ``[seen]`` cue near *claim*'s figure in its sentence ("taken to area hospitals"), or None."""
    if not text or claim.sentence is None:
        return None
    span = claim.mention.span
    lo = max(claim.sentence.start, span.start - SEEN_BEFORE)
    hi = min(claim.sentence.end, span.end + SEEN_AFTER)
    found = _seen_cues().search(text, lo, hi)
    return found.group(0) if found is not None else None


def _one_apart(a: Interval, b: Interval) -> bool:
    """Whether two disjoint comparison intervals are exactly one apart ("3" and "2")."""
    lo, hi = (a, b) if a.high is not None and b.low is not None and a.high < b.low else (b, a)
    return lo.high is not None and hi.low is not None and hi.low - lo.high == 1


def ordered(a: Claim, b: Claim) -> tuple[Claim, Claim]:
    """The two claims in publication order (undated first), ties broken by id."""

    def key(c: Claim) -> tuple[dt.date, str]:
        return (c.published or dt.date.min, c.id)

    return (a, b) if key(a) <= key(b) else (b, a)


def phrase(claim: Claim, text: str) -> str:
    """The words to quote for *claim*: its figure or date and, when close by, what it counts.

    >>> from claimcheck.values import Mention, Part, Span
    >>> text = "more than 80 fighters died"
    >>> m = Mention(span=Span(0, 12), text="more than 80", kind="number", value=Amount.exact(80))
    >>> c = Claim(id="d:0", doc_id="d", source=None, published=None, kind="amount", mention=m,
    ...           counted=Part(text="fighters", span=Span(13, 21)))
    >>> phrase(c, text)
    'more than 80 fighters'
    """
    span = claim.mention.span
    start, end = span.start, span.end
    part = claim.counted if claim.kind == "amount" else claim.event
    if part is not None and text:
        p = part.span
        gap = p.start - end if p.start >= end else start - p.end
        lo, hi = min(start, p.start), max(end, p.end)
        if 0 <= gap <= QUOTE_REACH and "\n" not in text[lo:hi]:
            start, end = lo, hi
    quoted = text[start:end] if text else claim.mention.text
    return " ".join(quoted.split()) or claim.mention.text


def where(claim: Claim, document: Document | None) -> str:
    """Source name and date of a claim: "seed 000, 2019-09-21" or "digest item 2017-01-19"."""
    name = claim.source or (document.source if document else None) or claim.doc_id
    if claim.published is None:
        return f"{name}, undated"
    if document is not None and document.published != claim.published:
        return f"{name} item {claim.published.isoformat()}"
    return f"{name}, {claim.published.isoformat()}"


def _sentence(claim: Claim, text: str) -> str:
    if claim.sentence is not None and text:
        return claim.sentence.slice(text)
    return claim.quote


def _revised(claim: Claim, text: str) -> str | None:
    """The revision cue attached to the figure ("rose to 12"), or just before it in its sentence.

    Only a cue bound to the figure revises it: "police confirmed" elsewhere in the sentence
    does not turn an agreement into an update.
    """
    if claim.revision is not None:
        return claim.revision.text
    if not text or claim.sentence is None:
        return None
    start = claim.mention.span.start
    return revision_cue(text[max(claim.sentence.start, start - REVISION_REACH) : start])


def _narrower_part(early: Claim, late: Claim, ea: Interval, la: Interval) -> str | None:
    """Why the smaller figure may be part of the larger one: it counts a narrower group than the
    other's generic noun ("six children" killed in one place of "24 people" dead), else None."""
    if early.counted is None or late.counted is None:
        return None
    lower = ea.high is not None and la.low is not None and ea.high < la.low
    small, large = (early.counted, late.counted) if lower else (late.counted, early.counted)
    ns, nl = (small.norm or small.text).lower(), (large.norm or large.text).lower()
    if ns == nl or not is_generic(nl) or is_generic(ns):
        return None
    return f'"{small.text}" may be part of "{large.text}"'


def _amount_verdict(early: Claim, late: Claim, texts: Mapping[str, str]) -> tuple[Verdict, str, float] | None:
    ea, la = early.mention.value, late.mention.value
    if not isinstance(ea, Amount) or not isinstance(la, Amount):
        return None
    try:
        rel = la.relation(ea)  # the later figure, seen against the earlier one
    except UnitError:
        return None
    certainty = 1.0 if ea.is_exact and la.is_exact else 0.85
    if rel in (Relation.EQUAL, Relation.OVERLAPS):
        return "agree", "the figures overlap", certainty
    later = early.published is not None and late.published is not None and late.published > early.published
    revised = _revised(late, texts.get(late.doc_id, ""))
    same_source = early.source is not None and early.source == late.source
    if rel in (Relation.REFINES, Relation.REFINED_BY):
        if later and (revised or same_source):
            why = f'revised ("{revised}")' if revised else "same source, published later"
            return "update", why, 0.8 * certainty
        return "refine", "one figure lies inside the other", certainty
    remainder = [
        c
        for c in (early, late)
        if is_remainder(
            texts.get(c.doc_id, ""),
            c.mention.span.start,
            c.mention.span.end,
            c.event.span.start if c.event is not None and c.event.span.start >= c.mention.span.end else None,
        )
    ]
    if remainder:
        # "two others" counts what is left of a group another report may split differently
        return "refine", f'"{remainder[0].mention.text}" counts a remainder ("others"), not the whole', 0.5
    articles = _singular_articles()
    singled = [c for c in (early, late) if c.mention.text.lower() in articles]
    if singled and early.doc_id == late.doc_id:
        # "Four men were wounded ... Also wounded was a 21-year-old man": one report does not
        # contradict itself; the singular person is one of the group it counts, or one more
        why = f'"{singled[0].mention.text}" singles out one person in a report that counts a group'
        return "refine", why, 0.5
    event = (early.event.norm or early.event.text).lower() if early.event else ""
    earlier_iv, later_iv = ea.comparison_interval(), la.comparison_interval()
    higher = earlier_iv.high is not None and later_iv.low is not None and later_iv.low >= earlier_iv.high
    if later and revised:
        return "update", f'revised ("{revised}")', 0.8 * certainty
    if later and same_source:
        return "update", "same source, published later", 0.75 * certainty
    if later and higher and event in toll_events():
        return "update", f"a higher {event} toll published later", 0.7 * certainty
    if counted_event(event) == "killed" and _one_apart(earlier_iv, later_iv):
        cue = next(
            (
                found.group(0)
                for c in (early, late)
                if (found := _perpetrator_cues().search(_sentence(c, texts.get(c.doc_id, "")))) is not None
            ),
            None,
        )
        if cue is not None:
            # "3 dead, including the shooter" and "killed two people before shooting himself"
            return "refine", f'one report may count the perpetrator ("{cue}")', 0.5
    part = _narrower_part(early, late, earlier_iv, later_iv)
    if part is not None:
        return "refine", part, 0.5
    lower = earlier_iv.high is not None and later_iv.low is not None and earlier_iv.high < later_iv.low
    small = early if lower else late
    seen = _seen(small, texts.get(small.doc_id, ""))
    if seen is not None:
        # "six people were taken to area hospitals" of "9 people injured"
        return "refine", f'the smaller figure comes with "{seen}": it may count only part of the toll', 0.5
    return "contradict", "the figures do not overlap", certainty


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


REPUBLISHED_REACH = 50
"""Characters on each side of a date, within its sentence, that must read the same in two
documents for them to be one republished report (a photo caption's "Image 1 of 5" may differ)."""


def _same_words(a: Claim, b: Claim, texts: Mapping[str, str]) -> bool:
    """Whether two claims of different documents stand in the same words around their figures
    (a republished story), compared over ``REPUBLISHED_REACH`` characters on each side."""

    def words(c: Claim) -> str:
        text = texts.get(c.doc_id, "")
        if not text or c.sentence is None:
            return c.quote
        lo = max(c.sentence.start, c.mention.span.start - REPUBLISHED_REACH)
        hi = min(c.sentence.end, c.mention.span.end + REPUBLISHED_REACH)
        return " ".join(text[lo:hi].translate(_QUOTES).split()).lower()

    wa, wb = words(a), words(b)
    return a.doc_id != b.doc_id and wa == wb and len(wa) > len(a.mention.text) + 20


def _date_verdict(early: Claim, late: Claim, texts: Mapping[str, str]) -> tuple[Verdict, str, float] | None:
    ea, la = early.mention.value, late.mention.value
    if not isinstance(ea, TimeValue) or not isinstance(la, TimeValue):
        return None
    if (ea.anchored or la.anchored) and ea.value != la.value and _same_words(early, late, texts):
        # "On Sunday, ..." republished a week later resolves to another Sunday: no dispute
        why = "the same sentence republished; its relative date read from each publication date"
        return "agree", why, 0.5
    if not (ea.resolved and la.resolved) or ea.start is None or la.start is None:
        if ea.value == la.value:
            return "agree", "the same date", 0.6
        return None
    if ea.start == la.start and ea.end == la.end:
        return "agree", "the same period", 1.0
    if ea.contains(la) or la.contains(ea):
        return "refine", "one period lies inside the other", 0.9
    if ea.overlaps(la):
        return "agree", "the periods overlap", 0.8
    return "contradict", "the periods do not overlap", 0.9


def judge(
    a: Claim,
    b: Claim,
    documents: Mapping[str, Document],
    *,
    score: float = 1.0,
    fact: str | None = None,
) -> Finding | None:
    """The verdict on two claims of one fact, or None when they cannot be compared.

    *documents* maps doc id to Document (for quoting); *score* is the match score, which
    scales the confidence.
    """
    early, late = ordered(a, b)
    texts = {k: d.text for k, d in documents.items() if k in (early.doc_id, late.doc_id)}
    if early.kind == "amount" and late.kind == "amount":
        judged = _amount_verdict(early, late, texts)
    elif early.kind == "date" and late.kind == "date":
        judged = _date_verdict(early, late, texts)
    else:
        judged = None
    if judged is None:
        return None
    verdict, why, certainty = judged
    if early.time_fallback or late.time_fallback:
        certainty *= 0.9
    qa = phrase(early, texts.get(early.doc_id, ""))
    qb = phrase(late, texts.get(late.doc_id, ""))
    explanation = (
        f'{verdict}: "{qa}" ({where(early, documents.get(early.doc_id))}) and '
        f'"{qb}" ({where(late, documents.get(late.doc_id))}): {why}'
    )
    return Finding(
        kind="pair",
        verdict=verdict,
        claims=(early.id, late.id),
        confidence=round(max(0.05, min(1.0, certainty * score)), 2),
        explanation=explanation,
        fact=fact,
    )
