"""Render a :class:`~claimcheck.values.Report` as JSON, Markdown or a self-contained HTML page.

>>> from claimcheck.values import Report
>>> empty = Report(documents=(), claims=(), facts=(), findings=())
>>> render(empty, "json").startswith("{")
True
>>> render(empty, "markdown").splitlines()[0]
'# claimcheck consistency report'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, TypeAlias

from claimcheck.errors import ClaimcheckError
from claimcheck.report.html import to_html
from claimcheck.report.markdown import to_markdown
from claimcheck.report.to_json import to_json
from claimcheck.values import Report

Format: TypeAlias = Literal["json", "markdown", "html"]

RENDERERS: dict[str, Callable[[Report], str]] = {
    "json": to_json,
    "markdown": to_markdown,
    "html": to_html,
}
"""Renderer by format name."""

FORMATS: tuple[str, ...] = tuple(RENDERERS)
"""The format names :func:`render` accepts."""


class FormatError(ClaimcheckError, ValueError):
    """An unknown output format was asked for."""


def render(report: Report, fmt: str) -> str:
    """Render *report* in format *fmt* (``"json"``, ``"markdown"`` or ``"html"``)."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        msg = f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}"
        raise FormatError(msg) from None
    return renderer(report)


__all__ = ["FORMATS", "Format", "FormatError", "render", "to_html", "to_json", "to_markdown"]
