"""Claim frames: who did what to how many, where, when, according to whom.

:func:`build_claims` wraps each count-like figure, each dated event and each gap mention of a
document in a :class:`~claimcheck.values.Claim` whose parts (counted noun, event, actor, place,
time, attribution, modality, revision) point back into the text with exact spans. The words
come from ``claimcheck/data/events_en.toml`` (event lemmas and cue words),
``aliases_en.toml`` (canonical names) and ``sentences_en.toml`` (abbreviations); the rules and
their reasons are in docs/claims.md.

Each concern has one compiled scanner that runs once over the document (sentences, events,
places, actors, cue words); each figure then looks its parts up in its own sentence by
bisection. Nothing is compiled per call.

>>> from claimcheck.values import Document
>>> doc = Document(id="d", text="Seven soldiers were killed, an army commander said.", published="2016-02-26")
>>> [(c.counted.norm, c.event.norm, c.attribution.norm) for c in build_claims(doc)]
[('soldier', 'killed', 'army commander')]
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import importlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

import attrs

from claimcheck import lexicon, units
from claimcheck.aliases import Aliases
from claimcheck.aliases import default as default_aliases
from claimcheck.patterns import alternation
from claimcheck.values import Amount, Claim, ClaimKind, Document, Mention, Part, Span, TimeValue

__all__ = ["Segment", "build_claims", "event_class", "is_infobox", "split_sentences"]

EVENTS = "events_en.toml"
SENTENCES = "sentences_en.toml"

_TIME_KINDS = frozenset({"date", "daterange", "time", "timerange"})
_DATE_CLAIM_KINDS = frozenset({"date", "daterange"})
_COUNT_KINDS = frozenset({"number", "range"})
_MEASURE_KINDS = frozenset({"money", "quantity", "percent"})
_QUOTE_MAX = 240
_SECOND = "second"
_CAP = r"(?:[A-Z](?:[\w’'-]|\.(?=\w))*(?:(?<=\.[A-Z])\.)?|(?:al|el|ad|as)-[A-Z][\w’'-]*)"
_AUX = re.compile(r"\b(?:were|was|are|is|be|been|being|got|get|gets|have|has|had)\b", re.IGNORECASE)
_CLAUSE = re.compile(r"\b(?:that|as|when|after|and|but)\b", re.IGNORECASE)
_GAP_PUNCT = re.compile(r"[,;:()\[\]\"“”.!?—]")
_PUNCT_STOP = re.compile(r"[,;:()\[\]\"“”!?]|\.\s")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_GAP_MARK = re.compile(r"[,;()\[\]\"“”.!?]")
_BY_END = re.compile(r"\bby\s+(?:the\s+)?$")


def _is_age(mention: Mention) -> bool:
    """A quantity in years, months, weeks or days: the amount grammar's reading of an age
    ("17-year-old", "aged 29", "a 9-month-old"); spans of time are the time grammar's durations.

    >>> from claimcheck.extract import extract
    >>> [_is_age(m) for m in extract("a 17-year-old boy and 3 km")]
    [True, False]
    """
    value = mention.value
    return mention.kind == "quantity" and isinstance(value, Amount) and units.compatible(value.unit, _SECOND)


class Segment(Protocol):
    """A dated stretch of a document (what :func:`claimcheck.dateline.segments` returns)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def published(self) -> dt.date | None: ...


@attrs.frozen
class _Hit:
    """One cue found by a scanner: its span and a normalized form."""

    start: int
    end: int
    norm: str
    extra: str = ""


@attrs.frozen
class _Sentence:
    start: int
    end: int
    para: int
    kind: str  # "text" | "heading" | "infobox"
    label: str = ""  # infobox label, lower case, side number stripped ("casualties")
    side: str = ""  # infobox side number ("2")
    label_start: int = 0
    label_end: int = 0
    block: int = 0  # infobox block id


@attrs.frozen
class _Lexicon:
    events: _Words
    event_lemma: Mapping[str, str]
    event_classes: Mapping[str, str]
    modality: _Words
    modality_norm: Mapping[str, str]
    revision: _Words
    revision_norm: Mapping[str, str]
    attr_prefix: _Words
    attr_verb: re.Pattern[str]
    places: re.Pattern[str]
    actors: re.Pattern[str]
    actor_mods: re.Pattern[str]
    attack_heads: frozenset[str]
    actor_not_names: frozenset[str]
    counted_stop: frozenset[str]
    counted_skip: frozenset[str]
    infobox: Mapping[str, str]
    abbreviations: frozenset[str]
    singular: re.Pattern[str]
    dated_between: re.Pattern[str]
    singular_joined: re.Pattern[str]


def _alternation(words: Iterable[str]) -> str:
    """Regex source matching any of *words*, as a trie (Python's re does not factor alternations).

    >>> _alternation(["kill", "killed", "kin"])
    '(?:ki(?:ll(?:ed)?|n))'
    """
    return alternation(" ".join(word.split()) for word in words)


def _word_pattern(words: Iterable[str]) -> str:
    """Regex source for whole *words* in lower-case text; "-strong"-style suffixes glue to a word."""
    plain = [w.lower() for w in words if not w.startswith("-")]
    glued = [w.lower() for w in words if w.startswith("-")]
    parts = [rf"\b(?:{_alternation(plain)})\b"] if plain else []
    if glued:
        parts.append(rf"(?<=\w)(?:{_alternation(glued)})\b")
    return "|".join(parts)


@attrs.frozen
class _Words:
    """A word scanner: run on lower-cased text (4x faster than a case-blind match), or, when
    lower-casing would change the length of the text, case-blind on the text itself."""

    lower: re.Pattern[str]
    blind: re.Pattern[str]

    @classmethod
    def of(cls, words: Iterable[str]) -> _Words:
        source = _word_pattern(list(words))
        return cls(re.compile(source), re.compile(source, re.IGNORECASE))

    def finditer(self, text: str, lowered: str | None) -> Iterator[re.Match[str]]:
        if lowered is not None:
            return self.lower.finditer(lowered)
        return self.blind.finditer(text)


