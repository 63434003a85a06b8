"""The one exception hierarchy: everything claimcheck raises on purpose derives from ClaimcheckError."""

from __future__ import annotations

import attrs


class ClaimcheckError(Exception):
    """Base of everything claimcheck raises on purpose."""


@attrs.define(auto_exc=True)
class LexiconError(ClaimcheckError, ValueError):
    """A data file under ``claimcheck/data`` (or a user lexicon) is malformed."""

    path: str
    line: int
    problem: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.problem}; {self.fix}"


@attrs.define(auto_exc=True)
class InputError(ClaimcheckError, ValueError):
    """An input document or file cannot be read; names the input and what to do."""

    source: str
    problem: str
    fix: str

    def __str__(self) -> str:
        return f"{self.source}: {self.problem}; {self.fix}"


@attrs.define(auto_exc=True)
class UnitError(ClaimcheckError, ValueError):
    """Two amounts cannot be compared because their units do not convert."""

    left: str
    right: str

    def __str__(self) -> str:
        return (
            f"cannot compare {self.left!r} with {self.right!r}: the units have different "
            "dimensions; compare amounts of the same kind"
        )
