"""The scanner: one pass of one compiled pattern over the text yields every Mention.

The pattern is the alternation ``(?P<time>…)|(?P<amount>…)`` of the time grammar
(:mod:`claimcheck.times`) and the amount grammar (:mod:`claimcheck.amounts`), compiled once
per process on first use. Time is tried first at each position, so "5 October 2014" is a
date, not a count of 5. Each match is then normalized by its grammar's module, which may
reject it (identifiers such as "MiG-23") or emit several mentions.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from claimcheck import amounts, times
from claimcheck.values import Document, Mention, Span

__all__ = ["extract", "extract_document"]


def _guarded(module: object, source: str, guarded: bool) -> str:
    # A grammar may export guard(): the regex source of a cheap lookahead that holds at the
    # start of every match it can make (its first words, digits, symbols). Prefixing it lets
    # the scanner skip, in one trie walk, the many positions where the big alternation cannot
    # match; tests check that the guarded and unguarded patterns find the same matches. The time
    # grammar's rules carry their own prefix gates too (times.pattern), dropped with the guards.
    guard = getattr(module, "guard", None)
    if guarded and callable(guard):
        return f"(?={guard()})(?:{source})"
    return source


@functools.cache
def _pattern(guarded: bool = True) -> re.Pattern[str]:
    time_source = _guarded(times, times.pattern(gated=guarded), guarded)
    amount_source = _guarded(amounts, amounts.pattern(), guarded)
    return re.compile(rf"(?P<time>{time_source})|(?P<amount>{amount_source})")


def extract(text: str, *, published: dt.date | None = None, day_first: bool = False) -> list[Mention]:
    """Return every numeric and temporal mention in *text*, in text order.

    Relative dates ("Thursday", "yesterday") are anchored to *published*; without it they stay
    unresolved. *day_first* reads "03/04/2015" as 3 April (such dates are flagged ambiguous).

    >>> [(m.text, m.kind) for m in extract("more than 80 fighters")]
    [('more than 80', 'number')]
    >>> extract("")
    []
    """
    if not isinstance(text, str):
        msg = f"extract() needs str text, got {type(text).__name__}; decode bytes first (.decode('utf-8'))"
        raise TypeError(msg)
    context = times.Context(text, published=published, day_first=day_first)
    found: list[Mention] = []
    for match in _pattern().finditer(text):
        is_time = match.start("time") != -1
        rows = times.normalize(match, context) if is_time else amounts.normalize(match)
        for start, end, kind, value in rows:
            found.append(Mention(span=Span(start, end), text=text[start:end], kind=kind, value=value))
    return found


def extract_document(document: Document, *, day_first: bool = False) -> list[Mention]:
    """Extract from a Document, anchoring relative time to its publication date."""
    return extract(document.text, published=document.published, day_first=day_first)