@functools.cache
def _lexicon() -> _Lexicon:
    data = lexicon.load(EVENTS)
    lemma: dict[str, str] = {}
    classes: dict[str, str] = {}
    for name, entry in data["events"].items():
        classes[name] = entry["class"]
        for word in entry["words"]:
            lemma[" ".join(word.lower().split())] = name
    modality = dict(data["modality"])
    revision = dict(data["revision"])
    attribution = data["attribution"]
    places = data["places"]
    not_place = "|".join(sorted(places["not_names"], key=len, reverse=True))
    name = rf"(?!(?:{not_place})\b){_CAP}(?:\s+(?!(?:{not_place})\b){_CAP}){{0,3}}"
    nouns = _alternation(places["nouns"])
    dirs = _alternation(places["directions"])
    preps = _alternation(places["prepositions"])
    place_re = (
        rf"(?P<dir>\b(?i:{dirs}))\s+of\s+(?:(?P<dnoun>the\s+(?:{nouns}))(?:\s+of\s+(?P<dname1>{name}))?"
        rf"|(?P<dname2>{name}))"
        rf"|\b(?i:{preps})\s+(?:the\s+(?:[\w’'-]+\s+){{0,3}}?(?P<pnoun>{nouns})\s+of\s+(?P<pname1>{name})"
        rf"|(?P<pname2>{name}))"
    )
    actors = data["actors"]
    mods = _alternation(data["actors_modifiers"]["words"])
    heads = _alternation(list(actors["agents"]) + list(actors["attacks"]))
    actor_re = rf"\b(?i:{heads})\b"
    actor_mods = rf"(?:(?:{_CAP}|\b(?:{mods}))\s+)+$"
    abbreviations = lexicon.load(SENTENCES)["sentences"]["abbreviations"]
    singular = data["singular"]
    singular_re = (
        rf"\b(?:{_alternation(singular['articles'])})\s+(?P<mods>(?:[\w’'.-]+\s+){{0,4}}?)"
        rf"(?P<noun>{_alternation(singular['nouns'])})\b(?![’'-])"
    )
    return _Lexicon(
        events=_Words.of(lemma),
        event_lemma=lemma,
        event_classes=classes,
        modality=_Words.of(modality),
        modality_norm={k.lower(): v for k, v in modality.items()},
        revision=_Words.of(revision),
        revision_norm={k.lower(): v for k, v in revision.items()},
        attr_prefix=_Words.of(attribution["prefix"]),
        attr_verb=re.compile(rf"\b(?:{_alternation(attribution['verbs'])})\b"),  # lower case only
        places=re.compile(place_re),
        actors=re.compile(actor_re),
        actor_mods=re.compile(actor_mods),
        attack_heads=frozenset(h.lower() for h in actors["attacks"]),
        actor_not_names=frozenset(actors["not_names"]),
        counted_stop=frozenset(data["counted"]["stop"]),
        counted_skip=frozenset(data["counted"]["skip"]),
        infobox={k.lower(): v for k, v in data["infobox"].items()},
        abbreviations=frozenset(a.lower() for a in abbreviations),
        singular=re.compile(singular_re, re.IGNORECASE),
        singular_joined=re.compile(
            rf"\s*,?\s+(?:and|or|&)\s+(?:{_alternation(singular['nouns'])})\b", re.IGNORECASE
        ),
        dated_between=re.compile(
            rf"\s+(?:(?:{_alternation(data['dated']['between'])})\s+)*", re.IGNORECASE
        ),
    )


def event_class(lemma: str) -> str | None:
    """The class of an event lemma ("toll", "detention", "release", "force", "incident").

    >>> event_class("killed"), event_class("strike"), event_class("nonsense")
    ('toll', 'incident', None)
    """
    return _lexicon().event_classes.get(lemma)


def is_infobox(claim: Claim) -> bool:
    """Whether the claim comes from an infobox line (a whole-campaign figure)."""
    return claim.actor is not None and claim.actor.norm.startswith("infobox")


# --------------------------------------------------------------------------- sentences

_LINE = re.compile(r"[^\n]+")
_SENT_END = re.compile(r"[.!?]+[”\"’')\]]*(?=\s+[“\"‘'(\[]?[A-Z0-9])|\]\([^)\s]*\)")
_LEAD = re.compile(r"\s*(?:#+|=+|>|\d{1,3}\.(?=\s)|[-*•])?[\s\[_*]*")
_HEADING = re.compile(r"\s*(?:#|=)")
_ITEM = re.compile(r"\s*(?:[-*•]|\d{1,3}\.)\s")
_INFOBOX = re.compile(r"\s*[-*•]\s*(?P<label>[A-Z][A-Za-z ]*?)(?P<side>\d*)\s*:\s")


def _sentences(text: str) -> list[_Sentence]:
    lex = _lexicon()
    out: list[_Sentence] = []
    para = 0
    block = 0
    in_block = False
    prev_own = False  # previous line was its own paragraph (heading or list item)
    prev_end = 0
    for line in _LINE.finditer(text):
        ls, le = line.span()
        if text.count("\n", prev_end, ls) > 1 or prev_own:
            para += 1
        prev_end = le
        body = line.group()
        if not body.strip():
            continue
        heading = _HEADING.match(body) is not None
        item = _ITEM.match(body) is not None
        if heading or item:
            para += 1
        prev_own = heading or item
        box = _INFOBOX.match(body)
        if box is None:
            in_block = False
        elif not in_block:  # a run of "- Label: value" lines is one infobox
            block, in_block = block + 1, True
        if box is not None and box.group("label").lower() in lex.infobox:
            start = ls + box.start("label")
            out.append(
                _Sentence(
                    start,
                    ls + len(body.rstrip()),
                    para,
                    "infobox",
                    label=box.group("label").lower(),
                    side=box.group("side"),
                    label_start=start,
                    label_end=ls + box.end("side"),
                    block=block,
                )
            )
            continue
        kind = "heading" if heading else "text"
        pos = 0
        for end in _SENT_END.finditer(body):
            if end.group().startswith("]"):
                cut, nxt = end.start(), end.end()
            else:
                word_start = body.rfind(" ", 0, end.start()) + 1
                word = body[word_start : end.start()].lstrip("(“\"'‘[").lower()
                if word in lex.abbreviations or (len(word) == 1 and word.isalpha()):
                    continue
                cut = nxt = end.end()
            _add_sentence(out, body, ls, pos, cut, para, kind)
            pos = nxt
        _add_sentence(out, body, ls, pos, len(body), para, kind)
    return out


