"""Input loading: example files (fixtures/inputs/cases.json) and properties side by side."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.errors import InputError
from claimcheck.inputs import Loaded, load, title_of
from claimcheck.values import Document, DocumentStatus

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "inputs"
CASES: list[dict[str, Any]] = json.loads((FIXTURES / "cases.json").read_text("utf-8"))


def _outcomes(loaded: Loaded) -> dict[str, Document | DocumentStatus]:
    found: dict[str, Document | DocumentStatus] = {d.id: d for d in loaded.documents}
    found.update({s.id: s for s in loaded.statuses})
    return found


@pytest.mark.parametrize("case", CASES, ids=[c["input"] for c in CASES])
def test_input_fixture(case: dict[str, Any]) -> None:
    loaded = load([FIXTURES / case["input"]])
    found = _outcomes(loaded)
    assert sorted(found) == sorted(e["id"] for e in case["expect"])
    for expect in case["expect"]:
        got = found[expect["id"]]
        if expect["state"] == "read":
            assert isinstance(got, Document)
            for key in ("source", "title"):
                if key in expect:
                    assert getattr(got, key) == expect[key]
            if "published" in expect:
                assert got.published == dt.date.fromisoformat(expect["published"])
            for piece in expect.get("text_has", []):
                assert piece in got.text
            assert got.text.startswith(expect.get("text_starts", ""))
            assert not got.text.startswith("\ufeff")
        else:
            assert isinstance(got, DocumentStatus)
            assert got.state == expect["state"]
            for piece in expect.get("reason_has", []):
                assert piece in got.reason


def test_folder_is_read_recursively_and_every_file_accounted() -> None:
    loaded = load([FIXTURES])
    ids = {d.id for d in loaded.documents} | {s.id for s in loaded.statuses}
    expected = {e["id"] for case in CASES for e in case["expect"]}
    assert ids == expected  # cases.json itself is not an input: only .txt/.md/.jsonl are


def test_missing_path_raises_input_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "story.txt"
    with pytest.raises(InputError, match=r"story\.txt") as info:
        load([missing])
    assert "check the path" in str(info.value)


def test_folder_without_text_files_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n", "utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", "utf-8")
    with pytest.raises(InputError, match=re.escape(str(tmp_path))):
        load([tmp_path])


def test_published_applies_only_to_undated_text_files(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Eight people were killed on Thursday.\n", "utf-8")
    loaded = load([story, FIXTURES / "corpus.jsonl"], published=dt.date(2019, 9, 21))
    by_id = {d.id: d for d in loaded.documents}
    assert by_id["story"].published == dt.date(2019, 9, 21)
    assert by_id["a2"].published == dt.date(2019, 9, 22)  # the corpus's own date wins


def test_duplicate_ids_are_made_unique(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("one", "utf-8")
    (tmp_path / "b" / "x.txt").write_text("two", "utf-8")
    loaded = load([tmp_path])
    assert [(d.id, d.text) for d in loaded.documents] == [("x", "one"), ("x~2", "two")]


def test_stdin_text_and_stdin_jsonl() -> None:
    text = load(["-"], stdin=io.BytesIO(b"\xef\xbb\xbfMore than 80 were killed.\n"))
    assert [(d.id, d.text) for d in text.documents] == [("stdin", "More than 80 were killed.\n")]
    lines = b'\n{"id": "s1", "text": "8 killed"}\n{"id": "s2"}\n'
    corpus = load(["-"], stdin=io.BytesIO(lines))
    assert [d.id for d in corpus.documents] == ["s1"]
    assert [(s.id, s.state, s.origin) for s in corpus.statuses] == [("s2", "skipped", "<stdin>:3")]


def test_jsonl_is_streamed_not_read_whole(tmp_path: Path) -> None:
    corpus = tmp_path / "big.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for i in range(2000):
            out.write(json.dumps({"id": f"d{i}", "text": f"{i} people were hurt."}) + "\n")
    loaded = load([corpus])
    assert len(loaded.documents) == 2000
    assert loaded.documents[-1].text == "1999 people were hurt."


def test_title_of_first_non_empty_line() -> None:
    assert title_of("\n\n## Seven killed ##\nbody") == "Seven killed ##"
    assert title_of("#") == "#"


# --------------------------------------------------------------------------- properties

_texts = st.lists(
    st.one_of(
        st.characters(codec="utf-8", exclude_characters="\x00"),
        st.sampled_from(["\r\n", "\u00a0", "\u200b", "\ufeff", "\n"]),
    ),
    max_size=60,
).map("".join)


@settings(max_examples=60)
@given(text=_texts)
def test_text_is_kept_as_is_but_a_leading_bom(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.txt"
        path.write_bytes(text.encode("utf-8"))
        loaded = load([path])
    stored = text.removeprefix("\ufeff")
    if stored.strip():
        assert [d.text for d in loaded.documents] == [stored]
        assert loaded.statuses == ()
    else:
        assert loaded.documents == ()
        assert [s.state for s in loaded.statuses] == ["skipped"]


@settings(max_examples=60)
@given(data=st.binary(max_size=40))
def test_any_bytes_are_read_or_accounted_for(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "blob.txt"
        path.write_bytes(data)
        loaded = load([path])
    assert len(loaded.documents) + len(loaded.statuses) == 1
    try:
        text: str | None = None if b"\x00" in data else data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        text = None
    expected = "failed" if text is None else ("skipped" if not text.strip() else "read")
    if expected == "read":
        assert [d.text for d in loaded.documents] == [text]
    for status in loaded.statuses:
        assert str(path) in status.reason
        assert status.state == expected


_lines = st.one_of(
    st.builds(lambda t: json.dumps({"text": t}), st.text(min_size=1, max_size=20).filter(str.strip)),
    st.builds(lambda t: json.dumps({"id": "x", "text": t}), st.just("")),
    st.text(alphabet='{}[]":, abc', min_size=1, max_size=12).filter(str.strip),
)


@settings(max_examples=60)
@given(lines=st.lists(_lines, max_size=8))
def test_every_jsonl_line_is_accounted_for(lines: list[str]) -> None:
    body = "\n".join(line.replace("\n", " ") for line in lines).encode("utf-8")
    loaded = load(["-"], stdin=io.BytesIO(body))
    non_blank = [line for line in lines if line.replace("\n", " ").strip()]
    if non_blank and non_blank[0].lstrip().startswith("{"):
        try:
            first_is_object = isinstance(json.loads(non_blank[0]), dict)
        except ValueError:
            first_is_object = False
    else:
        first_is_object = False
    if first_is_object:
        assert len(loaded.documents) + len(loaded.statuses) == len(non_blank)
        assert len({d.id for d in loaded.documents}) == len(loaded.documents)
    else:  # not a corpus: one text document (or one skipped empty input)
        assert len(loaded.documents) + len(loaded.statuses) == 1


def test_a_status_never_shares_an_id_with_a_document() -> None:
    lines = b'{"id": "a", "text": "8 killed"}\n{"id": "a", "published": "soon", "text": "9 killed"}\n'
    loaded = load(["-"], stdin=io.BytesIO(lines))
    assert [d.id for d in loaded.documents] == ["a"]
    assert [(s.id, s.state) for s in loaded.statuses] == [("a~2", "failed")]
