"""Reconcile the news corpus in ../shared/corpus and score it against the reference events.

(a) gun-violence incidents with two or more reports: does the reconciled "killed" / "injured"
    figure agree with the Gun Violence Archive's num_killed / num_injured? The reconciled figure
    of an incident is the fact with the most documents among its facts whose event is killed
    (or injured) and whose claims all come from that incident's reports; it agrees when the
    intersection of its claims' comparison intervals contains the reference (or, when they
    disagree, the latest claim's interval does). Coverage = incidents with such a fact.
(b) links (claim pairs in one fact) between reports of different incidents, as a share of all
    cross-document links.
(c) ECB+ topics: links between the ``-ecb`` and ``-ecbplus`` events of one topic.
(d) the whole corpus end to end: seconds, peak memory, and scored candidate pairs for half
    the corpus against the full corpus (roughly linear growth means blocking works).

    python benchmarks/corpus_eval.py [--limit N] [--no-scaling] [--corpus DIR]

Prints a clear message and exits 0 when the corpus is missing.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimcheck import units
from claimcheck.reconcile import reconcile
from claimcheck.values import COUNT_LIKE, Amount, Claim, Document, Interval, Report

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def load(corpus: Path, limit: int | None) -> tuple[list[Document], dict[str, str], dict[str, dict[str, Any]]]:
    """Documents, doc id -> event, and event id -> reference row."""
    documents: list[Document] = []
    event_of: dict[str, str] = {}
    with (corpus / "news.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            documents.append(
                Document(
                    id=row["id"],
                    text=row.get("text") or "",
                    source=row.get("source"),
                    published=row.get("published"),
                    title=row.get("title"),
                )
            )
            event_of[row["id"]] = row["event"]
    if limit is not None:
        # keep whole events, so multi-report incidents stay complete
        keep: set[str] = set()
        for doc in documents:
            if len(keep) >= limit and event_of[doc.id] not in {event_of[k] for k in keep}:
                break
            keep.add(doc.id)
        documents = [d for d in documents if d.id in keep]
    events: dict[str, dict[str, Any]] = {}
    with (corpus / "events.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            events[row["event"]] = row
    return documents, event_of, events


def run(documents: Sequence[Document]) -> tuple[Report, float, int]:
    """Reconcile with timing and tracemalloc peak (bytes)."""
    tracemalloc.start()
    started = time.perf_counter()
    report = reconcile(documents)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return report, seconds, peak


def _event(claim: Claim) -> str:
    return (claim.event.norm or claim.event.text).lower() if claim.event else ""


def _agreed(claims: Sequence[Claim]) -> Interval | None:
    interval: Interval | None = None
    for claim in sorted(claims, key=lambda c: (str(c.published or ""), c.id)):
        if not isinstance(claim.mention.value, Amount):
            return None
        iv = claim.mention.value.comparison_interval()
        if interval is None:
            interval = iv
            continue
        both = interval.intersection(iv)
        interval = both if both is not None else iv  # disagreement: the latest figure stands
    return interval


def gva_agreement(report: Report, event_of: dict[str, str], events: dict[str, dict[str, Any]]) -> None:
    """(a) reconciled killed/injured figures against the GVA reference counts."""
    by_id = {c.id: c for c in report.claims}
    docs_per_event = Counter(event_of[s.id] for s in report.documents if s.state == "read")
    multi = {e for e, n in docs_per_event.items() if e.startswith("gva-") and n >= 2}
    best: dict[tuple[str, str], tuple[int, tuple[Claim, ...]]] = {}
    for fact in report.facts:
        claims = tuple(by_id[x] for x in fact.claims)
        incidents = {event_of[c.doc_id] for c in claims}
        if len(incidents) != 1:
            continue
        (incident,) = incidents
        value = claims[0].mention.value
        if not isinstance(value, Amount) or value.kind not in COUNT_LIKE or value.unit != units.COUNT:
            continue  # ages ("a 16-year-old killed") and other measures are not tolls
        event = _event(claims[0])
        label = "killed" if event in ("killed", "died", "dead") else "injured" if event == "injured" else ""
        if not label or incident not in multi:
            continue
        n_docs = len({c.doc_id for c in claims})
        key = (incident, label)
        if key not in best or n_docs > best[key][0]:
            best[key] = (n_docs, claims)
    for label, field in (("killed", "num_killed"), ("injured", "num_injured")):
        referenced = [e for e in sorted(multi) if events.get(e, {}).get(field) is not None]
        covered = [e for e in referenced if (e, label) in best]
        right = 0
        for e in covered:
            interval = _agreed(best[(e, label)][1])
            if interval is not None and interval.contains(Interval.exact(float(events[e][field]))):
                right += 1
        share = right / len(covered) if covered else 0.0
        coverage = len(covered) / len(referenced) if referenced else 0.0
        positive = [e for e in referenced if events[e][field] > 0]
        covered_positive = [e for e in covered if events[e][field] > 0]
        print(
            f"(a) {label:8s} incidents with >=2 reports and a reference: {len(referenced)}; "
            f"with a reconciled fact: {len(covered)} (coverage {coverage:.1%}; "
            f"{len(covered_positive)}/{len(positive)} = {len(covered_positive) / max(1, len(positive)):.1%} "
            f"of those whose reference is above 0); "
            f"agreeing with the reference: {right} ({share:.1%})"
        )


def cross_links(report: Report, event_of: dict[str, str], texts: dict[str, str]) -> None:
    """(b) and (c): links between reports of different incidents / different ECB+ events.

    The corpus files some articles under two incidents (one text, two ids); links between such
    copies are counted apart, as they are not mistakes of the matcher.
    """
    by_id = {c.id: c for c in report.claims}
    total = wrong = copies = 0
    ecb_total = ecb_wrong = 0
    examples: list[str] = []
    for fact in report.facts:
        members = [by_id[x] for x in fact.claims]
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if a.doc_id == b.doc_id:
                    continue
                ea, eb = event_of[a.doc_id], event_of[b.doc_id]
                if ea != eb and texts.get(a.doc_id) == texts.get(b.doc_id):
                    copies += 1
                    continue
                total += 1
                if ea != eb:
                    wrong += 1
                    if len(examples) < 5:
                        examples.append(f"    {a.id} {a.quote[:60]!r} ~ {b.id} {b.quote[:60]!r}")
                if ea.startswith("ecbplus-") and eb.startswith("ecbplus-"):
                    ecb_total += 1
                    ecb_wrong += ea != eb
    share = wrong / max(1, total)
    print(
        f"(b) cross-document links: {total}; between different incidents: {wrong} ({share:.1%}); "
        f"not counted: {copies} between copies of one article filed under two incidents"
    )
    for line in examples:
        print(line)
    print(
        f"(c) ECB+ cross-document links: {ecb_total}; between the two events of a topic (or other "
        f"topics): {ecb_wrong} ({ecb_wrong / max(1, ecb_total):.1%})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT, help="folder with news.jsonl and events.jsonl"
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="read about this many documents (whole events)"
    )
    parser.add_argument("--no-scaling", action="store_true", help="skip the half-corpus run of (d)")
    args = parser.parse_args(argv)
    if not (args.corpus / "news.jsonl").is_file() or not (args.corpus / "events.jsonl").is_file():
        print(
            f"corpus not found at {args.corpus} (needs news.jsonl and events.jsonl); nothing to do",
            file=sys.stderr,
        )
        return 0
    documents, event_of, events = load(args.corpus, args.limit)
    print(f"documents: {len(documents)}")
    report, seconds, peak = run(documents)
    stats = dict(report.stats)
    gva_agreement(report, event_of, events)
    cross_links(report, event_of, {d.id: d.text for d in documents})
    verdicts = Counter(f"{f.kind}:{f.verdict}" for f in report.findings)
    print("findings:", ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))
    states = Counter(s.state for s in report.documents)
    print("documents:", dict(states))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"(d) full run: {len(documents)} docs, {seconds:.1f} s, "
        f"peak traced memory {peak / 2**20:.0f} MiB, "
        f"max RSS {rss:.0f} MiB; claims {stats['claims']:.0f}, "
        f"candidate pairs {stats['candidate_pairs']:.0f}, "
        f"links {stats['links']:.0f}, facts {stats['facts']:.0f}"
    )
    if not args.no_scaling:
        events_sorted = sorted({event_of[d.id] for d in documents})
        half_events = set(events_sorted[::2])
        half = [d for d in documents if event_of[d.id] in half_events]
        half_report, half_seconds, _ = run(half)
        pairs_half = dict(half_report.stats)["candidate_pairs"]
        pairs_full = stats["candidate_pairs"]
        print(
            f"(d) scaling: half ({len(half)} docs) {pairs_half:.0f} pairs in {half_seconds:.1f} s; "
            f"full ({len(documents)} docs) {pairs_full:.0f} pairs in {seconds:.1f} s; "
            f"ratio {pairs_full / max(1.0, pairs_half):.2f} "
            f"for {len(documents) / max(1, len(half)):.2f}x documents"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