def _add_sentence(
    out: list[_Sentence], body: str, base: int, start: int, end: int, para: int, kind: str
) -> None:
    lead = _LEAD.match(body, start)
    if lead is not None:
        start = max(start, lead.end())
    while end > start and body[end - 1] in " \t\r]_*":
        end -= 1
    if end > start:
        out.append(_Sentence(base + start, base + end, para, kind))


def split_sentences(text: str) -> tuple[Span, ...]:
    """Spans of the sentences, headlines and infobox lines of *text*, in order.

    Lines always end a sentence; a period ends one unless it follows an abbreviation from
    ``sentences_en.toml`` or an initial. List markers and markdown link targets are left out.

    >>> text = "U.S. Gen. Smith spoke. Eight died.\\n- Strength2: 1,100 fighters"
    >>> [s.slice(text) for s in split_sentences(text)]
    ['U.S. Gen. Smith spoke.', 'Eight died.', 'Strength2: 1,100 fighters']
    """
    return tuple(Span(s.start, s.end) for s in _sentences(text))


# --------------------------------------------------------------------------- scanners


def _scan(words: _Words, text: str, lowered: str | None, norms: Mapping[str, str]) -> list[_Hit]:
    hits = []
    for m in words.finditer(text, lowered):
        key = " ".join(m.group().lower().split())
        hits.append(_Hit(m.start(), m.end(), norms.get(key, key)))
    return hits


def _in(hits: Sequence[_Hit], starts: Sequence[int], lo: int, hi: int) -> Sequence[_Hit]:
    """The hits that start in ``[lo, hi)`` (hits sorted by start, *starts* their starts)."""
    return hits[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]


@attrs.frozen
class _Doc:
    """Everything scanned once from one document."""

    text: str
    sentences: list[_Sentence]
    sent_starts: list[int]
    events: list[_Hit]
    event_starts: list[int]
    modality: list[_Hit]
    modality_starts: list[int]
    revision: list[_Hit]
    revision_starts: list[int]
    attributions: list[_Hit]
    attribution_starts: list[int]
    places: list[_Hit]
    place_starts: list[int]
    actors: list[_Hit]
    actor_starts: list[int]


def _scan_document(text: str, aliases: Aliases) -> _Doc:
    lex = _lexicon()
    sentences = _sentences(text)
    low = text.lower()
    # a few characters ("İ") lengthen when lower-cased; then scan case-blind instead
    lowered = low if len(low) == len(text) else None
    events = _scan(lex.events, text, lowered, lex.event_lemma)
    modality = _scan(lex.modality, text, lowered, lex.modality_norm)
    revision = _scan(lex.revision, text, lowered, lex.revision_norm)
    attributions = _attributions(text, lowered, sentences, aliases)
    places = _places(text)
    actors = _actors(text, aliases)
    return _Doc(
        text,
        sentences,
        [s.start for s in sentences],
        events,
        [h.start for h in events],
        modality,
        [h.start for h in modality],
        revision,
        [h.start for h in revision],
        attributions,
        [h.start for h in attributions],
        places,
        [h.start for h in places],
        actors,
        [h.start for h in actors],
    )


def _attributions(
    text: str, lowered: str | None, sentences: Sequence[_Sentence], aliases: Aliases
) -> list[_Hit]:
    lex = _lexicon()
    starts = [s.start for s in sentences]
    hits: list[_Hit] = []
    for m in lex.attr_prefix.finditer(text, lowered):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0:
            continue
        end = sentences[i].end
        stop = _PUNCT_STOP.search(text, m.end(), end)
        src_end = stop.start() if stop is not None else end
        while src_end > m.end() and text[src_end - 1] in " .":
            src_end -= 1
        source = text[m.end() : src_end].strip()
        if source:
            hits.append(_Hit(m.start(), src_end, aliases.canonical(source)))
    for m in lex.attr_verb.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0:
            continue
        s_start = sentences[i].start
        window = text[max(s_start, m.start() - 80) : m.start()]
        cut = max(window.rfind(c) for c in ',;:“”"(')
        source = window[cut + 1 :]
        words = source.split()
        if not words or len(words) > 8 or any(w[0].isdigit() for w in words):
            continue
        src_start = m.start() - len(source) + (len(source) - len(source.lstrip()))
        hits.append(_Hit(src_start, m.end(), aliases.canonical(" ".join(words))))
    hits.sort(key=lambda h: h.start)
    return hits


def _places(text: str) -> list[_Hit]:
    hits = []
    for m in _lexicon().places.finditer(text):
        name = next((m.group(g) for g in ("dname1", "dname2", "pname1", "pname2") if m.group(g)), None)
        noun = m.group("dnoun") or m.group("pnoun") or ""
        noun = noun.split()[-1].lower() if noun else ""
        norm = _place_norm(name) if name else ""
        hits.append(_Hit(m.start(), m.end(), norm, noun))
    return hits


def _place_norm(name: str) -> str:
    return _POSSESSIVE_END.sub("", " ".join(name.split())).lower()


def _actors(text: str, aliases: Aliases) -> list[_Hit]:
    lex = _lexicon()
    hits = []
    for m in lex.actors.finditer(text):
        head = " ".join(m.group().lower().split())
        window_start = max(0, m.start() - 80)
        mods_match = lex.actor_mods.search(text, window_start, m.start())
        mods = mods_match.group().split() if mods_match is not None else []
        mod_start = mods_match.start() if mods_match is not None else m.start()
        # the name starts at a capitalized word that is not a sentence opener ("First US airstrike")
        while mods and (not mods[0][:1].isupper() or mods[0] in lex.actor_not_names):
            mod_start = text.index(mods[0], mod_start) + len(mods[0])
            while text[mod_start].isspace():
                mod_start += 1
            mods.pop(0)
        if head in lex.attack_heads:
            if not mods:
                continue
            end = text.index(mods[-1], mod_start) + len(mods[-1])
            hits.append(_Hit(mod_start, end, aliases.canonical(text[mod_start:end]), "attack"))
        else:
            start = mod_start if mods else m.start()
            hits.append(_Hit(start, m.end(), aliases.canonical(text[start : m.end()]), "agent"))
    # "Libyan Air Force fighter jets" holds "Libyan Air Force": keep the longest name
    hits.sort(key=lambda h: (h.start, -h.end))
    kept: list[_Hit] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


