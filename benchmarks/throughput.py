"""Throughput of claimcheck's extractor against quantulum3 and dateparser, plus a linearity check.

Run from the repository root (the corpus lives in ``../shared``, outside the repo)::

    python benchmarks/throughput.py                      # whole corpus, peers on a 40-doc sample
    python benchmarks/throughput.py --limit 500 --no-peers
    python benchmarks/throughput.py --sample 80 --json bench.json

One run measures, on the same documents:

* claimcheck ``extract()`` (amounts and times in one pass) over ``--limit`` documents, and the
  amount grammar and the time grammar alone (each compiled on its own, same normalizers);
* on the first ``--sample`` of those documents: claimcheck again, quantulum3 ``parser.parse``
  and dateparser ``search.search_dates`` (both are slow, hence the sample), and the ratios
  claimcheck/quantulum3 (target >= 20x) and claimcheck/dateparser (target >= 10x);
* linearity: one ``extract()`` call on ~1 MB and on ~10 MB of concatenated corpus text.

Throughput is characters per second of wall time (``time.perf_counter``). claimcheck timings are
the best of ``--repeat`` runs after one warm-up call (so the one-time regex compile and lexicon
load are not counted; they are reported separately as "cold start"). Peers run once each, also
after a warm-up call. This is a script, not a test: no assertion depends on the numbers.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
QUANTULUM_TARGET = 20.0
DATEPARSER_TARGET = 10.0
MB = 1_000_000


def load_texts(path: Path, limit: int | None) -> list[str]:
    """Read the ``text`` field of the first *limit* documents of a JSONL corpus."""
    texts: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and len(texts) >= limit:
                break
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def best_of(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    """Best wall time in seconds of *repeat* calls of *run*, and what the last call returned."""
    best, result = float("inf"), 0
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Silence the peers' warnings, log records and stray prints to stderr."""
    with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        logging.disable(logging.CRITICAL)
        try:
            yield
        finally:
            logging.disable(logging.NOTSET)


# --------------------------------------------------------------------------- claimcheck runners


def claimcheck_full() -> Callable[[Sequence[str]], int]:
    """Return a runner calling ``extract()`` on every text; it returns the mention count."""
    from claimcheck.extract import extract

    def run(texts: Sequence[str]) -> int:
        return sum(len(extract(text)) for text in texts)

    return run


def guarded(module: object, source: str) -> str:
    """Prefix *source* with its grammar's ``guard()`` lookahead, if it has one, as extract.py does."""
    guard = getattr(module, "guard", None)
    return f"(?={guard()})(?:{source})" if callable(guard) else source


def claimcheck_grammar(which: str) -> Callable[[Sequence[str]], int]:
    """Return a runner for one grammar alone: its pattern compiled by itself plus its normalizer.

    The other alternative is replaced by a pattern that never matches, so the group names the
    normalizers may look at (``time``, ``amount``) still exist; the grammar keeps its guard
    lookahead, as in the scanner.
    """
    from claimcheck import amounts, times

    never = r"(?!x)x"
    if which == "amounts":
        regex = re.compile(rf"(?P<time>{never})|(?P<amount>{guarded(amounts, amounts.pattern())})")

        def run(texts: Sequence[str]) -> int:
            rows = 0
            for text in texts:
                for match in regex.finditer(text):
                    rows += len(amounts.normalize(match))
            return rows

        return run

    regex = re.compile(rf"(?P<time>{guarded(times, times.pattern())})|(?P<amount>{never})")

    def run_times(texts: Sequence[str]) -> int:
        rows = 0
        for text in texts:
            context = times.Context(text, published=None)
            for match in regex.finditer(text):
                rows += len(times.normalize(match, context))
        return rows

    return run_times


# --------------------------------------------------------------------------- peers


def quantulum_runner() -> Callable[[Sequence[str]], int]:
    """Return a runner for quantulum3's ``parser.parse``."""
    with quiet():
        from quantulum3 import parser

    def run(texts: Sequence[str]) -> int:
        with quiet():
            return sum(len(parser.parse(text)) for text in texts)

    return run


