"""Group claims that report the same figure or date into facts, without comparing all pairs.

Three steps (docs/reconcile.md explains the choices):

1. **Blocking.** A claim takes part only if its frame says what it is about (an event word or
   a counted noun). Claims are blocked by kind, event lemma and unit dimension, then swept in
   time order so that only claims whose time windows touch become candidates.
2. **Scoring.** Each candidate pair is scored over its frame parts (counted, place, actor, with
   RapidFuzz similarities computed once per block by ``process.cdist``), its time compatibility,
   its amount closeness and how many rare names the two documents share. Hard conflicts veto.
3. **Grouping.** Complete link: two groups merge only when *every* cross pair is a scored
   link, so a chain a~b~c never pulls in an unrelated c.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs
from rapidfuzz import fuzz, process

from claimcheck import lexicon, units
from claimcheck.values import Amount, Claim, Interval, Part, TimeValue

LINK_THRESHOLD = 0.6
"""Minimum pair score for a link."""
COUNTED_CUTOFF = 50
"""token_set_ratio below which two counted nouns are different groups (a veto)."""
PUBLICATION_WINDOW = 14
"""Days before publication in which an undated event is assumed to have happened."""
MAX_PERIOD = 31
"""Days: a longer governing period ("in 2015") does not date a figure's event for matching."""
CONTEXT_VETO = 0.25
"""Documents sharing less than this (idf-weighted share of names) report different stories."""
CONTEXT_PRIOR = 50
"""Pseudo-documents of doubt about name rarity: with n documents the veto threshold is
``CONTEXT_VETO * n / (n + CONTEXT_PRIOR)``, so a few documents barely veto and a corpus fully does."""
GENERIC_SIMILARITY = 0.8
"""Counted-noun similarity of a generic noun ("person", "victim") and any other group."""
BARE_CONTEXT = 0.35
"""Context similarity two documents need (at corpus scale; scaled like the veto) to link claims
of theirs that agree on no frame part, only on time ("the shooting on Saturday")."""
BARE_DATE_CONTEXT = 0.6
"""The same for two date claims: "Saturday's shooting" names nothing but a day."""
SIZE_RATIO = 0.25
"""Context similarity divides by at least this share of the larger document's name weight."""
MAX_KEY_DOCUMENTS = 50
"""A name found in more documents than this ("Police", "Chicago") is too common to block on
(block purging): it would make blocks, and the pairs in them, grow with the corpus."""

_NAME = re.compile(r"\b[A-Z][A-Za-z]+(?:['’][A-Za-z]+)?\b")
_INFOBOX = re.compile(r"\s*[-*•]\s*([A-Za-z][A-Za-z ]{0,30}?)\d*\s*:\s")


@functools.cache
def _words() -> tuple[frozenset[str], re.Pattern[str], frozenset[str], re.Pattern[str]]:
    data = lexicon.load("reconcile_en.toml")
    tolls = frozenset(data["tolls"]["events"])
    revision = _phrases(data["revision"]["words"])
    labels = frozenset(data["totals"]["labels"])
    totals = _phrases(data["totals"]["words"])
    return tolls, revision, labels, totals


def _phrases(words: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i:\b(?:{alternatives})\b)")


@attrs.frozen
class Partial:
    """Scanners for figures that count part of a group (``[partial]`` in reconcile_en.toml)."""

    partitive: re.Pattern[str]
    condition: re.Pattern[str]
    remainder: re.Pattern[str]
    remainder_before: re.Pattern[str]
    addresses: frozenset[str]
    conjoined: re.Pattern[str]
    dialed: re.Pattern[str]
    subset_before: re.Pattern[str]
    whole_of_the: re.Pattern[str]
    aggregate: re.Pattern[str]
    background_before: re.Pattern[str]
    remainder_between: re.Pattern[str]