# --------------------------------------------------------------------------- segments


def _default_segments(document: Document) -> Sequence[Segment]:
    try:
        module: Any = importlib.import_module("claimcheck.dateline")
    except ModuleNotFoundError:
        return ()
    found: Sequence[Segment] = module.segments(document.text, document.published)
    return found


def _fallback(day: dt.date) -> TimeValue:
    start = dt.datetime(day.year, day.month, day.day)
    return TimeValue(
        value=day.isoformat(),
        start=start,
        end=start + dt.timedelta(days=1),
        grain="day",
        anchored=True,
        flags=("fallback",),
    )


# --------------------------------------------------------------------------- frames


_INTRANSITIVE = frozenset({"died", "missing"})
"""Toll lemmas whose subject is the casualty without an auxiliary ("a boy died", "left a man dead")."""
_RELATIVE = re.compile(r"\b(?:who|that|which)\b", re.IGNORECASE)
_OBJECT = re.compile(
    r"\s+(?:a|an|the|his|her|their|its|him|them|one|two|three|four|five|six|seven|eight|nine|ten|\d)\b",
    re.IGNORECASE,
)
_DETERMINER_END = re.compile(r"\b(?:the|a|an|his|her|their|its|this|that)\s+$", re.IGNORECASE)
_OCCURRED_SUBJECT = re.compile(r"\s+(?:(?:that|which|had|has|have|was|were)\s+)*", re.IGNORECASE)
_OF_NOUN = re.compile(r"\bof\s+(?:(?:the|a|an|this|that)\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_OWNED_GAP = re.compile(r"[,;:.()]|\b(?:and|or|but|plus)\b", re.IGNORECASE)
_OBJECT_START = re.compile(r"\s+")
_WORD = re.compile(r"\s+([A-Za-z][\w’'-]*)")
_DETERMINER_START = re.compile(r"(?:the|a|an|this|that)\s", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\b(?:while|when|after|before|because|since|until|but)\b", re.IGNORECASE)
_CLAUSE_GAP = re.compile(
    r"\b(?:while|when|as|after|before|because|but|who|which|since|until)\b",
    re.IGNORECASE,
)
_ASIDE = re.compile(r",\s+[^,;:.!?()\[\]\"“”—]{1,40}?,\s+")
_NEGATION = re.compile(r"\b(?:not|never|no)\b|n[’']t\b", re.IGNORECASE)
_JOINED_AFTER = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)(?:a|an|one|two|three|four|five|his|her|their|\d)\b",
    re.IGNORECASE,
)
_JOINED_BEFORE = re.compile(r"(?:\b(?:and|or)|&)\s*$", re.IGNORECASE)


def _singulars(doc: _Doc, mentions: Sequence[Mention]) -> Iterator[tuple[Mention, Span]]:
    """Indefinite singular persons ("a 25-year-old man"): a count of one, and its noun's span.

    The count's span is the article (the figure), the counted noun is the person noun. Left
    out: an article inside a mention, a phrase holding a count or a function or event word,
    and a person joined to another ("a mother and a grandmother").
    """
    lex = _lexicon()
    text = doc.text
    starts = [m.span.start for m in mentions]
    for m in lex.singular.finditer(text):
        lo = bisect.bisect_right(starts, m.end()) - 1
        inside = False
        while lo >= 0 and mentions[lo].span.end > m.start():
            if mentions[lo].span.start <= m.start() or mentions[lo].kind in _COUNT_KINDS:
                inside = True
                break
            lo -= 1
        if inside:
            continue
        mods = m.group("mods").split()
        if any(w.lower().strip(".,") in lex.counted_stop for w in mods):
            continue
        k = bisect.bisect_left(doc.event_starts, m.start("mods"))
        if k < len(doc.event_starts) and doc.event_starts[k] < m.start("noun"):
            continue
        if (
            _JOINED_AFTER.match(text, m.end())
            or lex.singular_joined.match(text, m.end())
            or _JOINED_BEFORE.search(
                text, max(0, m.start() - 8), m.start()
            )
        ):
            continue  # "a mother and a grandmother", "a man and woman": one group
        art_end = m.start() + len(m.group().split()[0])
        value = Amount(low=1, high=1, figure=1, kind="number")
        mention = Mention(
            span=Span(m.start(), art_end), text=text[m.start() : art_end], kind="number", value=value
        )
        yield mention, Span(m.start("noun"), m.end("noun"))


_URL = re.compile(r"\]\([^)\s]*\)|https?://\S+|www\.\S+")


