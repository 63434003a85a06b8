"""Markdown rendering of a Report: a consistency report a person can read top to bottom.

Order: summary counts; the documents table (skipped and failed inputs with their reasons);
findings grouped by verdict, contradictions first, then updates, refinements and agreements;
then the derived checks (parts against totals, time between events). Each finding quotes the
exact words of every source, with its name and date, and puts the figure or date in bold.
All text from the documents is escaped, so it cannot break the Markdown around it.
"""

from __future__ import annotations

import functools
import re

from claimcheck.report.view import FindingView, Quote, View, build
from claimcheck.values import Report


@functools.cache
def _special() -> re.Pattern[str]:
    # enough to stop emphasis, links, raw HTML and table cells; our text never starts a line
    return re.compile(r"([\\`*_\[\]<>|~])")


@functools.cache
def _space() -> re.Pattern[str]:
    return re.compile(r"\s+")


def escape(text: str) -> str:
    r"""Escape Markdown syntax in *text* and put it on one line (whitespace runs become one space).

    >>> escape("*not* a [link](x) | cell")
    '\\*not\\* a \\[link\\](x) \\| cell'
    """
    return _special().sub(r"\\\1", _space().sub(" ", text))


def _quote(q: Quote) -> str:
    words = escape(q.before) + (f"**{escape(q.hit)}**" if q.hit else "") + escape(q.after)
    return f"> **{escape(q.source)}**, {escape(q.published)}: “{words.strip()}”"


def _finding(f: FindingView) -> list[str]:
    head = f"- **{f.verdict}**"
    if f.label:
        head += f" · {escape(f.label)}"
    head += f" (confidence {f.confidence:.2f})"
    lines = [head]
    if f.explanation:
        lines.append(f"  {escape(f.explanation)}")
    lines.append("")
    for q in f.quotes:
        lines += [f"  {_quote(q)}", ""]
    if f.missing:
        lines += [f"  (claims not in this report: {escape(', '.join(f.missing))})", ""]
    return lines


def render_view(view: View) -> str:
    """Markdown for a prepared :class:`~claimcheck.report.view.View`."""
    out = ["# claimcheck consistency report", ""]
    out += ["## Summary", ""]
    out += ["| | count |", "|---|---:|"]
    out += [f"| {escape(name)} | {n} |" for name, n in view.counts]
    out += ["", "## Documents", ""]
    out += ["| document | source | published | state | mentions | claims | reason |"]
    out += ["|---|---|---|---|---:|---:|---|"]
    for d in view.documents:
        out.append(
            f"| {escape(d.id)} | {escape(d.source)} | {escape(d.published)} | {d.state} "
            f"| {d.mentions} | {d.claims} | {escape(d.reason)} |"
        )
    out.append("")
    if not view.sections:
        out += [
            "## Findings",
            "",
            "No findings: no two claims were judged to report the same figure or date.",
            "",
        ]
    for section in view.sections:
        out += [f"## {section.title} ({len(section.findings)})", ""]
        for finding in section.findings:
            out += _finding(finding)
    out.append(f"<!-- {view.schema} -->")
    return "\n".join(out) + "\n"


def to_markdown(report: Report) -> str:
    """Render *report* as a Markdown document.

    >>> from claimcheck.values import DocumentStatus, Report
    >>> bad = DocumentStatus(id="x", origin="x.txt", state="failed", reason="x.txt: binary data")
    >>> text = to_markdown(Report(documents=(bad,), claims=(), facts=(), findings=()))
    >>> "| x |  | undated | failed | 0 | 0 | x.txt: binary data |" in text
    True
    """
    return render_view(build(report))
