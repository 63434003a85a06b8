"""Renderers: JSON, Markdown and HTML over a small hand-built Report, plus properties."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.report import FORMATS, FormatError, render, write
from claimcheck.report.markdown import escape
from claimcheck.report.to_json import as_dict, write_json
from claimcheck.report.view import build, split_quote
from claimcheck.values import (
    Amount,
    Claim,
    DocumentStatus,
    Fact,
    Finding,
    Mention,
    Part,
    Report,
    Span,
    TimeValue,
)

TEXT_A = "Officials said more than 80 fighters were killed in the strike."
TEXT_B = "A local hospital counted 62 dead. <script>alert(1)</script>"


def _claim(cid: str, doc: str, source: str, text: str, words: str, amount: Amount, day: int) -> Claim:
    start = text.index(words)
    mention = Mention(span=Span(start, start + len(words)), text=words, kind="number", value=amount)
    counted = text.index("fighters") if "fighters" in text else text.index("dead")
    return Claim(
        id=cid,
        doc_id=doc,
        source=source,
        published=dt.date(2019, 9, day),
        kind="amount",
        mention=mention,
        counted=Part(text=text[counted : counted + 4], span=Span(counted, counted + 4), norm="fighter"),
        sentence=Span(0, len(text)),
        quote=text,
    )


def small_report() -> Report:
    """Two sources contradicting each other, an agreement, a derived check and a failed input."""
    a = _claim("c1", "a", "example.org", TEXT_A, "more than 80", Amount(low=80, low_open=True, figure=80), 20)
    b = _claim("c2", "b", "example.net <b>", TEXT_B, "62", Amount.exact(62), 20)
    when = TimeValue(value="2019-09-19", start=dt.datetime(2019, 9, 19), end=dt.datetime(2019, 9, 20))
    c = attrs_evolve_time(a, when)
    documents = (
        DocumentStatus(id="a", origin="a.txt", state="read", source="example.org", mentions=1, claims=1),
        DocumentStatus(
            id="b",
            origin="b.txt",
            state="read",
            source="example.net <b>",
            published=dt.date(2019, 9, 20),
            published_inferred=True,
        ),
        DocumentStatus(
            id="junk", origin="junk.txt", state="failed", reason="junk.txt: binary data (a NUL byte)"
        ),
        DocumentStatus(id="blank", origin="blank.txt", state="skipped", reason="blank.txt: empty"),
    )
    findings = (
        Finding(
            kind="pair", verdict="agree", claims=("c1", "c3"), confidence=0.9, explanation="same", fact="f1"
        ),
        Finding(
            kind="pair",
            verdict="contradict",
            claims=("c1", "c2"),
            confidence=0.8,
            explanation="62 lies below more than 80 | *both* published 2019-09-20",
            fact="f1",
        ),
        Finding(
            kind="temporal_gap",
            verdict="inconsistent",
            claims=("c1", "gone"),
            confidence=0.6,
            explanation="the previous strike was 3 months earlier, not nearly a year",
        ),
    )
    facts = (Fact(id="f1", label="fighters killed in the strike", claims=("c1", "c2", "c3")),)
    return Report(
        documents=documents,
        claims=(a, b, c),
        facts=facts,
        findings=findings,
        stats=(("seconds", 0.5), ("inf", float("inf"))),
    )


def attrs_evolve_time(claim: Claim, when: TimeValue) -> Claim:
    import attrs

    return attrs.evolve(claim, id="c3", time=when, source="third.example")


def test_json_round_trips_with_schema_and_everything() -> None:
    report = small_report()
    data = json.loads(render(report, "json"))
    assert data["schema"] == report.schema == "claimcheck.report/1"
    assert [d["state"] for d in data["documents"]] == ["read", "read", "failed", "skipped"]
    claim = data["claims"][0]
    assert claim["mention"]["span"] == {"start": 15, "end": 27}
    assert claim["mention"]["value"]["low_open"] is True
    assert claim["mention"]["value"]["high"] is None
    assert claim["mention"]["value_type"] == "Amount"
    assert claim["counted"]["norm"] == "fighter"
    assert claim["published"] == "2019-09-20"
    assert data["claims"][2]["time"]["start"] == "2019-09-19T00:00:00"
    assert data["facts"][0]["claims"] == ["c1", "c2", "c3"]
    assert {f["verdict"] for f in data["findings"]} == {"agree", "contradict", "inconsistent"}
    assert data["stats"] == {"seconds": 0.5, "inf": None}
    assert data["summary"]["documents_by_state"] == {"failed": 1, "read": 2, "skipped": 1}
    assert data["summary"]["findings_by_verdict"] == {"agree": 1, "contradict": 1, "inconsistent": 1}
    text = render(report, "json")
    assert text == json.dumps(json.loads(text), sort_keys=True, indent=2, ensure_ascii=False)


@pytest.mark.parametrize("indent", [None, 0, 2, 4])
def test_streamed_json_is_the_same_text_as_one_dump(indent: int | None) -> None:
    """write_json writes piece by piece (corpus reports) exactly what json.dumps would write whole."""
    report = small_report()
    whole = json.dumps(as_dict(report), sort_keys=True, indent=indent, ensure_ascii=False, allow_nan=False)
    out = io.StringIO()
    write_json(report, out, indent=indent)
    assert out.getvalue() == whole


@pytest.mark.parametrize("fmt", FORMATS)
def test_write_gives_render_text_in_every_format(fmt: str) -> None:
    out = io.StringIO()
    write(small_report(), fmt, out)
    assert out.getvalue() == render(small_report(), fmt)


def test_markdown_orders_findings_and_lists_failed_documents() -> None:
    md = render(small_report(), "markdown")
    assert "| junk |  | undated | failed | 0 | 0 | junk.txt: binary data (a NUL byte) |" in md
    assert "blank.txt: empty" in md
    assert "2019-09-20 (from dateline)" in md
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Summary",
        "## Documents",
        "## Contradictions (1)",
        "## Agreements (1)",
        "## Derived checks: time between events (1)",
    ]
    # each finding quotes each source's exact words, with name and date, the figure in bold
    assert "> **example.org**, 2019-09-20: “Officials said **more than 80** fighters" in md
    assert "**62** dead." in md
    assert "\\<script\\>" in md
    assert "62 lies below more than 80 \\| \\*both\\*" in md
    assert "claims not in this report: gone" in md


def test_html_is_self_contained_and_escapes_document_text() -> None:
    page = render(small_report(), "html")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "example.net &lt;b&gt;" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page)
    assert "<link" not in page
    assert "@import" not in page
    assert "<mark>more than 80</mark>" in page
    assert "<mark>62</mark>" in page
    assert page.index("Contradictions") < page.index("Agreements") < page.index("time between events")


def test_unknown_format_says_what_to_use() -> None:
    with pytest.raises(FormatError, match="use one of json, markdown, html"):
        render(small_report(), "pdf")


def test_split_quote_falls_back_to_search_and_to_the_mention() -> None:
    claim = small_report().claims[0]
    import attrs

    shifted = attrs.evolve(claim, sentence=Span(3, len(TEXT_A) + 3))  # spans that do not line up
    assert split_quote(shifted)[1] == "more than 80"
    assert split_quote(attrs.evolve(claim, quote="")) == ("", "more than 80", "")
    assert split_quote(attrs.evolve(claim, quote="nothing here")) == ("nothing here", "", "")
    long = attrs.evolve(claim, quote="x" * 1000 + TEXT_A, sentence=Span(0, 1000 + len(TEXT_A)))
    long = attrs.evolve(long, mention=attrs.evolve(claim.mention, span=Span(1015, 1027)))
    before, hit, after = split_quote(long, window=10)
    assert (before, hit, after) == ("…ials said ", "more than 80", " fighters …")


def test_empty_report_renders_in_every_format() -> None:
    empty = Report(documents=(), claims=(), facts=(), findings=())
    for fmt in FORMATS:
        assert "No findings" in render(empty, fmt) or fmt == "json"
    assert build(empty).sections == ()


# --------------------------------------------------------------------------- properties


@settings(max_examples=50)
@given(st.text(max_size=40))
def test_html_never_lets_document_text_through_unescaped(text: str) -> None:
    doc = DocumentStatus(id=text, origin=text, state="failed", reason=text, source=text)
    page = render(Report(documents=(doc,), claims=(), facts=(), findings=()), "html")
    body = page.split("<main>", 1)[1]
    if "<" in text or "&" in text:
        assert f">{text}<" not in body
    assert body.count("<td") == 7  # the row is still seven cells, whatever the text


@settings(max_examples=50)
@given(st.text(max_size=40))
def test_markdown_escape_keeps_table_cells_whole(text: str) -> None:
    escaped = escape(text)
    assert "\n" not in escaped
    assert re.search(r"(?<!\\)\|", escaped) is None
    assert re.sub(r"\\(.)", r"\1", escaped) == re.sub(r"\s+", " ", text)
