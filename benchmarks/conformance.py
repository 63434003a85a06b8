"""Score claimcheck against the conformance suites in ``../shared/conformance``.

Runs the shared scorer (``score.py``) in a subprocess with the adapter
``claimcheck.conformance:mentions`` and prints its table. Run from the repository root::

    python benchmarks/conformance.py                                  # every suite
    python benchmarks/conformance.py recognizers-number duckling-money --json /tmp/out.json

Suite names may omit ``.jsonl``. When ``../shared`` is missing (a clone on its own), this
prints what it looked for and exits 0: the conformance data is not part of the repository.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
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
    args = parser.parse_args(argv)
    scorer = args.dir / "score.py"
    if not scorer.is_file():
        print(f"conformance suites not found: no {scorer}; nothing scored (they live in ../shared)")
        return 0
    cmd = [sys.executable, str(scorer), "--adapter", ADAPTER]
    if args.suites:
        cmd += ["--suite", *(s if s.endswith(".jsonl") else f"{s}.jsonl" for s in args.suites)]
    if args.json:
        cmd += ["--json", str(Path(args.json).resolve())]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return subprocess.run(cmd, cwd=args.dir, env=env, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
