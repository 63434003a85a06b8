"""The reader's view of a Report, shared by the Markdown and HTML renderers.

A view is plain data in reading order: summary counts, one row per input document, then the
findings in sections (contradictions first, then updates, refinements, agreements, then the
derived checks), each finding with the exact words of every source it rests on, split around
the figure or date phrase so a renderer can highlight it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping

import attrs

from claimcheck.values import Claim, Fact, Finding, Report

QUOTE_WINDOW = 240
"""Characters kept on each side of the highlighted phrase in a long quote (the rest is elided)."""

PAIR_SECTIONS: tuple[tuple[str, str], ...] = (
    ("contradict", "Contradictions"),
    ("update", "Updates"),
    ("refine", "Refinements"),
    ("agree", "Agreements"),
)
"""Verdicts of pairwise findings, in the order a reader needs them, with their section titles."""

DERIVED_SECTIONS: tuple[tuple[str, str], ...] = (
    ("part_whole", "Derived checks: parts against totals"),
    ("temporal_gap", "Derived checks: time between events"),
)
"""Kinds of derived findings, with their section titles."""

_DERIVED_ORDER = {"inconsistent": 0, "contradict": 0, "uncheckable": 1}


@attrs.frozen(kw_only=True)
class Quote:
    """The words of one source behind a finding, split around the mention (``hit``)."""

    claim_id: str
    doc_id: str
    source: str
    published: str
    before: str
    hit: str
    after: str
    kind: str


@attrs.frozen(kw_only=True)
class FindingView:
    """One finding ready to print."""

    verdict: str
    kind: str
    label: str
    confidence: float
    explanation: str
    quotes: tuple[Quote, ...]
    missing: tuple[str, ...]  # claim ids the report does not hold (printed as such)


@attrs.frozen(kw_only=True)
class Section:
    """A titled group of findings."""

    key: str
    title: str
    findings: tuple[FindingView, ...]


@attrs.frozen(kw_only=True)
class DocumentRow:
    """One input document's line in the documents table."""

    id: str
    source: str
    published: str
    state: str
    mentions: int
    claims: int
    reason: str
    origin: str


@attrs.frozen(kw_only=True)
class View:
    """Everything a renderer prints, in order."""

    schema: str
    counts: tuple[tuple[str, int], ...]
    documents: tuple[DocumentRow, ...]
    sections: tuple[Section, ...]


def _date(value: dt.date | None, inferred: bool = False) -> str:
    if value is None:
        return "undated"
    return f"{value.isoformat()} (from dateline)" if inferred else value.isoformat()


def flatten(text: str) -> str:
    """Collapse runs of whitespace (line breaks included) to one space, for quoting inline.

    >>> flatten("eight\\r\\n  killed")
    'eight killed'
    """
    return " ".join(text.split())


def split_quote(claim: Claim, window: int = QUOTE_WINDOW) -> tuple[str, str, str]:
    """Split the claim's quoted sentence into ``(before, mention, after)``.

    The mention is located through the spans (both are offsets into the same document); when
    they do not line up the first occurrence of the mention's words is used, and a claim with
    no quote shows its mention alone. Long quotes are cut to *window* characters on each side.

    >>> from claimcheck.values import Amount, Mention, Span
    >>> m = Mention(span=Span(14, 26), text="more than 80", kind="number", value=Amount.exact(80))
    >>> c = Claim(id="c1", doc_id="d", source=None, published=None, kind="amount", mention=m,
    ...           sentence=Span(10, 41), quote="Yet more than 80 were killed.")
    >>> split_quote(c)
    ('Yet ', 'more than 80', ' were killed.')
    """
    quote, hit = claim.quote, claim.mention.text
    if not quote:
        return "", hit, ""
    at = -1
    if claim.sentence is not None:
        rel = claim.mention.span.start - claim.sentence.start
        if rel >= 0 and quote[rel : rel + len(hit)] == hit:
            at = rel
    if at < 0:
        at = quote.find(hit) if hit else -1
    if at < 0:
        return quote, "", ""
    before, after = quote[:at], quote[at + len(hit) :]
    if len(before) > window:
        before = "…" + before[-window:]
    if len(after) > window:
        after = after[:window] + "…"
    return before, hit, after


