"""claimcheck: read numbers and dates in the news as a careful reader does, and check them across sources."""

from __future__ import annotations

from claimcheck.errors import ClaimcheckError, InputError, LexiconError, UnitError
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
]

__version__ = "0.1.0"