def build_claims(
    document: Document,
    mentions: Sequence[Mention] | None = None,
    *,
    aliases: Aliases | None = None,
    segments: Sequence[Segment] | None = None,
) -> tuple[Claim, ...]:
    """Build the claim frames of *document* around its mentions (default: extract them).

    Count-like figures give ``amount`` claims (money, quantities and percents only when an
    event word attaches to them); dates of events give ``date`` claims; gap mentions give
    ``gap`` claims. *segments* (default: :func:`claimcheck.dateline.segments` when available)
    date the items of a digest; *aliases* (default: the built-in groups) normalize parts.
    """
    if mentions is None:
        from claimcheck import extract

        mentions = extract.extract_document(document)
    aliases = aliases or default_aliases()
    if segments is None:
        segments = _default_segments(document)
    text = document.text
    doc = _scan_document(text, aliases)
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
    url_starts = [u[0] for u in urls]
    kept = [m for m in mentions if not _inside(m.span, urls, url_starts)]
    times = [m for m in kept if m.kind in _TIME_KINDS]
    time_starts = [m.span.start for m in times]
    frames = _frames(doc, times, time_starts)
    seg_list = sorted(segments, key=lambda s: s.start)
    seg_starts = [s.start for s in seg_list]
    counts = [m for m in kept if m.kind in _COUNT_KINDS or m.kind in _MEASURE_KINDS]
    count_starts = [m.span.start for m in counts]

    def make(
        mention: Mention, frame: _Frame, kind: ClaimKind, event: Part | None, counted: Part | None
    ) -> Claim:
        sent, si = frame.sent, frame.si
        published = document.published
        j = bisect.bisect_right(seg_starts, mention.span.start) - 1
        if j >= 0 and mention.span.start < seg_list[j].end and seg_list[j].published is not None:
            published = seg_list[j].published
        time, time_part, fallback = _governing_time(
            doc, sent, si, mention, kind, times, time_starts, frames, published
        )
        ss, se = sent.start, sent.end
        return Claim(
            id=f"{document.id}:{mention.span.start}",
            doc_id=document.id,
            source=document.source,
            published=published,
            kind=kind,
            mention=mention,
            counted=counted,
            event=event,
            actor=frame.actor(event, counted),
            place=frame.place(event),
            time=time,
            time_part=time_part,
            time_fallback=fallback,
            attribution=frame.nearest(doc.attributions, doc.attribution_starts),
            modality=frame.nearest(doc.modality, doc.modality_starts),
            revision=frame.revision(),
            sentence=Span(ss, se),
            quote=_quote(text, ss, se, mention.span),
        )

    claims: list[Claim] = []
    for mention in kept:
        si = bisect.bisect_right(doc.sent_starts, mention.span.start) - 1
        if si < 0 or mention.span.start >= doc.sentences[si].end:
            continue
        sent = doc.sentences[si]
        frame = _Frame(doc, sent, si, mention, aliases)
        kind: ClaimKind
        if mention.kind == "gap":
            kind = "gap"
            event = frame.gap_event()
        elif mention.kind in _DATE_CLAIM_KINDS:
            kind = "date"
            event = frame.dated_event(counts)
            if event is None:
                continue
        elif _is_age(mention):
            continue  # "a 17-year-old boy died": the age describes the victim, it counts nothing
        elif mention.kind in _COUNT_KINDS or mention.kind in _MEASURE_KINDS:
            kind = "amount"
            event = frame.figure_event(counts, count_starts)
            if event is None and mention.kind in _MEASURE_KINDS:
                continue
        else:
            continue
        counted = frame.counted() if kind == "amount" else None
        claims.append(make(mention, frame, kind, event, counted))
    for mention, counted_span in _singulars(doc, kept):
        si = bisect.bisect_right(doc.sent_starts, mention.span.start) - 1
        if si < 0 or mention.span.start >= doc.sentences[si].end or doc.sentences[si].kind == "infobox":
            continue
        frame = _Frame(doc, doc.sentences[si], si, mention, aliases)
        event = frame.figure_event(counts, count_starts)
        if event is None or event_class(event.norm) != "toll":
            continue
        gap = text[counted_span.end : event.span.start] if event.span.start >= counted_span.end else ""
        if _NEGATION.search(gap):
            continue  # "a woman who was with him was not hurt"
        active = (
            event.span.start >= counted_span.end
            and event.norm not in _INTRANSITIVE
            and _AUX.search(gap) is None
        )
        if active and (_RELATIVE.search(gap) or _OBJECT.match(text, event.span.end)):
            continue  # "a man who shot and wounded five", "a man shot and killed his wife": the actor
        noun = counted_span.slice(text)
        counted = Part(text=noun, span=counted_span, norm=aliases.canonical(noun))
        claims.append(make(mention, frame, "amount", event, counted))
    claims.sort(key=lambda c: c.mention.span.start)
    return tuple(claims)


