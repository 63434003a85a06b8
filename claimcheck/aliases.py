"""Alias groups: map the many names of one thing to one canonical name.

The built-in groups live in ``claimcheck/data/aliases_en.toml`` (format in docs/claims.md);
users add their own files with :meth:`Aliases.load`. A form written in capitals only ("IS",
"US") matches only in capitals; other forms match in any case. :meth:`Aliases.canonical`
also drops determiners and possessives and singularizes the last word, so that "ISIS
fighters" and "the Islamic State militants" both read "islamic state fighter".

>>> canonical("ISIS fighters")
'islamic state fighter'
>>> canonical("American forces")
'us force'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from claimcheck import lexicon
from claimcheck.errors import LexiconError

BUILTIN = "aliases_en.toml"

_DETERMINERS = frozenset({"the", "a", "an", "some", "its", "their", "his", "her"})
_WORD = re.compile(r"[\w][\w.’'-]*")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@attrs.frozen
class Aliases:
    """A set of alias groups: ``entries`` pairs each surface form with its canonical name.

    Later entries override earlier ones for the same surface form (a user file overrides the
    built-in groups).

    >>> a = Aliases.from_mapping({"islamic state": ["ISIS", "Daesh"]})
    >>> a.canonical("Daesh militants"), a.group_of("ISIS")
    ('islamic state militant', 'islamic state')
    """

    entries: tuple[tuple[str, str], ...] = ()
    plurals: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_mapping(
        cls, groups: Mapping[str, Iterable[str]], plurals: Mapping[str, str] | None = None
    ) -> Aliases:
        """Build from ``{canonical: [surface forms]}`` (the canonical name is a form too)."""
        entries: list[tuple[str, str]] = []
        for name, forms in groups.items():
            entries.append((name, name.lower()))
            entries.extend((form, name.lower()) for form in forms)
        return cls(tuple(entries), tuple((plurals or {}).items()))

    @classmethod
    def parse(cls, text: str, name: str) -> Aliases:
        """Parse alias TOML *text* (from a file called *name*), checking its shape."""
        raw = lexicon.parse(text, name)
        return cls._from_raw(raw, name, text)

    @classmethod
    def _from_raw(cls, raw: Mapping[str, Any], name: str, text: str = "") -> Aliases:
        unknown = set(raw) - {"groups", "plurals"}
        if unknown:
            key = sorted(unknown)[0]
            raise LexiconError(
                name, _line_of(text, key), f"unknown table [{key}]", "use [groups] or [plurals]"
            )
        groups = raw.get("groups", {})
        seen: dict[str, str] = {}
        for group, forms in groups.items():
            if not isinstance(forms, tuple) or not all(isinstance(f, str) and f.strip() for f in forms):
                raise LexiconError(
                    name,
                    _line_of(text, group),
                    f"group {group!r} is not a list of non-empty strings",
                    'write  "name" = ["alias", ...]',
                )
            for form in forms:
                if form in seen and seen[form] != group:
                    raise LexiconError(
                        name,
                        _line_of(text, group),
                        f"{form!r} is in both {seen[form]!r} and {group!r}",
                        "keep it in one group",
                    )
                seen[form] = group
        plurals = raw.get("plurals", {})
        for plural, singular in plurals.items():
            if not isinstance(singular, str):
                raise LexiconError(
                    name,
                    _line_of(text, plural),
                    f"plural {plural!r} maps to a non-string",
                    'write  plural = "singular"',
                )
        return cls.from_mapping(groups, plurals)

    @classmethod
    def load(cls, paths: Iterable[str | Path] = (), *, builtin: bool = True) -> Aliases:
        """The built-in groups (unless *builtin* is False) merged with each file in *paths*, in order.

        Raises LexiconError naming the file and line of a malformed entry.
        """
        result = default() if builtin else cls()
        for path in paths:
            p = Path(path)
            try:
                text = p.read_text("utf-8")
            except OSError as exc:
                raise LexiconError(
                    str(p), 0, f"cannot read alias file ({exc.strerror})", "check the path"
                ) from exc
            result = result.merged(cls.parse(text, str(p)))
        return result

    def merged(self, other: Aliases) -> Aliases:
        """These groups extended (and, for a shared surface form, overridden) by *other*'s."""
        return Aliases(self.entries + other.entries, self.plurals + other.plurals)

    def group_of(self, text: str) -> str | None:
        """The canonical name if all of *text* is one alias form, else None."""
        table = _compiled(self.entries, self.plurals)
        return table.exact.get(text.strip()) or table.folded.get(text.strip().lower())

    def canonical(self, text: str) -> str:
        """Normalize a phrase: aliases replaced, determiners and possessives dropped, head singular."""
        table = _compiled(self.entries, self.plurals)
        words: list[str] = []
        pos = 0
        last_alias = False
        for match in table.pattern.finditer(text):
            words.extend(_words(text[pos : match.start()]))
            form = match.group()
            words.append(table.exact.get(form) or table.folded[form.lower()])
            pos = match.end()
            last_alias = pos >= len(text.rstrip(" .,;:’'"))
        rest = _words(text[pos:])
        words.extend(rest)
        while words and words[0] in _DETERMINERS:
            words.pop(0)
        if words and rest and not last_alias:
            words[-1] = table.singular(words[-1])
        return " ".join(words)


def _words(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(text):
        w = _POSSESSIVE.sub("", w.lower()).rstrip(".")
        if w:
            out.append(w)
    return out


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if f'"{key}"' in line or line.strip().startswith(f"{key} "):
            return number
    return 0


@attrs.frozen
class _Table:
    pattern: re.Pattern[str]
    exact: Mapping[str, str]
    folded: Mapping[str, str]
    plural_map: Mapping[str, str]

    def singular(self, word: str) -> str:
        if word in self.plural_map:
            return self.plural_map[word]
        if len(word) > 4 and word.endswith("ies"):
            return word[:-3] + "y"
        if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zes")):
            return word[:-2]
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")):
            return word[:-1]
        return word


@functools.lru_cache(maxsize=32)
def _compiled(entries: tuple[tuple[str, str], ...], plurals: tuple[tuple[str, str], ...]) -> _Table:
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for form, name in entries:
        if form.upper() == form and any(c.isalpha() for c in form):
            exact[form] = name
        else:
            folded[form.lower()] = name
    # longest first, so "Islamic State of Iraq and the Levant" wins over "Islamic State"
    sensitive = sorted(exact, key=len, reverse=True)
    insensitive = sorted(folded, key=len, reverse=True)
    parts = [re.escape(f) for f in sensitive]
    if insensitive:
        parts.append("(?i:" + "|".join(re.escape(f) for f in insensitive) + ")")
    body = "|".join(sorted(parts, key=len, reverse=True)) if parts else "(?!x)x"
    pattern = re.compile(rf"(?<![\w.])(?:{body})(?![\w])")
    plural_map = {k.lower(): v.lower() for k, v in plurals}
    return _Table(pattern, exact, folded, plural_map)


@functools.cache
def default() -> Aliases:
    """The built-in alias groups (``claimcheck/data/aliases_en.toml``), loaded once."""
    return Aliases._from_raw(lexicon.load(BUILTIN), BUILTIN)


def canonical(text: str, aliases: Aliases | None = None) -> str:
    """Canonical form of *text* under *aliases* (default: the built-in groups)."""
    return (aliases or default()).canonical(text)
