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
from claimcheck.report.to_json import Writer, to_json, write_json
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


def _renderer(fmt: str) -> Callable[[Report], str]:
    try:
        return RENDERERS[fmt]
    except KeyError:
        msg = f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}"
        raise FormatError(msg) from None


def render(report: Report, fmt: str) -> str:
    """Render *report* in format *fmt* (``"json"``, ``"markdown"`` or ``"html"``)."""
    return _renderer(fmt)(report)


def write(report: Report, fmt: str, stream: Writer) -> None:
    """Write :func:`render`'s text to *stream*; JSON goes out piece by piece (corpus-sized reports).

    >>> import io
    >>> from claimcheck.values import Report
    >>> out = io.StringIO()
    >>> write(Report(documents=(), claims=(), facts=(), findings=()), "json", out)
    >>> out.getvalue() == render(Report(documents=(), claims=(), facts=(), findings=()), "json")
    True
    """
    renderer = _renderer(fmt)
    if fmt == "json":
        write_json(report, stream)
    else:
        stream.write(renderer(report))


__all__ = [
    "FORMATS",
    "Format",
    "FormatError",
    "Writer",
    "render",
    "to_html",
    "to_json",
    "to_markdown",
    "write",
    "write_json",
]
