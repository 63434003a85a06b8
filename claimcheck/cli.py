"""The ``claimcheck`` command line: ``claimcheck report`` and ``claimcheck extract``.

The report goes to stdout (or ``--out``), diagnostics and progress to stderr. Exit codes:
0 when the run worked (whatever the report says), 2 for trouble with the input (a missing
file, an empty folder, an unknown format), 1 only when ``--fail-on`` asks for it and the
report has such findings. Every input is accounted for in the report's documents table:
read, skipped with a reason, or failed with a reason.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import click

from claimcheck.errors import ClaimcheckError
from claimcheck.inputs import Loaded, load
from claimcheck.values import Document, DocumentStatus, Mention, Report

FAIL_ON: dict[str, frozenset[str]] = {
    "contradiction": frozenset({"contradict", "inconsistent"}),
    "any": frozenset({"contradict", "inconsistent", "update", "refine"}),
}
"""``--fail-on`` choice -> the finding verdicts that make the exit code 1."""


class BadInput(click.ClickException):
    """Trouble with the input: exit code 2 (1 is kept for ``--fail-on``)."""

    exit_code = 2


def seeds_folder() -> Path:
    """The bundled seed documents: ``seeds/`` next to the package, else ``./seeds``.

    Raises :class:`BadInput` when neither exists.
    """
    for candidate in (Path(__file__).resolve().parents[1] / "seeds", Path("seeds")):
        if candidate.is_dir():
            return candidate
    msg = (
        "no paths given and no bundled seeds/ folder found next to the package or in the current "
        "folder; name the files to read, e.g. `claimcheck report article1.txt article2.txt`"
    )
    raise BadInput(msg)


def _load(paths: Sequence[str], published: dt.datetime | None) -> Loaded:
    chosen = list(paths) or [str(seeds_folder())]
    try:
        loaded = load(chosen, published=published.date() if published else None)
    except ClaimcheckError as exc:
        raise BadInput(str(exc)) from exc
    for status in loaded.statuses:
        click.echo(f"claimcheck: {status.state}: {status.reason}", err=True)
    return loaded


def _progress_wanted(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    return sys.stderr.isatty()


def _reconcile(documents: Sequence[Document], progress: Callable[[int], None] | None) -> Report:
    """Call the reconciler (imported here so ``claimcheck extract`` does not load it)."""
    from claimcheck.reconcile import reconcile

    return reconcile(documents, progress=progress)


def merge_statuses(report: Report, loaded: Loaded) -> Report:
    """Add the skipped and failed inputs to the report's documents, so every input is accounted for."""
    documents = report.documents
    # a reconciler that lists no documents still gets a row for each one it was given
    listed = {d.id for d in documents}
    rows = tuple(
        DocumentStatus(
            id=d.id,
            origin=d.source or d.id,
            state="read",
            source=d.source,
            published=d.published,
            published_inferred=d.published_inferred,
        )
        for d in loaded.documents
        if d.id not in listed
    )
    return attrs.evolve(report, documents=documents + rows + loaded.statuses)


def _failing(report: Report, fail_on: str | None) -> bool:
    if fail_on is None:
        return False
    verdicts = FAIL_ON[fail_on]
    return any(f.verdict in verdicts for f in report.findings)


def _write(text: str, out: str | None) -> None:
    if out is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    try:
        Path(out).write_text(text, "utf-8")
    except OSError as exc:
        msg = f"cannot write {out}: {exc.strerror}; choose another --out path"
        raise BadInput(msg) from exc
    click.echo(f"claimcheck: wrote {out}", err=True)


class _Echo:
    """Text for stdout gathered into pieces of about 1 MB, each passed to ``click.echo`` (which
    knows the terminal's encoding); closing the ``with`` block sends the rest."""

    LIMIT = 1 << 20

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._size = 0

    def write(self, text: str, /) -> int:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= self.LIMIT:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self._parts:
            click.echo("".join(self._parts), nl=False)
        self._parts, self._size = [], 0

    def __enter__(self) -> _Echo:
        return self

    def __exit__(self, *exc: object) -> None:
        self.flush()


