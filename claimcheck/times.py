"""Time grammar (placeholder until the time issue lands): matches nothing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from claimcheck.values import MentionKind, MentionValue

Row = tuple[int, int, MentionKind, MentionValue]


class Context:
    """Per-text state of time normalization (reference date, last date mentioned)."""

    def __init__(self, text: str, *, published: dt.date | None, day_first: bool = False) -> None:
        self.text = text
        self.published = published
        self.day_first = day_first


def pattern() -> str:
    """Regex source of the time grammar; named groups are prefixed ``t_``."""
    return r"(?!x)x"


def normalize(match: re.Match[str], context: Context) -> Sequence[Row]:
    """Turn a time match into mention rows ``(start, end, kind, value)``."""
    return ()
