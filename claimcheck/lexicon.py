"""Loaders for the lexicons under ``claimcheck/data`` (their format: docs/lexicon.md).

Every loader is pure and cached: a data file is read once per process, on first use,
never at import. Tables come back read-only.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

from claimcheck.errors import LexiconError


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


@functools.cache
def load(name: str) -> Mapping[str, Any]:
    """Return the parsed TOML data file ``claimcheck/data/<name>``, read-only.

    Raises LexiconError naming the file and line when it does not parse.

    >>> "more than" in load("hedges_en.toml")["hedges"]
    True
    """
    path = resources.files("claimcheck.data").joinpath(name)
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(name, 0, "no such data file", "check the name under claimcheck/data") from exc
    return parse(text, name)


def parse(text: str, name: str) -> Mapping[str, Any]:
    """Parse lexicon TOML *text* (from a file called *name*), raising LexiconError on bad syntax."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", 0) or 0
        raise LexiconError(name, line, f"not valid TOML ({exc})", "fix the syntax at that line") from exc
    frozen: Mapping[str, Any] = _freeze(raw)
    return frozen