def _write_report(report: Report, fmt: str, out: str | None) -> None:
    from claimcheck.report import render, write

    if fmt != "json":
        _write(render(report, fmt), out)
        return
    # JSON is streamed: a corpus report is tens of megabytes, and building it whole costs ~10x that
    if out is None:
        with _Echo() as stdout:
            write(report, fmt, stdout)
            stdout.write("\n")
        return
    try:
        with Path(out).open("w", encoding="utf-8") as stream:
            write(report, fmt, stream)
    except OSError as exc:
        msg = f"cannot write {out}: {exc.strerror}; choose another --out path"
        raise BadInput(msg) from exc
    click.echo(f"claimcheck: wrote {out}", err=True)


_published_option = click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="DATE",
    help="Publication date (YYYY-MM-DD) for text files that carry no date of their own "
    "(no JSONL field, no dateline); relative dates such as 'Thursday' are anchored to it.",
)

_progress_option = click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on stderr (default: only when stderr is a terminal).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimcheck")
def main() -> None:
    """Read the numbers and dates in news reports and check them across sources.

    \b
    Examples:
      claimcheck report                          # the bundled seeds, as Markdown
      claimcheck report news/ --format html --out report.html
      claimcheck extract article.txt --published 2019-09-21
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "markdown", "html"]),
    default="markdown",
    show_default=True,
    help="Output format: JSON (schema in docs/report-schema.md), Markdown, or one self-contained HTML page.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    metavar="FILE",
    help="Write the report to FILE instead of stdout.",
)
@_published_option
@click.option(
    "--fail-on",
    type=click.Choice(["contradiction", "any"]),
    default=None,
    help="Exit with code 1 when the report has contradictions ('contradiction': contradicting pairs "
    "or failed derived checks) or any disagreement at all ('any': also updates and refinements).",
)
@_progress_option
def report(
    paths: tuple[str, ...],
    fmt: str,
    out: str | None,
    published: dt.datetime | None,
    fail_on: str | None,
    progress: bool | None,
) -> None:
    """Reconcile the claims of PATHS and print a consistency report.

    Figures and dates are extracted from every document, built into claims, grouped into facts
    across sources, and each fact is judged: sources agree, contradict, refine or update each
    other; derived checks compare parts with totals and stated gaps with dated events.

    PATHS are .txt/.md files (one document each), folders (searched for .txt, .md and .jsonl
    files), JSONL corpora (one {"id", "source", "published", "title", "text"} object per line)
    or - for stdin. Without PATHS the bundled seeds/ folder is read.

    \b
    Examples:
      claimcheck report                                   # bundled seeds, Markdown to stdout
      claimcheck report a.txt b.md --format json > report.json
      claimcheck report corpus.jsonl --format html --out report.html
      claimcheck report story.txt --published 2019-09-21 --fail-on contradiction
    """
    loaded = _load(paths, published)
    if not loaded.documents:
        click.echo("claimcheck: no document could be read; the report lists why", err=True)
    show = _progress_wanted(progress)
    if show:
        from tqdm import tqdm  # type: ignore[import-untyped, unused-ignore]

        with tqdm(total=len(loaded.documents), file=sys.stderr, unit="doc", desc="reconciling") as bar:
            result = _reconcile(loaded.documents, bar.update)  # called with 1 per document
    else:
        result = _reconcile(loaded.documents, None)
    result = merge_statuses(result, loaded)
    _write_report(result, fmt, out)
    if _failing(result, fail_on):
        click.echo(f"claimcheck: the report has findings that --fail-on {fail_on} counts", err=True)
        click.get_current_context().exit(1)


def _value_text(mention: Mention) -> tuple[str, str]:
    """A short rendering of a mention's value and unit, for the table."""
    value: Any = mention.value
    amount = mention.amount
    if amount is not None:
        low = "-∞" if amount.low is None else f"{amount.low:g}"
        high = "∞" if amount.high is None else f"{amount.high:g}"
        left = "(" if amount.low_open or amount.low is None else "["
        right = ")" if amount.high_open or amount.high is None else "]"
        text = low if amount.low is not None and amount.low == amount.high else f"{left}{low}, {high}{right}"
        if amount.mod:
            text += f" {amount.mod}"
        return text, amount.unit
    inner = getattr(value, "duration", None) or getattr(value, "previous", None) or value
    text = str(getattr(inner, "value", ""))
    mod = getattr(inner, "mod", None)
    if mod:
        text += f" {mod}"
    about = getattr(value, "about", None)
    if about:
        text += f" (since the last {about})"
    return text, ""