def dateparser_runner() -> Callable[[Sequence[str]], int]:
    """Return a runner for dateparser's ``search_dates`` (English only, no language detection)."""
    with quiet():
        from dateparser.search import search_dates

    def run(texts: Sequence[str]) -> int:
        found = 0
        with quiet():
            for text in texts:
                found += len(search_dates(text, languages=["en"]) or ())
        return found

    return run


# --------------------------------------------------------------------------- measurement


def measure(
    name: str, run: Callable[[Sequence[str]], int], texts: Sequence[str], repeat: int
) -> dict[str, Any]:
    """Time *run* over *texts* (after a warm-up call) and return one result row."""
    run(texts[:1])
    seconds, found = best_of(lambda: run(texts), repeat)
    chars = sum(map(len, texts))
    return {
        "name": name,
        "docs": len(texts),
        "chars": chars,
        "seconds": seconds,
        "chars_per_s": chars / seconds if seconds else float("inf"),
        "found": found,
    }


def concatenated(texts: Sequence[str], size_bytes: int) -> str:
    """Join corpus texts (cycling if needed) until the UTF-8 size reaches *size_bytes*."""
    parts: list[str] = []
    total = 0
    while total < size_bytes:
        for text in texts:
            parts.append(text)
            total += len(text.encode("utf-8")) + 2
            if total >= size_bytes:
                break
    return "\n\n".join(parts)


def linearity(texts: Sequence[str], sizes: Sequence[int], repeat: int) -> list[dict[str, Any]]:
    """Time one ``extract()`` call on one big text of each size in *sizes* (bytes)."""
    from claimcheck.extract import extract

    rows = []
    for size in sizes:
        big = concatenated(texts, size)
        nbytes = len(big.encode("utf-8"))

        def run(big: str = big) -> int:
            return len(extract(big))

        seconds, found = best_of(run, repeat)
        rows.append(
            {
                "bytes": nbytes,
                "chars": len(big),
                "seconds": seconds,
                "mb_per_s": nbytes / MB / seconds,
                "found": found,
            }
        )
    return rows


def cold_start() -> float:
    """Seconds for the first ``extract()`` call in this process (pattern compile, lexicon load)."""
    from claimcheck.extract import extract

    start = time.perf_counter()
    extract("more than 80 people died on 5 October 2014")
    return time.perf_counter() - start


def profile(texts: Sequence[str], top: int) -> str:
    """cProfile ``extract()`` over *texts*; return the top functions by internal and cumulative time."""
    import cProfile
    import pstats

    run = claimcheck_full()
    run(texts[:1])
    profiler = cProfile.Profile()
    profiler.runcall(run, texts)
    report = io.StringIO()
    stats = pstats.Stats(profiler, stream=report).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return report.getvalue()


