"""Adapters for ``../shared/conformance/score.py`` and the evaluation scripts.

``mentions(text, ref)`` returns mentions in the conformance JSON schema
(``../shared/conformance/README.md``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from claimcheck.extract import extract
from claimcheck.values import Amount, Duration, GapClaim, Mention, TimeValue


def _ref_date(ref: str | None) -> dt.date | None:
    """The reference as a datetime when it has a time of day (so "in 5 minutes" resolves), else a date."""
    if not ref:
        return None
    if len(ref) >= 19 and ref[10] == "T":
        return dt.datetime.fromisoformat(ref[:19])
    return dt.date.fromisoformat(ref[:10])


def mention_dict(mention: Mention) -> dict[str, Any]:
    """One Mention in the conformance schema."""
    row: dict[str, Any] = {
        "text": mention.text,
        "start": mention.span.start,
        "end": mention.span.end,
        "type": mention.kind,
        "low": None,
        "high": None,
        "low_open": False,
        "high_open": False,
        "unit": None,
        "value": None,
        "mod": None,
    }
    value = mention.value
    if isinstance(value, Amount):
        row.update(
            low=value.low,
            high=value.high,
            low_open=value.low_open,
            high_open=value.high_open,
            unit=value.unit or None,
            mod=value.mod,
        )
    elif isinstance(value, (TimeValue, Duration)):
        row.update(value=value.value, mod=value.mod)
    elif isinstance(value, GapClaim):
        row["type"] = "duration" if value.duration is not None else "date"
        inner = value.duration if value.duration is not None else value.previous
        if inner is not None:
            row.update(value=inner.value, mod=inner.mod)
    return row


def mentions(text: str, ref: str | None) -> list[dict[str, Any]]:
    """Conformance adapter: every mention of *text*, anchored at *ref* (ISO date-time or None)."""
    return [mention_dict(m) for m in extract(text, published=_ref_date(ref))]


def findings(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Evaluation adapter: reconcile *documents* and return their findings as spans.

    Each document is ``{"id", "source", "published", "text"}``. Pair findings come back as
    ``{"a": {"doc", "start", "end"}, "b": {...}, "verdict"}`` (the spans of the two figures or
    dates); derived checks as ``{"kind", "claims": [{"doc", "start", "end"}, ...], "verdict"}``.
    """
    from claimcheck.reconcile import reconcile
    from claimcheck.values import Document

    docs = [
        Document(
            id=str(d["id"]), text=d.get("text") or "", source=d.get("source"), published=d.get("published")
        )
        for d in documents
    ]
    report = reconcile(docs)
    by_id = {c.id: c for c in report.claims}

    def where(claim_id: str) -> dict[str, Any]:
        span = by_id[claim_id].mention.span
        return {"doc": by_id[claim_id].doc_id, "start": span.start, "end": span.end}

    rows: list[dict[str, Any]] = []
    for finding in report.findings:
        if finding.kind == "pair":
            a, b = finding.claims
            rows.append({"a": where(a), "b": where(b), "verdict": finding.verdict})
        else:
            rows.append(
                {
                    "kind": finding.kind,
                    "claims": [where(x) for x in finding.claims],
                    "verdict": finding.verdict,
                }
            )
    return rows
