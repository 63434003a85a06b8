"""Regex building blocks shared by the grammars: word lists compiled as prefix tries.

Python's ``re`` tries the branches of an alternation one after the other and does not factor
shared prefixes, so ``(?i:january|june|july|…)`` re-reads "j" for every branch at every
position the scanner tries. :func:`alternation` builds the same language as a trie
(``[jJ](?:[aA][nN]…|[uU](?:[lL]…|[nN]…))``) whose branches differ in their first character,
so a failing position costs one character test per trie level instead of one per word.
"""

from __future__ import annotations

import importlib
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


# --------------------------------------------------------------------------- prefix gates

_ANY = "\x00"  # a prefix that stops here: any character may follow
_DIGIT = "\x01"  # one \d
_SPACE = "\x02"  # one \s
_GATE_LIMIT = 4000  # more distinct prefixes than this: no gate (it would cost more than it saves)


class _TooMany(Exception):
    pass


def prefix_gate(source: str, k: int = 3) -> str:
    """A lookahead on the first *k* characters any match of *source* can begin with, or ``""``.

    The master pattern is a long alternation, and Python's ``re`` enters every branch at every
    position it tries. Putting this gate in front of a branch lets the engine leave it after a
    short trie walk wherever the branch cannot start ("in the" before a rule that only begins
    with a digit or a month). The gate is a necessary condition only: it reads the parsed
    pattern, takes lookarounds as always true and letters in either case, so it never rejects
    a position the branch could match. A branch that can begin with anything gets no gate.

    >>> prefix_gate(r"(?i:from)\\s+\\d{4}")
    '(?=(?i:fro))'
    >>> re.match(prefix_gate(r"\\d+\\s*(?:days?|weeks?)"), "3 weeks") is not None
    True
    >>> prefix_gate(r".*")
    ''
    """
    try:
        parser: Any = importlib.import_module("re._parser")
        constants: Any = importlib.import_module("re._constants")
        parsed = parser.parse(source)
        strings = _Prefixes(constants, k).sequence(list(parsed), k)
    except (_TooMany, ImportError, AttributeError, RecursionError):
        return ""  # the parser's private layout changed, or too many prefixes: no gate
    if not strings or "" in strings or any(s.startswith(_ANY) for s in strings):
        return ""
    # letters in any case, as the engine's own (?i) folds them: a superset of the branch's case
    return f"(?=(?i:{_gate_source(strings)}))"


class _Prefixes:
    """The set of first-*k*-character strings of a parsed pattern (lower-cased, with markers)."""

    def __init__(self, c: Any, k: int) -> None:
        self.c = c
        self.k = k

    def _join(self, heads: set[str], tails: set[str], done: set[str], k: int) -> set[str]:
        open_: set[str] = set()
        for a in heads:
            for b in tails:
                s = a + b
                if s.endswith(_ANY) or len(s) >= k:
                    done.add(s if s.endswith(_ANY) else s[:k])
                else:
                    open_.add(s)
        if len(open_) + len(done) > _GATE_LIMIT:
            raise _TooMany
        return open_

    def sequence(self, items: list[Any], k: int) -> set[str]:
        current, done = {""}, set[str]()
        for op, av in items:
            current = self._join(current, self.op(op, av, k), done, k)
            if not current:
                break
        return current | done

    def op(self, op: Any, av: Any, k: int) -> set[str]:
        c = self.c
        if op is c.LITERAL:
            return {_lower(av)}
        if op is c.IN:
            return self._charset(av)
        if op is c.SUBPATTERN:
            return self.sequence(list(av[3]), k)
        if op is c.ATOMIC_GROUP:
            return self.sequence(list(av), k)
        if op is c.BRANCH:
            out: set[str] = set()
            for branch in av[1]:
                out |= self.sequence(list(branch), k)
                if len(out) > _GATE_LIMIT:
                    raise _TooMany
            return out
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, body = av
            once = self.sequence(list(body), k)
            out = {""} if low == 0 else set()
            current, done = {""}, set[str]()
            for n in range(1, min(high, k + 1) + 1):
                current = self._join(current, once, done, k)
                if n >= low:
                    out |= current
                if not current:
                    break
            return out | done
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return {""}  # zero width: taken as always true
        return {_ANY}

    def _charset(self, items: Any) -> set[str]:
        c = self.c
        chars: set[str] = set()
        for op, av in items:
            if op is c.LITERAL:
                chars.add(_lower(av))
            elif op is c.RANGE and av[1] - av[0] <= 40:
                chars |= {_lower(x) for x in range(av[0], av[1] + 1)}
            elif op is c.CATEGORY and av is c.CATEGORY_DIGIT:
                chars.add(_DIGIT)
            elif op is c.CATEGORY and av is c.CATEGORY_SPACE:
                chars.add(_SPACE)
            else:
                return {_ANY}  # a negated or large class, \w, ...
        return chars


def _lower(code: int) -> str:
    low = chr(code).lower()
    return low if len(low) == 1 else _ANY  # "İ" lowers to two characters: no gate past it


def _gate_source(strings: set[str]) -> str:
    tree: dict[str, Any] = {}
    for s in strings:
        node = tree
        for ch in s.rstrip(_ANY):
            node = node.setdefault(ch, {})
        node[""] = {}

    def atom(ch: str) -> str:
        if ch == _DIGIT:
            return r"\d"
        return r"\s" if ch == _SPACE else re.escape(ch)

    def emit(node: dict[str, Any]) -> str:
        if "" in node:
            return ""  # some prefix ends here: nothing more is needed
        parts = [atom(ch) + emit(child) for ch, child in sorted(node.items())]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return emit(tree)