def quote_of(claim: Claim) -> Quote:
    """The :class:`Quote` of one claim."""
    before, hit, after = split_quote(claim)
    return Quote(
        claim_id=claim.id,
        doc_id=claim.doc_id,
        source=claim.source or claim.doc_id,
        published=_date(claim.published),
        before=before,
        hit=hit,
        after=after,
        kind=claim.mention.kind,
    )


def _finding_view(finding: Finding, claims: Mapping[str, Claim], facts: Mapping[str, Fact]) -> FindingView:
    fact = facts.get(finding.fact) if finding.fact is not None else None
    label = fact.label if fact is not None else (finding.fact or "")
    return FindingView(
        verdict=finding.verdict,
        kind=finding.kind,
        label=label,
        confidence=finding.confidence,
        explanation=finding.explanation,
        quotes=tuple(quote_of(claims[c]) for c in finding.claims if c in claims),
        missing=tuple(c for c in finding.claims if c not in claims),
    )


def counts(report: Report) -> tuple[tuple[str, int], ...]:
    """Summary counts: documents by state, claims, facts, findings by verdict (zeros left out).

    >>> counts(Report(documents=(), claims=(), facts=(), findings=()))
    (('documents', 0), ('claims', 0), ('facts', 0), ('findings', 0))
    """
    states = Counter(d.state for d in report.documents)
    verdicts = Counter(f.verdict for f in report.findings)
    rows: list[tuple[str, int]] = [("documents", len(report.documents))]
    rows += [
        (f"documents {state}", states[state]) for state in ("read", "skipped", "failed") if states[state]
    ]
    rows += [("claims", len(report.claims)), ("facts", len(report.facts)), ("findings", len(report.findings))]
    rows += [(f"findings: {verdict}", n) for verdict, n in sorted(verdicts.items(), key=_verdict_rank)]
    return tuple(rows)


_VERDICT_RANK = {v: i for i, v in enumerate(["contradict", "inconsistent", "update", "refine", "agree"])}


def _verdict_rank(item: tuple[str, int]) -> tuple[int, str]:
    return (_VERDICT_RANK.get(item[0], len(_VERDICT_RANK)), item[0])


def build(report: Report) -> View:
    """Arrange *report* for reading."""
    claims = {c.id: c for c in report.claims}
    facts = {f.id: f for f in report.facts}
    sections: list[Section] = []
    used: set[int] = set()
    for verdict, title in PAIR_SECTIONS:
        chosen = [i for i, f in enumerate(report.findings) if f.kind == "pair" and f.verdict == verdict]
        used.update(chosen)
        if chosen:
            views = tuple(_finding_view(report.findings[i], claims, facts) for i in chosen)
            sections.append(Section(key=verdict, title=title, findings=views))
    for kind, title in DERIVED_SECTIONS:
        chosen = [i for i, f in enumerate(report.findings) if f.kind == kind]
        chosen.sort(key=lambda i: _DERIVED_ORDER.get(report.findings[i].verdict, 2))
        used.update(chosen)
        if chosen:
            views = tuple(_finding_view(report.findings[i], claims, facts) for i in chosen)
            sections.append(Section(key=kind, title=title, findings=views))
    rest = [f for i, f in enumerate(report.findings) if i not in used]
    if rest:
        views = tuple(_finding_view(f, claims, facts) for f in rest)
        sections.append(Section(key="other", title="Other findings", findings=views))
    documents = tuple(
        DocumentRow(
            id=d.id,
            source=d.source or "",
            published=_date(d.published, d.published_inferred),
            state=d.state,
            mentions=d.mentions,
            claims=d.claims,
            reason=d.reason,
            origin=d.origin,
        )
        for d in report.documents
    )
    return View(schema=report.schema, counts=counts(report), documents=documents, sections=tuple(sections))
