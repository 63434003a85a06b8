"""Amount grammar (placeholder): digits only, until the numeric issue lands."""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimcheck.values import Amount, MentionKind, MentionValue

Row = tuple[int, int, MentionKind, MentionValue]


def pattern() -> str:
    """Regex source of the amount grammar; named groups are prefixed ``a_``."""
    return r"(?P<a_num>\b\d+\b)"


def normalize(match: re.Match[str]) -> Sequence[Row]:
    """Turn an amount match into mention rows ``(start, end, kind, value)``."""
    n = float(match.group("a_num"))
    return ((match.start(), match.end(), "number", Amount.exact(n)),)
