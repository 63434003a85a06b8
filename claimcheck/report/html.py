"""HTML rendering of a Report: one self-contained page (inline CSS, no scripts, no external assets).

The page is rendered from ``templates/report.html.j2`` by Jinja2 with autoescaping on, so any
text taken from a document (``<script>`` included) is shown, never run. The figure or date
phrase of each quoted sentence is wrapped in ``<mark>``, located through the claim's spans.
"""

from __future__ import annotations

import functools

import jinja2

from claimcheck.report.view import build
from claimcheck.values import Report


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("claimcheck.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,  # a misspelt field is an error, not a blank
        keep_trailing_newline=True,
    )


def to_html(report: Report, *, title: str = "claimcheck consistency report") -> str:
    """Render *report* as a standalone HTML page.

    >>> from claimcheck.values import DocumentStatus, Report
    >>> doc = DocumentStatus(id="<script>x</script>", origin="a.txt", state="read")
    >>> page = to_html(Report(documents=(doc,), claims=(), facts=(), findings=()))
    >>> "<script>" in page, "&lt;script&gt;x&lt;/script&gt;" in page
    (False, True)
    """
    view = build(report)
    read = sum(1 for d in view.documents if d.state == "read")
    lede = f"{read} of {len(view.documents)} documents read · schema {view.schema}"
    return _environment().get_template("report.html.j2").render(view=view, title=title, lede=lede)