@functools.cache
def partial_words() -> Partial:
    """The compiled ``[partial]`` scanners; each is matched at a figure's end (or start)."""
    data = lexicon.load("reconcile_en.toml")["partial"]

    def alt(words: Iterable[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    return Partial(
        partitive=re.compile(rf"(?i:\s+of\s+(?:{alt(data['partitive'])})\b)"),
        condition=re.compile(rf"(?i:(?:\s+[\w’'-]+){{0,3}}?\s+(?:{alt(data['condition'])})\b)"),
        remainder=re.compile(rf"(?i:\s+(?:{alt(data['remainder'])})\b)"),
        remainder_before=re.compile(rf"(?i:\b(?:{alt(data['remainder_before'])})\s+$)"),
        addresses=frozenset(data["addresses"]),
        dialed=re.compile(rf"(?i:\b(?:{alt(data['dialed'])})\s+$)"),
        conjoined=re.compile(
            rf"(?i:(?:\s*(?:--|—|–)[^\n]{{1,80}}?(?:--|—|–))?,?\s+(?:and|plus)\s+"
            rf"(?:(?:\d[\d,]*|{alt(data['conjoined'])})\s+[a-z]|(?-i:[A-Z][a-z])))"
        ),
        subset_before=re.compile(rf"(?i:\b(?:{alt(data['subset_before'])})\s+$)"),
        whole_of_the=re.compile(rf"(?i:\b(?:\d[\d,]*|{alt(data['conjoined'])})\s+of\s+the\s+$)"),
        aggregate=re.compile(rf"(?i:\b(?:{alt(data['aggregate'])})\b)"),
        background_before=re.compile(rf"(?i:\b(?:{alt(data['background_before'])})\b[^,;]*$)"),
        remainder_between=re.compile(rf"(?i:\b(?:{alt(data['remainder_between'])})\b)"),
    )


def is_partial(
    text: str, start: int, end: int, sentence_end: int | None = None, sentence_start: int | None = None
) -> bool:
    """Whether the figure at ``text[start:end]`` counts a subset: "two of the juveniles",
    "one of three people", "four were wounded, one critically", "including seven", "the names of
    two men"; or is the whole of a definite partitive whose event is the part's ("one of the two
    deputies has died"); or, with the end of its sentence, a sum over several events ("two men killed in
    separate shootings").

    >>> is_partial("two of the juveniles were hurt", 0, 3), is_partial("one critically", 0, 3)
    (True, True)
    >>> is_partial("20 hurt, including seven at a party", 19, 24)
    True
    >>> is_partial("two men killed in separate shootings", 0, 3, 36)
    True
    >>> is_partial("10 days after a gunman killed five officers", 30, 34, 44, 0)
    True
    >>> is_partial("one of the two deputies has died", 11, 14)
    True
    >>> is_partial("two men were hurt", 0, 3, 17, 0)
    False
    """
    words = partial_words()
    return (
        words.partitive.match(text, end) is not None
        or words.condition.match(text, end) is not None
        or words.subset_before.search(text, max(0, start - 24), start) is not None
        or words.whole_of_the.search(text, max(0, start - 24), start) is not None
        or (sentence_end is not None and words.aggregate.search(text, end, sentence_end) is not None)
        or (
            sentence_start is not None
            and words.background_before.search(text, sentence_start, start) is not None
        )
    )


def is_remainder(text: str, start: int, end: int, event_start: int | None = None) -> bool:
    """Whether the figure at ``text[start:end]`` counts what remains of a group ("two others"),
    or, with the start of its event, adds to a group counted elsewhere ("four officers also died").

    >>> is_remainder("and two others were hurt", 4, 7), is_remainder("another two were hurt", 8, 11)
    (True, True)
    >>> is_remainder("four officers also died", 0, 4, 19)
    True
    >>> is_remainder("two men were hurt", 0, 3, 13)
    False
    """
    words = partial_words()
    return (
        words.remainder.match(text, end) is not None
        or words.remainder_before.search(text, max(0, start - 16), start) is not None
        or (event_start is not None and words.remainder_between.search(text, end, event_start) is not None)
    )


@functools.cache
def _same_count() -> Mapping[str, str]:
    groups = lexicon.load("reconcile_en.toml").get("same_count", {}).get("groups", [])
    return {lemma: group[0] for group in groups for lemma in group}


def counted_event(lemma: str) -> str:
    """The event a figure counts, for matching: lemmas that count the same people are one.

    >>> counted_event("died"), counted_event("injured")
    ('killed', 'injured')
    """
    return _same_count().get(lemma, lemma)


def toll_events() -> frozenset[str]:
    """Event lemmas whose figures grow as counting goes on (CONVENTIONS.md, updates)."""
    return _words()[0]


def revision_cue(sentence: str) -> str | None:
    """The revision words in *sentence* ("rose to", "revised"), or None.

    >>> revision_cue("The toll rose to 140 on Sunday")
    'rose to'
    """
    found = _words()[1].search(sentence)
    return found.group(0) if found else None


def infobox_label(line: str) -> str | None:
    """The field label of an infobox line ("- Casualties2: 83+ fighters" -> "casualties"), or None.

    >>> infobox_label("- Casualties2: 83+ fighters, killed")
    'casualties'
    >>> infobox_label("Six ISIL militants were killed: a report") is None
    True
    """
    found = _INFOBOX.match(line)
    return found.group(1).strip().lower() if found else None


def total_cue(sentence: str) -> str | None:
    """The words that mark *sentence* as stating a total ("death toll", "in total"), or None."""
    found = _words()[3].search(sentence)
    return found.group(0) if found else None


# --------------------------------------------------------------------------- per-claim features


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end offsets of the line holding *pos*."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end == -1 else end


def _first_line_start(text: str) -> int:
    stripped = len(text) - len(text.lstrip())
    return stripped


def is_heading(text: str, pos: int) -> bool:
    """Whether *pos* lies in a headline: the first non-empty line or a Markdown ``#`` heading.

    >>> is_heading("Eight killed\\n\\nBody with 8 killed.", 0)
    True
    >>> is_heading("Eight killed\\n\\nBody with 8 killed.", 25)
    False
    """
    start, end = line_bounds(text, pos)
    return start == _first_line_start(text) or text[start:end].lstrip().startswith("#")


def _norm(part: Part | None) -> str:
    if part is None:
        return ""
    return (part.norm or part.text).strip().lower()


def place_names(part: Part | None) -> tuple[str, ...]:
    """Capitalized names in a place part ("outside Murzuq" -> ("Murzuq",)); vague places give ()."""
    if part is None:
        return ()
    return tuple(_NAME.findall(part.text))


def _day(moment: dt.datetime) -> int:
    day = moment.date().toordinal()
    return day


def _end_day(moment: dt.datetime) -> int:
    # exclusive end: a period ending at midnight ends on that day, otherwise on the next
    day = moment.date().toordinal()
    return day if moment.time() == dt.time(0) else day + 1


def _period(time: TimeValue | None) -> tuple[int, int] | None:
    if time is None or not time.resolved or time.start is None or time.end is None:
        return None
    lo, hi = _day(time.start), _end_day(time.end)
    return lo, max(hi, lo + 1)


def governing_period(claim: Claim) -> tuple[int, int] | None:
    """The claim's own governing time as half-open day ordinals, however long; None if undated.

    A publication-date fallback is not the claim's own time, so it gives None.
    """
    return None if claim.time_fallback else _period(claim.time)


@attrs.frozen(kw_only=True)
class Features:
    """What matching needs to know about one claim, computed once."""

    claim: Claim
    block: tuple[str, str, str]
    lo: int | None
    hi: int | None
    period: tuple[int, int] | None
    precise: bool
    published: int | None
    counted: str
    places: tuple[str, ...]
    actor: str
    heading: bool
    infobox: bool
    total: bool
    value: Interval | None


def _dimension(amount: Amount) -> str:
    if amount.kind == "percent":
        return "percent"
    if not amount.unit:
        return "count"
    try:
        return str(units.unit(amount.unit).dimensionality)
    except Exception:  # an unknown unit name still blocks with itself
        return amount.unit


def _whole(amount: Amount) -> bool:
    """Whether the stated bounds of *amount* are whole numbers (a head count can only be).

    >>> _whole(Amount.exact(3)), _whole(Amount.exact(0.25))
    (True, False)
    """
    return all(x is None or float(x).is_integer() for x in (amount.low, amount.high))


def event_is_toll(event: str) -> bool:
    """Whether the event lemma counts casualties or damage (``[tolls]``: killed, injured…)."""
    return event in _words()[0]


def _background(period: tuple[int, int], published: int | None) -> bool:
    """Whether a long governing period lies wholly before the days a report covers.

    A figure governed by "In 2006" or "last year" in a 2014 report is background: it can only
    be the same fact as another claim about that period, and such claims are too coarse to
    reconcile, so it takes no part in matching. Without a publication date nothing is background.
    """
    return published is not None and period[1] <= published - PUBLICATION_WINDOW


def features(claim: Claim, text: str) -> Features | None:
    """The matching features of *claim* in its document *text*, or None if it cannot match.

    Claims with neither an event nor a counted noun ("of the 112 Libyans on the list, 52"),
    ordinals, and gap claims take no part in matching.
    """
    event, counted = _norm(claim.event), _norm(claim.counted)
    if not event and not counted:
        return None
    value = claim.mention.value
    published = claim.published.toordinal() if claim.published else None
    precise_period: tuple[int, int] | None = None
    amount_interval: Interval | None = None
    if claim.kind == "amount" and isinstance(value, Amount):
        if value.kind == "ordinal" or not event:
            return None  # a figure with no event ("the two men") is not a fact to reconcile
        own = claim.sentence
        if is_partial(
            text,
            claim.mention.span.start,
            claim.mention.span.end,
            own.end if own is not None else None,
            own.start if own is not None else None,
        ):
            return None  # "two of the juveniles were hurt" is a subset, not the toll
        span = claim.mention.span
        if (counted and counted.split()[-1] in partial_words().addresses) or partial_words().dialed.search(
            text, max(0, span.start - 10), span.start
        ):
            return None  # "the 200 block of North Richland Avenue", "calling 911": no counts
        if claim.counted is not None and partial_words().conjoined.match(text, claim.counted.span.end):
            return None  # "six children and two adults were killed": one part of the toll
        if _dimension(value) == "count" and event_is_toll(event) and not _whole(value):
            return None  # "a fourth was injured" read as 1/4: no toll counts part of a person
        block = ("amount", counted_event(event), _dimension(value))
        amount_interval = value.comparison_interval()
        if not claim.time_fallback:
            precise_period = _period(claim.time)
            if precise_period is not None and precise_period[1] - precise_period[0] > MAX_PERIOD:
                if _background(precise_period, published):
                    return None  # "In 2006, ..." is background, not the reported event
                precise_period = None  # "this year" does not date an event: use publication
        period = precise_period
        if period is None and published is not None:
            period = (published - PUBLICATION_WINDOW, published + 1)
    elif claim.kind == "date" and isinstance(value, TimeValue):
        block = ("date", event, "")
        precise_period = _period(value)
        if precise_period is not None and precise_period[1] - precise_period[0] > MAX_PERIOD:
            return None  # "in 2014", "the last few years": too long to date one event
        if precise_period is None:
            return None  # "since 2010" has no end to compare
        period = (precise_period[0] - PUBLICATION_WINDOW, precise_period[1] + PUBLICATION_WINDOW)
    else:
        return None
    start = claim.sentence.start if claim.sentence else claim.mention.span.start
    line_start, line_end = line_bounds(text, claim.mention.span.start)
    line = text[line_start:line_end]
    label = infobox_label(line)
    sentence = claim.sentence.slice(text) if claim.sentence else line
    infobox = label is not None
    total = (label is not None and label in _words()[2]) or total_cue(sentence) is not None
    return Features(
        claim=claim,
        block=block,
        lo=None if period is None else period[0],
        hi=None if period is None else period[1],
        period=precise_period,
        precise=precise_period is not None,
        published=published,
        counted=counted,
        places=place_names(claim.place),
        actor=_norm(claim.actor),
        heading=is_heading(text, start),
        infobox=infobox,
        total=total,
        value=amount_interval,
    )


# --------------------------------------------------------------------------- document context


@attrs.frozen(kw_only=True)
class NameIndex:
    """Capitalized names per document, weighted by rarity across the documents reconciled."""

    names: Mapping[str, frozenset[str]]
    weight: Mapping[str, float]

    @classmethod
    def build(cls, texts: Mapping[str, str]) -> NameIndex:
        """Index the names of every document in *texts* (doc id -> text)."""
        names = {doc: frozenset(_NAME.findall(text)) for doc, text in texts.items()}
        df: dict[str, int] = defaultdict(int)
        for found in names.values():
            for name in found:
                df[name] += 1
        n = max(1, len(names))
        weight = {name: math.log(1.0 + n / count) for name, count in df.items()}
        return cls(names=names, weight=weight)

    def similarity(self, a: str, b: str) -> float:
        """Idf-weighted overlap coefficient of two documents' names, in [0, 1].

        The shared weight is divided by the smaller document's weight, but by no less than
        ``SIZE_RATIO`` of the larger one's: a very long page (a police blotter, a year's
        chronicle) names so much that it would otherwise seem to tell every short story.
        """
        if a == b:
            return 1.0
        na, nb = self.names.get(a, frozenset()), self.names.get(b, frozenset())
        if not na or not nb:
            return 0.0
        w = self.weight
        # fsum: correctly rounded whatever the set order, so the score is symmetric and the
        # shared weight never exceeds either side's by a rounding error (it gave 1.0000000000000002)
        shared = math.fsum(w[x] for x in na & nb)
        wa, wb = math.fsum(w[x] for x in na), math.fsum(w[x] for x in nb)
        base = max(min(wa, wb), SIZE_RATIO * max(wa, wb))
        return shared / base if base else 0.0

    def keys(self, cap: int = MAX_KEY_DOCUMENTS) -> dict[str, tuple[str, ...]]:
        """Each document's blocking keys: its names that 2 to *cap* documents share.

        A name in one document links nothing; one in more than *cap* documents is too common to
        tell stories apart, and blocking on it would make candidate pairs grow quadratically.

        >>> index = NameIndex.build({"a": "Ann in Reno", "b": "Ann in Boise", "c": "Bob in Reno"})
        >>> index.keys(cap=2)
        {'a': ('name:Ann', 'name:Reno'), 'b': ('name:Ann',), 'c': ('name:Reno',)}
        """
        df: dict[str, int] = defaultdict(int)
        for found in self.names.values():
            for name in found:
                df[name] += 1
        return {
            doc: tuple("name:" + x for x in sorted(found) if 2 <= df[x] <= cap)
            for doc, found in self.names.items()
        }

    def veto_threshold(self) -> float:
        """The context similarity below which two documents' claims never link.

        Rarity is estimated from the documents at hand, so the threshold shrinks towards 0 for
        a handful of documents and approaches ``CONTEXT_VETO`` for a corpus (no sudden switch).

        >>> NameIndex.build({}).veto_threshold()
        0.0
        """
        n = len(self.names)
        return CONTEXT_VETO * n / (n + CONTEXT_PRIOR)

    def mentions(self, doc: str, names: Sequence[str]) -> bool:
        """Whether document *doc* names any of *names*."""
        found = self.names.get(doc, frozenset())
        return any(name in found for name in names)


# --------------------------------------------------------------------------- candidates


def candidate_pairs(
    items: Sequence[Features], keys: Mapping[str, Sequence[str]] | None = None
) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, that share a block and whose time windows touch.

    Within a block, dated claims are swept in order of window start. Claims with no time at
    all pair only within their own document. With *keys* (doc id -> blocking keys, e.g. its
    names that few documents share), claims of different documents must also share a key, which keeps the
    number of pairs near linear in the number of documents.
    """
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        doc = item.claim.doc_id
        if item.lo is None:
            blocks[(*item.block, "doc", doc)].append(i)
            continue
        for name in ("doc:" + doc, *(keys.get(doc, ()) if keys is not None else ("all",))):
            blocks[(*item.block, name)].append(i)
    seen: set[tuple[int, int]] = set()
    for key in sorted(blocks):
        members = blocks[key]
        dated = sorted((i for i in members if items[i].lo is not None), key=lambda i: (items[i].lo, i))
        undated = [i for i in members if items[i].lo is None]
        for pos, i in enumerate(dated):
            hi = items[i].hi
            assert hi is not None
            for j in dated[pos + 1 :]:
                lo = items[j].lo
                assert lo is not None
                if lo > hi:
                    break
                pair = (i, j) if i < j else (j, i)
                if pair not in seen:
                    seen.add(pair)
                    yield pair
        for pos, i in enumerate(undated):
            for j in undated[pos + 1 :]:
                yield (i, j) if i < j else (j, i)


def counted_similarities(items: Sequence[Features]) -> dict[tuple[str, str], float]:
    """token_set_ratio of every pair of distinct counted nouns within each block (cdist, cut off)."""
    by_block: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for item in items:
        if item.counted:
            by_block[item.block].add(item.counted)
    sims: dict[tuple[str, str], float] = {}
    for key in sorted(by_block):
        words = sorted(by_block[key])
        matrix = process.cdist(
            words, words, scorer=fuzz.token_set_ratio, score_cutoff=COUNTED_CUTOFF, dtype="uint8"
        )
        for i, a in enumerate(words):
            row = matrix[i]
            for j in row.nonzero()[0]:
                b = words[int(j)]
                if shares_a_word(a, b):
                    sims[(a, b)] = float(row[j]) / 100.0
    return sims


@functools.cache
def _generic_heads() -> frozenset[str]:
    return frozenset(lexicon.load("reconcile_en.toml").get("counted", {}).get("generic", []))


def is_generic(counted: str) -> bool:
    """Whether a counted noun names people in general ("person", "victim"; lexicon ``[counted]``).

    >>> is_generic("person"), is_generic("islamic state fighter")
    (True, False)
    """
    return counted.split()[-1] in _generic_heads()


def shares_a_word(a: str, b: str) -> bool:
    """Whether two counted groups share a whole word: spelling alone makes "male" no "female".

    >>> shares_a_word("islamic state fighter", "fighter"), shares_a_word("male", "female")
    (True, False)
    """
    return bool(set(a.split()) & set(b.split()))


# --------------------------------------------------------------------------- scoring


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two half-open periods (0 when they overlap)."""
    return max(0, b[0] - a[1] + 1, a[0] - b[1] + 1)


def _time_similarity(a: Features, b: Features) -> float | None:
    """Time compatibility in [0, 1]; -1 vetoes; None when either claim is undated."""
    if a.lo is None or b.lo is None:
        return None
    if a.claim.kind == "date":
        if a.period is not None and b.period is not None:
            return max(0.0, 1.0 - _gap(a.period, b.period) / PUBLICATION_WINDOW)
        return 0.5
    if a.period is not None and b.period is not None:
        gap = _gap(a.period, b.period)
        return 1.0 if gap == 0 else 0.6 if gap <= 1 else -1.0
    if a.period is None and b.period is None:
        assert a.published is not None
        assert b.published is not None
        days = abs(a.published - b.published)
        return -1.0 if days > PUBLICATION_WINDOW else 1.0 - days / (2 * PUBLICATION_WINDOW)
    precise, loose = (a, b) if a.period is not None else (b, a)
    assert precise.period is not None
    assert loose.published is not None
    lo, hi = precise.period
    p = loose.published
    if lo <= p < hi:
        return 0.9
    if lo <= p + 1 and hi >= p - PUBLICATION_WINDOW:
        return 0.7
    return -1.0


def _amount_similarity(a: Interval | None, b: Interval | None) -> float | None:
    if a is None or b is None:
        return None
    if a.overlaps(b):
        return 1.0
    ends = [x for x in (a.low, a.high, b.low, b.high) if x is not None]
    scale = max((abs(x) for x in ends), default=1.0) or 1.0
    if a.high is not None and b.low is not None and a.high < b.low:
        distance = b.low - a.high
    elif b.high is not None and a.low is not None:
        distance = a.low - b.high
    else:  # pragma: no cover - disjoint intervals always have a finite gap
        distance = scale
    return max(0.0, 1.0 - distance / scale)


@attrs.frozen(kw_only=True)
class Scorer:
    """Scores candidate pairs; holds the per-block similarity tables and the name index."""

    counted: Mapping[tuple[str, str], float]
    names: NameIndex
    veto: float = 0.0

    def score(self, a: Features, b: Features) -> float | None:
        """The link score of two claims in [0, 1], or None when something vetoes the link."""
        ca, cb = a.claim, b.claim
        same_doc = ca.doc_id == cb.doc_id
        if same_doc:
            # within one text only a headline restates the body (an infobox lists distinct facts)
            if a.heading == b.heading:
                return None
            if ca.sentence is not None and ca.sentence == cb.sentence:
                return None
        if a.infobox != b.infobox:
            return None  # an infobox total is checked against its parts (checks.py), not paired
        parts: list[tuple[float, float]] = []
        agreeing = 0
        if a.counted and b.counted:
            sim = 1.0 if a.counted == b.counted else self.counted.get((a.counted, b.counted), 0.0)
            generic = sim < GENERIC_SIMILARITY and (is_generic(a.counted) or is_generic(b.counted))
            if generic:
                sim = GENERIC_SIMILARITY  # "one person" and "one man" may count the same casualty
            if sim == 0.0:
                return None
            parts.append((1.0, sim))
            agreeing += not generic  # compatible, but no evidence of one fact
        if a.places and b.places:
            if set(a.places) & set(b.places):
                parts.append((1.0, 1.0))
                agreeing += 1
            elif (
                not same_doc
                and self.names.mentions(ca.doc_id, b.places)
                and self.names.mentions(cb.doc_id, a.places)
            ):
                parts.append((1.0, 0.5))  # places at different grains, both named in both texts
            else:
                return None
        if a.actor and b.actor:
            sim = fuzz.token_set_ratio(a.actor, b.actor) / 100.0
            parts.append((0.5, sim))
            agreeing += sim >= 0.8
        time = _time_similarity(a, b)
        if time is not None and time < 0:
            return None
        if time is None:
            # undated: the frames alone must carry the link
            if agreeing < 2:
                return None
        elif agreeing == 0 and not (a.precise and b.precise and time >= 1.0):
            return None
        if time is not None:
            parts.append((1.0, time))
        amount = _amount_similarity(a.value, b.value)
        if amount is not None:
            parts.append((0.5, amount))
        if not same_doc:
            context = self.names.similarity(ca.doc_id, cb.doc_id)
            if context < self.veto:
                return None
            bare = BARE_DATE_CONTEXT if ca.kind == "date" else BARE_CONTEXT
            if agreeing == 0 and context < bare * self.veto / CONTEXT_VETO:
                return None  # "Saturday's shooting" in two reports: only the story can tie them
            parts.append((1.0, min(1.0, context / 0.3)))
        total = sum(w for w, _ in parts)
        return sum(w * s for w, s in parts) / total if total else None


# --------------------------------------------------------------------------- grouping


def complete_link(ids: Sequence[str], edges: Mapping[tuple[str, str], float]) -> list[tuple[str, ...]]:
    """Group *ids* so that every two members of a group are linked by an edge.

    Edges are merged best first (ties by id); a merge happens only if all cross pairs are
    edges. Singletons are returned too. Groups and their members come out sorted.

    >>> complete_link(["a", "b", "c"], {("a", "b"): 0.9, ("b", "c"): 0.8})
    [('a', 'b'), ('c',)]
    """
    group_of = {x: i for i, x in enumerate(ids)}
    groups: dict[int, list[str]] = {i: [x] for i, x in enumerate(ids)}
    for (a, b), _score in sorted(edges.items(), key=lambda e: (-e[1], e[0])):
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        left, right = groups[ga], groups[gb]
        if all(_edge(edges, x, y) for x in left for y in right):
            keep, drop = (ga, gb) if ga < gb else (gb, ga)
            groups[keep] = left + right
            for x in groups.pop(drop):
                group_of[x] = keep
    return sorted(tuple(sorted(members)) for members in groups.values())


def _edge(edges: Mapping[tuple[str, str], float], x: str, y: str) -> bool:
    return (x, y) in edges or (y, x) in edges


@attrs.frozen(kw_only=True)
class Matching:
    """The outcome of matching: groups of claim ids (size >= 2), link scores, and counts."""

    groups: tuple[tuple[str, ...], ...]
    links: Mapping[tuple[str, str], float]
    candidates: int
    eligible: int


_AND_BEFORE = re.compile(r"(?i:\s*,?\s+(?:and|plus)\s+$)")


def _joined_after(claims: Sequence[Claim], texts: Mapping[str, str]) -> frozenset[str]:
    """Ids of figures joined by "and" to a counted group just before them: "two children and one
    man dead" makes "one man" a part of the toll, as "two children" is (``[partial] conjoined``)."""
    ends = {(c.doc_id, c.counted.span.end) for c in claims if c.kind == "amount" and c.counted is not None}
    out = set()
    for c in claims:
        if c.kind != "amount":
            continue
        start = c.mention.span.start
        found = _AND_BEFORE.search(texts.get(c.doc_id, ""), max(0, start - 12), start)
        if found is not None and (c.doc_id, found.start()) in ends:
            out.add(c.id)
    return frozenset(out)


def match(claims: Sequence[Claim], texts: Mapping[str, str], names: NameIndex | None = None) -> Matching:
    """Group *claims* (from documents whose texts are *texts*, doc id -> text) into facts.

    Only groups of two or more claims are returned; a claim matched with nothing stays alone.
    """
    joined = _joined_after(claims, texts)
    items = [
        f
        for claim in claims
        if claim.id not in joined and (f := features(claim, texts.get(claim.doc_id, ""))) is not None
    ]
    items.sort(key=lambda f: f.claim.id)
    index = names if names is not None else NameIndex.build(texts)
    scorer = Scorer(counted=counted_similarities(items), names=index, veto=index.veto_threshold())
    links: dict[tuple[str, str], float] = {}
    candidates = 0
    keys = index.keys()
    for i, j in candidate_pairs(items, keys):
        candidates += 1
        score = scorer.score(items[i], items[j])
        if score is not None and score >= LINK_THRESHOLD:
            a, b = sorted((items[i].claim.id, items[j].claim.id))
            links[(a, b)] = round(score, 6)
    linked = sorted({x for pair in links for x in pair})
    groups = tuple(g for g in complete_link(linked, links) if len(g) > 1)
    return Matching(groups=groups, links=links, candidates=candidates, eligible=len(items))
