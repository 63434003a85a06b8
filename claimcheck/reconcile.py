"""``reconcile()``: documents in, a Report out (claims, facts, pairwise verdicts, derived checks).

Every input document is accounted for (read, skipped with a reason, or failed with a reason);
inputs are processed in id order, so the report does not depend on the order they came in.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from claimcheck import checks, extract, match, verdicts
from claimcheck.values import Claim, Document, DocumentStatus, Fact, Finding, Report

_VERDICT_ORDER = {"contradict": 0, "update": 1, "refine": 2, "agree": 3}


def _build_claims(document: Document, aliases: Any) -> tuple[int, tuple[Claim, ...]]:
    claims_module: Any = importlib.import_module("claimcheck.claims")
    mentions = extract.extract_document(document)
    if aliases is None:
        built: tuple[Claim, ...] = tuple(claims_module.build_claims(document, mentions))
    else:
        built = tuple(claims_module.build_claims(document, mentions, aliases=aliases))
    return len(mentions), built


def _infer_published(document: Document) -> Document:
    if document.published is not None:
        return document
    try:
        dateline: Any = importlib.import_module("claimcheck.dateline")
    except ImportError:  # the dateline reader is optional: without it, relative dates stay unresolved
        return document
    inferred: Document = dateline.infer_published(document)
    return inferred


def _status(
    document: Document, state: str, reason: str = "", claims: Sequence[Claim] = (), mentions: int = 0
) -> DocumentStatus:
    return DocumentStatus(
        id=document.id,
        origin=document.source or document.id,
        state=state,  # type: ignore[arg-type]
        reason=reason,
        source=document.source,
        published=document.published,
        published_inferred=document.published_inferred,
        mentions=mentions or len({c.mention.span for c in claims}),
        claims=len(claims),
    )


def read_documents(
    documents: Iterable[Document],
    *,
    progress: Callable[[int], None] | None = None,
    aliases: Any = None,
    build: Callable[[Document], tuple[int, Sequence[Claim]]] | None = None,
) -> tuple[list[Document], list[DocumentStatus], list[Claim]]:
    """Build the claims of every document, in id order; a failure is recorded, never raised.

    *build* (for tests) replaces extraction: it returns the mention count and the claims.
    """
    ordered = sorted(documents, key=lambda d: (d.id, d.source or "", d.text))
    kept: list[Document] = []
    statuses: list[DocumentStatus] = []
    claims: list[Claim] = []
    seen: set[str] = set()
    for document in ordered:
        if document.id in seen:
            statuses.append(
                _status(document, "skipped", f"duplicate id {document.id!r}; give each document a unique id")
            )
        elif not document.text.strip():
            statuses.append(_status(document, "skipped", "empty text: nothing to read"))
        else:
            try:
                document = _infer_published(document)
                n, built = build(document) if build is not None else _build_claims(document, aliases)
            except Exception as exc:  # one bad document must not sink the report
                statuses.append(_status(document, "failed", f"{type(exc).__name__}: {exc}"))
            else:
                statuses.append(_status(document, "read", claims=built, mentions=n))
                claims.extend(built)
                kept.append(document)
        seen.add(document.id)
        if progress is not None:
            progress(1)
    return kept, statuses, claims


def fact_label(claims: Sequence[Claim]) -> str:
    """A short label for a fact: its event and counted group, from the first claim that says them."""
    event = next((c.event.norm or c.event.text for c in claims if c.event), "")
    counted = next((c.counted.norm or c.counted.text for c in claims if c.counted), "")
    place = next((c.place.text for c in claims if c.place), "")
    kind = claims[0].kind if claims else "amount"
    words = [w for w in (counted, event) if w] or [kind]
    label = " ".join(words)
    return f"{label} ({place})" if place else label


def findings_for(
    claims: Sequence[Claim],
    documents: Mapping[str, Document],
    matching: match.Matching,
) -> tuple[list[Fact], list[Finding]]:
    """Facts from the matched groups, and the pairwise verdicts within each."""
    by_id = {c.id: c for c in claims}
    facts: list[Fact] = []
    found: list[Finding] = []
    for n, group in enumerate(matching.groups, start=1):
        fact_id = f"fact-{n:04d}"
        members = [by_id[x] for x in group]
        facts.append(Fact(id=fact_id, label=fact_label(members), claims=group))
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                finding = verdicts.judge(a, b, documents, score=matching.links.get(key, 1.0), fact=fact_id)
                if finding is not None:
                    found.append(finding)
    return facts, found


def reconcile(
    documents: Iterable[Document],
    *,
    progress: Callable[[int], None] | None = None,
    aliases: Any = None,
) -> Report:
    """Read *documents*, group their claims into facts and judge every pair and derived check.

    *progress* is called with 1 after each document is read (``tqdm.update`` fits);
    *aliases* is passed on to ``claims.build_claims`` when given.
    """
    started = time.perf_counter()
    kept, statuses, claims = read_documents(documents, progress=progress, aliases=aliases)
    by_doc = {d.id: d for d in kept}
    texts = {d.id: d.text for d in kept}
    claims.sort(key=lambda c: c.id)
    names = match.NameIndex.build(texts)
    matching = match.match(claims, texts, names)
    facts, found = findings_for(claims, by_doc, matching)
    fact_of = {x: f.id for f in facts for x in f.claims}
    items = [f for c in claims if (f := match.features(c, texts[c.doc_id])) is not None]
    found.extend(checks.part_whole(items, by_doc, fact_of))
    found.extend(checks.temporal_gap(claims, by_doc))
    found.sort(key=lambda f: (f.kind, _VERDICT_ORDER.get(f.verdict, 9), f.claims))
    stats = (
        ("documents", float(len(statuses))),
        ("documents_read", float(len(kept))),
        ("mentions", float(sum(s.mentions for s in statuses))),
        ("claims", float(len(claims))),
        ("claims_matched", float(matching.eligible)),
        ("candidate_pairs", float(matching.candidates)),
        ("links", float(len(matching.links))),
        ("facts", float(len(facts))),
        ("findings", float(len(found))),
        ("seconds", round(time.perf_counter() - started, 3)),
    )
    return Report(
        documents=tuple(statuses),
        claims=tuple(claims),
        facts=tuple(facts),
        findings=tuple(found),
        stats=stats,
    )
