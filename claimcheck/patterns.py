"""Regex building blocks shared by the grammars: word lists compiled as prefix tries.

Python's ``re`` tries the branches of an alternation one after the other and does not factor
shared prefixes, so ``(?i:january|june|july|…)`` re-reads "j" for every branch at every
position the scanner tries. :func:`alternation` builds the same language as a trie
(``[jJ](?:[aA][nN]…|[uU](?:[lL]…|[nN]…))``) whose branches differ in their first character,
so a failing position costs one character test per trie level instead of one per word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any


def alternation(words: Iterable[str], *, nocase: bool = False, flexible_space: bool = True) -> str:
    """Regex source matching exactly *words*, as a prefix trie.

    Where one word is a prefix of another, the longer is tried first (the optional tail is
    greedy), as a longest-first alternation would. With *nocase*, letters match either case
    through ``[xX]`` classes, which the engine tests faster than an ``(?i:…)`` group; with
    *flexible_space*, a space in a word matches any run of whitespace. No words give a
    pattern that never matches.

    >>> alternation(["one", "ones", "two"], flexible_space=False)
    '(?:(?:ones?|two))'
    >>> re.fullmatch(alternation(["per cent"]), "per  cent") is not None
    True
    >>> alternation(["ab"], nocase=True)
    '(?:[aA][bB])'
    >>> alternation([])
    '(?!)'
    """
    root: dict[str, Any] = {}
    for word in set(words):
        node = root
        for ch in word.lower() if nocase else word:
            node = node.setdefault(ch, {})
        node[""] = {}
    body = _trie_source(root, flexible_space, nocase)
    return f"(?:{body})" if body else "(?!)"


def _char(ch: str, flexible_space: bool, nocase: bool) -> str:
    if flexible_space and ch == " ":
        return r"\s+"
    if nocase and ch.upper() != ch and len(ch.upper()) == 1:
        return f"[{re.escape(ch)}{re.escape(ch.upper())}]"
    return re.escape(ch)


def _trie_source(node: Mapping[str, Any], flexible_space: bool, nocase: bool) -> str:
    """Regex source of one trie node's continuations (``""`` marks a word end)."""
    singles: list[str] = []
    alts: list[str] = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        atom = _char(ch, flexible_space, nocase)
        if list(child) == [""] and not (flexible_space and ch == " "):
            singles.append(atom.strip("[]") if atom.startswith("[") else atom)
            continue
        alts.append(atom + _trie_source(child, flexible_space, nocase))
    if len(singles) == 1 and not singles[0].startswith("\\") and len(singles[0]) == 2:
        alts.append(f"[{singles[0]}]")
    elif len(singles) == 1:
        alts.append(singles[0])
    elif singles:
        alts.append("[" + "".join(singles) + "]")
    if not alts:
        return ""
    ends = "" in node
    if len(alts) == 1 and not ends:
        return alts[0]
    only_class = len(alts) == 1 and len(singles) >= 1
    body = alts[0] if only_class else "(?:" + "|".join(alts) + ")"
    return body + "?" if ends else body
