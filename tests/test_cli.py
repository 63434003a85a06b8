"""The command line, through click's CliRunner: formats, --out, bad inputs, exit codes."""

from __future__ import annotations

import datetime as dt
import doctest
import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck import cli
from claimcheck.inputs import load
from claimcheck.values import Document, DocumentStatus, Finding, Report

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures" / "inputs"


def _seed_ids() -> list[str]:
    return sorted(p.stem for p in SEEDS.glob("*.txt"))


def run(*args: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args), input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_default_run_reads_every_seed() -> None:
    code, out, err = run("report")
    assert code == 0, err
    assert out.startswith("# claimcheck consistency report")
    for doc_id in _seed_ids():
        assert doc_id.replace("_", "\\_") in out
    assert "| read |" in out


def test_default_run_as_json_accounts_for_every_seed() -> None:
    code, out, _ = run("report", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "claimcheck.report/1"
    assert sorted(d["id"] for d in data["documents"]) == _seed_ids()
    assert all(d["state"] == "read" for d in data["documents"])
    assert data["claims"], "the seeds hold figures; the report should have claims"


@pytest.mark.parametrize("fmt", ["json", "markdown", "html"])
def test_each_format_to_out_file(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"report.{fmt}"
    code, stdout, err = run("report", str(SEEDS), "--format", fmt, "--out", str(out))
    assert code == 0
    assert stdout == ""
    assert str(out) in err
    text = out.read_text("utf-8")
    first = {"json": "{", "markdown": "# claimcheck", "html": "<!DOCTYPE html>"}[fmt]
    assert text.startswith(first)


def test_missing_file_exits_2_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-story.txt"
    code, out, err = run("report", str(missing))
    assert code == 2
    assert out == ""
    assert "no-such-story.txt" in err
    assert "check the path" in err


def test_empty_folder_exits_2(tmp_path: Path) -> None:
    code, _, err = run("report", str(tmp_path))
    assert code == 2
    assert str(tmp_path) in err
    assert "no .txt, .md or .jsonl files" in err


def test_malformed_jsonl_line_is_reported_and_the_rest_processed() -> None:
    code, out, err = run("report", str(FIXTURES / "corpus.jsonl"), "--format", "json")
    assert code == 0
    documents = {d["id"]: d for d in json.loads(out)["documents"]}
    assert documents["corpus:3"]["state"] == "failed"
    assert "corpus.jsonl:3" in documents["corpus:3"]["reason"]
    assert documents["a3"]["state"] == "skipped"
    assert {documents[x]["state"] for x in ("a1", "a2", "a5")} == {"read"}
    assert "corpus.jsonl:3" in err  # diagnostics go to stderr as well


def test_binary_and_empty_files_are_listed_with_reasons() -> None:
    files = [str(FIXTURES / n) for n in ("binary.txt", "empty.txt", "strike.md")]
    code, out, _ = run("report", *files)
    assert code == 0
    assert "| binary | binary.txt |" in out
    assert "binary data" in out
    assert "| empty | empty.txt |" in out
    assert "| skipped |" in out


def test_published_anchors_undated_files(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Eight fighters were killed on Thursday, officials said.\n", "utf-8")
    code, out, _ = run("report", str(story), "--published", "2019-09-21", "--format", "json")
    assert code == 0
    (doc,) = json.loads(out)["documents"]
    assert doc["published"] == "2019-09-21"
    code, out, _ = run("extract", str(story), "--published", "2019-09-21", "--format", "json")
    thursday = [m for m in json.loads(out) if m["text"] == "Thursday"]
    assert [m["value"] for m in thursday] == ["2019-09-19"]


def test_bad_published_date_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("report", str(SEEDS), "--published", "21/09/2019")
    assert code == 2
    assert "21/09/2019" in err


def test_stdin_dash() -> None:
    code, out, _ = run("extract", "-", "--format", "json", stdin="More than 80 fighters were killed.\n")
    assert code == 0
    rows = json.loads(out)
    assert [(r["document"], r["text"], r["low"], r["low_open"]) for r in rows] == [
        ("stdin", "More than 80", 80.0, True)
    ]


def test_extract_table_lists_mentions_with_spans() -> None:
    code, out, _ = run("extract", str(FIXTURES / "strike.md"))
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == ["document", "text", "kind", "value", "unit", "span"]
    row = next(r for r in rows if "More than 80" in r)
    assert "(80, ∞)" in row
    text = (FIXTURES / "strike.md").read_text("utf-8")
    start, end = row.split()[-1].split("-")
    assert text[int(start) : int(end)] == "More than 80"


def test_help_explains_commands_with_examples() -> None:
    for args in (["--help"], ["report", "--help"], ["extract", "--help"]):
        code, out, _ = run(*args)
        assert code == 0
        assert "Examples:" in out
    _, out, _ = run("report", "--help")
    for option in ("--format", "--out", "--published", "--fail-on", "--progress"):
        assert option in out


# --------------------------------------------------------------------------- exit codes, with a stub


def _stub(verdict: str) -> Callable[[Sequence[Document], Callable[[int], None] | None], Report]:
    def fake(documents: Sequence[Document], progress: Callable[[int], None] | None) -> Report:
        for _ in documents:
            if progress is not None:
                progress(1)
        finding = Finding(kind="pair", verdict=verdict, claims=(), confidence=1.0, explanation="stub")  # type: ignore[arg-type]
        statuses = tuple(DocumentStatus(id=d.id, origin=d.id, state="read") for d in documents)
        return Report(documents=statuses, claims=(), facts=(), findings=(finding,))

    return fake


@pytest.mark.parametrize(
    ("verdict", "fail_on", "code"),
    [
        ("contradict", None, 0),
        ("contradict", "contradiction", 1),
        ("inconsistent", "contradiction", 1),
        ("update", "contradiction", 0),
        ("update", "any", 1),
        ("agree", "any", 0),
    ],
)
def test_fail_on(verdict: str, fail_on: str | None, code: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_reconcile", _stub(verdict))
    args = ["report", str(FIXTURES / "strike.md")] + (["--fail-on", fail_on] if fail_on else [])
    got, out, err = run(*args)
    assert got == code
    assert "# claimcheck consistency report" in out  # the report is printed either way
    assert ("--fail-on" in err) == (code == 1)


def test_progress_bar_goes_to_stderr_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_reconcile", _stub("agree"))
    code, out, err = run("report", str(FIXTURES / "strike.md"), str(FIXTURES / "bom.txt"), "--progress")
    assert code == 0
    assert "2/2" in err
    assert "reconciling" not in out
    code, _, err = run("report", str(FIXTURES / "strike.md"))
    assert "reconciling" not in err  # quiet by default when stderr is not a terminal


def test_merge_statuses_adds_a_row_for_every_input() -> None:
    loaded = load([FIXTURES / "corpus.jsonl"])
    empty = Report(documents=(), claims=(), facts=(), findings=())
    merged = cli.merge_statuses(empty, loaded)
    assert len(merged.documents) == len(loaded.documents) + len(loaded.statuses)
    assert [d.published for d in merged.documents if d.id == "a1"] == [dt.date(2019, 9, 21)]


def test_tutorial_examples_run() -> None:
    tutorial = ROOT / "docs" / "tutorial.md"
    failures, tried = doctest.testfile(str(tutorial), module_relative=False, report=True, verbose=False)
    assert tried > 20
    assert failures == 0, f"{failures} example(s) in docs/tutorial.md no longer hold; update them"


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_unwritable_out_path_is_a_clear_input_error(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / f"report.{fmt}"
    code, stdout, err = run("report", str(SEEDS), "--format", fmt, "--out", str(target))
    assert code == 2
    assert stdout == ""
    assert f"cannot write {target}" in err
    assert "choose another --out path" in err