def _inside(span: Span, ranges: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    i = bisect.bisect_right(starts, span.start) - 1
    return i >= 0 and span.start < ranges[i][1]


_OPENING = re.compile(
    r"[\W_]*(?:(?i:on|in|by|during|from|since|as\s+of|at|early|late|the|until|through|beginning|starting)\s+)*"
)


def _frames(doc: _Doc, times: Sequence[Mention], time_starts: Sequence[int]) -> list[Mention | None]:
    """For each sentence, the time that opened it or an earlier sentence of its paragraph.

    A time that opens a sentence ("On 15 February 2015, ...") frames the rest of the
    paragraph, until another opening time or the paragraph ends (docs/claims.md).
    """
    out: list[Mention | None] = []
    current: Mention | None = None
    para = -1
    for sent in doc.sentences:
        if sent.para != para:
            current, para = None, sent.para
        lo = bisect.bisect_left(time_starts, sent.start)
        if lo < len(times) and times[lo].span.start < sent.end and sent.kind == "text":
            first = times[lo]
            lead = _OPENING.match(doc.text, sent.start)
            if lead is not None and lead.end() == first.span.start:
                current = first
        out.append(current)
    return out


def _governing_time(
    doc: _Doc,
    sent: _Sentence,
    si: int,
    mention: Mention,
    kind: str,
    times: Sequence[Mention],
    time_starts: Sequence[int],
    frames: Sequence[Mention | None],
    published: dt.date | None,
) -> tuple[TimeValue | None, Part | None, bool]:
    if kind == "date" and mention.time is not None:
        return mention.time, Part(text=mention.text, span=mention.span, norm=mention.time.value), False
    chosen: Mention | None = None
    if sent.kind == "infobox":
        chosen = _infobox_time(doc, sent, times, time_starts)
    else:
        lo = bisect.bisect_left(time_starts, sent.start)
        hi = bisect.bisect_left(time_starts, sent.end)
        best = None
        for t in times[lo:hi]:
            if t.span.overlaps(mention.span):
                continue
            d = (
                t.span.start - mention.span.end
                if t.span.start >= mention.span.end
                else mention.span.start - t.span.end
            )
            if best is None or d < best[0]:
                best = (d, t)
        chosen = best[1] if best is not None else frames[si]
    if chosen is not None and chosen.time is not None:
        return chosen.time, Part(text=chosen.text, span=chosen.span, norm=chosen.time.value), False
    if published is not None:
        return _fallback(published), None, True
    return None, None, True


def _infobox_time(
    doc: _Doc, sent: _Sentence, times: Sequence[Mention], time_starts: Sequence[int]
) -> Mention | None:
    for other in doc.sentences:
        if (
            other.kind == "infobox"
            and other.block == sent.block
            and _lexicon().infobox.get(other.label) == "date"
        ):
            lo = bisect.bisect_left(time_starts, other.start)
            if lo < len(times) and times[lo].span.start < other.end:
                return times[lo]
    return None


def _quote(text: str, start: int, end: int, span: Span) -> str:
    quote = " ".join(text[start:end].split())
    if len(quote) <= _QUOTE_MAX:
        return quote
    lo = max(start, span.start - _QUOTE_MAX // 2)
    hi = min(end, span.end + _QUOTE_MAX // 2)
    lo = text.find(" ", lo, span.start) + 1 if lo > start and text.find(" ", lo, span.start) >= 0 else lo
    hi_space = text.rfind(" ", span.end, hi)
    hi = hi_space if hi < end and hi_space > 0 else hi
    body = " ".join(text[lo:hi].split())
    return ("…" if lo > start else "") + body + ("…" if hi < end else "")


class _Frame:
    """The parts of one claim, looked up in its sentence."""

    def __init__(self, doc: _Doc, sent: _Sentence, si: int, mention: Mention, aliases: Aliases) -> None:
        self.doc = doc
        self.text = doc.text
        self.sent = sent
        self.si = si
        self.mention = mention
        self.aliases = aliases
        self.events = _in(doc.events, doc.event_starts, sent.start, sent.end)

    def _part(self, hit: _Hit) -> Part:
        return Part(text=self.text[hit.start : hit.end], span=Span(hit.start, hit.end), norm=hit.norm)

    # ---------------------------------------------------------------- events

    def nearest_event(self) -> Part | None:
        """The event word nearest the mention; a generic "occurred" yields to a named event."""
        span = self.mention.span
        best = None
        for hit in self.events:
            if span.start < hit.end and hit.start < span.end:
                continue
            d = hit.start - span.end if hit.start >= span.end else span.start - hit.end
            key = (hit.norm == "occurred", d)
            if best is None or key < best[0]:
                best = (key, hit)
        return self._part(best[1]) if best is not None else None

    def _past_object(self, pos: int, counts: Sequence[Mention]) -> int:
        """Where the counted object of an event ending at *pos* ends ("killed [two people] on
        Sunday"): after a figure and up to three words that are no function words; else *pos*."""
        found = _OBJECT_START.match(self.text, pos)
        if found is None:
            return pos
        if not any(m.span.start == found.end() for m in counts):
            return pos
        end = next(m.span.end for m in counts if m.span.start == found.end())
        stop = _lexicon().counted_stop
        for _ in range(3):
            word = _WORD.match(self.text, end)
            if word is None or word.group(1).lower() in stop:
                break
            end = word.end()
        return end

    def _dated_gap(self, hit: _Hit, counts: Sequence[Mention]) -> bool:
        """Whether only ``[dated] between`` words, a counted object and place phrases stand
        between the event *hit* and the date ("killed 80 fighters in an airstrike near Murzuq on
        Thursday"). A place does not bridge a nominal event governed by "of" ("came back to the
        scene of the shooting in Houston on Monday": the date is the coming back's)."""
        text, start = self.text, self._past_object(hit.end, counts)
        pieces: list[str] = []
        pos, skipped = start, False
        for place in _in(self.doc.places, self.doc.place_starts, start, self.mention.span.start):
            if place.start >= pos and place.end <= self.mention.span.start:
                pieces.append(text[pos : place.start])
                pos, skipped = place.end, True
        pieces.append(text[pos : self.mention.span.start])
        gap = " ".join(pieces)
        if _lexicon().dated_between.fullmatch(" " + gap.strip() + " " if gap.strip() else gap) is None:
            return False
        return not (skipped and _OF_NOUN.search(text, max(self.sent.start, hit.start - 40), hit.start))

    def dated_event(self, counts: Sequence[Mention] = ()) -> Part | None:
        """The event a date is the date of, or None when the date belongs to another predicate.

        Attached are: the event right after the date and at most two modifiers ("Sunday's
        shooting", "the Monday shooting"); the event right before it with only ``[dated] between``
        words in the way ("the shooting on Sunday", "was shot early Sunday", "the shooting that
        occurred today"; a generic "occurred" hands over to the named event before it); and the
        first event after a date that opens the sentence, in the same clause ("On Sunday, a man
        was shot"). Not attached: "a press conference Tuesday", "came back to the scene of the
        shooting in Houston on Monday", "On Sunday, police said the shooting ...".
        """
        lex = _lexicon()
        text, span = self.text, self.mention.span
        after = [h for h in self.events if h.start >= span.end]
        before = [h for h in self.events if h.end <= span.start]
        for hit in reversed(before):
            if not self._dated_gap(hit, counts):
                break
            if hit.norm != "occurred":
                return self._part(hit)
            # "the shooting that occurred today": the named event before the generic one
        if after:
            # the date as a premodifier: possessive ("Sunday's shooting") or after a determiner
            # ("the Monday shooting", "a Christmas Day shooting"), at most two words before the event
            gap = text[span.end : after[0].start]
            possessive = gap[:2] in ("'s", "’s")
            words = (gap[2:] if possessive else gap).split()
            determiner = _DETERMINER_END.search(text, max(self.sent.start, span.start - 6), span.start)
            if (
                (possessive or determiner is not None or _DETERMINER_START.match(self.mention.text))
                and (possessive or gap[:1].isspace())
                and len(words) <= 2
                and not any(w.lower() in lex.counted_stop or not w.isalpha() for w in words)
            ):
                return self._named(after[0])
        opening = _OPENING.match(text, self.sent.start)
        if opening is not None and opening.end() == span.start and after:
            gap = text[span.end : after[0].start]
            clause = gap.lstrip(" ,")
            if (
                len(clause.split()) <= 8
                and _GAP_PUNCT.search(clause) is None
                and lex.attr_verb.search(clause.lower()) is None
                and _CLAUSE_GAP.search(clause) is None
                and _CLAUSE.search(clause) is None
            ):
                return self._named(after[0])
        return None

    def _named(self, hit: _Hit) -> Part:
        """*hit*, or for a generic "occurred" the named event it is said of: its subject ("the
        strike occurred", "a shooting that happened") or its object ("carried out airstrikes")."""
        if hit.norm != "occurred":
            return self._part(hit)
        before = [h for h in self.events if h.end <= hit.start]
        if before and _OCCURRED_SUBJECT.fullmatch(self.text, before[-1].end, hit.start):
            return self._part(before[-1])
        after = [h for h in self.events if h.start >= hit.end]
        if after:
            gap = self.text[hit.end : after[0].start]
            if len(gap.split()) <= 2 and _GAP_PUNCT.search(gap) is None:
                return self._part(after[0])
        return self._part(hit)

    def gap_event(self) -> Part | None:
        """The event a gap claim is about: its ``about`` words, read as an event if they are one."""
        value = self.mention.value
        about_span = getattr(value, "about_span", None)
        about = getattr(value, "about", "")
        if isinstance(about_span, Span):
            for hit in self.events:
                if hit.start < about_span.end and about_span.start < hit.end:
                    return self._part(hit)
            return Part(text=about_span.slice(self.text), span=about_span, norm=self.aliases.canonical(about))
        return self.nearest_event()

    def figure_event(self, counts: Sequence[Mention], count_starts: Sequence[int]) -> Part | None:
        """The event word attached to a figure (rules in docs/claims.md)."""
        if self.sent.kind == "infobox":
            return self._infobox_event(counts, count_starts)
        span = self.mention.span
        classes = _lexicon().event_classes
        right = left = incident = None
        right_passive = owned = False
        after = [h for h in self.events if h.start >= span.end]
        for k, hit in enumerate(after):
            gap = self.text[span.end : hit.start]
            if k == 0 and (gap == "" or gap == "-"):
                right, right_passive = hit, True
                break
            if any(m.kind in _COUNT_KINDS for m in _in_mentions(counts, count_starts, span.end, hit.start)):
                break  # "10 people were shot and one killed": the toll has its own figure
            # a short aside between commas does not part the figure from its verb:
            # "Two Milwaukee men, ages 25 and 26, died"
            gap = _ASIDE.sub(" ", gap, count=1)
            if len(gap.split()) > 7 or _PUNCT_STOP.search(gap) is not None or not gap[:1].isspace():
                break
            if _SUBORDINATE.search(gap):
                break  # "injuring two more people before he was fatally shot": another clause's toll
            if _DETERMINER_END.search(gap):
                continue  # "involved in the killing": a noun after a determiner is no predicate
            if classes.get(hit.norm) != "incident":
                # an incident word on the way does not stop the toll: "One man was shot and killed";
                # a toll right after the figure is its own: "three killed and four injured"
                right, right_passive = hit, (k == 0 and not gap.strip()) or _AUX.search(gap) is not None
                if _NEGATION.search(gap):
                    return None  # "one person inside was not injured"
                if not right_passive and _OBJECT.match(self.text, hit.end):
                    right = None  # "shooting four people and killing one of them": its own object
                break
            if incident is None and _AUX.search(gap) is not None:
                incident = hit  # "Four people were killed and 10 were shot"
        before = [h for h in self.events if h.end <= span.start]
        if before:
            hit = before[-1]
            gap = self.text[hit.end : span.start]
            if (
                len(gap.split()) <= 3
                and _GAP_MARK.search(gap) is None
                and not _CLAUSE_GAP.search(gap)
            ):
                # not "killed him while the two were playing": an object or clause between;
                # not "24 people dead and 249 injured": "dead" is the other figure's
                owned = self._owned(hit, counts, count_starts)
                left = None if owned else hit
            revision = _in(
                self.doc.revision, self.doc.revision_starts, max(self.sent.start, span.start - 25), span.start
            )
            if left is None and revision:
                tolls = [
                    h for h in before if classes.get(h.norm) != "incident" and h.end <= revision[-1].start
                ]
                if tolls:
                    left = tolls[-1]
        toll_left = left is not None and classes.get(left.norm) != "incident"
        if right is None and incident is not None and (toll_left or owned):
            # "Four people were killed and 10 were shot": shot, not killed
            right, right_passive = incident, True
        if left is not None and right is not None and classes.get(left.norm) == "incident":
            left = None  # "the shooting left a boy dead": a toll on the right beats an incident
        if right is not None and (right_passive or left is None):
            return self._part(right)
        if left is not None:
            return self._part(left)
        return None

    def _owned(self, hit: _Hit, counts: Sequence[Mention], count_starts: Sequence[int]) -> bool:
        """Whether the event *hit* is the predicate of another figure right before it, at most four
        words of its noun phrase between ("24 people dead and 249 people injured", "two high
        school students dead and four other people injured": "dead" is not the later figure's)."""
        earlier = [
            m
            for m in _in_mentions(counts, count_starts, max(self.sent.start, hit.start - 40), hit.start)
            if m.kind in _COUNT_KINDS and m.span != self.mention.span and m.span.end <= hit.start
        ]
        if not earlier:
            return False
        gap = self.text[earlier[-1].span.end : hit.start]
        return len(gap.split()) <= 4 and _OWNED_GAP.search(gap) is None and _AUX.search(gap) is None

    def _infobox_event(self, counts: Sequence[Mention], count_starts: Sequence[int]) -> Part | None:
        sent, span, text = self.sent, self.mention.span, self.text
        body_start = text.index(":", sent.label_end) + 1
        chunks = [
            (m.start() + body_start, m.end() + body_start)
            for m in re.finditer(r"[^,]+", text[body_start : sent.end])
        ]
        for k, (cs, ce) in enumerate(chunks):
            if not cs <= span.start < ce:
                continue
            own = [h for h in self.events if cs <= h.start and h.end <= ce]
            if own:
                return self._part(min(own, key=lambda h: abs(h.start - span.end)))
            if k + 1 < len(chunks):
                ns, ne = chunks[k + 1]
                has_figure = bool(_in_mentions(counts, count_starts, ns, ne))
                nxt = [h for h in self.events if ns <= h.start and h.end <= ne]
                if nxt and not has_figure:
                    return self._part(nxt[0])
            break
        role = _lexicon().infobox.get(sent.label, "")
        if role in _lexicon().event_classes:
            return Part(
                text=text[sent.label_start : sent.label_start + len(sent.label)],
                span=Span(sent.label_start, sent.label_start + len(sent.label)),
                norm=role,
            )
        return None

    # ---------------------------------------------------------------- other parts

    def counted(self) -> Part | None:
        """The head noun phrase after the figure ("eight ISIS fighters" -> "ISIS fighters")."""
        lex = _lexicon()
        text, end = self.text, self.mention.span.end
        limit = min(self.sent.end, end + 120)
        event_starts = {h.start for h in self.events}
        first = last = -1
        pos = end
        opened = False
        for m in re.finditer(r"(\s*|-)([A-Za-z][\w’'-]*(?:\.(?=[A-Za-z]))*\.?)", text[pos:limit]):
            if m.start() != pos - end:
                break
            pos = end + m.end()
            word_start = end + m.start(2)
            raw = m.group(2)
            word = raw.rstrip(".").lower()
            if m.group(1) == "-" and first < 0:
                break  # "1,100-strong", "24-hour": a compound adjective, not a noun phrase
            if word_start in event_starts:
                break
            if not opened and first < 0 and word in lex.counted_skip:
                continue
            if word in lex.counted_stop or word in lex.counted_skip:
                break
            opened = True
            if first < 0:
                first = word_start
            last = word_start + len(raw.rstrip(".") if raw.endswith(".") and raw.count(".") == 1 else raw)
            if len(text[first:last].split()) >= 5 or text[last : last + 1] in ",;:":
                break
        if first < 0:
            return None
        phrase = text[first:last]
        words = phrase.split()
        while len(words) > 1 and words[-1].lower().endswith(("ed", "ing")):
            words.pop()
            last = first + phrase.rindex(words[-1]) + len(words[-1])
            phrase = text[first:last]
        return Part(text=phrase, span=Span(first, last), norm=self.aliases.canonical(phrase))

    def actor(self, event: Part | None, counted: Part | None = None) -> Part | None:
        """Who acted: an infobox side, the subject of an active event verb, or "by X"/"X airstrike"."""
        sent = self.sent
        if sent.kind == "infobox":
            side = f" side {sent.side}" if sent.side else ""
            span = Span(sent.label_start, sent.label_end)
            return Part(text=span.slice(self.text), span=span, norm=f"infobox{side}")
        if event is None:
            return None
        actors = _in(self.doc.actors, self.doc.actor_starts, sent.start, sent.end)
        skip = counted.span if counted is not None else self.mention.span
        before = [a for a in actors if a.end <= event.span.start and not skip.overlaps(Span(a.start, a.end))]
        passive = (
            _AUX.search(self.text[max(sent.start, event.span.start - 12) : event.span.start]) is not None
        )
        if before and not passive:
            return self._part(before[0])  # the subject comes first in its sentence
        for a in actors:
            if a.start >= event.span.end and (
                a.extra == "attack" or _BY_END.search(self.text[event.span.end : a.start])
            ):
                return self._part(a)
        return None

    def place(self, event: Part | None) -> Part | None:
        """Where: in an infobox, its Place line; else the place nearest the event (or figure)."""
        sent = self.sent
        if sent.kind == "infobox":
            return self._infobox_place()
        places = _in(self.doc.places, self.doc.place_starts, sent.start, sent.end)
        anchor = event.span if event is not None else self.mention.span
        best = None
        for p in places:
            if p.start < self.mention.span.end and self.mention.span.start < p.end:
                continue
            d = p.start - anchor.end if p.start >= anchor.end else anchor.start - p.end
            if best is None or abs(d) < best[0]:
                best = (abs(d), p)
        if best is None:
            return None
        hit = best[1]
        norm = hit.norm or self._antecedent(hit)
        return Part(text=self.text[hit.start : hit.end], span=Span(hit.start, hit.end), norm=norm)

    def _antecedent(self, hit: _Hit) -> str:
        """A place noun without a name ("southwest of the city") names the last such place."""
        i = bisect.bisect_left(self.doc.place_starts, hit.start)
        for prev in reversed(self.doc.places[:i]):
            if prev.norm and (prev.extra == hit.extra or not hit.extra):
                return prev.norm
        return " ".join(self.text[hit.start : hit.end].lower().split())

    def _infobox_place(self) -> Part | None:
        lex = _lexicon()
        for other in self.doc.sentences:
            if (
                other.kind == "infobox"
                and other.block == self.sent.block
                and lex.infobox.get(other.label) == "place"
            ):
                start = self.text.index(":", other.label_end) + 1
                while start < other.end and self.text[start].isspace():
                    start += 1
                if start < other.end:
                    value = self.text[start : other.end]
                    return Part(
                        text=value, span=Span(start, other.end), norm=_place_norm(value.split(",")[0])
                    )
        return None

    def revision(self) -> Part | None:
        """A revision cue attached to the figure: just before it ("rose to 12", "confirmed 12
        dead", "the toll reached 12") or just after ("12 were confirmed dead"), with no
        punctuation between. A cue elsewhere in the sentence ("police confirmed") revises nothing.
        """
        span = self.mention.span
        best = None
        for hit in _in(self.doc.revision, self.doc.revision_starts, self.sent.start, self.sent.end):
            if hit.end <= span.start:
                gap, limit = self.text[hit.end : span.start], 3
            elif hit.start >= span.end:
                gap, limit = self.text[span.end : hit.start], 2
            else:
                continue
            if len(gap.split()) > limit or _GAP_PUNCT.search(gap) or _CLAUSE.search(gap):
                continue
            d = len(gap)
            if best is None or d < best[0]:
                best = (d, hit)
        return self._part(best[1]) if best is not None else None

    def nearest(self, hits: Sequence[_Hit], starts: Sequence[int]) -> Part | None:
        """The cue of *hits* in this sentence nearest the mention."""
        span = self.mention.span
        best = None
        for hit in _in(hits, starts, self.sent.start, self.sent.end):
            if hit.start < span.end and span.start < hit.end:
                continue
            d = hit.start - span.end if hit.start >= span.end else span.start - hit.end
            if best is None or d < best[0]:
                best = (d, hit)
        return self._part(best[1]) if best is not None else None


def _in_mentions(mentions: Sequence[Mention], starts: Sequence[int], lo: int, hi: int) -> Sequence[Mention]:
    return mentions[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
