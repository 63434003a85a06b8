"""Draw random mentions from the news corpus for judging by hand (precision on real text).

The conformance suites are other extractors' tests; this samples what users will see. Each
line shows one mention in 60 characters of context on each side with its value; a reader then
marks it correct, wrong value, wrong span, or not a mention, against ../shared/CONVENTIONS.md.
The same seed on the same code draws the same sample.

    python benchmarks/sample_mentions.py --kind amounts --seed 3 [--n 100] [--corpus PATH]

Prints a clear message and exits 0 when the corpus (../shared/corpus/news.jsonl) is missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from claimcheck.extract import extract
from claimcheck.values import Mention

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "news.jsonl"
KINDS = {
    "amounts": frozenset({"number", "range", "money", "quantity", "percent", "ordinal"}),
    "times": frozenset({"date", "daterange", "time", "timerange", "duration", "set", "gap"}),
}


def _published(record: dict[str, object]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(record.get("published") or "")[:10])
    except ValueError:
        return None


def draw(records: Sequence[dict[str, object]], kinds: frozenset[str], n: int, seed: int) -> list[str]:
    """*n* lines, each a random mention of one of *kinds* from a random document, in context."""
    rng = random.Random(seed)
    lines: list[str] = []
    for _ in range(n * 50):  # documents without such a mention are drawn again, boundedly
        if len(lines) == n:
            break
        record = rng.choice(records)
        text = str(record["text"])
        found: list[Mention] = [m for m in extract(text, published=_published(record)) if m.kind in kinds]
        if not found:
            continue
        m = rng.choice(found)
        left, right = text[max(0, m.span.start - 60) : m.span.start], text[m.span.end : m.span.end + 60]
        context = " ".join(f"{left}[[{m.text}]]{right}".split())
        lines.append(f"{len(lines) + 1:3d}  {m.kind:9s} {m.value!r:.110}\n     {context}")
    return lines


def add_corpus_argument(parser: argparse.ArgumentParser) -> None:
    """The ``--corpus`` option of the sampling scripts (this one and sample_findings.py)."""
    parser.add_argument("--corpus", type=Path, default=DEFAULT, help="news.jsonl (default: ../shared)")


def corpus_missing(corpus: Path) -> bool:
    """Say so and return True when *corpus* is not there (a user's clone has no ../shared)."""
    if corpus.is_file():
        return False
    print(
        f"corpus not found: {corpus}; this script needs ../shared/corpus/news.jsonl "
        "(outside the repo) or --corpus PATH. Nothing drawn."
    )
    return True


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--kind", choices=sorted(KINDS), default="amounts", help="which mentions (default amounts)"
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--n", type=int, default=100, help="how many mentions (default 100)")
    add_corpus_argument(parser)
    args = parser.parse_args(argv)
    if corpus_missing(args.corpus):
        return 0
    with args.corpus.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    print("\n".join(draw(records, KINDS[args.kind], args.n, args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
