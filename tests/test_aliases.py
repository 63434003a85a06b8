"""Alias groups: built-in names, user files, and properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import aliases
from claimcheck.aliases import Aliases
from claimcheck.errors import LexiconError


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ISIS fighters", "islamic state fighter"),
        ("Islamic State fighters", "islamic state fighter"),
        ("ISIL militants", "islamic state fighter"),
        ("the Daesh jihadists", "islamic state fighter"),
        ("American forces", "us force"),
        ("U.S. forces", "us force"),
        ("United States", "us"),
        ("troops", "soldier"),
        ("people", "person"),
        ("civilians", "civilian"),
        ("victims", "victim"),
        ("died", "killed"),
        ("death toll", "killed"),
        ("wounded", "injured"),
        ("Libya’s", "libya"),
        ("casualties", "casualty"),
        ("gunmen", "gunman"),
    ],
)
def test_builtin_canonical(text: str, want: str) -> None:
    assert aliases.canonical(text) == want


def test_capital_only_forms_do_not_match_common_words() -> None:
    assert aliases.canonical("this is it") == "this is it"
    assert aliases.canonical("IS militants") == "islamic state fighter"
    assert aliases.default().group_of("us") is None or aliases.default().group_of("us") == "us"
    assert aliases.canonical("tell us") == "tell us"


def test_people_and_civilians_do_not_merge() -> None:
    assert aliases.canonical("people") != aliases.canonical("civilians")
    assert aliases.canonical("soldiers") != aliases.canonical("fighters")
    assert aliases.canonical("killed") != aliases.canonical("injured")


def test_user_file_extends_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[groups]\n"lna" = ["Haftar forces", "Haftar’s forces"]\n"rebel" = ["militants"]\n', "utf-8"
    )
    mine = Aliases.load([path])
    assert mine.canonical("Haftar forces") == "lna"
    assert mine.canonical("ISIS militants") == "islamic state rebel"  # the user's reading wins
    assert mine.canonical("ISIS fighters") == "islamic state fighter"  # the built-in rest stays
    assert aliases.canonical("ISIS militants") == "islamic state fighter"  # the default is untouched
    alone = Aliases.load([path], builtin=False)
    assert alone.canonical("ISIS fighters") == "isis fighter"


def test_bad_file_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[groups]\n"a" = ["x"]\n"b" = ["x"]\n', "utf-8")
    with pytest.raises(LexiconError, match=r"bad.toml:3: 'x' is in both 'a' and 'b'"):
        Aliases.load([path])
    path.write_text('[groups]\n"a" = "x"\n', "utf-8")
    with pytest.raises(LexiconError, match=r"bad.toml:2: group 'a' is not a list"):
        Aliases.load([path])
    path.write_text("[group]\n", "utf-8")
    with pytest.raises(LexiconError, match="unknown table"):
        Aliases.load([path])
    with pytest.raises(LexiconError, match="cannot read"):
        Aliases.load([tmp_path / "missing.toml"])


def test_builtin_file_has_no_conflicts() -> None:
    # loading runs the same checks a user file gets
    assert aliases.default().entries


FORMS = [(form, name) for form, name in aliases.default().entries]


@settings(max_examples=80)
@given(st.sampled_from(FORMS))
def test_every_form_maps_to_its_group(entry: tuple[str, str]) -> None:
    form, name = entry
    assert aliases.canonical(form) == name


WORDS = [
    "ISIS",
    "fighters",
    "the",
    "American",
    "forces",
    "people",
    "Libya’s",
    "army",
    "U.S.",
    "commander",
    "IS",
    "is",
]


@settings(max_examples=80)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
def test_canonical_is_idempotent(words: list[str]) -> None:
    once = aliases.canonical(" ".join(words))
    assert aliases.canonical(once) == once
