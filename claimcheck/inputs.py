"""Read input files into Documents: text and Markdown files, folders, JSONL corpora, stdin.

Every input is accounted for: a document that is read becomes a :class:`~claimcheck.values.Document`;
one that cannot be used becomes a :class:`~claimcheck.values.DocumentStatus` in state ``"skipped"``
(nothing to read: an empty file, a JSONL line without text) or ``"failed"`` (unreadable: binary
data, invalid UTF-8, a malformed JSONL line), with a reason that names the input and what to do.
Only trouble with the request itself raises :class:`~claimcheck.errors.InputError`: a path that
does not exist, or a folder with no text files in it.

Text is kept exactly as stored (CRLF line ends, no-break spaces, zero-width characters), except
that a leading byte-order mark is dropped, so every span refers to ``Document.text``. JSONL corpora
are streamed line by line, so their size is not limited by memory.

Publication dates: a JSONL line's ``published`` field wins; a document without one gets the date of
its dateline or dated heading when :mod:`claimcheck.dateline` finds one; a text file (or stdin text)
with neither gets the caller's ``published`` fallback.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "strike.md").write_text("# Strike kills 8\\n\\nEight were killed.\\n", "utf-8")
>>> _ = (folder / "empty.txt").write_text("", "utf-8")
>>> loaded = load([folder])
>>> [(d.id, d.source, d.title) for d in loaded.documents]
[('strike', 'strike.md', 'Strike kills 8')]
>>> [(s.id, s.state) for s in loaded.statuses]
[('empty', 'skipped')]
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import attrs

from claimcheck.errors import InputError
from claimcheck.values import Document, DocumentState, DocumentStatus

TEXT_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".markdown", ".text"})
"""File name endings read as one document each (when found in a folder)."""

JSONL_SUFFIXES: frozenset[str] = frozenset({".jsonl", ".ndjson"})
"""File name endings read as a corpus, one JSON object per line."""

STDIN = "-"
"""The path that means standard input."""

_BOM = "\ufeff"


@functools.cache
def _link() -> re.Pattern[str]:
    return re.compile(r"\[([^\]]*)\]\([^)]*\)")  # a Markdown link [text](target)


@attrs.frozen(kw_only=True)
class Loaded:
    """What :func:`load` read: the documents, and a status for every input it could not use."""

    documents: tuple[Document, ...] = ()
    statuses: tuple[DocumentStatus, ...] = ()


class _Collector:
    """Accumulates documents and statuses; keeps document ids unique."""

    def __init__(self, published: dt.date | None) -> None:
        self.published = published
        self.documents: list[Document] = []
        self.statuses: list[DocumentStatus] = []
        self._ids: set[str] = set()

    def unique(self, wanted: str) -> str:
        # two inputs may share a stem ("a/x.txt", "b/x.md") or a corpus may repeat an id
        candidate, n = wanted, 1
        while candidate in self._ids:
            n += 1
            candidate = f"{wanted}~{n}"
        self._ids.add(candidate)
        return candidate

    def add(self, document: Document) -> None:
        self.documents.append(attrs.evolve(document, id=self.unique(document.id)))

    def status(
        self, *, id: str, origin: str, state: DocumentState, reason: str, source: str | None = None
    ) -> None:
        self.statuses.append(
            DocumentStatus(id=self.unique(id), origin=origin, state=state, reason=reason, source=source)
        )


def _infer(document: Document) -> Document:
    """Fill ``published`` from a dateline when the document has none (if the dateline module exists)."""
    if document.published is not None:
        return document
    try:
        from claimcheck.dateline import infer_published
    except ImportError:  # the dateline stage is optional: documents just stay undated
        return document
    inferred: Document = infer_published(document)
    return inferred


def _decode(data: bytes, origin: str) -> tuple[str | None, str]:
    """Decode UTF-8 bytes; return ``(text, "")`` or ``(None, reason)`` for binary or invalid data."""
    if b"\x00" in data:
        offset = data.index(b"\x00")
        return None, (
            f"{origin}: binary data (a NUL byte at offset {offset}), not text; "
            "convert it to UTF-8 plain text or leave it out"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, (
            f"{origin}: not valid UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start}); "
            "re-save the file as UTF-8"
        )
    return text.removeprefix(_BOM), ""


def title_of(text: str) -> str | None:
    """The first non-empty line, without Markdown heading marks, link targets or wiki ``=`` fences.

    >>> title_of("\\n## Seven soldiers killed  \\nBody")
    'Seven soldiers killed'
    >>> title_of("= Derna campaign (2014–2016) =")
    'Derna campaign (2014–2016)'
    >>> title_of("### [2016-02-26](/news/2016/02/26/index.md)")
    '2016-02-26'
    >>> title_of(" \\n ") is None
    True
    """
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        title = _link().sub(r"\1", stripped.lstrip("#").strip())
        if title.startswith("=") and title.endswith("="):
            title = title.strip("=").strip()
        return title or stripped
    return None


def _text_document(sink: _Collector, data: bytes, *, stem: str, name: str, origin: str) -> None:
    text, reason = _decode(data, origin)
    if text is None:
        sink.status(id=stem, origin=origin, state="failed", reason=reason, source=name)
        return
    if not text.strip():
        sink.status(
            id=stem,
            origin=origin,
            state="skipped",
            reason=f"{origin}: empty, nothing to read; add text or leave the file out",
            source=name,
        )
        return
    document = _infer(Document(id=stem, text=text, source=name, title=title_of(text)))
    if document.published is None and sink.published is not None:
        document = attrs.evolve(document, published=sink.published)
    sink.add(document)


def _line_document(
    record: dict[str, Any], *, fallback_id: str, origin: str
) -> Document | tuple[DocumentState, str]:
    """A Document from one JSONL record, or the state ("skipped"/"failed") and reason it is not one."""
    raw_id = record.get("id")
    doc_id = str(raw_id) if raw_id not in (None, "") else fallback_id
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        what = (
            "no text"
            if text in (None, "") or isinstance(text, str)
            else f"text of type {type(text).__name__}"
        )
        return "skipped", f"{origin}: {what}; give the line a non-empty string field 'text'"
    source = record.get("source")
    title = record.get("title")
    published = record.get("published")
    try:
        document = Document(
            id=doc_id,
            text=text.removeprefix(_BOM),
            source=str(source) if source not in (None, "") else None,
            title=str(title) if title not in (None, "") else None,
            published=published,
        )
    except (TypeError, ValueError) as exc:
        return "failed", (
            f"{origin}: published={published!r} is not an ISO date ({exc}); write it as YYYY-MM-DD or null"
        )
    return document


def _read_jsonl(sink: _Collector, lines: Iterable[bytes], *, name: str, stem: str) -> int:
    """Read a JSONL stream; return how many non-blank lines it had.

    *name* prefixes the origin of each line ("corpus.jsonl:3"); statuses of lines that name
    no source of their own show the file name.
    """
    label = Path(name).name if name != "<stdin>" else name
    seen = 0
    for lineno, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen += 1
        origin = f"{name}:{lineno}"
        fallback_id = f"{stem}:{lineno}"
        text, reason = _decode(raw, origin)
        if text is None:
            sink.status(id=fallback_id, origin=origin, state="failed", reason=reason, source=label)
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            sink.status(
                id=fallback_id,
                origin=origin,
                state="failed",
                reason=(
                    f"{origin}: malformed JSON ({exc.msg.removesuffix(' at')} at column {exc.colno}); "
                    "fix or delete the line"
                ),
                source=label,
            )
            continue
        if not isinstance(record, dict):
            sink.status(
                id=fallback_id,
                origin=origin,
                state="failed",
                reason=f"{origin}: a JSON {type(record).__name__}, not an object; write one object per line",
                source=label,
            )
            continue
        built = _line_document(record, fallback_id=fallback_id, origin=origin)
        if isinstance(built, tuple):
            state, reason = built
            doc_id = str(record.get("id") or fallback_id)
            source = record.get("source")
            sink.status(
                id=doc_id, origin=origin, state=state, reason=reason, source=str(source) if source else label
            )
            continue
        sink.add(_infer(built))
    return seen


def _read_file(sink: _Collector, path: Path) -> None:
    name = path.name
    if path.suffix.lower() in JSONL_SUFFIXES:
        try:
            with path.open("rb") as stream:
                seen = _read_jsonl(sink, stream, name=str(path), stem=path.stem)
        except OSError as exc:
            sink.status(
                id=path.stem, origin=str(path), state="failed", reason=f"{path}: {exc.strerror}; check it"
            )
            return
        if seen == 0:
            sink.status(
                id=path.stem,
                origin=str(path),
                state="skipped",
                reason=f"{path}: empty corpus, no lines to read; add JSON lines or leave it out",
                source=name,
            )
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        sink.status(
            id=path.stem,
            origin=str(path),
            state="failed",
            reason=f"{path}: cannot be read ({exc.strerror}); check its permissions",
            source=name,
        )
        return
    _text_document(sink, data, stem=path.stem, name=name, origin=str(path))


def _folder_files(folder: Path) -> list[Path]:
    wanted = TEXT_SUFFIXES | JSONL_SUFFIXES
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in wanted
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _read_stdin(sink: _Collector, stream: IO[bytes]) -> None:
    """Standard input is a JSONL corpus when its first non-blank line is a JSON object, else one text."""
    lines = iter(stream)
    head: list[bytes] = []
    for raw in lines:
        head.append(raw)
        if raw.strip():
            break
    first = head[-1].strip() if head else b""
    if first.startswith(b"{"):
        try:
            is_jsonl = isinstance(json.loads(first), dict)
        except ValueError:
            is_jsonl = False
        if is_jsonl:
            seen = _read_jsonl(sink, _chain(head, lines), name="<stdin>", stem="stdin")
            if seen == 0:  # pragma: no cover - the first line is an object
                sink.status(id="stdin", origin="<stdin>", state="skipped", reason="<stdin>: no lines")
            return
    data = b"".join(_chain(head, lines))
    _text_document(sink, data, stem="stdin", name="<stdin>", origin="<stdin>")


def _chain(head: list[bytes], rest: Iterator[bytes]) -> Iterator[bytes]:
    yield from head
    yield from rest


def load(
    paths: Sequence[str | Path],
    *,
    published: dt.date | None = None,
    stdin: IO[bytes] | None = None,
) -> Loaded:
    """Read every input in *paths* (files, folders, ``"-"`` for stdin) into a :class:`Loaded`.

    Folders are searched recursively for ``.txt``/``.md``/``.jsonl`` files (hidden ones are
    left out). *published* is the publication date of text inputs that carry no date of their
    own. *stdin* replaces ``sys.stdin`` (binary) for ``"-"``.

    Raises :class:`~claimcheck.errors.InputError` for a path that does not exist and for a
    folder with no text files; every other problem becomes a skipped or failed status.
    """
    sink = _Collector(published)
    for item in paths:
        if str(item) == STDIN:
            _read_stdin(sink, stdin if stdin is not None else sys.stdin.buffer)
            continue
        path = Path(item)
        if path.is_dir():
            files = _folder_files(path)
            if not files:
                raise InputError(
                    str(path),
                    "folder has no .txt, .md or .jsonl files",
                    "point at a folder of text files, or name the files themselves",
                )
            for file in files:
                _read_file(sink, file)
        elif path.is_file():
            _read_file(sink, path)
        elif path.exists():
            raise InputError(str(path), "is neither a file nor a folder", "give a text file, a folder or '-'")
        else:
            raise InputError(str(path), "no such file or folder", "check the path (or use '-' to read stdin)")
    return Loaded(documents=tuple(sink.documents), statuses=tuple(sink.statuses))
