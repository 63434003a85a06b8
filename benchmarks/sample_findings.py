"""Draw random findings of one verdict from a news-corpus report, for judging by hand.

A fact-checker reads the "contradict" findings first; this samples what they will see. Each
finding is printed with its explanation and, for both claims, the document (source and
publication date), the claim's event, counted noun and governing time, and its sentence with
the figure marked ``[[...]]``. For gun-violence documents (``gva-<incident>-<hash>``) a line
says whether the two reports belong to one incident: a different incident is a wrong link.
The same seed on the same report draws the same sample.

    python benchmarks/sample_findings.py --verdict contradict --seed 1 [--n 40] [--report r.json]

Without ``--report`` the corpus (../shared/corpus/news.jsonl, or ``--corpus PATH``) is
reconciled first (about a minute). Prints a clear message and exits 0 when it is missing.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sample_mentions import add_corpus_argument, corpus_missing  # the sibling script

VERDICTS = ("agree", "contradict", "refine", "update")


def incident(doc_id: str) -> str | None:
    """The incident of a gun-violence document id ("gva-123-abc" -> "gva-123"), else None.

    >>> incident("gva-478925-0a1b"), incident("ecbplus-1_2ecb")
    ('gva-478925', None)
    """
    parts = doc_id.split("-")
    return "-".join(parts[:2]) if parts[0] == "gva" and len(parts) >= 3 else None


def _marked(claim: Mapping[str, Any], text: str) -> str:
    """The claim's sentence with its figure marked ``[[...]]``, whitespace collapsed."""
    span, sentence = claim["mention"]["span"], claim.get("sentence")
    if not text or sentence is None:
        return str(claim.get("quote", ""))
    lo, hi = sentence["start"], sentence["end"]
    s, e = span["start"], span["end"]
    if not lo <= s <= e <= hi:
        return " ".join(text[lo:hi].split())
    return " ".join(f"{text[lo:s]}[[{text[s:e]}]]{text[e:hi]}".split())


def _part(claim: Mapping[str, Any], key: str) -> str:
    part = claim.get(key)
    return str(part.get("norm") or part.get("text")) if part else "-"


def _time(claim: Mapping[str, Any]) -> str:
    time = claim.get("time")
    if not time:
        return "-"
    value = str(time.get("value"))
    return value + (" (publication)" if claim.get("time_fallback") else "")


def describe(
    finding: Mapping[str, Any], claims: Mapping[str, Mapping[str, Any]], texts: Mapping[str, str]
) -> str:
    """One finding as a few lines: explanation, then each claim in its sentence."""
    lines = [f"{finding['verdict']} {finding.get('fact') or ''} conf={finding['confidence']}"]
    lines.append("  " + str(finding["explanation"]))
    ids = list(finding["claims"])
    incidents = [incident(claims[c]["doc_id"]) for c in ids if c in claims]
    if len(incidents) == 2 and all(incidents):
        same = "same incident" if incidents[0] == incidents[1] else "DIFFERENT incidents"
        lines.append(f"  ({same}: {incidents[0]} / {incidents[1]})")
    for cid in ids:
        claim = claims.get(cid)
        if claim is None:
            lines.append(f"  - {cid}: (claim not in report)")
            continue
        lines.append(
            f"  - {claim['doc_id']} | {claim.get('source')} {claim.get('published')} | "
            f"event={_part(claim, 'event')} counted={_part(claim, 'counted')} time={_time(claim)}"
        )
        lines.append("    " + _marked(claim, texts.get(claim["doc_id"], "")))
    return "\n".join(lines)


def draw(report: Mapping[str, Any], verdict: str, n: int, seed: int) -> list[Mapping[str, Any]]:
    """*n* findings with *verdict* (all of them when fewer), in a seeded random order."""
    pool = sorted(
        (f for f in report["findings"] if f["kind"] == "pair" and f["verdict"] == verdict),
        key=lambda f: tuple(f["claims"]),
    )
    rng = random.Random(seed)
    return rng.sample(pool, min(n, len(pool)))


def _fresh_report(corpus: Path) -> dict[str, Any]:
    """Reconcile *corpus* as ``claimcheck report`` does and return the report as JSON data."""
    from claimcheck import load, reconcile_documents
    from claimcheck.report.to_json import as_dict

    return as_dict(reconcile_documents(load([corpus]).documents))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verdict", choices=VERDICTS, default="contradict", help="default contradict")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--n", type=int, default=40, help="how many findings (default 40)")
    parser.add_argument("--report", type=Path, help="a report JSON (claimcheck report --format json)")
    add_corpus_argument(parser)
    args = parser.parse_args(argv)
    if corpus_missing(args.corpus):
        return 0
    with args.corpus.open(encoding="utf-8") as handle:
        texts = {row["id"]: str(row.get("text") or "") for row in map(json.loads, handle) if row}
    if args.report is not None:
        with args.report.open(encoding="utf-8") as handle:
            report = json.load(handle)
    else:
        report = _fresh_report(args.corpus)
    claims = {c["id"]: c for c in report["claims"]}
    sample = draw(report, args.verdict, args.n, args.seed)
    total = sum(1 for f in report["findings"] if f["kind"] == "pair" and f["verdict"] == args.verdict)
    print(f"{len(sample)} of {total} {args.verdict} findings, seed {args.seed}\n")
    for k, finding in enumerate(sample, 1):
        print(f"{k:3d}  {describe(finding, claims, texts)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
