"""JSON rendering of a Report: every field of every value object, keys sorted, dates as ISO strings.

The structure is documented in ``docs/report-schema.md``; ``"schema"`` at the top level names
its version (``claimcheck.report/1``).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import math
from collections import Counter
from typing import Any

import attrs

from claimcheck.values import Mention, Report


def _serialize(_inst: Any, _field: attrs.Attribute[Any] | None, value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return list(value)  # attrs keeps tuples; JSON-shaped data has lists
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no infinity; an unbounded end is null everywhere
    return value


def _value_type(mention: Mention) -> str:
    return type(mention.value).__name__


def as_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data (what :func:`to_json` writes).

    >>> from claimcheck.values import Report
    >>> data = as_dict(Report(documents=(), claims=(), facts=(), findings=()))
    >>> data["schema"], data["summary"]["documents"], data["claims"]
    ('claimcheck.report/1', 0, [])
    """
    data: dict[str, Any] = attrs.asdict(report, value_serializer=_serialize)
    for claim, row in zip(report.claims, data["claims"], strict=True):
        # the mention's value is one of several classes; name it so readers need not guess
        row["mention"]["value_type"] = _value_type(claim.mention)
    data["stats"] = dict(data["stats"])
    data["summary"] = summary(report)
    return data


def summary(report: Report) -> dict[str, Any]:
    """Counts for a quick look: documents by state, claims, facts, findings by verdict.

    >>> from claimcheck.values import DocumentStatus, Report
    >>> bad = DocumentStatus(id="x", origin="x.txt", state="failed")
    >>> summary(Report(documents=(bad,), claims=(), facts=(), findings=()))["documents_by_state"]
    {'failed': 1}
    """
    return {
        "documents": len(report.documents),
        "documents_by_state": dict(sorted(Counter(d.state for d in report.documents).items())),
        "claims": len(report.claims),
        "facts": len(report.facts),
        "findings": len(report.findings),
        "findings_by_verdict": dict(sorted(Counter(f.verdict for f in report.findings).items())),
    }


def to_json(report: Report, *, indent: int | None = 2) -> str:
    """Render *report* as JSON text with sorted keys.

    >>> from claimcheck.values import Report
    >>> text = to_json(Report(documents=(), claims=(), facts=(), findings=()), indent=None)
    >>> text[:50]
    '{"claims": [], "documents": [], "facts": [], "find'
    """
    return json.dumps(as_dict(report), sort_keys=True, indent=indent, ensure_ascii=False, allow_nan=False)
