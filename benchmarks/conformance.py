"""Score claimcheck against the conformance suites in ``../shared/conformance``.

Runs the shared scorer (``score.py``) in a subprocess with the adapter
``claimcheck.conformance:mentions`` and prints its table. Run from the repository root::

    python benchmarks/conformance.py                                  # every suite
    python benchmarks/conformance.py recognizers-number duckling-money --json /tmp/out.json
    python benchmarks/conformance.py --ledger                         # + why each failed case fails
    python benchmarks/conformance.py --ledger --ledger-json ledger.json --examples 20

``--ledger`` classifies every failed case by general rules (convention disagreement, notation,
extractor failure) and prints the ceiling under the conventions; see ``benchmarks/ledger.py``
and ``docs/conformance-ledger.md``.

Suite names may omit ``.jsonl``. When ``../shared`` is missing (a clone on its own), this
prints what it looked for and exits 0: the conformance data is not part of the repository.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT.parent / "shared" / "conformance"
ADAPTER = "claimcheck.conformance:mentions"


def main(argv: list[str] | None = None) -> int:
    """Run the scorer over the chosen suites; return its exit status (0 when the data is missing)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("suites", nargs="*", help="suite files or names (default: all)")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="conformance folder")
    parser.add_argument("--json", help="write the scorer's full JSON report (failures included) here")
    parser.add_argument("--limit", type=int, help="score only the first N cases of each suite")
    parser.add_argument("--ledger", action="store_true", help="then classify every failed case (ledger.py)")
    parser.add_argument("--ledger-json", help="with --ledger: write the ledger as JSON here")
    parser.add_argument("--examples", type=int, default=0, help="with --ledger: print N random (a)/(b) cases")
    parser.add_argument("--seed", type=int, default=0, help="with --examples: the random seed")
    parser.add_argument("--pick", default="ab", help="with --examples: class ab, a, b, c or one rule name")
    args = parser.parse_args(argv)
    scorer = args.dir / "score.py"
    if not scorer.is_file():
        print(f"conformance suites not found: no {scorer}; nothing scored (they live in ../shared)")
        return 0
    cmd = [sys.executable, str(scorer), "--adapter", ADAPTER]
    if args.suites:
        cmd += ["--suite", *(s if s.endswith(".jsonl") else f"{s}.jsonl" for s in args.suites)]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.json).resolve() if args.json else Path(tmp) / "score.json"
        if args.json or args.ledger:
            cmd += ["--json", str(out)]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
        code = subprocess.run(cmd, cwd=args.dir, env=env, check=False).returncode
        if code or not args.ledger:
            return code
        print()
        report = json.loads(out.read_text(encoding="utf-8"))
    spec = importlib.util.spec_from_file_location("claimcheck_ledger", Path(__file__).with_name("ledger.py"))
    assert spec is not None
    assert spec.loader is not None
    ledger = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = ledger
    spec.loader.exec_module(ledger)
    return int(ledger.report_main(report, args.dir, args.ledger_json, args.examples, args.seed, args.pick))


if __name__ == "__main__":
    raise SystemExit(main())