# --------------------------------------------------------------------------- report


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Render a plain aligned text table (first column left, the rest right)."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def speed_rows(results: Sequence[dict[str, Any]]) -> list[list[str]]:
    """Format throughput result rows for :func:`table`."""
    return [
        [
            r["name"],
            f"{r['docs']:,}",
            f"{r['chars']:,}",
            f"{r['seconds']:.3f}",
            f"{r['chars_per_s']:,.0f}",
            f"{r['found']:,}",
        ]
        for r in results
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the tables; return the process exit code."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="news.jsonl (default: ../shared)")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    ap.add_argument("--sample", type=int, default=40, help="documents given to the slow peers (default 40)")
    ap.add_argument(
        "--peers",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also time quantulum3 and dateparser (default on)",
    )
    ap.add_argument(
        "--linearity",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="time one call on ~1 MB and ~10 MB of text (default on)",
    )
    ap.add_argument(
        "--repeat", type=int, default=1, help="claimcheck timings are the best of N runs (default 1)"
    )
    ap.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="instead of timing, cProfile extract() over the corpus and print the top N functions",
    )
    ap.add_argument("--json", dest="json_out", type=Path, default=None, help="also save the numbers here")
    args = ap.parse_args(argv)

    if not args.corpus.is_file():
        print(
            f"corpus not found: {args.corpus}\n"
            "this benchmark needs ../shared/corpus/news.jsonl (outside the repo); "
            "pass --corpus PATH to point at a copy. Nothing measured.",
            file=sys.stderr,
        )
        return 0

    out: dict[str, Any] = {"corpus": str(args.corpus), "cold_start_s": cold_start()}
    texts = load_texts(args.corpus, args.limit)
    if not texts:
        print(f"no documents in {args.corpus}; nothing measured", file=sys.stderr)
        return 0
    if args.profile:
        print(profile(texts, args.profile))
        return 0

    corpus_rows = [
        measure("claimcheck extract() (amounts+times)", claimcheck_full(), texts, args.repeat),
        measure("claimcheck amount grammar alone", claimcheck_grammar("amounts"), texts, args.repeat),
        measure("claimcheck time grammar alone", claimcheck_grammar("times"), texts, args.repeat),
    ]
    out["corpus_run"] = corpus_rows
    print(f"\nCorpus: {len(texts):,} documents from {args.corpus}")
    print(f"cold start (first extract() call: compile + lexicons): {out['cold_start_s'] * 1000:.1f} ms\n")
    print(table(["extractor", "docs", "chars", "seconds", "chars/s", "mentions"], speed_rows(corpus_rows)))

    if args.peers:
        sample = texts[: args.sample]
        peer_rows = [
            measure("claimcheck extract()", claimcheck_full(), sample, args.repeat),
            measure("claimcheck amount grammar alone", claimcheck_grammar("amounts"), sample, args.repeat),
            measure("quantulum3 parser.parse", quantulum_runner(), sample, 1),
            measure("dateparser search_dates (en)", dateparser_runner(), sample, 1),
        ]
        full, amounts_only, quantulum, dateparser = (r["chars_per_s"] for r in peer_rows)
        ratios = {
            "extract_vs_quantulum3": full / quantulum,
            "amounts_vs_quantulum3": amounts_only / quantulum,
            "extract_vs_dateparser": full / dateparser,
        }
        out["sample_run"] = peer_rows
        out["ratios"] = ratios
        print(f"\nSame sample for everyone: the first {len(sample):,} documents")
        print(table(["extractor", "docs", "chars", "seconds", "chars/s", "found"], speed_rows(peer_rows)))
        print()
        for label, key, target in (
            ("claimcheck extract() / quantulum3", "extract_vs_quantulum3", QUANTULUM_TARGET),
            ("claimcheck amounts alone / quantulum3", "amounts_vs_quantulum3", QUANTULUM_TARGET),
            ("claimcheck extract() / dateparser", "extract_vs_dateparser", DATEPARSER_TARGET),
        ):
            verdict = "meets" if ratios[key] >= target else "BELOW"
            print(f"{label:<40} {ratios[key]:>9,.1f}x   ({verdict} target >= {target:.0f}x)")

    if args.linearity:
        lin = linearity(texts, (1 * MB, 10 * MB), min(args.repeat, 2))
        out["linearity"] = lin
        print("\nLinearity: one extract() call on one concatenated text")
        print(
            table(
                ["size", "chars", "seconds", "MB/s", "mentions"],
                [
                    [
                        f"{r['bytes'] / MB:.1f} MB",
                        f"{r['chars']:,}",
                        f"{r['seconds']:.3f}",
                        f"{r['mb_per_s']:.2f}",
                        f"{r['found']:,}",
                    ]
                    for r in lin
                ],
            )
        )
        size_ratio = lin[1]["bytes"] / lin[0]["bytes"]
        time_ratio = lin[1]["seconds"] / lin[0]["seconds"]
        out["linearity_time_ratio"] = time_ratio
        out["linearity_size_ratio"] = size_ratio
        print(
            f"size x{size_ratio:.2f} -> time x{time_ratio:.2f} "
            f"({'linear' if time_ratio <= size_ratio * 1.5 else 'SUPERLINEAR'}: "
            "linear means time grows like size)"
        )

    if args.json_out is not None:
        args.json_out.write_text(json.dumps(out, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nnumbers saved to {args.json_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