def _mention_rows(document: Document) -> Iterator[dict[str, Any]]:
    from claimcheck.conformance import mention_dict
    from claimcheck.extract import extract_document

    for mention in extract_document(document):
        row = mention_dict(mention)
        row["document"] = document.id
        yield row


def _write_rows(
    documents: Sequence[Document], stream: _Echo, progress: Callable[[int], None] | None
) -> None:
    # one JSON array, written a mention at a time: the text of json.dumps(rows, indent=2)
    first = True
    for document in documents:
        for row in _mention_rows(document):
            text = json.dumps(row, sort_keys=True, indent=2, ensure_ascii=False).replace("\n", "\n  ")
            stream.write(("[\n  " if first else ",\n  ") + text)
            first = False
        if progress is not None:
            progress(1)
    stream.write("[]\n" if first else "\n]\n")


def _table(documents: Sequence[Document], progress: Callable[[int], None] | None) -> str:
    from claimcheck.extract import extract_document

    header = ("document", "text", "kind", "value", "unit", "span")
    lines: list[tuple[str, ...]] = [header]
    for document in documents:
        for mention in extract_document(document):
            value, unit = _value_text(mention)
            span = f"{mention.span.start}-{mention.span.end}"
            text = " ".join(mention.text.split())
            lines.append((document.id, text, mention.kind, value, unit, span))
        if progress is not None:
            progress(1)
    widths = [min(40, max(len(row[i]) for row in lines)) for i in range(len(header))]
    out = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in lines]
    return "\n".join(out) + "\n"


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A plain-text table, or JSON: one object per mention with its document, text, "
    "start/end offsets, type, low/high/open ends, unit, value and mod.",
)
@_published_option
@_progress_option
def extract(paths: tuple[str, ...], fmt: str, published: dt.datetime | None, progress: bool | None) -> None:
    """List the numeric and temporal mentions found in PATHS.

    Each row is one mention: the words as written, their kind (number, range, percent, money,
    quantity, ordinal, date, duration, gap…), the normalized value (an interval such as
    (80, ∞) for "more than 80", or a TIMEX3 value such as 2019-09-19), the unit and the
    character offsets into the document.

    PATHS are .txt/.md files (one document each), folders (searched for .txt, .md and .jsonl
    files), JSONL corpora (one {"id", "source", "published", "title", "text"} object per line)
    or - for stdin. Without PATHS the bundled seeds/ folder is read.

    \b
    Examples:
      claimcheck extract article.txt
      echo "more than 80 fighters were killed" | claimcheck extract -
      claimcheck extract corpus.jsonl --format json > mentions.json
    """
    loaded = _load(paths, published)
    with contextlib.ExitStack() as stack:
        bar = None
        if _progress_wanted(progress):
            from tqdm import tqdm  # type: ignore[import-untyped, unused-ignore]

            bar = stack.enter_context(
                tqdm(total=len(loaded.documents), file=sys.stderr, unit="doc", desc="extracting")
            )
        update = None if bar is None else bar.update
        if fmt == "json":
            with _Echo() as stdout:
                _write_rows(loaded.documents, stdout, update)
        else:
            click.echo(_table(loaded.documents, update), nl=False)
