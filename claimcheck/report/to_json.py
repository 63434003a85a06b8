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
from collections.abc import Iterator
from typing import Any, Protocol

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
    return {key: list(value) if isinstance(value, Iterator) else value for key, value in _sections(report)}


def _sections(report: Report) -> Iterator[tuple[str, Any]]:
    # top-level keys in sorted order; the long lists are converted one item at a time
    def rows(items: tuple[Any, ...]) -> Iterator[Any]:
        return (attrs.asdict(item, value_serializer=_serialize) for item in items)

    def claim_rows() -> Iterator[Any]:
        for claim in report.claims:
            row = attrs.asdict(claim, value_serializer=_serialize)
            # the mention's value is one of several classes; name it so readers need not guess
            row["mention"]["value_type"] = _value_type(claim.mention)
            yield row

    yield "claims", claim_rows()
    yield "documents", rows(report.documents)
    yield "facts", rows(report.facts)
    yield "findings", rows(report.findings)
    yield "schema", report.schema
    yield "stats", {name: _serialize(None, None, value) for name, value in report.stats}
    yield "summary", summary(report)


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
    return "".join(iter_json(report, indent=indent))


class Writer(Protocol):
    """Anything with ``write(str)``: an open text file, ``sys.stdout``, ``io.StringIO``."""

    def write(self, text: str, /) -> Any: ...


def write_json(report: Report, stream: Writer, *, indent: int | None = 2) -> None:
    """Write the text of :func:`to_json` to *stream* piece by piece.

    Memory stays near that of the report itself: the JSON of a corpus run is never held whole
    (``json.dumps`` with an indent would hold millions of small pieces at once).
    """
    for piece in iter_json(report, indent=indent):
        stream.write(piece)


def iter_json(report: Report, *, indent: int | None = 2) -> Iterator[str]:
    """The text of :func:`to_json` in pieces: one per list item (claim, document, fact, finding)."""

    def dumps(value: Any) -> str:
        return json.dumps(value, sort_keys=True, indent=indent, ensure_ascii=False, allow_nan=False)

    def nest(text: str, depth: int) -> str:
        return text if indent is None else text.replace("\n", "\n" + " " * (indent * depth))

    newline = "" if indent is None else "\n"
    pad = "" if indent is None else " " * indent
    item_sep = ", " if indent is None else ","
    yield "{"
    for number, (key, value) in enumerate(_sections(report)):
        yield ("" if number == 0 else item_sep) + newline + pad + dumps(key) + ": "
        if not isinstance(value, Iterator):
            yield nest(dumps(value), 1)
            continue
        first = True
        for row in value:
            yield ("[" if first else item_sep) + newline + pad * 2 + nest(dumps(row), 2)
            first = False
        yield "[]" if first else newline + pad + "]"
    yield newline + "}"
