"""claimcheck: read numbers and dates in the news as a careful reader does, and check them across sources.

The pipeline in five calls (each stage's module has the details)::

    >>> import claimcheck
    >>> [m.text for m in claimcheck.extract_mentions("more than 80 fighters were killed on Thursday")]
    ['more than 80', 'Thursday']
    >>> import datetime as dt
    >>> day = dt.date(2019, 9, 21)
    >>> a = claimcheck.Document(id="a", text="Medics said 83 fighters were killed in Idlib.", published=day)
    >>> [(c.mention.text, c.counted.text, c.event.norm) for c in claimcheck.build_claims(a)]
    [('83', 'fighters', 'killed')]
    >>> b = claimcheck.Document(id="b", text="More than 80 fighters were killed in Idlib.", published=day)
    >>> report = claimcheck.reconcile_documents([a, b])
    >>> [finding.verdict for finding in report.findings]
    ['refine']
    >>> claimcheck.render(report, "markdown").splitlines()[0]
    '# claimcheck consistency report'

``load`` reads documents from files, folders, JSON lines or stdin with every input accounted for.
"""

from __future__ import annotations

from claimcheck.claims import build_claims
from claimcheck.errors import ClaimcheckError, InputError, LexiconError, UnitError
from claimcheck.extract import extract as extract_mentions
from claimcheck.extract import extract_document
from claimcheck.inputs import load
from claimcheck.reconcile import reconcile as reconcile_documents
from claimcheck.report import render
from claimcheck.values import (
    Amount,
    Claim,
    Document,
    DocumentStatus,
    Duration,
    Fact,
    Finding,
    GapClaim,
    Interval,
    Mention,
    Relation,
    Report,
    Span,
    TimeValue,
)

__all__ = [
    "Amount",
    "Claim",
    "ClaimcheckError",
    "Document",
    "DocumentStatus",
    "Duration",
    "Fact",
    "Finding",
    "GapClaim",
    "InputError",
    "Interval",
    "LexiconError",
    "Mention",
    "Relation",
    "Report",
    "Span",
    "TimeValue",
    "UnitError",
    "build_claims",
    "extract_document",
    "extract_mentions",
    "load",
    "reconcile_documents",
    "render",
]

__version__ = "0.1.0"
